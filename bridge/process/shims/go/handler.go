package lambdabridge

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
)

// Handler is the raw form of a handler: the event JSON in, the response JSON out. Start takes a Handler as it
// is; any other function is wrapped by newHandler.
type Handler interface {
	Invoke(ctx context.Context, event []byte) ([]byte, error)
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, event []byte) ([]byte, error)

// Invoke calls f.
func (f HandlerFunc) Invoke(ctx context.Context, event []byte) ([]byte, error) { return f(ctx, event) }

var (
	contextType    = reflect.TypeOf((*context.Context)(nil)).Elem()
	ourContextType = reflect.TypeOf((*Context)(nil))
	errorType      = reflect.TypeOf((*error)(nil)).Elem()
)

// NewHandler wraps a handler function (see newHandler for the signatures) as a Handler. A function whose signature
// cannot be used gives a Handler whose every invocation fails with the reason (Runtime.InvalidHandler), as
// aws-lambda-go's lambda.NewHandler does; Start reports such a function at init instead.
func NewHandler(handler interface{}) Handler {
	h, err := newHandler(handler)
	if err != nil {
		return HandlerFunc(func(context.Context, []byte) ([]byte, error) {
			return nil, &Error{Type: "Runtime.InvalidHandler", Message: err.Error()}
		})
	}
	return h
}

// unmarshalError is an event that does not decode into the handler's event type.
type unmarshalError struct{ err error }

func (e *unmarshalError) Error() string     { return e.err.Error() }
func (e *unmarshalError) Unwrap() error     { return e.err }
func (e *unmarshalError) ErrorType() string { return "Runtime.UnmarshalError" }

// marshalError is a return value that does not encode as JSON.
type marshalError struct{ err error }

func (e *marshalError) Error() string     { return e.err.Error() }
func (e *marshalError) Unwrap() error     { return e.err }
func (e *marshalError) ErrorType() string { return "Runtime.MarshalError" }

// newHandler checks a handler function's signature and wraps it. Accepted, as aws-lambda-go accepts them
// (lambda/handler.go: at most two parameters, the first a context.Context when there are two; at most two
// results, the last one an error when there are two):
//
//	func ()
//	func (TIn)
//	func () error
//	func (TIn) error
//	func () (TOut, error)
//	func (TIn) (TOut, error)
//	func (context.Context)
//	func (context.Context) error
//	func (context.Context) (TOut, error)
//	func (context.Context, TIn)
//	func (context.Context, TIn) error
//	func (context.Context, TIn) (TOut, error)
//
// and, beyond aws-lambda-go, the same returning only TOut. "error" is any type that implements error (a single
// result that does is the error, as there); context.Context may also be *lambdabridge.Context. TIn is decoded
// from the event with encoding/json (map[string]interface{} or json.RawMessage for an event of any shape), TOut
// encoded with json.Marshal; a TOut that is an io.Reader and encodes as {} (a *bytes.Buffer, a *strings.Reader)
// is the response as its bytes, as in aws-lambda-go.
func newHandler(handler interface{}) (Handler, error) {
	if h, ok := handler.(Handler); ok {
		return h, nil
	}
	if handler == nil {
		return nil, fmt.Errorf("the handler is nil")
	}
	fn := reflect.ValueOf(handler)
	t := fn.Type()
	if t.Kind() != reflect.Func {
		return nil, fmt.Errorf("the handler is a %s, not a func", t)
	}
	if t.IsVariadic() {
		return nil, fmt.Errorf("the handler %s is variadic", t)
	}
	takesContext := t.NumIn() > 0 && t.In(0).Implements(contextType)
	if takesContext && !ourContextType.AssignableTo(t.In(0)) {
		return nil, fmt.Errorf("the handler's first parameter is a %s: use context.Context or *lambdabridge.Context",
			t.In(0))
	}
	if t.NumIn() > 2 || (t.NumIn() == 2 && !takesContext) {
		return nil, fmt.Errorf("the handler %s takes %d parameters: it may take (context.Context, TIn), "+
			"(TIn), (context.Context) or none", t, t.NumIn())
	}
	var eventType reflect.Type
	if t.NumIn() == 2 || (t.NumIn() == 1 && !takesContext) {
		eventType = t.In(t.NumIn() - 1)
	}
	switch {
	case t.NumOut() > 2:
		return nil, fmt.Errorf("the handler %s returns %d values: it may return (TOut, error), error, TOut or nothing",
			t, t.NumOut())
	case t.NumOut() == 2 && !t.Out(1).Implements(errorType):
		return nil, fmt.Errorf("the handler %s returns (%s, %s): the second value must be an error", t, t.Out(0), t.Out(1))
	}
	returnsValue := t.NumOut() == 2 || (t.NumOut() == 1 && !t.Out(0).Implements(errorType))
	returnsError := t.NumOut() > 0 && t.Out(t.NumOut()-1).Implements(errorType)

	return HandlerFunc(func(ctx context.Context, event []byte) ([]byte, error) {
		args := make([]reflect.Value, 0, 2)
		if takesContext {
			args = append(args, reflect.ValueOf(ctx))
		}
		if eventType != nil {
			in := reflect.New(eventType)
			if err := json.Unmarshal(event, in.Interface()); err != nil {
				return nil, &unmarshalError{fmt.Errorf("cannot decode the event into the handler's %s: %w", eventType, err)}
			}
			args = append(args, in.Elem())
		}
		out := fn.Call(args)
		if returnsError {
			// a nil error of a concrete pointer type is no error (aws-lambda-go would report it)
			if last := out[len(out)-1]; !isNilValue(last) {
				return nil, last.Interface().(error)
			}
		}
		var value interface{}
		if returnsValue {
			value = out[0].Interface()
		}
		response, err := json.Marshal(value)
		if err != nil {
			return nil, &marshalError{fmt.Errorf("cannot encode the handler's return value (%T) as JSON: %w", value, err)}
		}
		if reader, ok := value.(io.Reader); ok && bytes.Equal(response, []byte("{}")) {
			if response, err = io.ReadAll(reader); err != nil {
				return nil, fmt.Errorf("cannot read the handler's response (%T): %w", value, err)
			}
		}
		return response, nil
	}), nil
}

// isNilValue tells whether v is a nil interface, pointer, map, slice, func or channel.
func isNilValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Interface, reflect.Ptr, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
		return v.IsNil()
	}
	return false
}
