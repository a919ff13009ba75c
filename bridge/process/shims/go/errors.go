package lambdabridge

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
)

// Error is an error with the errorType of your choice; any error with an `ErrorType() string` method sets the
// errorType the same way. Other errors report their Go type (e.g. *errors.errorString).
type Error struct {
	Type    string
	Message string
}

func (e *Error) Error() string     { return e.Message }
func (e *Error) ErrorType() string { return e.Type }

// errorPayload is the ERROR frame's payload.
type errorPayload struct {
	ErrorMessage string   `json:"errorMessage"`
	ErrorType    string   `json:"errorType"`
	StackTrace   []string `json:"stackTrace"`
}

func (p errorPayload) encode() []byte {
	b, err := json.Marshal(p)
	if err != nil { // cannot happen for strings; keep the frame valid anyway
		return []byte(`{"errorMessage":"cannot encode the error","errorType":"Runtime.MarshalError","stackTrace":[]}`)
	}
	return b
}

// typeName is the errorType of a value: its ErrorType() when it has one, else its Go type.
func typeName(v interface{}) string {
	if t, ok := v.(interface{ ErrorType() string }); ok && t.ErrorType() != "" {
		return t.ErrorType()
	}
	if v == nil {
		return "nil"
	}
	return reflect.TypeOf(v).String()
}

// errorOf is the payload of a returned error: Go errors carry no stack, so the trace lists the errors it wraps.
func errorOf(err error) errorPayload {
	trace := []string{}
	for u, depth := errors.Unwrap(err), 0; u != nil && depth < 10; u, depth = errors.Unwrap(u), depth+1 {
		trace = append(trace, fmt.Sprintf("wraps %s: %s", typeName(u), u.Error()))
	}
	return errorPayload{ErrorMessage: err.Error(), ErrorType: typeName(err), StackTrace: trace}
}

// panicOf is the payload of a recovered panic: the panic value's type (an error's own type, e.g.
// runtime.boundsError, or string for panic("...")), its message and the panicking goroutine's stack, called
// from the deferred function that recovered.
func panicOf(v interface{}) errorPayload {
	message := fmt.Sprint(v)
	if err, ok := v.(error); ok {
		message = err.Error()
	}
	return errorPayload{ErrorMessage: message, ErrorType: typeName(v), StackTrace: panicStack()}
}

// panicStack lists the frames from the panic site down to the shim's invoke, one "function (file:line)" each.
func panicStack() []string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(3, pcs) // skip runtime.Callers, panicStack, panicOf
	frames := runtime.CallersFrames(pcs[:n])
	trace := []string{}
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "lambdabridge.dev/shim.safeInvoke":
			return trace
		case strings.HasPrefix(f.Function, "runtime."):
			// the panic machinery (runtime.gopanic, runtime.panicIndex, ...)
		case strings.HasPrefix(f.Function, "reflect."):
			// reflect.Value.Call into the handler
		case strings.HasPrefix(f.Function, "lambdabridge.dev/shim.safeInvoke."),
			strings.HasPrefix(f.Function, "lambdabridge.dev/shim.newHandler."),
			f.Function == "lambdabridge.dev/shim.HandlerFunc.Invoke":
			// the deferred recover, the handler's wrapper
		default:
			trace = append(trace, fmt.Sprintf("%s (%s:%d)", f.Function, f.File, f.Line))
		}
		if !more {
			return trace
		}
	}
}
