package dev.lambdabridge.benchmark;

import static dev.lambdabridge.benchmark.Table.f1;
import static dev.lambdabridge.benchmark.Table.f2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The runtime suite's findings in the one result format: what ran, the table (cold start, warm round trip, peak
 * RSS per runtime and handler), the emulator's overhead, the round trip without the emulator, the cold and warm
 * details, the class-loading profile; three panels: cold start, warm via the emulator, warm without it.
 */
final class RuntimeReport {
    private RuntimeReport() {
    }

    static Report of(String suite, Results.Report r) {
        BenchmarkOptions options = r.options();
        List<String> about = new ArrayList<>();
        about.add("JVM of every runtime: `" + options.jre() + "/bin/java`");
        about.add("JVM options of every runtime: `" + String.join(" ", r.flags().options()) + "` ("
                + r.flags().source() + ", for " + options.memoryMb() + " MB), then each runtime's own below"
                + (r.flags().ourAotCache() == null ? "" : "; our bootstrap also uses its dist's AOT cache, `"
                        + r.flags().ourAotCache() + "`, unless its row says LAMBDA_BRIDGE_AOT=off"));
        r.profiles().stream().filter(p -> p.kind().cache != RuntimeKind.Cache.NONE).forEach(p -> about.add(
                "AOT cache used by " + p.kind().label + ", " + p.handler().label + ": " + (p.appFromCache() > 0
                        ? p.appFromCache() + " of the runtime's own classes came from it"
                        : "**not used** (none of the runtime's classes came from it: made from other jars?)")));
        about.add("run: " + options.coldStarts() + " cold starts, " + options.warmUp() + " warm-up + "
                + options.warmInvokes() + " measured warm invokes per runtime and handler, interleaved");
        r.commands().forEach((kind, command) -> {
            StringBuilder line = new StringBuilder("runtime " + kind.label + " (started by the in-process "
                    + "emulator, cwd = the function's task root): `" + String.join(" ", command) + "`");
            r.runtimeEnv().getOrDefault(kind, Map.of()).forEach((name, value) -> {
                if (!name.equals("JAVA_HOME")) {
                    line.append(", `").append(name).append('=').append(value).append('`');
                }
            });
            about.add(line.toString());
        });
        for (AotCacheTraining.Trained t : r.trained()) {
            StringBuilder line = new StringBuilder("AOT cache for " + t.kind().label + ", trained for this run: `"
                    + t.file() + "` (" + t.bytes() / 1024 + " KiB, " + String.format(Locale.ROOT, "%.1f s",
                    t.seconds()) + "): " + AotCacheTraining.INVOCATIONS + " invocations of `"
                    + AotCacheTraining.TRAINING_HANDLER + "` (" + AotCacheTraining.TRAINING_CODE + ", the event "
                    + AotCacheTraining.TRAINING_EVENT + ", as our layer's cache is trained) "
                    + (t.kind().isOurs() ? "(the runtime exits after them)" : "(then SIGTERM)")
                    + " on the emulator, started as `" + String.join(" ", t.command()) + "`");
            t.env().forEach((name, value) -> line.append(", `").append(name).append('=').append(value).append('`'));
            about.add(line.toString());
        }
        for (AotCacheTraining.FunctionTrained f : r.functionCaches()) {
            about.add("function cache of " + f.handler().label + ": `" + f.codeDir() + "/lambda-bridge.aot` ("
                    + f.bytes() / 1024 + " KiB, " + String.format(Locale.ROOT, "%.1f s", f.seconds())
                    + "), in a copy of the function's code, made by `" + String.join(" ", f.command()) + "`");
        }
        return new Report(suite, "lambda-bridge runtime benchmark", r.environment(), options.quick(), about,
                tables(r), r.goals(), panels(r));
    }

