<?php
// The soak's worker: PHP function, written with the PHP shim.
require 'lambda_bridge.php';

lambda_bridge(function (array $event, LambdaBridge\Context $context) {
    $nonce = $event['nonce'];
    $fault = $event['fault'];
    switch ($fault) {
        case 'ok':
            break;
        case 'throw':
            throw new RuntimeException("soak fault for nonce $nonce");
        case 'crash':
            posix_kill(getmypid(), 9);
            sleep(10);
            break;
        case 'exit':
            exit(1);
        case 'timeout':
            sleep(600);
            break;
        case 'oom':
            ini_set('memory_limit', '32M');
            $hoard = [];
            while (true) {
                $hoard[] = str_repeat('x', 1 << 20);
            }
        case 'big':
            return ['nonce' => $nonce, 'pad' => str_repeat('x', 7 << 20)];
        case 'garbage-stdout':
            echo "\xff\xfe\xc3\x28 not UTF-8 ", str_repeat('y', 100000); // to the log, never into a frame
            break;
        case 'stderr-flood':
            $line = str_repeat('flood ', 20) . "$nonce\n";
            for ($i = 0; $i < 2000; $i++) {
                fwrite(STDERR, $line);
            }
            break;
        case 'slow':
            usleep(max(0, $context->getRemainingTimeInMillis() - 600) * 1000);
            break;
        default:
            throw new InvalidArgumentException("unknown fault $fault");
    }
    return ['nonce' => $nonce, 'fault' => $fault];
});
