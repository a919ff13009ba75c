"""lambda-bridge Python shim: serves a Lambda handler as a persistent lambda-bridge worker.

Two ways to start a worker (the bridge puts this directory on PYTHONPATH):

    _HANDLER=worker:python3 app.py                       # app.py ends with lambda_bridge.start(handler)
    _HANDLER=worker:python3 -m lambda_bridge app.handler  # an unmodified Lambda module, as AWS names its handler

The handler is ``def handler(event, context)``: ``event`` is the event JSON decoded with ``json``, the return value
is encoded with ``json.dumps``, an exception becomes the invocation's error as AWS's Python runtime reports it
(errorType the class name, errorMessage ``str(e)``, stackTrace the traceback's frames).

The protocol (docs/worker-protocol.md): connect to $LAMBDA_BRIDGE_WORKER_SOCKET, send READY (or ERROR when the
script fails before it calls start), then answer each INVOKE with RESULT or ERROR. Frames travel over the socket
only, so ``print`` and the ``logging`` module go to stdout/stderr, which the bridge writes to the function's log.

Exit status: 0 the bridge closed the connection between invocations; 1 the script failed to load (after ERROR
was sent); 2 misconfiguration (no socket, cannot connect, unsupported protocol); 3 protocol error; ``sys.exit``
inside a handler: its status, after ERROR. Standard library only (Python 3.8+).
"""

import atexit
import importlib
import json
import os
import re
import socket
import sys
import time
import traceback

PROTOCOL = 1
MAX_HEADER = 64
# Lambda's 6 MiB request limit plus room for the context the bridge wraps around the event.
MAX_INVOKE = 6 * 1024 * 1024 + 64 * 1024
# Lambda's response limit (6 MiB + 100 bytes); the shim answers a larger result with an ERROR.
MAX_RESPONSE = 6 * 1024 * 1024 + 100
_COMPACT = (",", ":")
_HEADER = re.compile(rb"\A([A-Z]+) (0|[1-9][0-9]{0,9})\n\Z")


class CognitoIdentity:
    """context.identity, with the names of AWS's Python runtime."""

    def __init__(self, identity):
        self.cognito_identity_id = identity.get("cognitoIdentityId")
        self.cognito_identity_pool_id = identity.get("cognitoIdentityPoolId")


class Client:
    """context.client_context.client, with the names of AWS's Python runtime."""

    def __init__(self, client):
        self.installation_id = client.get("installation_id")
        self.app_title = client.get("app_title")
        self.app_version_name = client.get("app_version_name")
        self.app_version_code = client.get("app_version_code")
        self.app_package_name = client.get("app_package_name")


class ClientContext:
    """context.client_context, with the names of AWS's Python runtime."""

    def __init__(self, client_context):
        client = client_context.get("client")
        self.client = Client(client) if isinstance(client, dict) else None
        self.custom = client_context.get("custom")
        self.env = client_context.get("env")


class LambdaContext:
    """The invocation's context, with the names of AWS's Python runtime (memory_limit_in_mb is a string there too)."""

    def __init__(self, c):
        self.aws_request_id = c["requestId"]
        self.invoked_function_arn = str(c.get("invokedFunctionArn") or "")
        self.function_name = str(c.get("functionName") or "")
        self.function_version = str(c.get("functionVersion") or "")
        self.memory_limit_in_mb = str(c.get("memoryLimitInMB") or "")
        self.log_group_name = str(c.get("logGroupName") or "")
        self.log_stream_name = str(c.get("logStreamName") or "")
        identity = c.get("identity")
        self.identity = CognitoIdentity(identity) if isinstance(identity, dict) else None
        client_context = c.get("clientContext")
        self.client_context = ClientContext(client_context) if isinstance(client_context, dict) else None
        self._deadline_ms = c["deadlineMs"]

    @classmethod
    def from_protocol(cls, c):
        if not (isinstance(c, dict) and isinstance(c.get("requestId"), str) and isinstance(c.get("deadlineMs"), int)
                and not isinstance(c.get("deadlineMs"), bool)):
            raise ValueError('INVOKE "context" must be an object with a string "requestId" and an integer '
                             '"deadlineMs", got %s' % json.dumps(c)[:200])
        return cls(c)

    def get_remaining_time_in_millis(self):
        """Milliseconds left before the deadline (negative once it has passed)."""
        return self._deadline_ms - time.time_ns() // 1_000_000

    def log(self, message):
        sys.stdout.write(str(message))
        sys.stdout.flush()


class ProtocolError(Exception):
    """The bridge sent something that is not a valid frame: the worker cannot stay in step, so it exits."""


def escape(data):
    """Bytes shown for a message: printable ASCII as is, the rest escaped, cut to 100 bytes."""
    shown = repr(bytes(data[:100]))
    return "%s... (%d bytes)" % (shown, len(data)) if len(data) > 100 else shown


