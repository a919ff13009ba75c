package dev.lambdabridge.reliability.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.InvokeApiException;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function's invocations: builds each event with a fresh nonce, invokes, and judges what came back against
 * the fault's expectation. Every invocation ends in exactly one of: answered (nonce echoed), the expected error,
 * refused as expected, lost (no result in time, or a failure of the call itself), misrouted (another
 * invocation's nonce), or wrong (anything else: another errorType, an answer where an error was due).
 */
final class Invoker {
    /** An invocation that has no result this long after its timeout is lost. */
    private static final long LOST_AFTER_MILLIS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] MALFORMED = {
        "{\"nonce\":\"%s\",\"fault\":\"o", "{\"nonce\":\"%s\",}", "%s", "{\"nonce\": %s}", "[\"%s\"",
        "{\"nonce\":\"%s\"}}", "\"%s", "{'nonce':'%s'}", "{\"nonce\":\"%s\",\"x\":tru}", "{\"nonce\":\"%s\" \"y\":1}",
    };

    private final Emulator emulator;
    private final SoakFunction function;
    private final Tally tally;
    private final Random random;
    private long sequence;
    /** The pid of the runtime that served this function's last invocation (0 when none did). */
    volatile long lastPid;

    Invoker(Emulator emulator, SoakFunction function, Tally tally, Random random) {
        this.emulator = emulator;
        this.function = function;
        this.tally = tally;
        this.random = random;
    }

    void invokeDrawn() {
        invoke(function.draw(random));
    }

    void invoke(Fault fault) {
        String nonce = function.name() + "-" + (sequence++) + "-" + HexFormat.of().toHexDigits(random.nextInt());
        tally.counted(function.name(), fault.name());
        byte[] payload = fault.expect() instanceof Fault.Refused
                ? malformed(nonce)
                : ("{\"nonce\":\"" + nonce + "\",\"fault\":\"" + fault.name() + "\"}").getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        InvokeResult result;
        try {
            result = emulator.invokeAsync(function.name(), InvokeRequest.of(payload))
                    .get(function.config().timeout().toMillis() + LOST_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InvokeApiException refusal) {
            judgeRefusal(fault, nonce, refusal);
            return;
        } catch (TimeoutException e) {
            lost(fault, nonce, "no result after " + (LOST_AFTER_MILLIS / 1000) + " s past the timeout");
            return;
        } catch (ExecutionException e) {
            lost(fault, nonce, "the invocation failed: " + e.getCause());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lost(fault, nonce, "interrupted");
            return;
        } finally {
            tally.took((System.nanoTime() - start) / 1_000_000);
        }
        if (result.pid() > 0) {
            lastPid = result.pid();
        }
        tally.served.add(result.requestId());
        if (!tally.firstAnswerFor(result.requestId())) {
            return;
        }
        judge(fault, nonce, result);
    }

    private byte[] malformed(String nonce) {
        if (random.nextInt(4) == 0) { // bytes that are not UTF-8 at all
            byte[] garbage = new byte[1 + random.nextInt(64)];
            random.nextBytes(garbage);
            garbage[0] = (byte) 0xff;
            return garbage;
        }
        return String.format(MALFORMED[random.nextInt(MALFORMED.length)], nonce).getBytes(StandardCharsets.UTF_8);
    }

    private void judgeRefusal(Fault fault, String nonce, InvokeApiException refusal) {
        if (fault.expect() instanceof Fault.Refused(String errorType) && errorType.equals(refusal.errorType())
                && refusal.statusCode() == 400) {
            tally.refused.increment();
        } else {
            wrong(fault, nonce, "refused with " + refusal.statusCode() + " " + refusal.errorType() + ": "
                    + refusal.getMessage());
        }
    }

    private void judge(Fault fault, String nonce, InvokeResult result) {
        JsonNode body;
        try {
            body = JSON.readTree(result.payload());
        } catch (IOException e) {
            wrong(fault, nonce, "payload is not JSON: " + cut(result.payloadText()));
            return;
        }
        switch (fault.expect()) {
            case Fault.Answer answer -> {
                if (result.isFunctionError()) {
                    wrong(fault, nonce, "failed: " + cut(result.payloadText()));
                } else if (!nonce.equals(body.path("nonce").asText())) {
                    misrouted(fault, nonce, result);
                } else {
                    tally.answered.increment();
                }
            }
            case Fault.Error(String errorType, boolean nonceInMessage) -> {
                String message = body.path("errorMessage").asText();
                if (!result.isFunctionError()) {
                    if (body.has("nonce") && !nonce.equals(body.path("nonce").asText())) {
                        misrouted(fault, nonce, result);
                    } else {
                        wrong(fault, nonce, "answered instead of " + errorType + ": " + cut(result.payloadText()));
                    }
                } else if (!errorType.equals(body.path("errorType").asText())) {
                    wrong(fault, nonce, "errorType " + body.path("errorType").asText() + " instead of " + errorType
                            + ": " + cut(result.payloadText()));
                } else if (nonceInMessage && !message.contains(nonce)) {
                    misrouted(fault, nonce, result);
                } else {
                    tally.expectedErrors.increment();
                }
            }
            case Fault.Refused refused -> wrong(fault, nonce, "not refused: " + cut(result.payloadText()));
        }
    }

    private void lost(Fault fault, String nonce, String why) {
        tally.lost.increment();
        tally.example(function.name() + " " + fault.name() + " " + nonce + ": lost: " + why);
    }

    private void misrouted(Fault fault, String nonce, InvokeResult result) {
        tally.misrouted.increment();
        tally.example(function.name() + " " + fault.name() + " " + nonce + ": another invocation's answer: "
                + cut(result.payloadText()));
    }

    private void wrong(Fault fault, String nonce, String what) {
        tally.wrong.increment();
        tally.example(function.name() + " " + fault.name() + " " + nonce + ": " + what);
    }

    private static String cut(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
