// The soak's exec: Go program: the event as its first argument, the answer on stdout.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

func main() {
	var event map[string]string
	if err := json.Unmarshal([]byte(os.Args[1]), &event); err != nil {
		fmt.Fprintln(os.Stderr, "bad event:", err)
		os.Exit(2)
	}
	nonce, fault := event["nonce"], event["fault"]
	switch fault {
	case "ok":
	case "exit":
		fmt.Fprintln(os.Stderr, "soak: exit 1 for", nonce)
		os.Exit(1)
	case "timeout":
		time.Sleep(600 * time.Second)
	case "big":
		fmt.Printf(`{"nonce":%q,"pad":"%s"}`, nonce, strings.Repeat("x", 7<<20))
		return
	case "garbage-stdout":
		os.Stdout.Write([]byte("\xff\xfe\xc3\x28 not UTF-8 " + nonce))
		return
	case "stderr-flood":
		line := strings.Repeat("flood ", 20) + nonce + "\n"
		for i := 0; i < 2000; i++ {
			os.Stderr.WriteString(line)
		}
	case "slow":
		deadline, _ := strconv.ParseInt(os.Getenv("LAMBDA_DEADLINE_MS"), 10, 64)
		if left := time.Until(time.UnixMilli(deadline)) - lead(event)*time.Millisecond; left > 0 {
			time.Sleep(left)
		}
	default:
		fmt.Fprintln(os.Stderr, "unknown fault", fault)
		os.Exit(2)
	}
	out, _ := json.Marshal(map[string]string{"nonce": nonce, "fault": fault})
	os.Stdout.Write(out)
}

// lead is how long before the deadline a slow handler finishes: the event's "lead" (ms), 900 without one.
func lead(event map[string]string) time.Duration {
	if ms, err := strconv.Atoi(event["lead"]); err == nil {
		return time.Duration(ms)
	}
	return 900
}
