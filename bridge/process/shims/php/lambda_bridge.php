<?php
/*
 * lambda-bridge PHP shim: turns a PHP script into a persistent lambda-bridge worker (_HANDLER=worker:php app.php).
 *
 *     <?php
 *     require 'lambda_bridge.php';
 *     lambda_bridge(function (array $event, LambdaBridge\Context $context) {
 *         return ['result' => count($event)];
 *     });
 *
 * The protocol (docs/worker-protocol.md): connect to $LAMBDA_BRIDGE_WORKER_SOCKET, send READY (or ERROR when the
 * script fails before it calls lambda_bridge()), then answer each INVOKE with RESULT (the handler's return value
 * as JSON) or ERROR ({"errorMessage","errorType","stackTrace"}). Frames travel over the socket only, so `echo`,
 * print_r() and warnings go to stdout/stderr, which the bridge writes to the function's log.
 *
 * Exit status: 0 the bridge closed the connection between invocations; 1 the connection failed; 2
 * misconfiguration (no socket, cannot connect, unsupported protocol); 3 protocol error (the bridge sent something
 * that is not a valid INVOKE frame); 255 (PHP's own) an uncaught exception or a fatal error, after ERROR was sent
 * for the load failure or the invocation in flight; exit() inside a handler: its status, after ERROR.
 *
 * Needs PHP 8.1 or newer and no extension beyond the core (json, pcre).
 */

declare(strict_types=1);

namespace LambdaBridge {

    /** The invocation's context, as the Lambda runtimes give it (property and getter names of Bref / Node.js). */
    final class Context
    {
        public readonly string $requestId;

        public function __construct(
            public readonly string $awsRequestId,
            public readonly int $deadlineMs,
            public readonly string $invokedFunctionArn = '',
            public readonly string $traceId = '',
            public readonly string $functionName = '',
            public readonly string $functionVersion = '',
            public readonly int $memoryLimitInMB = 0,
            public readonly string $logGroupName = '',
            public readonly string $logStreamName = '',
            public readonly ?array $clientContext = null,
            public readonly ?array $identity = null,
        ) {
            $this->requestId = $awsRequestId;
        }

        /** Builds the context from the INVOKE payload's "context" object; throws \UnexpectedValueException. */
        public static function fromProtocol(mixed $c): self
        {
            if (!is_array($c) || !is_string($c['requestId'] ?? null) || !is_int($c['deadlineMs'] ?? null)) {
                throw new \UnexpectedValueException('INVOKE "context" must be an object with a string "requestId" '
                    . 'and an integer "deadlineMs", got ' . json_encode($c, JSON_INVALID_UTF8_SUBSTITUTE));
            }
            $str = static fn (string $k): string => is_scalar($c[$k] ?? null) ? (string) $c[$k] : '';
            return new self(
                $c['requestId'],
                $c['deadlineMs'],
                $str('invokedFunctionArn'),
                $str('traceId'),
                $str('functionName'),
                $str('functionVersion'),
                is_numeric($c['memoryLimitInMB'] ?? null) ? (int) $c['memoryLimitInMB'] : 0,
                $str('logGroupName'),
                $str('logStreamName'),
                is_array($c['clientContext'] ?? null) ? $c['clientContext'] : null,
                is_array($c['identity'] ?? null) ? $c['identity'] : null,
            );
        }

        /** Milliseconds left before the deadline (negative once it has passed). */
        public function getRemainingTimeInMillis(): int
        {
            return $this->deadlineMs - (int) floor(microtime(true) * 1000);
        }

        public function getAwsRequestId(): string { return $this->awsRequestId; }
        public function getRequestId(): string { return $this->awsRequestId; }
        public function getDeadlineMs(): int { return $this->deadlineMs; }
        public function getInvokedFunctionArn(): string { return $this->invokedFunctionArn; }
        public function getTraceId(): string { return $this->traceId; }
        public function getFunctionName(): string { return $this->functionName; }
        public function getFunctionVersion(): string { return $this->functionVersion; }
        public function getMemoryLimitInMB(): int { return $this->memoryLimitInMB; }
        public function getLogGroupName(): string { return $this->logGroupName; }
        public function getLogStreamName(): string { return $this->logStreamName; }
        public function getClientContext(): ?array { return $this->clientContext; }
        public function getIdentity(): ?array { return $this->identity; }
    }

