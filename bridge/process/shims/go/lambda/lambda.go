// Package lambda is aws-lambda-go's lambda package for lambda-bridge workers (_HANDLER=worker:./program): Start,
// StartHandler, NewHandler and Handler, with the same handler signatures, so that a program written for
// aws-lambda-go changes only its import line ("github.com/aws/aws-lambda-go/lambda" becomes
// "lambdabridge.dev/shim/lambda"). It serves the bridge's worker protocol (package lambdabridge) instead of the
// Lambda Runtime API: the Java runtime speaks to Lambda, the program to the runtime.
package lambda

import (
	lambdabridge "lambdabridge.dev/shim"
)

// Handler is a handler that takes and returns raw JSON, as aws-lambda-go's lambda.Handler.
type Handler = lambdabridge.Handler

// Start serves invocations with handler, a function of one of the signatures aws-lambda-go accepts (see
// lambdabridge.Start), and exits when the bridge closes the connection; it never returns.
func Start(handler interface{}) {
	lambdabridge.Start(handler)
}

// StartHandler is Start for a Handler.
func StartHandler(handler Handler) {
	lambdabridge.Start(handler)
}

// NewHandler wraps a handler function as a Handler; a function of a signature that cannot be used gives a
// Handler whose every invocation fails with the reason, as aws-lambda-go's NewHandler does.
func NewHandler(handler interface{}) Handler {
	return lambdabridge.NewHandler(handler)
}
