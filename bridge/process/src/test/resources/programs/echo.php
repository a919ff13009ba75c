<?php
// exec: test program: reads the event on stdin and does what its "mode" asks; without one it echoes the event.
$event = stream_get_contents(STDIN);
$mode = preg_match('/"mode":"([a-z-]+)"/', $event, $m) ? $m[1] : 'echo';
switch ($mode) {
    case 'echo':
        echo $event;
        break;
    case 'crash':
        fwrite(STDERR, "php: something broke\nphp: giving up\n");
        exit(3);
    case 'hang':
        sleep(600);
        break;
    case 'bigout': // 10 MiB
        $chunk = str_repeat('o', 65536);
        for ($i = 0; $i < 160; $i++) {
            echo $chunk;
        }
        break;
    case 'bigerr': // 50 MiB on stderr, then a response
        $line = str_repeat('e', 1023) . "\n";
        for ($i = 0; $i < 50 * 1024; $i++) {
            fwrite(STDERR, $line);
        }
        echo '{"flooded":true}';
        break;
    case 'invalid':
        echo "\xff\xfe\xfd";
        break;
    case 'text':
        echo "hello, text\n";
        break;
    case 'env':
        $names = ['LAMBDA_REQUEST_ID', 'LAMBDA_DEADLINE_MS', 'LAMBDA_INVOKED_FUNCTION_ARN', '_X_AMZN_TRACE_ID',
            'LAMBDA_CLIENT_CONTEXT', 'LAMBDA_COGNITO_IDENTITY', 'LAMBDA_TASK_ROOT', 'PATH', 'AWS_LAMBDA_FUNCTION_NAME'];
        $env = [];
        foreach ($names as $name) {
            $env[$name] = getenv($name);
        }
        $env['cwd'] = getcwd();
        echo json_encode($env);
        break;
}