class Connection:
    """The framed connection to the bridge: "TYPE LENGTH\\n" then exactly LENGTH bytes."""

    def __init__(self, sock):
        self._sock = sock
        self._reader = sock.makefile("rb")

    @classmethod
    def open(cls, path):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(path)
        except OSError as e:
            sock.close()
            raise OSError("cannot connect to LAMBDA_BRIDGE_WORKER_SOCKET=%s: %s" % (path, e)) from e
        return cls(sock)

    def read(self):
        """The next INVOKE payload, or None when the bridge closed the connection between frames."""
        header = self._reader.readline(MAX_HEADER)
        if not header:
            return None
        match = _HEADER.match(header)
        if not match:
            if header.endswith(b"\n"):
                why = "malformed frame header"
            elif len(header) >= MAX_HEADER:
                why = "frame header longer than 64 bytes"
            else:
                why = "end of stream inside a frame header"
            raise ProtocolError('%s (expected "TYPE LENGTH\\n"): %s' % (why, escape(header)))
        kind, length = match.group(1).decode("ascii"), int(match.group(2))
        if kind != "INVOKE":
            raise ProtocolError("unexpected frame type %s (a worker only reads INVOKE): %s" % (kind, escape(header)))
        if length > MAX_INVOKE:
            raise ProtocolError("INVOKE of %d bytes is over the limit of %d bytes" % (length, MAX_INVOKE))
        payload = self._reader.read(length)  # a buffered read loops until length bytes or the end of the stream
        if len(payload) < length:
            raise ProtocolError("end of stream inside an INVOKE frame: got %d of %d bytes" % (len(payload), length))
        return payload

    def write(self, kind, payload):
        try:
            self._sock.sendall(b"%s %d\n" % (kind.encode("ascii"), len(payload)))
            self._sock.sendall(payload)
        except OSError as e:
            raise OSError("cannot send a %s frame to the bridge: %s" % (kind, e)) from e


_state = {"started": False, "connection": None, "in_flight": None}


def _trace_of(exception):
    """The stackTrace of AWS's Python runtime (traceback.format_list), causes as "Caused by" lines."""
    lines = []
    e, seen = exception, 0
    while e is not None and seen < 10:
        if seen:
            lines.append("Caused by: %s: %s" % (type(e).__name__, e))
        lines.extend(traceback.format_list(traceback.extract_tb(e.__traceback__)))
        e = e.__cause__ or (None if e.__suppress_context__ else e.__context__)
        seen += 1
    return lines


def error_of(exception):
    """{"errorMessage","errorType","stackTrace"} of an exception, as AWS's Python runtime reports it."""
    return {"errorMessage": str(exception), "errorType": type(exception).__name__, "stackTrace": _trace_of(exception)}


def _encode_error(error):
    return json.dumps(error, ensure_ascii=False, separators=_COMPACT).encode("utf-8", "replace")


def _plain_error(error_type, message):
    return _encode_error({"errorMessage": message, "errorType": error_type, "stackTrace": []})


def _invoke(handler, payload):
    try:
        request = json.loads(payload.decode("utf-8"))
        if not isinstance(request, dict) or "event" not in request:
            raise ValueError('INVOKE payload must be an object with "context" and "event"')
        context = LambdaContext.from_protocol(request.get("context"))
    except (ValueError, RecursionError) as e:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return "ERROR", _plain_error("Runtime.UnmarshalError", "cannot decode the INVOKE payload: %s" % e)
    _state["in_flight"] = context.aws_request_id
    if _has_trace(request["context"]):
        os.environ["_X_AMZN_TRACE_ID"] = request["context"]["traceId"]
    else:
        os.environ.pop("_X_AMZN_TRACE_ID", None)
    try:
        result = handler(request["event"], context)
    except Exception as e:  # noqa: BLE001 (any handler failure is the invocation's error; SystemExit goes on up)
        return "ERROR", _encode_error(error_of(e))
    finally:
        _flush_output()
    try:
        body = json.dumps(result, ensure_ascii=False, allow_nan=False, separators=_COMPACT).encode("utf-8")
    except (TypeError, ValueError, RecursionError) as e:
        return "ERROR", _plain_error("Runtime.MarshalError", "Unable to marshal response: %s" % e)
    if len(body) > MAX_RESPONSE:
        return "ERROR", _plain_error("Function.ResponseSizeTooLarge", "Response payload size (%d bytes) exceeded "
                                     "maximum allowed payload size (%d bytes)." % (len(body), MAX_RESPONSE))
    return "RESULT", body


def _has_trace(c):
    trace = c.get("traceId")
    return isinstance(trace, str) and trace != "" and "\0" not in trace


