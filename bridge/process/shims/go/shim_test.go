package lambdabridge

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lambdabridge.dev/shim/lambdacontext"
)

func TestParseHeader(t *testing.T) {
	good := map[string]int{"INVOKE 0\n": 0, "INVOKE 7\n": 7, "INVOKE 6356992\n": 6356992, "X 9999999999\n": 9999999999}
	for h, n := range good {
		if _, got, ok := parseHeader([]byte(h)); !ok || got != n {
			t.Errorf("parseHeader(%q) = %d, %v; want %d, true", h, got, ok, n)
		}
	}
	for _, h := range []string{"INVOKE 01\n", "INVOKE -1\n", "INVOKE +1\n", "INVOKE 1", "invoke 1\n", " INVOKE 1\n",
		"INVOKE  1\n", "INVOKE 1 \n", "INVOKE\n", "INVOKE \n", "INVOKE 12345678901\n", "IN-VOKE 1\n", "\n"} {
		if _, _, ok := parseHeader([]byte(h)); ok {
			t.Errorf("parseHeader(%q) accepted it", h)
		}
	}
}

func TestReadInvoke(t *testing.T) {
	c := newConn(struct {
		io.Reader
		io.Writer
	}{strings.NewReader("INVOKE 5\nhéllINVOKE 0\n"), io.Discard})
	for _, want := range []string{"héll", ""} {
		got, err := c.readInvoke()
		if err != nil || string(got) != want {
			t.Fatalf("readInvoke() = %q, %v; want %q", got, err, want)
		}
	}
	if _, err := c.readInvoke(); err != io.EOF {
		t.Fatalf("readInvoke() at the end = %v; want io.EOF", err)
	}
	for input, want := range map[string]string{
		"RESULT 1\nx":           "unexpected frame type RESULT",
		"INVOKE 9\nshort":       "end of stream inside an INVOKE frame: got 5 of 9 bytes",
		strings.Repeat("A", 80): "frame header longer than 64 bytes",
		"INVOKE 99999999\n":     "over the limit",
		"INVOKE 1":              "end of stream inside a frame header",
		"INVOKE x\n\x00\xff":    `malformed frame header (expected "TYPE LENGTH\n"): "INVOKE x\n"`,
	} {
		c := newConn(struct {
			io.Reader
			io.Writer
		}{strings.NewReader(input), io.Discard})
		_, err := c.readInvoke()
		var pe *protocolError
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), want) {
			t.Errorf("readInvoke(%q) = %v; want a protocol error with %q", input, err, want)
		}
	}
}

func TestWriteCountsBytes(t *testing.T) {
	var out bytes.Buffer
	c := newConn(struct {
		io.Reader
		io.Writer
	}{strings.NewReader(""), &out})
	if err := c.write(frameResult, []byte(`"日本"`)); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "RESULT 8\n\"日本\"" {
		t.Fatalf("frame = %q", got)
	}
}

type otherContext struct{ context.Context }

func TestHandlerSignatures(t *testing.T) {
	type in struct{ A int }
	accepted := []interface{}{
		func() {},
		func() error { return nil },
		func(in) error { return nil },
		func() (int, error) { return 1, nil },
		func(in) (int, error) { return 1, nil },
		func(context.Context) error { return nil },
		func(context.Context, in) error { return nil },
		func(context.Context) (int, error) { return 1, nil },
		func(context.Context, in) (int, error) { return 1, nil },
		func(*Context, map[string]interface{}) int { return 1 },
		func(json.RawMessage) json.RawMessage { return nil },
		HandlerFunc(func(context.Context, []byte) ([]byte, error) { return nil, nil }),
		// aws-lambda-go's forms without a result, and errors of a type of one's own
		func(in) {},
		func(context.Context) {},
		func(context.Context, in) {},
		func(context.Context, in) (int, *Error) { return 1, nil },
		func() *Error { return nil },
	}
	for _, h := range accepted {
		if _, err := newHandler(h); err != nil {
			t.Errorf("newHandler(%T): %v", h, err)
		}
	}
	rejected := map[string]interface{}{
		"is a int, not a func":                  42,
		"the handler is nil":                    nil,
		"takes 2 parameters":                    func(in, in) {},
		"takes 3 parameters":                    func(context.Context, in, in) {},
		"the second value must be an error":     func() (int, int) { return 1, 1 },
		"(int, lambdabridge.Error)":             func() (int, Error) { return 1, Error{} },
		"returns 3 values":                      func() (int, int, error) { return 1, 1, nil },
		"is variadic":                           func(...int) {},
		"use context.Context or *lambdabridge.": func(*otherContext) {},
	}
	for want, h := range rejected {
		if _, err := newHandler(h); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("newHandler(%T) = %v; want an error with %q", h, err, want)
		}
	}
}

