package dev.lambdabridge.runtime.api;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/**
 * Byte-level mutations of a seed input, for the fuzzers: flip, replace, insert, delete and duplicate bytes or
 * runs, truncate, and splice in tokens that parsers are sensitive to (line ends, separators, digits, huge
 * numbers). Deterministic for a given seed, so that jqwik can replay and shrink a failure.
 */
final class Mutations {
    private static final String[] TOKENS = {"\r\n", "\n", "\r", ":", " ", ";", "0", "-1", "+1", "FFFFFFFFFFFFFFFF",
        "99999999999999999999", "chunked", "Content-Length: ", "Transfer-Encoding: chunked\r\n", "\u0000", "\u00ff",
        "HTTP/1.1 ", "\r\n\r\n"};
    private static final String REPLACEMENTS = "0123456789abcdefABCDEF \r\n:;-";

    private Mutations() {
    }

    static byte[] mutate(byte[] seed, long randomSeed) {
        Random random = new Random(randomSeed);
        byte[] data = seed.clone();
        for (int round = 1 + random.nextInt(4); round > 0; round--) {
            data = once(data, random);
        }
        return data;
    }

    private static byte[] once(byte[] data, Random random) {
        int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 32);
        switch (random.nextInt(7)) {
            case 0 -> { // flip a bit
                byte[] copy = data.clone();
                if (copy.length > 0) {
                    copy[Math.min(at, copy.length - 1)] ^= (byte) (1 << random.nextInt(8));
                }
                return copy;
            }
            case 1 -> { // truncate
                out.write(data, 0, at);
            }
            case 2 -> { // delete a run
                int end = Math.min(data.length, at + 1 + random.nextInt(16));
                out.write(data, 0, at);
                out.write(data, end, data.length - end);
            }
            case 3 -> { // insert a token
                out.write(data, 0, at);
                out.writeBytes(TOKENS[random.nextInt(TOKENS.length)].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                out.write(data, at, data.length - at);
            }
            case 4 -> { // duplicate a run
                int end = Math.min(data.length, at + 1 + random.nextInt(64));
                out.write(data, 0, end);
                out.write(data, at, end - at);
                out.write(data, end, data.length - end);
            }
            case 5 -> { // random bytes
                out.write(data, 0, at);
                byte[] noise = new byte[1 + random.nextInt(8)];
                random.nextBytes(noise);
                out.writeBytes(noise);
                out.write(data, at, data.length - at);
            }
            default -> { // replace a byte with a digit or a separator
                byte[] copy = data.clone();
                if (copy.length > 0) {
                    copy[Math.min(at, copy.length - 1)] = (byte) REPLACEMENTS.charAt(random.nextInt(REPLACEMENTS.length()));
                }
                return copy;
            }
        }
        return out.toByteArray();
    }
}
