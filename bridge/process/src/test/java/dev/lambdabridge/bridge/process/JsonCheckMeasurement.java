package dev.lambdabridge.bridge.process;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why {@link Json#isValid} is hand-written: it measures the check against Jackson's streaming parser doing the same
 * job (one value, every token skipped, nothing decoded, no limits: the check has none), in time per document and in
 * heap per nesting level. Not a test: a measurement, run by hand with the bootstrap's JIT and GC flags:
 * <pre>
 * mvn -q -pl bridge/process test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx1g \
 *   -cp bridge/process/target/classes:bridge/process/target/test-classes:$(cat /tmp/cp.txt) \
 *   dev.lambdabridge.bridge.process.JsonCheckMeasurement
 * </pre>
 */
final class JsonCheckMeasurement {
    private static final JsonFactory UNLIMITED = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE).build())
            .build();

    private JsonCheckMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put("60 B", "{\"statusCode\":200,\"body\":\"hello\",\"headers\":{\"a\":\"b\"}}"
                .getBytes(StandardCharsets.UTF_8));
        documents.put("1 MB", items(11_000));
        documents.put("6 MB", items(66_000));
        documents.put("100,000 levels", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> document : documents.entrySet()) {
            byte[] bytes = document.getValue();
            int reps = Math.max(5, 20_000_000 / bytes.length);
            long[] ours = new long[reps];
            long[] jackson = new long[reps];
            for (int round = 0; round < 2; round++) { // the first round warms up
                for (int i = 0; i < reps; i++) {
                    long start = System.nanoTime();
                    boolean a = Json.isValid(bytes, bytes.length);
                    long middle = System.nanoTime();
                    boolean b = jacksonAccepts(bytes);
                    long end = System.nanoTime();
                    if (!a || !b) {
                        throw new IllegalStateException("not valid: " + document.getKey());
                    }
                    ours[i] = middle - start;
                    jackson[i] = end - middle;
                }
            }
            Arrays.sort(ours);
            Arrays.sort(jackson);
            System.out.printf("%-15s Json.isValid median %10.1f us, Jackson %10.1f us (%.2fx), %d documents%n",
                    document.getKey(), ours[reps / 2] / 1e3, jackson[reps / 2] / 1e3,
                    jackson[reps / 2] / (double) ours[reps / 2], reps);
        }
        System.out.printf("Jackson's parser holds %.1f bytes of heap per open nesting level%n", bytesPerLevel());
    }

    private static boolean jacksonAccepts(byte[] bytes) throws IOException {
        try (JsonParser parser = UNLIMITED.createParser(bytes)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    /** A response of {@code count} small objects: numbers, strings with an escape and a non-ASCII letter. */
    private static byte[] items(int count) {
        StringBuilder json = new StringBuilder("{\"items\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"item ").append(i)
                    .append(" \u00e9\",\"price\":").append(i * 1.25).append(",\"tags\":[\"a\",\"b\\n\"],\"ok\":true,"
                            + "\"x\":null}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The heap Jackson's parser holds with a million arrays open (its context chain), per level. */
    private static double bytesPerLevel() throws IOException {
        int depth = 1_000_000;
        byte[] deep = "[".repeat(depth).getBytes(StandardCharsets.US_ASCII);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        try (JsonParser parser = UNLIMITED.createParser(deep)) {
            for (int i = 0; i < depth; i++) {
                parser.nextToken();
            }
            System.gc();
            long after = runtime.totalMemory() - runtime.freeMemory();
            if (parser.getParsingContext().getNestingDepth() != depth) {
                throw new IllegalStateException("not " + depth + " levels deep");
            }
            return (after - before) / (double) depth;
        }
    }
}
