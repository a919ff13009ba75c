// exec: test program: takes the event as its first argument ({event}) and does what its "mode" asks; without
// one it echoes the event.
package main

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"time"
)

func main() {
	event := ""
	if len(os.Args) > 1 {
		event = os.Args[1]
	}
	mode := "echo"
	if m := regexp.MustCompile(`"mode":"([a-z-]+)"`).FindStringSubmatch(event); m != nil {
		mode = m[1]
	}
	switch mode {
	case "echo":
		os.Stdout.WriteString(event)
	case "crash":
		fmt.Fprintln(os.Stderr, "go: something broke")
		fmt.Fprintln(os.Stderr, "go: giving up")
		os.Exit(5)
	case "hang":
		time.Sleep(600 * time.Second)
	case "bigout": // 10 MiB
		chunk := bytes.Repeat([]byte("o"), 65536)
		for i := 0; i < 160; i++ {
			os.Stdout.Write(chunk)
		}
	case "bigerr": // 50 MiB on stderr, then a response
		line := append(bytes.Repeat([]byte("e"), 1023), '\n')
		block := bytes.Repeat(line, 64)
		for i := 0; i < 50*1024/64; i++ {
			os.Stderr.Write(block)
		}
		os.Stdout.WriteString(`{"flooded":true}`)
	case "invalid":
		os.Stdout.Write([]byte{0xff, 0xfe, 0xfd})
	case "text":
		fmt.Println("hello, text")
	}
}
