<?php
// The classic per-invocation PHP program (_HANDLER="exec:php HelloLambda.php"): reads the event JSON from stdin
// and prints {"result": N}, N the number of the event's top-level keys.
$input = stream_get_contents(STDIN);
$trimmed = ltrim($input);
if ($trimmed === '' || $trimmed[0] !== '{') {
    fwrite(STDERR, "HelloLambda.php: the event on stdin is not a JSON object\n");
    exit(1);
}
$event = json_decode($input, true);
if (!is_array($event)) {
    fwrite(STDERR, 'HelloLambda.php: the event on stdin is not valid JSON: ' . json_last_error_msg() . "\n");
    exit(1);
}
echo json_encode(['result' => count($event)]), "\n";
