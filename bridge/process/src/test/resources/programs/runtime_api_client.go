// Test program: what an unmodified aws-lambda-go program (lambda.Start) does when it starts, with the standard
// library only (the module proxy is out of reach here): with AWS_LAMBDA_RUNTIME_API it serves invocations itself
// from the Runtime API, past whoever started it; without it, it stops with aws-lambda-go's own message.
package main

import (
	"io"
	"log"
	"net/http"
	"os"
	"strings"
)

func main() {
	api := os.Getenv("AWS_LAMBDA_RUNTIME_API")
	if api == "" {
		log.Fatalf("expected AWS Lambda environment variables %s are not defined",
			[]string{"_LAMBDA_SERVER_PORT", "AWS_LAMBDA_RUNTIME_API"})
	}
	base := "http://" + api + "/2018-06-01/runtime/invocation/"
	for {
		next, err := http.Get(base + "next")
		if err != nil {
			log.Fatalf("next: %v", err)
		}
		event, _ := io.ReadAll(next.Body)
		next.Body.Close()
		id := next.Header.Get("Lambda-Runtime-Aws-Request-Id")
		answer, err := http.Post(base+id+"/response", "application/json", strings.NewReader(string(event)))
		if err != nil {
			log.Fatalf("response: %v", err)
		}
		answer.Body.Close()
	}
}