// invokeOnce runs one INVOKE through invoke() and decodes the answer.
func invokeOnce(t *testing.T, handler interface{}, event string) (string, map[string]interface{}, string) {
	t.Helper()
	h, err := newHandler(handler)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Second).UnixMilli()
	payload := fmt.Sprintf(`{"context":{"requestId":"r-1","deadlineMs":%d,"traceId":"Root=1"},"event":%s}`, deadline, event)
	typ, response := invoke(h, []byte(payload))
	var decoded map[string]interface{}
	_ = json.Unmarshal(response, &decoded)
	return typ, decoded, string(response)
}

func TestInvoke(t *testing.T) {
	typ, _, raw := invokeOnce(t, func(ctx context.Context, e map[string]interface{}) (map[string]interface{}, error) {
		lc, ok := FromContext(ctx)
		if !ok {
			return nil, errors.New("no lambdabridge.Context")
		}
		_, hasDeadline := ctx.Deadline()
		return map[string]interface{}{"n": len(e), "id": lc.AwsRequestID, "deadline": hasDeadline,
			"remainingOk": lc.RemainingTimeInMillis() > 1000}, nil
	}, `{"a":1,"b":2}`)
	if typ != frameResult || raw != `{"deadline":true,"id":"r-1","n":2,"remainingOk":true}` {
		t.Errorf("result = %s %s", typ, raw)
	}

	type custom struct{ error }
	typ, e, _ := invokeOnce(t, func() error { return custom{errors.New("mine")} }, `{}`)
	if typ != frameError || e["errorType"] != "lambdabridge.custom" || e["errorMessage"] != "mine" {
		t.Errorf("error = %s %v", typ, e)
	}
	typ, e, _ = invokeOnce(t, func() { panic("at the disco") }, `{}`)
	if typ != frameError || e["errorType"] != "string" || e["errorMessage"] != "at the disco" {
		t.Errorf("panic = %s %v", typ, e)
	}
	if trace, _ := e["stackTrace"].([]interface{}); len(trace) == 0 || !strings.Contains(trace[0].(string), "TestInvoke") {
		t.Errorf("panic stackTrace = %v; want it to start in the test", e["stackTrace"])
	}
	typ, e, _ = invokeOnce(t, func(n int) error { return nil }, `"not a number"`)
	if typ != frameError || e["errorType"] != "Runtime.UnmarshalError" {
		t.Errorf("unmarshal = %s %v", typ, e)
	}
	typ, e, _ = invokeOnce(t, func() (chan int, error) { return make(chan int), nil }, `{}`)
	if typ != frameError || e["errorType"] != "Runtime.MarshalError" {
		t.Errorf("marshal = %s %v", typ, e)
	}
	typ, _, raw = invokeOnce(t, func() {}, `{}`)
	if typ != frameResult || raw != "null" {
		t.Errorf("no return value = %s %s", typ, raw)
	}
}

// TestRun starts the worker against a socket served by the test, as the Java bridge would.
func TestRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.sock")
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	env := map[string]string{"LAMBDA_BRIDGE_WORKER_SOCKET": path, "LAMBDA_BRIDGE_PROTOCOL": "1"}
	status := make(chan int, 1)
	var stderr bytes.Buffer
	go func() {
		status <- run(func(e []int) int { return len(e) }, func(k string) string { return env[k] }, &stderr)
	}()
	c, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(c)
	readFrame := func() string {
		header, _ := r.ReadString('\n')
		var typ string
		var n int
		fmt.Sscanf(header, "%s %d", &typ, &n)
		payload := make([]byte, n)
		io.ReadFull(r, payload)
		return typ + " " + string(payload)
	}
	if got := readFrame(); got != `READY {"protocol":1,"shim":"go"}` {
		t.Fatalf("first frame %q", got)
	}
	for i := 0; i < 3; i++ {
		payload := fmt.Sprintf(`{"context":{"requestId":"r","deadlineMs":%d},"event":[1,2,3]}`, time.Now().UnixMilli()+1000)
		fmt.Fprintf(c, "INVOKE %d\n%s", len(payload), payload)
		if got := readFrame(); got != "RESULT 3" {
			t.Fatalf("answer %q", got)
		}
	}
	c.Close()
	if s := <-status; s != exitClosed {
		t.Fatalf("exit status %d (%s)", s, stderr.String())
	}
}

// invokeWith runs one INVOKE whose context is {"requestId":"r-1","deadlineMs":..., extra...}.
func invokeWith(t *testing.T, handler interface{}, extraContext, event string) (string, string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second).UnixMilli()
	payload := fmt.Sprintf(`{"context":{"requestId":"r-1","deadlineMs":%d%s},"event":%s}`, deadline, extraContext, event)
	typ, response := invoke(NewHandler(handler), []byte(payload))
	return typ, string(response)
}

