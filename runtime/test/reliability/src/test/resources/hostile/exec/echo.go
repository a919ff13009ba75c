// exec: echo: the event from the first argument back on stdout, byte for byte.
package main

import "os"

func main() { os.Stdout.WriteString(os.Args[1]) }
