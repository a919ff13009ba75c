<?php
// The soak's worker: PHP function, written with the PHP shim.
require 'lambda_bridge.php';
require __DIR__ . '/faults.php';

lambda_bridge(function (array $event, LambdaBridge\Context $context) {
    $nonce = $event['nonce'];
    $fault = $event['fault'];
    if (!soak_shared_fault($fault, $nonce, $context->getRemainingTimeInMillis(), (int) ($event['lead'] ?? 900))) {
        switch ($fault) {
            case 'throw':
                throw new RuntimeException("soak fault for nonce $nonce");
            case 'crash':
                posix_kill(getmypid(), 9);
                sleep(10);
                break;
            case 'exit':
                exit(1);
            case 'big':
                return ['nonce' => $nonce, 'pad' => str_repeat('x', 7 << 20)];
            case 'garbage-stdout':
                echo "\xff\xfe\xc3\x28 not UTF-8 ", str_repeat('y', 100000); // to the log, never into a frame
                break;
            default:
                throw new InvalidArgumentException("unknown fault $fault");
        }
    }
    return ['nonce' => $nonce, 'fault' => $fault];
});