    /** The bridge sent something that is not a valid frame: the worker cannot stay in step, so it exits. */
    final class ProtocolError extends \RuntimeException
    {
    }

    /** The framed connection to the bridge: `TYPE LENGTH\n` then exactly LENGTH bytes (strlen() counts bytes). */
    final class Connection
    {
        public const MAX_HEADER = 64;
        /** Lambda's 6 MiB request limit plus room for the context the bridge wraps around the event. */
        public const MAX_INVOKE = 6 * 1024 * 1024 + 64 * 1024;
        /** Lambda's response limit (6 MiB + 100 bytes); the shim answers a larger result with an ERROR. */
        public const MAX_RESPONSE = 6 * 1024 * 1024 + 100;

        /** @param resource $socket */
        private function __construct(private $socket)
        {
        }

        public static function open(string $path): self
        {
            $socket = @stream_socket_client('unix://' . $path, $errno, $errstr, 10.0);
            if ($socket === false) {
                throw new \RuntimeException("cannot connect to LAMBDA_BRIDGE_WORKER_SOCKET=$path: $errstr (errno $errno)");
            }
            // Blocking reads with no timeout (-1): the worker waits for the next INVOKE as long as the bridge
            // likes; default_socket_timeout (60 s) would otherwise end the wait with a protocol error.
            stream_set_blocking($socket, true);
            stream_set_timeout($socket, -1);
            stream_set_write_buffer($socket, 0);
            return new self($socket);
        }

        /** The next frame as [type, payload], or null when the bridge closed the connection between frames. */
        public function read(): ?array
        {
            $header = fgets($this->socket, self::MAX_HEADER + 1);
            if ($header === false || $header === '') {
                if (feof($this->socket)) {
                    return null;
                }
                throw new ProtocolError('cannot read a frame header: ' . $this->failure());
            }
            if (!preg_match('/\A([A-Z]+) (0|[1-9][0-9]{0,9})\n\z/', $header, $m)) {
                $why = str_ends_with($header, "\n") ? 'malformed frame header'
                    : (strlen($header) >= self::MAX_HEADER ? 'frame header longer than 64 bytes'
                    : 'end of stream inside a frame header');
                throw new ProtocolError("$why (expected \"TYPE LENGTH\\n\"): " . self::escape($header));
            }
            [, $type, $length] = $m;
            $length = (int) $length;
            if ($type !== 'INVOKE') {
                throw new ProtocolError("unexpected frame type $type (a worker only reads INVOKE): "
                    . self::escape($header));
            }
            if ($length > self::MAX_INVOKE) {
                throw new ProtocolError("INVOKE of $length bytes is over the limit of " . self::MAX_INVOKE . ' bytes');
            }
            $payload = '';
            while (($missing = $length - strlen($payload)) > 0) {
                $chunk = fread($this->socket, min($missing, 1 << 20));
                if ($chunk === false || $chunk === '') {
                    throw new ProtocolError("end of stream inside an INVOKE frame: got " . strlen($payload)
                        . " of $length bytes (" . $this->failure() . ')');
                }
                $payload .= $chunk;
            }
            return [$type, $payload];
        }

        public function write(string $type, string $payload): void
        {
            $data = $type . ' ' . strlen($payload) . "\n" . $payload;
            for ($done = 0, $total = strlen($data); $done < $total; $done += $n) {
                $n = @fwrite($this->socket, $done === 0 ? $data : substr($data, $done));
                if ($n === false || $n === 0) {
                    throw new \RuntimeException("cannot send a $type frame to the bridge (sent $done of $total bytes): "
                        . (error_get_last()['message'] ?? 'connection closed'));
                }
            }
        }

        private function failure(): string
        {
            return stream_get_meta_data($this->socket)['timed_out'] ? 'read timed out' : 'connection closed';
        }

        /** Bytes shown for a message: printable ASCII as is, the rest escaped, cut to 100 bytes. */
        public static function escape(string $bytes): string
        {
            $shown = substr($bytes, 0, 100);
            $out = '"' . addcslashes($shown, "\0..\37\"\\\177..\377") . '"';
            return strlen($bytes) > 100 ? $out . '... (' . strlen($bytes) . ' bytes)' : $out;
        }
    }

    /** The worker: READY, then INVOKE -> handler -> RESULT | ERROR until the bridge closes the connection. */
    final class Worker
    {
        private const RESPONSE_JSON = JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
            | JSON_PRESERVE_ZERO_FRACTION;

