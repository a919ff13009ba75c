<?php
// The soak's exec: PHP program: the event on stdin, the answer on stdout; does what the event's "fault" says.
require __DIR__ . '/faults.php';

$event = json_decode(stream_get_contents(STDIN), true);
$nonce = $event['nonce'];
$fault = $event['fault'];
$remainingMs = (int) getenv('LAMBDA_DEADLINE_MS') - (int) (microtime(true) * 1000);
if (!soak_shared_fault($fault, $nonce, $remainingMs, (int) ($event['lead'] ?? 900))) {
    switch ($fault) {
        case 'exit':
            fwrite(STDERR, "soak: exit 1 for $nonce\n");
            exit(1);
        case 'big':
            echo '{"nonce":"', $nonce, '","pad":"', str_repeat('x', 7 << 20), '"}';
            exit(0);
        case 'garbage-stdout':
            echo "\xff\xfe\xc3\x28 not UTF-8 $nonce";
            exit(0);
        default:
            fwrite(STDERR, "unknown fault $fault\n");
            exit(2);
    }
}
echo json_encode(['nonce' => $nonce, 'fault' => $fault]);
