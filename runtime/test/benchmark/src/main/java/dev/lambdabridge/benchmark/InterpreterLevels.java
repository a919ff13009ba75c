package dev.lambdabridge.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A control for the polyglot benchmark's in-process figures: a tree-walking interpreter in plain Java (no Truffle,
 * no guest language), an expression tree of {@code 2^depth}-ish nodes spread over the heap, evaluated again and
 * again, each evaluation timed. Run it in several JVMs with the bootstrap's flags: if the median moves between
 * levels from one JVM to the next, or within one, as {@code handle()} does in {@code WarmCalls}, the machine (its
 * caches, TLBs, neighbours) moves it, not the bridge.
 *
 * <p>{@code java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp runtime/test/benchmark/target/classes
 * dev.lambdabridge.benchmark.InterpreterLevels [DEPTH [EVALUATIONS]]}; prints the median and the
 * median of each tenth of the second half.
 */
public final class InterpreterLevels {
    private InterpreterLevels() {
    }

    private interface Node {
        long eval(long[] frame);
    }

    private record Const(long value) implements Node {
        public long eval(long[] frame) {
            return value;
        }
    }

    private record Slot(int index) implements Node {
        public long eval(long[] frame) {
            return frame[index];
        }
    }

    private record Add(Node left, Node right) implements Node {
        public long eval(long[] frame) {
            return left.eval(frame) + right.eval(frame);
        }
    }

    private record Mix(Node left, Node right) implements Node {
        public long eval(long[] frame) {
            return left.eval(frame) * 31 ^ right.eval(frame);
        }
    }

    private record Choose(Node test, Node then, Node otherwise) implements Node {
        public long eval(long[] frame) {
            return (test.eval(frame) & 1) == 0 ? then.eval(frame) : otherwise.eval(frame);
        }
    }

    private record Store(int index, Node value) implements Node {
        public long eval(long[] frame) {
            return frame[index] = value.eval(frame);
        }
    }

    private static Node build(int depth, Random random, List<Object> spacers) {
        if (random.nextInt(20) == 0) {
            spacers.add(new byte[random.nextInt(512)]); // nodes spread over the heap, as an AST built over time is
        }
        if (depth == 0) {
            return random.nextBoolean() ? new Const(random.nextInt(100)) : new Slot(random.nextInt(8));
        }
        return switch (random.nextInt(4)) {
            case 0 -> new Add(build(depth - 1, random, spacers), build(depth - 1, random, spacers));
            case 1 -> new Mix(build(depth - 1, random, spacers), build(depth - 1, random, spacers));
            case 2 -> new Choose(build(depth - 1, random, spacers), build(depth - 1, random, spacers),
                    build(depth - 1, random, spacers));
            default -> new Store(random.nextInt(8), build(depth - 1, random, spacers));
        };
    }

    public static void main(String[] args) {
        int depth = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int evaluations = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        Node root = build(depth, new Random(42), new ArrayList<>());
        long[] frame = new long[8];
        long[] nanos = new long[evaluations];
        long sink = 0;
        for (int i = 0; i < evaluations; i++) {
            long started = System.nanoTime();
            sink += root.eval(frame);
            for (int k = 0; k < 200; k++) {
                frame[k & 7] += new long[10].length; // garbage, as an invocation makes, so that young GCs happen
            }
            nanos[i] = System.nanoTime() - started;
        }
        long[] secondHalf = Arrays.copyOfRange(nanos, evaluations / 2, evaluations);
        StringBuilder tenths = new StringBuilder();
        int tenth = Math.max(1, secondHalf.length / 10);
        for (int from = 0; from + tenth <= secondHalf.length; from += tenth) {
            long[] part = Arrays.copyOfRange(secondHalf, from, from + tenth);
            Arrays.sort(part);
            tenths.append(' ').append(part[part.length / 2] / 1000);
        }
        Arrays.sort(secondHalf);
        System.out.println(String.format(Locale.ROOT, "depth=%d median_us=%.1f tenths_us:%s (%d)", depth,
                secondHalf[secondHalf.length / 2] / 1000.0, tenths, sink & 1));
    }
}