        private static ?Connection $connection = null;
        /** true once lambda_bridge() was called (load failures are reported only before that). */
        private static bool $started = false;
        /** The request id of the invocation being served, for the shutdown function. */
        private static ?string $inFlight = null;

        /** Registered when the shim is required: reports failures that happen before lambda_bridge() runs. */
        public static function install(): void
        {
            set_exception_handler(static function (\Throwable $e): void {
                fwrite(STDERR, 'PHP Fatal error:  Uncaught ' . $e . PHP_EOL);
                if (!self::$started) {
                    self::reportInitError(self::errorOf($e));
                }
                exit(255); // PHP's status for an uncaught exception
            });
            register_shutdown_function(static fn () => self::onShutdown());
        }

        public static function run(callable $handler): never
        {
            if (self::$started) {
                throw new \LogicException('lambda_bridge() was already called');
            }
            self::$started = true;
            while (ob_get_level() > 0 && @ob_end_flush()) {
            }
            ob_implicit_flush(true);
            $connection = self::connect();
            try {
                $connection->write('READY', json_encode(['protocol' => 1, 'shim' => 'php']));
                while (($frame = $connection->read()) !== null) {
                    [$type, $response] = self::invoke($handler, $frame[1]);
                    $connection->write($type, $response);
                    self::$inFlight = null;
                }
            } catch (ProtocolError $e) {
                self::fail(3, 'protocol error: ' . $e->getMessage());
            } catch (\RuntimeException $e) {
                self::fail(1, $e->getMessage());
            }
            exit(0);
        }

        /** One invocation: ['RESULT', json] or ['ERROR', error json]; never throws. */
        private static function invoke(callable $handler, string $payload): array
        {
            try {
                $request = json_decode($payload, true, 512, JSON_THROW_ON_ERROR);
                if (!is_array($request) || !array_key_exists('event', $request)) {
                    throw new \UnexpectedValueException('INVOKE payload must be an object with "context" and "event"');
                }
                $context = Context::fromProtocol($request['context'] ?? null);
            } catch (\JsonException | \UnexpectedValueException $e) {
                return ['ERROR', self::encodeError(['errorMessage' => 'cannot decode the INVOKE payload: '
                    . $e->getMessage(), 'errorType' => 'Runtime.UnmarshalError', 'stackTrace' => []])];
            }
            self::$inFlight = $context->awsRequestId;
            self::setTraceId($context->traceId);
            try {
                $result = $handler($request['event'], $context);
            } catch (\Throwable $e) {
                return ['ERROR', self::encodeError(self::errorOf($e))];
            } finally {
                flush();
            }
            try {
                $json = json_encode($result, self::RESPONSE_JSON);
            } catch (\JsonException $e) {
                return ['ERROR', self::encodeError(['errorMessage' => 'cannot encode the handler\'s return value '
                    . '(' . get_debug_type($result) . ') as JSON: ' . $e->getMessage(),
                    'errorType' => 'Runtime.MarshalError', 'stackTrace' => []])];
            }
            if (strlen($json) > Connection::MAX_RESPONSE) {
                return ['ERROR', self::encodeError(['errorMessage' => 'Response payload size (' . strlen($json)
                    . ' bytes) exceeded maximum allowed payload size (' . Connection::MAX_RESPONSE . ' bytes).',
                    'errorType' => 'Function.ResponseSizeTooLarge', 'stackTrace' => []])];
            }
            return ['RESULT', $json];
        }

        /** {"errorMessage","errorType","stackTrace"} of a Throwable, its previous ones as "Caused by" lines. */
        public static function errorOf(\Throwable $e): array
        {
            $trace = [];
            for ($t = $e, $first = true; $t !== null; $t = $t->getPrevious(), $first = false) {
                if (!$first) {
                    $trace[] = 'Caused by: ' . get_class($t) . ': ' . $t->getMessage();
                }
                $trace[] = 'at ' . $t->getFile() . '(' . $t->getLine() . ')';
                foreach (explode("\n", $t->getTraceAsString()) as $line) {
                    $trace[] = $line;
                }
            }
            return ['errorMessage' => $e->getMessage(), 'errorType' => get_class($e), 'stackTrace' => $trace];
        }

        private static function encodeError(array $error): string
        {
            return json_encode($error, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE
                | JSON_PARTIAL_OUTPUT_ON_ERROR);
        }

