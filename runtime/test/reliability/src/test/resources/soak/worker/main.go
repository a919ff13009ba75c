// The soak's worker: Go function, written with the Go shim.
package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	lambdabridge "lambdabridge.dev/shim"
)

func handler(ctx context.Context, event map[string]string) (map[string]string, error) {
	nonce, fault := event["nonce"], event["fault"]
	switch fault {
	case "ok":
	case "throw":
		return nil, &lambdabridge.Error{Type: "SoakFault", Message: "soak fault for nonce " + nonce}
	case "panic":
		panic("soak panic for nonce " + nonce)
	case "exit":
		os.Exit(1)
	case "timeout":
		time.Sleep(600 * time.Second)
	case "big":
		return map[string]string{"nonce": nonce, "pad": strings.Repeat("x", 7<<20)}, nil
	case "garbage-stdout":
		os.Stdout.Write([]byte("\xff\xfe\xc3\x28 not UTF-8 " + strings.Repeat("y", 100000)))
	case "stderr-flood":
		line := strings.Repeat("flood ", 20) + nonce + "\n"
		for i := 0; i < 2000; i++ {
			os.Stderr.WriteString(line)
		}
	case "slow":
		if deadline, ok := ctx.Deadline(); ok {
			if left := time.Until(deadline) - lead(event)*time.Millisecond; left > 0 {
				time.Sleep(left)
			}
		}
	default:
		return nil, fmt.Errorf("unknown fault %q", fault)
	}
	return map[string]string{"nonce": nonce, "fault": fault}, nil
}

func main() { lambdabridge.Start(handler) }

// lead is how long before the deadline a slow handler finishes: the event's "lead" (ms), 900 without one.
func lead(event map[string]string) time.Duration {
	if ms, err := strconv.Atoi(event["lead"]); err == nil {
		return time.Duration(ms)
	}
	return 900
}
