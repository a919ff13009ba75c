package dev.lambdabridge.emulator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Generates Lambda's identifiers: request ids, X-Ray trace ids and log stream names. */
final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {
    }

    /** A random (version 4) UUID, from a fast non-cryptographic source: these ids are not secrets. */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** A secret: 32 hex characters from a cryptographic source (the metadata endpoint's bearer token). */
    static String token() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        StringBuilder text = new StringBuilder(32);
        for (byte b : bytes) {
            text.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        return text.toString();
    }

    /** {@code Root=1-<8 hex epoch seconds>-<24 hex>;Parent=<16 hex>;Sampled=0}. */
    static String traceId(long epochMillis) {
        StringBuilder text = new StringBuilder(72).append("Root=1-");
        hex(text, epochMillis / 1000, 8);
        text.append('-');
        hex(text, ThreadLocalRandom.current().nextLong(), 16);
        hex(text, ThreadLocalRandom.current().nextInt(), 8);
        text.append(";Parent=");
        hex(text, ThreadLocalRandom.current().nextLong(), 16);
        return text.append(";Sampled=0").toString();
    }

    /** {@code YYYY/MM/DD/[$LATEST]<32 hex>}, as Lambda names a sandbox's log stream. */
    static String logStreamName() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(64)
                .append(today.getYear()).append('/')
                .append(today.getMonthValue() < 10 ? "0" : "").append(today.getMonthValue()).append('/')
                .append(today.getDayOfMonth() < 10 ? "0" : "").append(today.getDayOfMonth())
                .append("/[$LATEST]");
        hex(text, ThreadLocalRandom.current().nextLong(), 16);
        hex(text, ThreadLocalRandom.current().nextLong(), 16);
        return text.toString();
    }

    private static void hex(StringBuilder text, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            text.append(HEX[(int) (value >>> shift) & 0xF]);
        }
    }
}