    private static List<Table> tables(Results.Report r) {
        List<Table> tables = new ArrayList<>();
        Table.Builder main = Table.of("Results", 2, "runtime", "handler", "cold start median (ms)",
                "cold wall-clock median (ms)", "warm median (us)", "warm p99 (us)", "peak RSS (MB)");
        for (Results.Row row : r.rows()) {
            main.row(row.kind().label, row.handler().label, row.cold().firstResponseMs().median(),
                    row.cold().wallMs().median(), row.warm().roundTripUs().median(), row.warm().roundTripUs().p99(),
                    row.warm().peakRssMb());
        }
        tables.add(main.note("Cold start: process start to first response (the emulator's Init Duration + Duration "
                + "of the first invoke), median of " + r.options().coldStarts() + " new processes; wall-clock: the "
                + "harness's clock around that first invoke. Warm: the harness's clock around `Emulator.invoke`. "
                + "Peak RSS: VmHWM of the long-lived process after all its invokes.").build());

        if (!r.functionCaches().isEmpty()) {
            Table.Builder cache = Table.of("The function's own cache", 1, "handler", "ours, cold start median (ms)",
                    "ours + function cache (ms)", "ratio", "cache (KiB)");
            for (AotCacheTraining.FunctionTrained f : r.functionCaches()) {
                Results.Row plain = r.row(RuntimeKind.LAMBDA_BRIDGE, f.handler());
                Results.Row withCache = r.row(RuntimeKind.OURS_FUNCTION_CACHE, f.handler());
                Double ratio = plain == null || withCache == null ? null : Goal.ratio(withCache.cold()
                        .firstResponseMs().median(), plain.cold().firstResponseMs().median());
                cache.row(f.handler().label, plain == null ? "n/a" : f1(plain.cold().firstResponseMs().median()),
                        withCache == null ? "n/a" : f1(withCache.cold().firstResponseMs().median()),
                        ratio == null ? "n/a" : f2(ratio) + "x", f.bytes() / 1024);
            }
            tables.add(cache.note("The same function without and with the AOT cache trained on it "
                    + "(scripts/lambda-local train-function), cold starts interleaved.").build());
        }
        Results.Overhead overhead = r.overhead();
        if (overhead != null) {
            tables.add(Table.of("Emulator overhead", 1, "the raw loop against", "n", "median (us)", "p90 (us)",
                    "p99 (us)").intro("The raw-socket loop, measured interleaved with the rest:")
                    .row(statsRow("the emulator (`Emulator.invoke`)", overhead.viaEmulatorUs()))
                    .row(statsRow("a minimal blocking-socket Runtime API server", overhead.viaMinimalServerUs()))
                    .row("**overhead (difference of medians)**", "", "**" + f1(overhead.medianUs()) + "**", "", "")
                    .build());
        }
        if (!r.direct().isEmpty()) {
            Table.Builder direct = Table.of("Warm round trip without the emulator", 2, "runtime", "handler", "n",
                    "median (us)", "p90 (us)", "p99 (us)", "median / RIC", "median / raw loop").intro("One more "
                    + "process of each runtime, against the minimal blocking-socket server instead of the emulator "
                    + "(timed from writing the event to having read the response), interleaved with the rest: the "
                    + "runtimes' own cost.");
            Results.Direct raw = r.direct(RuntimeKind.RAW_SOCKET, BenchHandler.STREAM_ECHO);
            for (Results.Direct d : r.direct()) {
                Stats s = d.roundTripUs();
                Results.Direct ric = r.direct(RuntimeKind.AWS_RIC, d.handler());
                direct.row(d.kind().label, d.handler().label, s.n(), s.median(), s.p90(), s.p99(),
                        ric == null ? "" : f2(s.median() / ric.roundTripUs().median()),
                        raw == null ? "" : f2(s.median() / raw.roundTripUs().median()));
            }
            tables.add(direct.build());
        }
        Table.Builder cold = Table.of("Cold start detail", 2, "runtime", "handler", "n", "init (ms)",
                "first invoke (ms)", "cold start median (min-max) (ms)", "wall-clock median (ms)",
                "RSS at first response (MB)");
        for (Results.Row row : r.rows()) {
            Results.Cold c = row.cold();
            cold.row(row.kind().label, row.handler().label, c.firstResponseMs().n(), c.initMs().median(),
                    c.firstInvokeMs().median(), f1(c.firstResponseMs().median()) + " (" + f1(c.firstResponseMs().min())
                            + "-" + f1(c.firstResponseMs().max()) + ")", c.wallMs().median(), c.rssMb().median());
        }
        tables.add(cold.note("init: process start to its first `GET next`; first invoke: event delivered to "
                + "response.").build());
        Table.Builder warm = Table.of("Warm detail", 2, "runtime", "handler", "n", "min (us)", "median (us)",
                "p90 (us)", "p99 (us)", "max (us)", "Duration median (us)", "VmHWM (MB)",
                "emulator's Max Memory Used (MB)");
        for (Results.Row row : r.rows()) {
            Stats s = row.warm().roundTripUs();
            warm.row(row.kind().label, row.handler().label, s.n(), s.min(), s.median(), s.p90(), s.p99(), s.max(),
                    row.warm().durationUs().median(), row.warm().peakRssMb(), row.warm().emulatorPeakMb());
        }
        tables.add(warm.note("Duration: the emulator's own Duration of the same invokes (event handed to its HTTP "
                + "server until the response was read): the runtime's part of the round trip; the rest is the "
                + "emulator's invoke path.").build());
        if (!r.profiles().isEmpty()) {
            Table.Builder profile = Table.of("Class loading in one cold start", 2, "runtime", "handler", "classes",
                    "CDS archive / AOT cache", "of which not the JDK's", "JDK modules (jrt)", "jars/dirs", "generated",
                    "Create VM (ms)", "uptime at last class load (ms)", "jars/dirs with most classes")
                    .intro("One extra cold start per runtime and handler with `-Xlog:class+load,startuptime` "
                            + "(stopped after its first response).");
            for (Results.Profile p : r.profiles()) {
                profile.row(p.kind().label, p.handler().label, p.classes(), p.fromCds(), p.appFromCache(),
                        p.fromJdk(), p.fromApp(), p.generated(), p.createVmMs(), p.lastLoadMs(), p.topSources()
                                .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            }
            tables.add(profile.build());
        }
        return tables;
    }

    private static Object[] statsRow(String name, Stats s) {
        return new Object[] {name, s.n(), s.median(), s.p90(), s.p99()};
    }

    private static List<Panel> panels(Results.Report r) {
        List<Panel> panels = new ArrayList<>();
        panels.add(Panel.linear("Cold start: process start to first response", "median of "
                + r.options().coldStarts() + " new processes", "ms", groups(r.rows(), row -> Panel.Bar.of(
                row.kind().label, row.cold().firstResponseMs().median()))));
        panels.add(Panel.linear("Warm round trip via Emulator.invoke", "bar: median, whisker: p99", "us",
                groups(r.rows(), row -> Panel.Bar.withP99(row.kind().label, row.warm().roundTripUs().median(),
                        row.warm().roundTripUs().p99()))));
        List<Results.Row> direct = r.rows().stream().filter(row -> r.direct(row.kind(), row.handler()) != null)
                .toList();
        if (!direct.isEmpty()) {
            panels.add(Panel.linear("Warm round trip without the emulator", "against a minimal socket server; "
                    + "whisker: p99", "us", groups(direct, row -> {
                        Stats s = r.direct(row.kind(), row.handler()).roundTripUs();
                        return Panel.Bar.withP99(row.kind().label, s.median(), s.p99());
                    })));
        }
        return panels;
    }

    /** One group per handler, one bar per runtime, in the rows' order. */
    private static List<Panel.Group> groups(List<Results.Row> rows,
                                            Function<Results.Row, Panel.Bar> bar) {
        List<Panel.Group> groups = new ArrayList<>();
        for (BenchHandler handler : rows.stream().map(Results.Row::handler).distinct().toList()) {
            groups.add(new Panel.Group(handler.label, rows.stream().filter(row -> row.handler() == handler)
                    .map(bar).toList()));
        }
        return groups;
    }
}
