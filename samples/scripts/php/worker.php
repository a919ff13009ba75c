<?php
// The same program as a persistent worker (_HANDLER="worker:php worker.php"), written against the PHP shim
// (bridge/process/shims/php): returns {"result": N}, N the number of the event's top-level keys.
require 'lambda_bridge.php';

lambda_bridge(function ($event, LambdaBridge\Context $context) {
    if (!is_array($event)) {
        throw new InvalidArgumentException('the event is not a JSON object: ' . json_encode($event));
    }
    return ['result' => count($event)];
});
