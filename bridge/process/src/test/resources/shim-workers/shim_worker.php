<?php
// worker: test handler written with the PHP shim (bridge/process/shims/php), found through the include path the
// bridge sets up (PHP_INI_SCAN_DIR, LAMBDA_BRIDGE_SHIMS).
require 'lambda_bridge.php';

lambda_bridge(function (array $event, LambdaBridge\Context $context) {
    switch ($event['mode'] ?? 'echo') {
        case 'crash':
            fwrite(STDERR, "php worker: crashing\n");
            posix_kill(getmypid(), 9);
            sleep(10);
            break;
        case 'hang':
            sleep(600);
            break;
        case 'pid':
            return ['pid' => getmypid()];
    }
    fwrite(STDERR, "php worker: echo for {$context->awsRequestId}\n");
    return ['echo' => $event['text'] ?? null];
});
