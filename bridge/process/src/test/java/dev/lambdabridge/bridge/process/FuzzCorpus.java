package dev.lambdabridge.bridge.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The fuzzers' seed corpus (src/test/resources/fuzz/NAME/*, each file one input, byte for byte) and a mutator that edits a seed the way broken peers break things: cut it short, drop or repeat a
 * run, insert a separator, a digit or a huge number, flip a bit. Deterministic per seed, so jqwik can shrink.
 */
final class FuzzCorpus {
    private static final byte[][] TOKENS = {
        "\n".getBytes(), " ".getBytes(), "0".getBytes(), "9".getBytes(), "-".getBytes(), "99999999999999999999".getBytes(),
        "\"".getBytes(), "'".getBytes(), "{event}".getBytes(), "\t".getBytes(), "..".getBytes(), "/".getBytes(),
        "{".getBytes(), "}".getBytes(), "[".getBytes(), "]".getBytes(), ",".getBytes(), ":".getBytes(),
        "\\".getBytes(), "\\u00".getBytes(), new byte[] {0}, new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3},
    };

    private FuzzCorpus() {
    }

    static List<byte[]> read(String name) {
        try {
            Path dir = Path.of(FuzzCorpus.class.getResource("/fuzz/" + name).toURI());
            List<byte[]> seeds = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    seeds.add(Files.readAllBytes(file));
                }
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] mutate(byte[] seed, long randomSeed) {
        Random random = new Random(randomSeed);
        byte[] data = seed;
        for (int round = 1 + random.nextInt(4); round > 0; round--) {
            int at = random.nextInt(data.length + 1);
            int end = Math.min(data.length, at + 1 + random.nextInt(16));
            byte[] insert = switch (random.nextInt(6)) {
                case 0 -> new byte[0]; // cut
                case 1 -> TOKENS[random.nextInt(TOKENS.length)];
                case 2 -> Arrays.copyOfRange(data, at, end); // repeat
                case 3 -> {
                    byte[] noise = new byte[1 + random.nextInt(4)];
                    random.nextBytes(noise);
                    yield noise;
                }
                default -> null;
            };
            if (insert == null) { // flip a bit
                data = data.clone();
                if (data.length > 0) {
                    data[Math.min(at, data.length - 1)] ^= (byte) (1 << random.nextInt(8));
                }
            } else if (insert.length == 0) {
                data = Arrays.copyOf(data, at);
            } else {
                byte[] next = new byte[data.length + insert.length];
                System.arraycopy(data, 0, next, 0, at);
                System.arraycopy(insert, 0, next, at, insert.length);
                System.arraycopy(data, at, next, at + insert.length, data.length - at);
                data = next;
            }
        }
        return data;
    }
}
