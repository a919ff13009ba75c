package dev.lambdabridge.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The report as markdown: circumstances, the table, the goals, then the details behind them. */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(Results.Report report) {
        StringBuilder md = new StringBuilder();
        Results.Environment env = report.environment();
        BenchmarkOptions options = report.options();
        md.append("# lambda-bridge runtime benchmark\n\n");
        md.append("- date: ").append(env.date()).append('\n');
        md.append("- machine: `").append(env.uname()).append("`, nproc ").append(env.nproc())
                .append("; load average (1/5/15 min) at start ").append(env.loadAtStart()).append(", at end ")
                .append(env.loadAtEnd()).append('\n');
        if (env.javaPath().equals(System.getProperty("java.home") + "/bin/java")) {
            md.append("- JVM (harness and every runtime): ").append(env.jvm()).append(", `").append(env.javaPath())
                    .append("`\n");
        } else {
            md.append("- JVM of every runtime: `").append(env.javaPath()).append("` (--jre); of the harness: ")
                    .append(env.jvm()).append('\n');
        }
        md.append("- JVM options of every runtime: `").append(String.join(" ", report.flags().options()))
                .append("` (").append(report.flags().source()).append(", for ").append(options.memoryMb())
                .append(" MB), then each runtime's own below").append(report.flags().ourAotCache() == null ? ""
                        : "; our bootstrap also uses its dist's AOT cache, `" + report.flags().ourAotCache()
                                + "`, unless its row says LAMBDA_BRIDGE_AOT=off")
                .append('\n');
        report.profiles().stream().filter(p -> p.kind().cache != RuntimeKind.Cache.NONE).forEach(p -> md.append(
                "- AOT cache used by ").append(p.kind().label).append(", ").append(p.handler().label).append(": ")
                .append(p.appFromCache() > 0 ? p.appFromCache() + " of the runtime's own classes came from it"
                        : "**not used** (none of the runtime's classes came from it: made from other jars?)")
                .append('\n'));
        md.append("- source: ").append(env.revision()).append('\n');
        md.append("- command: `").append(env.command()).append("`\n");
        md.append("- harness: `").append(env.harnessCommand()).append("`\n");
        md.append("- run: ").append(options.coldStarts()).append(" cold starts, ").append(options.warmUp())
                .append(" warm-up + ").append(options.warmInvokes())
                .append(" measured warm invokes per runtime and handler, interleaved")
                .append(options.quick() ? " (--quick: a smoke run, not a measurement)" : "").append('\n');
        md.append("- runtimes (each started by the in-process emulator, cwd = the function's task root; the RIC's "
                + "handler argument shown for the first function):\n");
        report.commands().forEach((kind, command) -> {
            Map<String, String> runtimeEnv = report.runtimeEnv().getOrDefault(kind, Map.of());
            md.append("  - ").append(kind.label).append(": `").append(String.join(" ", command)).append('`');
            runtimeEnv.forEach((name, value) -> {
                if (!name.equals("JAVA_HOME")) {
                    md.append(", `").append(name).append('=').append(value).append('`');
                }
            });
            md.append('\n');
        });
        for (AotCacheTraining.Trained t : report.trained()) {
            md.append("- AOT cache for ").append(t.kind().label).append(", trained for this run: `").append(t.file())
                    .append("` (").append(t.bytes() / 1024).append(" KiB, ").append(String.format(Locale.ROOT,
                            "%.1f s", t.seconds())).append("): ").append(AotCacheTraining.INVOCATIONS)
                    .append(" invocations of `").append(AotCacheTraining.TRAINING_HANDLER).append("` (")
                    .append(AotCacheTraining.TRAINING_CODE).append(", the event ").append(AotCacheTraining.TRAINING_EVENT)
                    .append(", as our layer's cache is trained) ")
                    .append(t.kind().isOurs() ? "(the runtime exits after them)" : "(then SIGTERM)")
                    .append(" on the emulator, started as `").append(String.join(" ", t.command())).append('`');
            t.env().forEach((name, value) -> md.append(", `").append(name).append('=').append(value).append('`'));
            md.append('\n');
        }
        for (AotCacheTraining.FunctionTrained f : report.functionCaches()) {
            md.append("- function cache of ").append(f.handler().label).append(": `").append(f.codeDir())
                    .append("/lambda-bridge.aot` (").append(f.bytes() / 1024).append(" KiB, ")
                    .append(String.format(Locale.ROOT, "%.1f s", f.seconds()))
                    .append("), in a copy of the function's code, made by `").append(String.join(" ", f.command()))
                    .append("`\n");
        }
        md.append('\n');

        md.append("## Results\n\n");
        md.append("| runtime | handler | cold start median (ms) | cold wall-clock median (ms) | warm median (us) "
                + "| warm p99 (us) | peak RSS (MB) |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Results.Row row : report.rows()) {
            md.append("| ").append(row.kind().label).append(" | ").append(row.handler().label).append(" | ")
                    .append(f1(row.cold().firstResponseMs().median())).append(" | ")
                    .append(f1(row.cold().wallMs().median())).append(" | ")
                    .append(f1(row.warm().roundTripUs().median())).append(" | ")
                    .append(f1(row.warm().roundTripUs().p99())).append(" | ")
                    .append(f1(row.warm().peakRssMb())).append(" |\n");
        }
        md.append("\nCold start: process start to first response (the emulator's Init Duration + Duration of the "
                + "first invoke), median of ").append(options.coldStarts())
                .append(" new processes; wall-clock: the harness's clock around that first invoke. Warm: the "
                        + "harness's clock around `Emulator.invoke`. Peak RSS: VmHWM of the long-lived process "
                        + "after all its invokes.\n\n");

        md.append("## Goals\n\n| goal | value | target | verdict | note |\n| --- | ---: | --- | --- | --- |\n");
        for (Results.Goal goal : report.goals()) {
            String value = !goal.checked() ? "n/a" : goal.unit().isEmpty() ? f2(goal.value())
                    : f1(goal.value()) + " " + goal.unit();
            md.append("| ").append(goal.name()).append(" | ").append(value).append(" | ")
                    .append(goal.comparator()).append(' ').append(trim(goal.target()))
                    .append(goal.unit().isEmpty() ? "" : " " + goal.unit()).append(" | **").append(goal.verdict())
                    .append("** | ").append(goal.note()).append(" |\n");
        }
        md.append('\n');

        Results.Overhead overhead = report.overhead();
        if (overhead != null) {
            md.append("## Emulator overhead\n\nThe raw-socket loop, measured interleaved with the rest:\n\n");
            md.append("| the raw loop against | n | median (us) | p90 (us) | p99 (us) |\n| --- | ---: | ---: | ---: | ---: |\n");
            overheadRow(md, "the emulator (`Emulator.invoke`)", overhead.viaEmulatorUs());
            overheadRow(md, "a minimal blocking-socket Runtime API server", overhead.viaMinimalServerUs());
            md.append("| **overhead (difference of medians)** | | **").append(f1(overhead.medianUs()))
                    .append("** | | |\n\n");
        }

        if (!report.direct().isEmpty()) {
            md.append("## Warm round trip without the emulator\n\n");
            md.append("One more process of each runtime, against the minimal blocking-socket server instead of the "
                    + "emulator (timed from writing the event to having read the response), interleaved with the "
                    + "rest: the runtimes' own cost.\n\n");
            md.append("| runtime | handler | n | median (us) | p90 (us) | p99 (us) | median / RIC | median / raw loop |\n");
            md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            Results.Direct rawDirect = report.direct(RuntimeKind.RAW_SOCKET, BenchHandler.STREAM_ECHO);
            for (Results.Direct d : report.direct()) {
                Stats s = d.roundTripUs();
                Results.Direct ric = report.direct(RuntimeKind.AWS_RIC, d.handler());
                md.append("| ").append(d.kind().label).append(" | ").append(d.handler().label).append(" | ")
                        .append(s.n()).append(" | ").append(f1(s.median())).append(" | ").append(f1(s.p90()))
                        .append(" | ").append(f1(s.p99())).append(" | ")
                        .append(ric == null ? "" : f2(s.median() / ric.roundTripUs().median())).append(" | ")
                        .append(rawDirect == null ? "" : f2(s.median() / rawDirect.roundTripUs().median()))
                        .append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Cold start detail\n\n");
        md.append("| runtime | handler | n | init (ms) | first invoke (ms) | cold start median (min-max) (ms) "
                + "| wall-clock median (ms) | RSS at first response (MB) |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Results.Row row : report.rows()) {
            Results.Cold cold = row.cold();
            md.append("| ").append(row.kind().label).append(" | ").append(row.handler().label).append(" | ")
                    .append(cold.firstResponseMs().n()).append(" | ").append(f1(cold.initMs().median()))
                    .append(" | ").append(f1(cold.firstInvokeMs().median())).append(" | ")
                    .append(f1(cold.firstResponseMs().median())).append(" (").append(f1(cold.firstResponseMs().min()))
                    .append('-').append(f1(cold.firstResponseMs().max())).append(") | ")
                    .append(f1(cold.wallMs().median())).append(" | ").append(f1(cold.rssMb().median())).append(" |\n");
        }
        md.append("\ninit: process start to its first `GET next`; first invoke: event delivered to response.\n\n");

        md.append("## Warm detail\n\n");
        md.append("| runtime | handler | n | min (us) | median (us) | p90 (us) | p99 (us) | max (us) "
                + "| Duration median (us) | VmHWM (MB) | emulator's Max Memory Used (MB) |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Results.Row row : report.rows()) {
            Stats s = row.warm().roundTripUs();
            md.append("| ").append(row.kind().label).append(" | ").append(row.handler().label).append(" | ")
                    .append(s.n()).append(" | ").append(f1(s.min())).append(" | ").append(f1(s.median()))
                    .append(" | ").append(f1(s.p90())).append(" | ").append(f1(s.p99())).append(" | ")
                    .append(f1(s.max())).append(" | ").append(f1(row.warm().durationUs().median())).append(" | ")
                    .append(f1(row.warm().peakRssMb())).append(" | ")
                    .append(row.warm().emulatorPeakMb()).append(" |\n");
        }
        md.append("\nDuration: the emulator's own Duration of the same invokes (event handed to its HTTP server until "
                + "the response was read): the runtime's part of the round trip; the rest is the emulator's invoke "
                + "path.\n\n");

        if (!report.profiles().isEmpty()) {
            md.append("## Class loading in one cold start\n\n");
            md.append("One extra cold start per runtime and handler with `-Xlog:class+load,startuptime` (stopped "
                    + "after its first response).\n\n");
            md.append("| runtime | handler | classes | CDS archive / AOT cache | of which not the JDK's "
                    + "| JDK modules (jrt) | jars/dirs | generated | Create VM (ms) | uptime at last class load (ms) "
                    + "| jars/dirs with most classes |\n");
            md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
            for (Results.Profile p : report.profiles()) {
                md.append("| ").append(p.kind().label).append(" | ").append(p.handler().label).append(" | ")
                        .append(p.classes()).append(" | ").append(p.fromCds()).append(" | ").append(p.appFromCache())
                        .append(" | ").append(p.fromJdk())
                        .append(" | ").append(p.fromApp()).append(" | ").append(p.generated()).append(" | ")
                        .append(f1(p.createVmMs())).append(" | ").append(f1(p.lastLoadMs())).append(" | ")
                        .append(sources(p.topSources())).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void overheadRow(StringBuilder md, String name, Stats s) {
        md.append("| ").append(name).append(" | ").append(s.n()).append(" | ").append(f1(s.median())).append(" | ")
                .append(f1(s.p90())).append(" | ").append(f1(s.p99())).append(" |\n");
    }

    private static String sources(List<Map.Entry<String, Integer>> top) {
        return top.stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    static String f1(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String f2(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