func TestAwsLambdaGoSignatures(t *testing.T) {
	type in struct{ A int }
	var got in
	if typ, raw := invokeWith(t, func(e in) { got = e }, "", `{"A":7}`); typ != frameResult || raw != "null" || got.A != 7 {
		t.Errorf("func(TIn) = %s %s, got %v", typ, raw, got)
	}
	var deadline bool
	if typ, raw := invokeWith(t, func(ctx context.Context) { _, deadline = ctx.Deadline() }, "", `{}`); typ != frameResult ||
		raw != "null" || !deadline {
		t.Errorf("func(context.Context) = %s %s, deadline %v", typ, raw, deadline)
	}
	// a nil error of a concrete type is no error; a non-nil one is the invocation's error
	ok := func(ctx context.Context, e in) (int, *Error) { return e.A * 2, nil }
	if typ, raw := invokeWith(t, ok, "", `{"A":21}`); typ != frameResult || raw != "42" {
		t.Errorf("(TOut, *Error) nil = %s %s", typ, raw)
	}
	failing := func() *Error { return &Error{Type: "My.Error", Message: "mine"} }
	if typ, raw := invokeWith(t, failing, "", `{}`); typ != frameError ||
		raw != `{"errorMessage":"mine","errorType":"My.Error","stackTrace":[]}` {
		t.Errorf("*Error = %s %s", typ, raw)
	}
	// an io.Reader is the response as its bytes, as in aws-lambda-go
	reader := func() (io.Reader, error) { return strings.NewReader(`{"raw":true}`), nil }
	if typ, raw := invokeWith(t, reader, "", `{}`); typ != frameResult || raw != `{"raw":true}` {
		t.Errorf("io.Reader = %s %s", typ, raw)
	}
	// NewHandler of an unusable function: every invocation fails saying why
	if typ, raw := invokeWith(t, func(a, b, c int) {}, "", `{}`); typ != frameError ||
		!strings.Contains(raw, `"errorType":"Runtime.InvalidHandler"`) || !strings.Contains(raw, "takes 3 parameters") {
		t.Errorf("invalid handler = %s %s", typ, raw)
	}
}

func TestLambdaContextIsTypedAsInAwsLambdaGo(t *testing.T) {
	identity := `,"identity":{"cognitoIdentityId":"us-east-1:id","cognitoIdentityPoolId":"us-east-1:pool"}`
	client := `,"clientContext":{"client":{"installation_id":"inst","app_title":"Title","app_version_name":"1.0",` +
		`"app_version_code":"100","app_package_name":"dev.app"},"custom":{"k":"v"},"env":{"platform":"Android"}}`
	var lc *lambdacontext.LambdaContext
	var own *Context
	var traceID interface{}
	handler := func(ctx context.Context) error {
		derived, cancel := context.WithCancel(ctx) // found in a derived context too
		defer cancel()
		lc, _ = lambdacontext.FromContext(derived)
		own, _ = FromContext(derived)
		traceID = derived.Value("x-amzn-trace-id")
		return nil
	}
	extra := `,"invokedFunctionArn":"arn:aws:lambda:us-east-1:1:function:f","traceId":"Root=1-a"` + identity + client
	if typ, raw := invokeWith(t, handler, extra, `{}`); typ != frameResult {
		t.Fatalf("%s %s", typ, raw)
	}
	want := lambdacontext.LambdaContext{
		AwsRequestID:       "r-1",
		InvokedFunctionArn: "arn:aws:lambda:us-east-1:1:function:f",
		Identity:           lambdacontext.CognitoIdentity{CognitoIdentityID: "us-east-1:id", CognitoIdentityPoolID: "us-east-1:pool"},
		ClientContext: lambdacontext.ClientContext{
			Client: lambdacontext.ClientApplication{InstallationID: "inst", AppTitle: "Title", AppVersionCode: "100",
				AppPackageName: "dev.app"},
			Env:    map[string]string{"platform": "Android"},
			Custom: map[string]string{"k": "v"},
		},
	}
	if lc == nil || fmt.Sprintf("%+v", *lc) != fmt.Sprintf("%+v", want) {
		t.Errorf("lambdacontext.FromContext = %+v; want %+v", lc, want)
	}
	if own == nil || own.Identity != want.Identity || own.ClientContext.Client != want.ClientContext.Client ||
		own.ClientContext.Custom["k"] != "v" {
		t.Errorf("lambdabridge.FromContext = %+v", own)
	}
	if traceID != "Root=1-a" {
		t.Errorf(`ctx.Value("x-amzn-trace-id") = %v`, traceID)
	}

	// none sent: zero values, as aws-lambda-go gives them
	if typ, _ := invokeWith(t, handler, `,"identity":null`, `{}`); typ != frameResult || lc.Identity != (lambdacontext.CognitoIdentity{}) ||
		lc.ClientContext.Client != (lambdacontext.ClientApplication{}) || lc.ClientContext.Custom != nil {
		t.Errorf("without identity and client context: %+v", lc)
	}
	// a client context that does not decode fails the invocation, naming it
	typ, raw := invokeWith(t, handler, `,"clientContext":{"custom":{"n":1}}`, `{}`)
	if typ != frameError || !strings.Contains(raw, `cannot decode \"clientContext\" {\"custom\":{\"n\":1}}`) {
		t.Errorf("undecodable client context = %s %s", typ, raw)
	}
}
