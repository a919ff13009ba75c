// Package lambdacontext is aws-lambda-go's lambdacontext for lambda-bridge workers: the same types, variables and
// functions, so that a program ported to the shim keeps its code and changes only its import lines
// ("github.com/aws/aws-lambda-go/lambdacontext" becomes "lambdabridge.dev/shim/lambdacontext"). The shim puts a
// *LambdaContext into each handler's context; FromContext finds it.
package lambdacontext

import (
	"context"
	"os"
	"strconv"
)

// The function's configuration, from the runtime's environment as Lambda sets it (read once, at start).
var (
	// LogGroupName is the CloudWatch log group of the function (AWS_LAMBDA_LOG_GROUP_NAME).
	LogGroupName string
	// LogStreamName is the CloudWatch log stream of this execution environment (AWS_LAMBDA_LOG_STREAM_NAME).
	LogStreamName string
	// FunctionName is the function's name (AWS_LAMBDA_FUNCTION_NAME).
	FunctionName string
	// MemoryLimitInMB is the function's memory size (AWS_LAMBDA_FUNCTION_MEMORY_SIZE); 0 when not a number.
	MemoryLimitInMB int
	// FunctionVersion is the version of the function being run (AWS_LAMBDA_FUNCTION_VERSION).
	FunctionVersion string
)

func init() {
	LogGroupName = os.Getenv("AWS_LAMBDA_LOG_GROUP_NAME")
	LogStreamName = os.Getenv("AWS_LAMBDA_LOG_STREAM_NAME")
	FunctionName = os.Getenv("AWS_LAMBDA_FUNCTION_NAME")
	if limit, err := strconv.Atoi(os.Getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")); err == nil {
		MemoryLimitInMB = limit
	}
	FunctionVersion = os.Getenv("AWS_LAMBDA_FUNCTION_VERSION")
}

// ClientApplication is the mobile application that invoked the function (the client context's "client").
type ClientApplication struct {
	InstallationID string `json:"installation_id"`
	AppTitle       string `json:"app_title"`
	AppVersionCode string `json:"app_version_code"`
	AppPackageName string `json:"app_package_name"`
}

// ClientContext is what a mobile client sent with the invocation (zero when it sent none).
type ClientContext struct {
	Client ClientApplication
	Env    map[string]string `json:"env"`
	Custom map[string]string `json:"custom"`
}

// CognitoIdentity is the Amazon Cognito identity that invoked the function (zero when there is none).
type CognitoIdentity struct {
	CognitoIdentityID     string
	CognitoIdentityPoolID string
}

// LambdaContext is the invocation's context as aws-lambda-go gives it.
type LambdaContext struct {
	AwsRequestID       string //nolint: stylecheck
	InvokedFunctionArn string //nolint: stylecheck
	Identity           CognitoIdentity
	ClientContext      ClientContext
}

type key struct{}

// NewContext returns a new context that carries lc.
func NewContext(parent context.Context, lc *LambdaContext) context.Context {
	return context.WithValue(parent, key{}, lc)
}

// FromContext returns the LambdaContext in ctx, if any.
func FromContext(ctx context.Context) (*LambdaContext, bool) {
	lc, ok := ctx.Value(key{}).(*LambdaContext)
	return lc, ok
}