        private static function connect(): Connection
        {
            if (self::$connection !== null) {
                return self::$connection;
            }
            $path = getenv('LAMBDA_BRIDGE_WORKER_SOCKET');
            if ($path === false || $path === '') {
                self::fail(2, 'LAMBDA_BRIDGE_WORKER_SOCKET is not set: this script is a lambda-bridge worker, '
                    . 'run it with _HANDLER="worker:php ' . basename($_SERVER['SCRIPT_FILENAME'] ?? 'script.php')
                    . '" (see docs/worker-protocol.md)');
            }
            $protocol = getenv('LAMBDA_BRIDGE_PROTOCOL');
            if ($protocol !== false && $protocol !== '' && $protocol !== '1') {
                self::fail(2, "LAMBDA_BRIDGE_PROTOCOL=$protocol is not supported by this shim (it speaks protocol 1)");
            }
            try {
                return self::$connection = Connection::open($path);
            } catch (\RuntimeException $e) {
                self::fail(2, $e->getMessage());
            }
        }

        /** Before READY: send ERROR so that the bridge reports it as the init error. */
        private static function reportInitError(array $error): void
        {
            self::$started = true; // report once
            if ((string) getenv('LAMBDA_BRIDGE_WORKER_SOCKET') === '') {
                return; // not started by the bridge (e.g. a test that requires the shim): PHP reports as usual
            }
            try {
                self::connect()->write('ERROR', self::encodeError($error));
            } catch (\RuntimeException $e) {
                fwrite(STDERR, 'lambda-bridge PHP shim: ' . $e->getMessage() . PHP_EOL);
            }
        }

        private static function onShutdown(): void
        {
            $fatal = error_get_last();
            $isFatal = $fatal !== null
                && ($fatal['type'] & (E_ERROR | E_PARSE | E_CORE_ERROR | E_COMPILE_ERROR | E_USER_ERROR)) !== 0;
            if ($isFatal) {
                ini_set('memory_limit', '-1'); // room to report "Allowed memory size exhausted"
                $names = [E_ERROR => 'E_ERROR', E_PARSE => 'E_PARSE', E_CORE_ERROR => 'E_CORE_ERROR',
                    E_COMPILE_ERROR => 'E_COMPILE_ERROR', E_USER_ERROR => 'E_USER_ERROR'];
                $error = ['errorMessage' => $fatal['message'], 'errorType' => $names[$fatal['type']],
                    'stackTrace' => ['at ' . $fatal['file'] . '(' . $fatal['line'] . ')']];
            }
            if (!self::$started) {
                self::reportInitError($error ?? ['errorMessage' => basename($_SERVER['SCRIPT_FILENAME'] ?? 'the script')
                    . ' ended without calling lambda_bridge($handler)', 'errorType' => 'Runtime.HandlerNotFound',
                    'stackTrace' => []]);
                return;
            }
            if (self::$inFlight !== null && self::$connection !== null) {
                $error ??= ['errorMessage' => 'the handler called exit() or die() during invocation '
                    . self::$inFlight, 'errorType' => 'Runtime.ExitError', 'stackTrace' => []];
                try {
                    self::$connection->write('ERROR', self::encodeError($error));
                } catch (\RuntimeException) {
                    // the bridge reports the exit itself
                }
                self::$inFlight = null;
            }
        }

        private static function setTraceId(string $traceId): void
        {
            if ($traceId === '') {
                putenv('_X_AMZN_TRACE_ID');
                unset($_SERVER['_X_AMZN_TRACE_ID'], $_ENV['_X_AMZN_TRACE_ID']);
            } else {
                putenv('_X_AMZN_TRACE_ID=' . $traceId);
                $_SERVER['_X_AMZN_TRACE_ID'] = $_ENV['_X_AMZN_TRACE_ID'] = $traceId;
            }
        }

        private static function fail(int $status, string $message): never
        {
            fwrite(STDERR, 'lambda-bridge PHP shim: ' . $message . PHP_EOL);
            self::$inFlight = null;
            exit($status);
        }
    }

    Worker::install();
}

namespace {

    /**
     * Serves invocations with $handler($event, LambdaBridge\Context $context) until the bridge closes the
     * connection. $event is the event JSON decoded to PHP values (objects as associative arrays); the return
     * value is encoded with json_encode(); a Throwable becomes the invocation's error.
     */
    function lambda_bridge(callable $handler): never
    {
        \LambdaBridge\Worker::run($handler);
    }
}
