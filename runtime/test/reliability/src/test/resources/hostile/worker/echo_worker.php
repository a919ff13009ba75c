<?php
// worker: echo, written with the PHP shim: the event back as the result, or the worker's environment.
require 'lambda_bridge.php';

lambda_bridge(function ($event, LambdaBridge\Context $context) {
    if (is_array($event) && ($event['env'] ?? false) === true) {
        return getenv();
    }
    return $event;
});
