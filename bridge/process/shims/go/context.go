package lambdabridge

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Context is the invocation's context. It is a context.Context whose deadline is the invocation's, so a handler
// may declare its first parameter as context.Context or as *lambdabridge.Context; FromContext finds it again in
// a context derived from it.
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
	ClientContext      json.RawMessage // nil when Lambda sent none
	Identity           json.RawMessage // nil when Lambda sent none
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
	parent, cancel := context.WithDeadline(context.Background(), time.UnixMilli(*w.DeadlineMs))
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
		ClientContext:      nullToNil(w.ClientContext),
		Identity:           nullToNil(w.Identity),
	}
	return c, cancel, req.Event, nil
}

func nullToNil(raw json.RawMessage) json.RawMessage {
	if string(raw) == "null" {
		return nil
	}
	return raw
}
