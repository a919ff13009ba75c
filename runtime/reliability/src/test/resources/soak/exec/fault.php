<?php
// The soak's exec: PHP program: the event on stdin, the answer on stdout; does what the event's "fault" says.
$event = json_decode(stream_get_contents(STDIN), true);
$nonce = $event['nonce'];
$fault = $event['fault'];
switch ($fault) {
    case 'ok':
        break;
    case 'exit':
        fwrite(STDERR, "soak: exit 1 for $nonce\n");
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
        echo '{"nonce":"', $nonce, '","pad":"', str_repeat('x', 7 << 20), '"}';
        exit(0);
    case 'garbage-stdout':
        echo "\xff\xfe\xc3\x28 not UTF-8 $nonce";
        exit(0);
    case 'stderr-flood':
        $line = str_repeat('flood ', 20) . "$nonce\n";
        for ($i = 0; $i < 2000; $i++) {
            fwrite(STDERR, $line);
        }
        break;
    case 'slow':
        $left = (int) getenv('LAMBDA_DEADLINE_MS') - (int) (microtime(true) * 1000) - 600;
        usleep(max(0, $left) * 1000);
        break;
    default:
        fwrite(STDERR, "unknown fault $fault\n");
        exit(2);
}
echo json_encode(['nonce' => $nonce, 'fault' => $fault]);
