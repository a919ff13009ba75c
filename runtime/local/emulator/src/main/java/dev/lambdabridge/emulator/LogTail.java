package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.LambdaLimits;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The log of one invocation, kept only as far as {@code X-Amz-Log-Result} needs it: its last 4 KB. */
final class LogTail {
    private static final int KEEP_CHARS = 2 * LambdaLimits.LOG_TAIL_BYTES;
    private final StringBuilder text = new StringBuilder(1024);

    synchronized void append(String line) {
        text.append(line).append('\n');
        if (text.length() > 2 * KEEP_CHARS) {
            text.delete(0, text.length() - KEEP_CHARS);
        }
    }

    /** The last 4 KB as UTF-8 bytes, cut at a character boundary. */
    synchronized byte[] lastBytes() {
        byte[] all = text.toString().getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, all.length - LambdaLimits.LOG_TAIL_BYTES);
        while (from < all.length && from > 0 && (all[from] & 0xC0) == 0x80) {
            from++;
        }
        return Arrays.copyOfRange(all, from, all.length);
    }
}
