package lambdabridge

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
)

// Exit statuses of a worker (the same in the PHP and Ruby shims).
const (
	exitClosed       = 0 // the bridge closed the connection between invocations
	exitInitFailed   = 1 // the handler is not usable (ERROR sent), or the connection failed
	exitMisconfig    = 2 // no socket, cannot connect, unsupported protocol
	exitProtocolFail = 3 // the bridge sent something that is not a valid INVOKE frame
)

// Start serves invocations with handler until the bridge closes the connection, then exits the program; it
// never returns. See newHandler for the handler signatures it accepts. A handler that cannot be used is
// reported to the bridge as the init error.
func Start(handler interface{}) {
	os.Exit(run(handler, os.Getenv, os.Stderr))
}

// run is Start without the exit: the exit status.
func run(handler interface{}, getenv func(string) string, stderr io.Writer) int {
	fail := func(status int, format string, args ...interface{}) int {
		fmt.Fprintf(stderr, "lambda-bridge Go shim: "+format+"\n", args...)
		return status
	}
	path := getenv("LAMBDA_BRIDGE_WORKER_SOCKET")
	if path == "" {
		return fail(exitMisconfig, "LAMBDA_BRIDGE_WORKER_SOCKET is not set: this program is a lambda-bridge worker, "+
			`run it with _HANDLER="worker:./%s" (see docs/worker-protocol.md)`, programName())
	}
	if p := getenv("LAMBDA_BRIDGE_PROTOCOL"); p != "" && p != "1" {
		return fail(exitMisconfig, "LAMBDA_BRIDGE_PROTOCOL=%s is not supported by this shim (it speaks protocol 1)", p)
	}
	socket, err := net.Dial("unix", path)
	if err != nil {
		return fail(exitMisconfig, "cannot connect to LAMBDA_BRIDGE_WORKER_SOCKET=%s: %v", path, err)
	}
	defer socket.Close()
	c := newConn(socket)

	h, err := newHandler(handler)
	if err != nil {
		_ = c.write(frameError, errorPayload{ErrorMessage: err.Error(), ErrorType: "Runtime.InvalidHandler",
			StackTrace: []string{}}.encode())
		return fail(exitInitFailed, "%v", err)
	}
	if err := c.write(frameReady, []byte(`{"protocol":1,"shim":"go"}`)); err != nil {
		return fail(exitInitFailed, "%v", err)
	}
	if err := serve(c, h); err != nil {
		var pe *protocolError
		if errors.As(err, &pe) {
			return fail(exitProtocolFail, "%v", err)
		}
		return fail(exitInitFailed, "%v", err)
	}
	return exitClosed
}

// serve answers INVOKE frames until the bridge closes the connection (nil) or a frame cannot be read or sent.
func serve(c *conn, h Handler) error {
	for {
		payload, err := c.readInvoke()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		typ, response := invoke(h, payload)
		if err := c.write(typ, response); err != nil {
			return err
		}
	}
}

// invoke runs one invocation: (RESULT, the response JSON) or (ERROR, the error payload).
func invoke(h Handler, payload []byte) (string, []byte) {
	ctx, cancel, event, err := decodeInvoke(payload)
	if err != nil {
		return frameError, errorPayload{ErrorMessage: "cannot decode the INVOKE payload: " + err.Error(),
			ErrorType: "Runtime.UnmarshalError", StackTrace: []string{}}.encode()
	}
	defer cancel()
	setTraceID(ctx.TraceID)
	response, failure := safeInvoke(h, ctx, event)
	if failure != nil {
		return frameError, failure.encode()
	}
	if len(response) > maxResponse {
		return frameError, errorPayload{ErrorMessage: fmt.Sprintf("Response payload size (%d bytes) exceeded "+
			"maximum allowed payload size (%d bytes).", len(response), maxResponse),
			ErrorType: "Function.ResponseSizeTooLarge", StackTrace: []string{}}.encode()
	}
	return frameResult, response
}

// safeInvoke calls the handler, turning a returned error or a panic into an error payload. The worker goes on
// serving after a panic, as net/http does; a panic in a goroutine of the handler's own still ends the process.
func safeInvoke(h Handler, ctx *Context, event json.RawMessage) (response []byte, failure *errorPayload) {
	defer func() {
		if v := recover(); v != nil {
			p := panicOf(v)
			failure = &p
		}
	}()
	response, err := h.Invoke(ctx, event)
	if err != nil {
		p := errorOf(err)
		return nil, &p
	}
	return response, nil
}

// setTraceID sets _X_AMZN_TRACE_ID for the invocation, as Lambda's runtimes do (the X-Ray SDK reads it).
func setTraceID(traceID string) {
	if traceID == "" {
		_ = os.Unsetenv("_X_AMZN_TRACE_ID")
	} else {
		_ = os.Setenv("_X_AMZN_TRACE_ID", traceID)
	}
}

func programName() string {
	if len(os.Args) == 0 {
		return "program"
	}
	name := os.Args[0]
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '/' {
			return name[i+1:]
		}
	}
	return name
}
