// Package lambdabridge turns a Go program into a persistent lambda-bridge worker (_HANDLER=worker:./program):
//
//	func handler(ctx context.Context, event map[string]interface{}) (map[string]int, error) {
//		return map[string]int{"result": len(event)}, nil
//	}
//
//	func main() { lambdabridge.Start(handler) }
//
// Start connects to $LAMBDA_BRIDGE_WORKER_SOCKET, sends READY (or ERROR when the handler's signature cannot be
// used), then answers each INVOKE with RESULT (the handler's return value encoded with encoding/json) or ERROR
// ({"errorMessage","errorType","stackTrace"}) for a returned error or a panic. Frames travel over the socket
// only (docs/worker-protocol.md), so fmt.Println and log output go to stdout/stderr, which the bridge writes to
// the function's log.
//
// The handler's context is a *Context (also a context.Context with the invocation's deadline):
// ctx.RemainingTimeInMillis(), ctx.AwsRequestID, ... or lambdabridge.FromContext(ctx) from a derived context.
//
// A program written for aws-lambda-go runs as a worker with only its import lines changed: the packages
// lambdabridge.dev/shim/lambda (Start, StartHandler, NewHandler, Handler) and lambdabridge.dev/shim/lambdacontext
// (FromContext, LambdaContext with its typed Identity and ClientContext) have aws-lambda-go's names and rules.
//
// Exit status: 0 the bridge closed the connection between invocations; 1 the handler cannot be used (after
// ERROR was sent) or the connection failed; 2 misconfiguration (no socket, cannot connect, unsupported
// protocol); 3 protocol error (the bridge sent something that is not a valid INVOKE frame).
package lambdabridge
