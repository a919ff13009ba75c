// worker: test handler written with the Go shim (bridge/process/shims/go), built by the test.
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	lambdabridge "lambdabridge.dev/shim"
)

type event struct {
	Mode string  `json:"mode"`
	Text *string `json:"text"`
}

func handler(ctx context.Context, e event) (map[string]interface{}, error) {
	switch e.Mode {
	case "crash":
		fmt.Fprintln(os.Stderr, "go worker: crashing")
		os.Exit(3)
	case "hang":
		time.Sleep(600 * time.Second)
	case "pid":
		return map[string]interface{}{"pid": os.Getpid()}, nil
	}
	lc, _ := lambdabridge.FromContext(ctx)
	fmt.Fprintln(os.Stderr, "go worker: echo for", lc.AwsRequestID)
	return map[string]interface{}{"echo": e.Text}, nil
}

func main() { lambdabridge.Start(handler) }
