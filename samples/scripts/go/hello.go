// The classic per-invocation Go program (_HANDLER="exec:./hello {event}"): takes the event JSON as its first
// argument, prints a greeting line and then N, the number of the event's top-level keys.
package main

import (
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: hello EVENT_JSON")
		os.Exit(2)
	}
	var event map[string]json.RawMessage
	if err := json.Unmarshal([]byte(os.Args[1]), &event); err != nil || event == nil {
		fmt.Fprintf(os.Stderr, "hello: the event is not a JSON object: %v\n", err)
		os.Exit(1)
	}
	fmt.Println("Hello from Go!")
	fmt.Println(len(event))
}
