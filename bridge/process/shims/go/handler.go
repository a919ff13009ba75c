package lambdabridge

import (
	"context"
	"encoding/json"
	"fmt"
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

// newHandler checks a handler function's signature and wraps it. Accepted, as aws-lambda-go accepts them:
//
//	func ()
//	func () error
//	func (TIn) error
//	func () (TOut, error)
//	func (TIn) (TOut, error)
//	func (context.Context) error
//	func (context.Context, TIn) error
//	func (context.Context) (TOut, error)
//	func (context.Context, TIn) (TOut, error)
//
// and the same returning only TOut; context.Context may also be *lambdabridge.Context. TIn is decoded from the
// event with encoding/json (map[string]interface{} or json.RawMessage for an event of any shape), TOut encoded.
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
	case t.NumOut() == 2 && t.Out(1) != errorType:
		return nil, fmt.Errorf("the handler %s returns (%s, %s): the second value must be an error", t, t.Out(0), t.Out(1))
	}
	returnsValue := t.NumOut() == 2 || (t.NumOut() == 1 && t.Out(0) != errorType)
	returnsError := t.NumOut() > 0 && t.Out(t.NumOut()-1) == errorType

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
			if err, _ := out[len(out)-1].Interface().(error); err != nil {
				return nil, err
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
		return response, nil
	}), nil
}
