package dev.lambdabridge.reliability.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code scripts/soak}: the soak as a program. Prints the table (and the problems), exits 1 when there is one.
 * Options: {@code --invocations N} (100000), {@code --seed S} (1), {@code --max-minutes M} (60),
 * {@code --concurrency C} (1: every function's AWS_LAMBDA_MAX_CONCURRENCY, and C callers per function),
 * {@code --layers DIR} (the layer zips: each runtime from them in a mount namespace), {@code --log FILE} (a copy
 * of the whole log), {@code --rss-svg FILE} (the chart of the sampled RSS), {@code --nmt} (every runtime with
 * Native Memory Tracking, its committed memory by category in the report), and the paths the script
 * passes: {@code --bootstrap}, {@code --function}, {@code --resources}, {@code --shims}, {@code --command}
 * (echoed in the header).
 */
public final class Soak {
    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        long invocations = 100_000;
        long seed = 1;
        long maxMinutes = 60;
        int concurrency = 1;
        Path layers = null;
        Path log = null;
        Path rssChart = null;
        boolean nativeMemory = false;
        Path bootstrap = null;
        Path function = null;
        Path resources = null;
        Path shims = null;
        String command = "scripts/soak";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (args[i].equals("--nmt")) {
                nativeMemory = true;
                continue;
            }
            switch (args[i]) {
                case "--invocations" -> invocations = Long.parseLong(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--max-minutes" -> maxMinutes = Long.parseLong(value);
                case "--concurrency" -> concurrency = Integer.parseInt(value);
                case "--layers" -> layers = Path.of(value);
                case "--log" -> log = Path.of(value);
                case "--rss-svg" -> rssChart = Path.of(value);
                case "--bootstrap" -> bootstrap = Path.of(value);
                case "--function" -> function = Path.of(value);
                case "--resources" -> resources = Path.of(value);
                case "--shims" -> shims = Path.of(value);
                case "--command" -> command = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--invocations N --seed S --max-minutes M --concurrency C --layers DIR --log FILE --rss-svg FILE --nmt)");
            }
            i++;
        }
        Path work = Files.createTempDirectory("lambda-bridge-soak");
        try {
            SoakReport report = SoakRun.run(new SoakRun.Options(invocations, seed, Duration.ofMinutes(maxMinutes),
                    bootstrap, function, resources, shims, work, concurrency, layers, log, rssChart, nativeMemory));
            System.out.println("Soak: `" + command + "`, " + Instant.now() + ", " + machine() + "\n");
            System.out.println(report.table());
            if (!report.problems().isEmpty()) {
                System.out.println("PROBLEMS:");
                report.problems().forEach(System.out::println);
                System.out.println("last log lines:\n" + report.logTail().lines().skip(Math.max(0, report.logTail().lines().count() - 60)).collect(java.util.stream.Collectors.joining("\n")));
                System.exit(1);
            }
        } finally {
            deleteTree(work);
        }
    }

    static String machine() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.vm.version");
    }

    static void deleteTree(Path root) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                path.toFile().setWritable(true);
                Files.deleteIfExists(path);
            }
        }
    }
}
