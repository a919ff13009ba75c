package lambdabridge

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"lambdabridge.dev/shim/lambdacontext"
)

// Context is the invocation's context. It is a context.Context whose deadline is the invocation's, so a handler
// may declare its first parameter as context.Context or as *lambdabridge.Context; FromContext finds it again in
// a context derived from it, and so does aws-lambda-go's lambdacontext.FromContext (lambdabridge.dev/shim/lambdacontext),
// which gives the same request id, ARN, identity and client context as a *lambdacontext.LambdaContext.
type Context struct {
	context.Context

	RequestID          string // the same as AwsRequestID
	AwsRequestID       string
	DeadlineMs         int64 // epoch milliseconds
	InvokedFunctionArn string
	TraceID            string
	FunctionName       string
	FunctionVersion    string
	MemoryLimitInMB    int
	LogGroupName       string
	LogStreamName      string
	ClientContext      lambdacontext.ClientContext   // zero when Lambda sent none
	Identity           lambdacontext.CognitoIdentity // zero when Lambda sent none
}

type contextKey struct{}

// FromContext returns the invocation's Context from ctx or a context derived from it.
func FromContext(ctx context.Context) (*Context, bool) {
	c, ok := ctx.Value(contextKey{}).(*Context)
	return c, ok
}

// Value returns the Context itself for FromContext, else what the parent context holds.
func (c *Context) Value(key interface{}) interface{} {
	if key == (contextKey{}) {
		return c
	}
	return c.Context.Value(key)
}

// RemainingTimeInMillis is the time left before the deadline (negative once it has passed).
func (c *Context) RemainingTimeInMillis() int64 {
	return c.DeadlineMs - time.Now().UnixMilli()
}

// wireContext is the INVOKE payload's "context" object.
type wireContext struct {
	RequestID          *string         `json:"requestId"`
	DeadlineMs         *int64          `json:"deadlineMs"`
	InvokedFunctionArn string          `json:"invokedFunctionArn"`
	TraceID            string          `json:"traceId"`
	FunctionName       string          `json:"functionName"`
	FunctionVersion    string          `json:"functionVersion"`
	MemoryLimitInMB    int             `json:"memoryLimitInMB"`
	LogGroupName       string          `json:"logGroupName"`
	LogStreamName      string          `json:"logStreamName"`
	ClientContext      json.RawMessage `json:"clientContext"`
	Identity           json.RawMessage `json:"identity"`
}

// invokeRequest is the INVOKE payload.
type invokeRequest struct {
	Context *wireContext    `json:"context"`
	Event   json.RawMessage `json:"event"`
}

// decodeInvoke parses an INVOKE payload into the handler's Context (with a deadline; call cancel when done)
// and the raw event JSON.
func decodeInvoke(payload []byte) (*Context, context.CancelFunc, json.RawMessage, error) {
	var req invokeRequest
	if err := json.Unmarshal(payload, &req); err != nil {
		return nil, nil, nil, err
	}
	if req.Event == nil {
		return nil, nil, nil, fmt.Errorf(`INVOKE payload must be an object with "context" and "event"`)
	}
	w := req.Context
	if w == nil || w.RequestID == nil || w.DeadlineMs == nil {
		return nil, nil, nil, fmt.Errorf(`INVOKE "context" must be an object with a string "requestId" and an ` +
			`integer "deadlineMs"`)
	}
	var clientContext lambdacontext.ClientContext
	if err := decodeObject(w.ClientContext, &clientContext); err != nil {
		return nil, nil, nil, fmt.Errorf(`INVOKE "context": cannot decode "clientContext" %s: %w`, w.ClientContext, err)
	}
	var identity lambdacontext.CognitoIdentity
	if err := decodeObject(w.Identity, &identity); err != nil {
		return nil, nil, nil, fmt.Errorf(`INVOKE "context": cannot decode "identity" %s: %w`, w.Identity, err)
	}
	// what aws-lambda-go's handlers find in their context: the LambdaContext, and the trace id under
	// "x-amzn-trace-id" (the X-Ray SDK looks for it there)
	parent := lambdacontext.NewContext(context.Background(), &lambdacontext.LambdaContext{
		AwsRequestID:       *w.RequestID,
		InvokedFunctionArn: w.InvokedFunctionArn,
		Identity:           identity,
		ClientContext:      clientContext,
	})
	parent = context.WithValue(parent, "x-amzn-trace-id", w.TraceID)
	parent, cancel := context.WithDeadline(parent, time.UnixMilli(*w.DeadlineMs))
	c := &Context{
		Context:            parent,
		RequestID:          *w.RequestID,
		AwsRequestID:       *w.RequestID,
		DeadlineMs:         *w.DeadlineMs,
		InvokedFunctionArn: w.InvokedFunctionArn,
		TraceID:            w.TraceID,
		FunctionName:       w.FunctionName,
		FunctionVersion:    w.FunctionVersion,
		MemoryLimitInMB:    w.MemoryLimitInMB,
		LogGroupName:       w.LogGroupName,
		LogStreamName:      w.LogStreamName,
		ClientContext:      clientContext,
		Identity:           identity,
	}
	return c, cancel, req.Event, nil
}

// decodeObject decodes the JSON object raw into v; nothing (absent or null) leaves v as it is.
func decodeObject(raw json.RawMessage, v interface{}) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	return json.Unmarshal(raw, v)
}
