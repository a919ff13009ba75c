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
 * invocation's nonce), or wrong (anything else: another errorType, an answer where an error was due). With
 * several invocations in flight in one runtime process, an invocation may also end with the error of a fault
 * that ended that process ({@code Runtime.ExitError}, or {@code java.lang.OutOfMemoryError} when the heap they
 * share ran out): such an end is a candidate the run settles at its end ({@link Tally#collateral}). Thread-safe:
 * each caller thread draws from a {@link Random} of its own ({@link #random(int)}).
 */
final class Invoker {
    /**
     * An invocation that has no result this long after its timeout is lost; with a concurrency of C, after C
     * times its timeout: a runtime with one invoke loop (worker:, js:, ruby:) serves the C invocations given to it
     * one after another, so that one may wait for C - 1 others, each up to its timeout, before its own starts.
     */
    private static final long LOST_AFTER_MILLIS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] MALFORMED = {
        "{\"nonce\":\"%s\",\"fault\":\"o", "{\"nonce\":\"%s\",}", "%s", "{\"nonce\": %s}", "[\"%s\"",
        "{\"nonce\":\"%s\"}}", "\"%s", "{'nonce':'%s'}", "{\"nonce\":\"%s\",\"x\":tru}", "{\"nonce\":\"%s\" \"y\":1}",
    };

    private final Emulator emulator;
    private final SoakFunction function;
    private final Tally tally;
    private final LogCounter log;
    private final long seed;
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
    /** The pid of the runtime that served this function's last invocation (0 when none did). */
    volatile long lastPid;

    Invoker(Emulator emulator, SoakFunction function, Tally tally, LogCounter log, long seed) {
        this.emulator = emulator;
        this.function = function;
        this.tally = tally;
        this.log = log;
        this.seed = seed ^ function.name().hashCode();
    }

    /** The seeded random numbers of caller {@code caller} (caller 0: those of the run with one caller). */
    Random random(int caller) {
        return new Random(seed ^ (caller * 0x9E3779B97F4A7C15L));
    }

    void invokeDrawn(Random random) {
        invoke(function.draw(random), random);
    }

    void invoke(Fault fault, Random random) {
        String nonce = function.name() + "-" + sequence.getAndIncrement() + "-"
                + HexFormat.of().toHexDigits(random.nextInt());
        tally.counted(function.name(), fault.name());
        byte[] payload = fault.expect() instanceof Fault.Refused
                ? malformed(nonce, random)
                : ("{\"nonce\":\"" + nonce + "\",\"fault\":\"" + fault.name() + "\",\"lead\":\""
                        + SoakFunctions.leadMillis(function.config().maxConcurrency()) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        InvokeResult result;
        try {
            result = emulator.invokeAsync(function.name(), InvokeRequest.of(payload))
                    .get(function.config().timeout().toMillis() * function.config().maxConcurrency()
                            + LOST_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InvokeApiException refusal) {
            judgeRefusal(fault, nonce, refusal);
            return;
        } catch (TimeoutException e) {
            lost(fault, nonce, "no result after " + (LOST_AFTER_MILLIS / 1000) + " s past " + function.config()
                    .maxConcurrency() + " times the timeout");
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
        long answeredMillis = System.currentTimeMillis();
        if (result.pid() > 0 && !fault.endsProcess()) {
            lastPid = result.pid();
        }
        if (fault.endsProcess()) {
            tally.endedBy(result.pid(), fault.name());
        }
        tally.served.add(result.requestId());
        if (!tally.firstAnswerFor(result.requestId())) {
            return;
        }
        judge(fault, nonce, result, answeredMillis);
    }

    private byte[] malformed(String nonce, Random random) {
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

    private void judge(Fault fault, String nonce, InvokeResult result, long answeredMillis) {
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
                    if (!collateral(fault, nonce, result, body)) {
                        wrong(fault, nonce, "failed: " + cut(result.payloadText()));
                    }
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
                    if (collateral(fault, nonce, result, body)) {
                        return;
                    }
                    wrong(fault, nonce, "errorType " + body.path("errorType").asText() + " instead of " + errorType
                            + ": " + cut(result.payloadText()));
                } else if (nonceInMessage && !message.contains(nonce)) {
                    misrouted(fault, nonce, result);
                } else {
                    tally.expectedErrors.increment();
                    if (fault.name().equals("timeout")) {
                        timedOut(errorType, result, answeredMillis);
                    }
                }
            }
            case Fault.Refused refused -> wrong(fault, nonce, "not refused: " + cut(result.payloadText()));
        }
    }

    /**
     * An error another fault's end of the process explains: with several invocations in flight in one runtime,
     * kept for the end of the run, which checks that this invocation was delivered and its process ended by a
     * fault ({@link Tally#settleCollateral}).
     */
    private boolean collateral(Fault fault, String nonce, InvokeResult result, JsonNode body) {
        String errorType = body.path("errorType").asText();
        if (function.config().maxConcurrency() <= 1 || result.pid() <= 0
                || !(errorType.equals("Runtime.ExitError") || errorType.equals("java.lang.OutOfMemoryError"))) {
            return false;
        }
        tally.collateralCandidate(new Tally.Candidate(function.name() + " " + fault.name() + " " + nonce,
                result.requestId(), result.pid(), errorType, cut(result.payloadText())));
        return true;
    }

    /** How late after its deadline the caller had the timeout's answer (negative: before it). */
    private void timedOut(String errorType, InvokeResult result, long answeredMillis) {
        long delivered = log.startMillis(result.requestId());
        if (delivered > 0) {
            tally.timedOut(errorType, answeredMillis - (delivered + function.config().timeout().toMillis()));
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
