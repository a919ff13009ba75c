package soak;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The soak's Java function: does what the event's {@code fault} says, and answers
 * {@code {"nonce":...,"fault":...}} when it survives, so that the harness can match every answer to the
 * invocation that asked for it. Events are {@code {"nonce":"...","fault":"..."}} written by the harness; the
 * two fields are found by hand to keep the function free of dependencies.
 */
public final class FaultHandler implements RequestStreamHandler {
    private static final int MIB = 1024 * 1024;

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        String nonce = field(event, "nonce");
        String fault = field(event, "fault");
        switch (fault) {
            case "ok" -> { }
            case "throw" -> throw new IllegalStateException("soak fault for nonce " + nonce);
            case "exit" -> System.exit(1);
            case "oom" -> exhaustTheHeap();
            case "big" -> {
                // over Lambda's 6 MB response limit
                output.write(("{\"nonce\":\"" + nonce + "\",\"pad\":\"").getBytes(StandardCharsets.US_ASCII));
                byte[] pad = new byte[MIB];
                Arrays.fill(pad, (byte) 'x');
                for (int i = 0; i < 7; i++) {
                    output.write(pad);
                }
                output.write("\"}".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            case "timeout" -> sleep(Long.MAX_VALUE / 2);
            case "slow" -> sleep(Math.max(0, context.getRemainingTimeInMillis() - lead(event)));
            case "garbage-stdout" -> {
                // invalid UTF-8 and a 256 KiB line without a newline, to the log
                byte[] garbage = new byte[256 * 1024];
                new Random(nonce.hashCode()).nextBytes(garbage);
                System.out.write(garbage);
                System.out.flush();
            }
            case "stderr-flood" -> {
                String line = "flood ".repeat(20) + nonce + "\n";
                for (int i = 0; i < 2_000; i++) {
                    System.err.print(line);
                }
                System.err.flush();
            }
            default -> throw new IllegalArgumentException("unknown fault \"" + fault + "\" for nonce " + nonce);
        }
        output.write(("{\"nonce\":\"" + nonce + "\",\"fault\":\"" + fault + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static void exhaustTheHeap() {
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[4 * MIB]);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** How long before the deadline a slow handler finishes: the event's "lead" (ms), 900 without one. */
    private static long lead(String event) {
        return event.contains("\"lead\":\"") ? Long.parseLong(field(event, "lead")) : 900;
    }

    /** The string value of a top-level field of the harness's flat events. */
    private static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        if (start < 0) {
            throw new IllegalArgumentException("event has no \"" + name + "\": " + json);
        }
        start += key.length();
        return json.substring(start, json.indexOf('"', start));
    }
}
