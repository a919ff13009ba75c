package lambda_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"lambdabridge.dev/shim/lambda"
	"lambdabridge.dev/shim/lambdacontext"
)

type order struct {
	ID    string `json:"id"`
	Items int    `json:"items"`
}

// a handler as written for aws-lambda-go: only the import lines differ
func handle(ctx context.Context, o order) (string, error) {
	lc, ok := lambdacontext.FromContext(ctx)
	if !ok {
		return "", fmt.Errorf("no LambdaContext")
	}
	return fmt.Sprintf("%s: %d items for %s", lc.AwsRequestID, o.Items, o.ID), nil
}

func TestNewHandlerServesAnAwsLambdaGoHandler(t *testing.T) {
	var h lambda.Handler = lambda.NewHandler(handle)
	ctx := lambdacontext.NewContext(context.Background(), &lambdacontext.LambdaContext{AwsRequestID: "req-1"})
	out, err := h.Invoke(ctx, []byte(`{"id":"o-7","items":3}`))
	if err != nil || string(out) != `"req-1: 3 items for o-7"` {
		t.Fatalf("Invoke = %s, %v", out, err)
	}
	_, err = lambda.NewHandler(func(a, b, c int) {}).Invoke(ctx, []byte(`{}`))
	if err == nil || !strings.Contains(err.Error(), "takes 3 parameters") {
		t.Fatalf("an unusable handler's Invoke = %v; want the reason", err)
	}
}
