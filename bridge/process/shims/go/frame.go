package lambdabridge

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"strconv"
)

// Frame limits of docs/worker-protocol.md.
const (
	maxHeader = 64
	// maxInvoke is Lambda's 6 MiB request limit plus room for the context the bridge wraps around the event.
	maxInvoke = 6*1024*1024 + 64*1024
	// maxResponse is Lambda's response limit; the shim answers a larger result with an ERROR.
	maxResponse = 6*1024*1024 + 100
)

// Frame types.
const (
	frameInvoke = "INVOKE"
	frameReady  = "READY"
	frameResult = "RESULT"
	frameError  = "ERROR"
)

// protocolError means the bridge sent something that is not a valid frame: the worker cannot stay in step.
type protocolError struct{ msg string }

func (e *protocolError) Error() string { return "protocol error: " + e.msg }

// conn is the framed connection to the bridge: "TYPE LENGTH\n" then exactly LENGTH bytes.
type conn struct {
	r *bufio.Reader
	w io.Writer
}

func newConn(c io.ReadWriter) *conn {
	return &conn{r: bufio.NewReaderSize(c, 64*1024), w: c}
}

// readInvoke returns the next INVOKE payload, or io.EOF when the bridge closed the connection between frames.
func (c *conn) readInvoke() ([]byte, error) {
	header := make([]byte, 0, maxHeader)
	for {
		b, err := c.r.ReadByte()
		if err == io.EOF && len(header) == 0 {
			return nil, io.EOF
		}
		if err == io.EOF {
			return nil, &protocolError{"end of stream inside a frame header: " + escape(header)}
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read a frame header: %w", err)
		}
		header = append(header, b)
		if b == '\n' {
			break
		}
		if len(header) >= maxHeader {
			return nil, &protocolError{"frame header longer than 64 bytes: " + escape(header)}
		}
	}
	typ, length, ok := parseHeader(header)
	if !ok {
		return nil, &protocolError{`malformed frame header (expected "TYPE LENGTH\n"): ` + escape(header)}
	}
	if typ != frameInvoke {
		return nil, &protocolError{fmt.Sprintf("unexpected frame type %s (a worker only reads INVOKE): %s",
			typ, escape(header))}
	}
	if length > maxInvoke {
		return nil, &protocolError{fmt.Sprintf("INVOKE of %d bytes is over the limit of %d bytes", length, maxInvoke)}
	}
	payload := make([]byte, length)
	if n, err := io.ReadFull(c.r, payload); err != nil {
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil, &protocolError{fmt.Sprintf("end of stream inside an INVOKE frame: got %d of %d bytes",
				n, length)}
		}
		return nil, fmt.Errorf("cannot read an INVOKE payload of %d bytes: %w", length, err)
	}
	return payload, nil
}

// parseHeader accepts exactly `[A-Z]+ (0|[1-9][0-9]*)\n` with a length of at most 10 digits.
func parseHeader(h []byte) (typ string, length int, ok bool) {
	sp := -1
	for i, b := range h {
		if b == ' ' {
			sp = i
			break
		}
		if b < 'A' || b > 'Z' {
			return "", 0, false
		}
	}
	if sp <= 0 || h[len(h)-1] != '\n' {
		return "", 0, false
	}
	digits := h[sp+1 : len(h)-1]
	if len(digits) == 0 || len(digits) > 10 || (digits[0] == '0' && len(digits) > 1) {
		return "", 0, false
	}
	for _, d := range digits {
		if d < '0' || d > '9' {
			return "", 0, false
		}
	}
	n, err := strconv.Atoi(string(digits))
	if err != nil {
		return "", 0, false
	}
	return string(h[:sp]), n, true
}

func (c *conn) write(typ string, payload []byte) error {
	header := []byte(typ + " " + strconv.Itoa(len(payload)) + "\n")
	buffers := net.Buffers{header, payload}
	if _, err := buffers.WriteTo(c.w); err != nil {
		return fmt.Errorf("cannot send a %s frame to the bridge: %w", typ, err)
	}
	return nil
}

// escape shows bytes for a message: printable ASCII as is, the rest escaped, cut to 100 bytes.
func escape(b []byte) string {
	if len(b) > 100 {
		return strconv.QuoteToASCII(string(b[:100])) + fmt.Sprintf("... (%d bytes)", len(b))
	}
	return strconv.QuoteToASCII(string(b))
}
