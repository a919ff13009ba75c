// The same program as a persistent worker (_HANDLER="worker:./worker"), written against the Go shim
// (bridge/process/shims/go): returns {"result": N}, N the number of the event's top-level keys. samples/scripts/
// build.sh builds it to samples/scripts/go/worker, next to hello, since both run from that directory.
package main

import (
	"context"
	"encoding/json"

	lambdabridge "lambdabridge.dev/shim"
)

type response struct {
	Result int `json:"result"`
}

func handler(_ context.Context, event map[string]json.RawMessage) (response, error) {
	return response{Result: len(event)}, nil
}

func main() {
	lambdabridge.Start(handler)
}