def start(handler):
    """Serves invocations with handler(event, context) until the bridge closes the connection; does not return."""
    if _state["started"]:
        raise RuntimeError("lambda_bridge.start was already called")
    if not callable(handler):
        raise TypeError("lambda_bridge.start needs a function (event, context), got %r" % (handler,))
    _state["started"] = True
    connection = _connect()
    try:
        connection.write("READY", json.dumps({"protocol": PROTOCOL, "shim": "python"}, separators=_COMPACT).encode("ascii"))
        while True:
            payload = connection.read()
            if payload is None:
                break
            try:
                connection.write(*_invoke(handler, payload))
            except SystemExit as e:
                _report_exit(e)
                raise
            _state["in_flight"] = None
    except ProtocolError as e:
        _fail(3, "protocol error: %s" % e)
    except OSError as e:
        _fail(1, str(e))
    _flush_output()
    sys.exit(0)


def _report_exit(exit_):
    request_id, _state["in_flight"] = _state["in_flight"], None
    error = {"errorMessage": "the handler exited (SystemExit(%r)) during invocation %s" % (exit_.code, request_id),
             "errorType": "Runtime.ExitError", "stackTrace": _trace_of(exit_)}
    try:
        _state["connection"].write("ERROR", _encode_error(error))
    except OSError:
        pass  # the bridge reports the exit itself


def _connect():
    if _state["connection"] is not None:
        return _state["connection"]
    path = os.environ.get("LAMBDA_BRIDGE_WORKER_SOCKET", "")
    if not path:
        _fail(2, 'LAMBDA_BRIDGE_WORKER_SOCKET is not set: this script is a lambda-bridge worker, run it with '
                 '_HANDLER="worker:python3 %s" (see docs/worker-protocol.md)' % os.path.basename(sys.argv[0]))
    protocol = os.environ.get("LAMBDA_BRIDGE_PROTOCOL", "")
    if protocol not in ("", str(PROTOCOL)):
        _fail(2, "LAMBDA_BRIDGE_PROTOCOL=%s is not supported by this shim (it speaks protocol 1)" % protocol)
    try:
        _state["connection"] = Connection.open(path)
    except OSError as e:
        _fail(2, str(e))
    return _state["connection"]


def _fail(status, message):
    _flush_output()
    sys.stderr.write("lambda-bridge Python shim: %s\n" % message)
    sys.stderr.flush()
    os._exit(status)  # no atexit hooks: the message above says it all


def _flush_output():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass


def _report_init_error(error):
    """ERROR before READY, when the bridge started this process and the script never reached start()."""
    _state["started"] = True  # report once
    if not os.environ.get("LAMBDA_BRIDGE_WORKER_SOCKET"):
        return  # not started by the bridge (a unit test importing the handler): Python reports as usual
    try:
        _connect().write("ERROR", _encode_error(error))
    except OSError as e:
        sys.stderr.write("lambda-bridge Python shim: %s\n" % e)


def _excepthook(kind, value, tb):
    if not _state["started"]:
        _report_init_error(error_of(value))
    _previous_excepthook(kind, value, tb)


def _at_exit():
    if not _state["started"]:
        _report_init_error({"errorMessage": "%s ended without calling lambda_bridge.start"
                            % os.path.basename(sys.argv[0]), "errorType": "Runtime.HandlerNotFound",
                            "stackTrace": []})


def _load(handler_name):
    """The function that AWS's handler string "module.function" (module path with dots) names, or its init error."""
    module_name, _, function_name = handler_name.rpartition(".")
    if not module_name or not function_name:
        raise _InitError("Runtime.MalformedHandlerName", "Bad handler '%s': expected module.function, e.g. "
                         "app.handler" % handler_name)
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except ImportError as e:
        raise _InitError("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, e)) from e
    except SyntaxError as e:
        raise _InitError("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_name, e)) from e
    handler = getattr(module, function_name, None)
    if handler is None:
        raise _InitError("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'"
                         % (function_name, module_name))
    return handler


class _InitError(Exception):
    def __init__(self, error_type, message):
        super().__init__(message)
        self.error_type = error_type


def main(argv):
    """python3 -m lambda_bridge module.function: serves an unmodified Lambda module."""
    if len(argv) != 1:
        sys.stderr.write("usage: python3 -m lambda_bridge module.function (as _HANDLER=worker:python3 -m "
                         "lambda_bridge app.handler)\n")
        return 2
    sys.argv[0] = argv[0]
    if "" not in sys.path and os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        handler = _load(argv[0])
    except _InitError as e:
        error = {"errorMessage": str(e), "errorType": e.error_type, "stackTrace": _trace_of(e.__cause__)
                 if e.__cause__ else []}
        _report_init_error(error)
        sys.stderr.write("lambda-bridge Python shim: %s: %s\n" % (e.error_type, e))
        return 1
    start(handler)
    return 0


if __name__ == "__main__":
    import lambda_bridge  # the one module whose state the handler's own "import lambda_bridge" would share

    sys.exit(lambda_bridge.main(sys.argv[1:]))

# Handler output goes to the log line by line, not when a buffer fills.
for _stream in (sys.stdout, sys.stderr):
    if hasattr(_stream, "reconfigure"):
        _stream.reconfigure(line_buffering=True)
_previous_excepthook = sys.excepthook
sys.excepthook = _excepthook
atexit.register(_at_exit)
