package dev.lambdabridge.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The handlers in target/function (src/function/java), each with the event it gets and the answer it owes. */
enum BenchHandler {
    STREAM_ECHO("stream", "stream echo", "benchmark.handlers.StreamEcho::handleRequest",
            "{\"hello\":\"world\",\"n\":42,\"list\":[1,2,3],\"nested\":{\"a\":\"b\"}}", null),
    HELLO_POJO("pojo", "hello POJO", "benchmark.handlers.HelloHandler::handleRequest",
            "{\"name\":\"World\"}", "{\"message\":\"Hello, World!\"}");

    final String id;
    final String label;
    final String handler;
    final byte[] event;
    private final byte[] expected;

    BenchHandler(String id, String label, String handler, String event, String expected) {
        this.id = id;
        this.label = label;
        this.handler = handler;
        this.event = event.getBytes(StandardCharsets.UTF_8);
        this.expected = (expected == null ? event : expected).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a response is the right one; JSON whitespace is not significant for the POJO answer. */
    boolean isExpected(byte[] response) {
        if (Arrays.equals(response, expected)) {
            return true;
        }
        return this == HELLO_POJO && new String(response, StandardCharsets.UTF_8).replaceAll("\\s", "")
                .equals(new String(expected, StandardCharsets.UTF_8));
    }
}
