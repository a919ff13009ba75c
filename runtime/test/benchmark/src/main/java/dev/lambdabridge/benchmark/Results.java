package dev.lambdabridge.benchmark;

import java.util.List;
import java.util.Map;

/** The benchmark's findings, as plain records for the report and the chart. */
final class Results {
    private Results() {
    }

    /**
     * Cold starts of one runtime and handler, each a new function and process.
     *
     * @param firstResponseMs the emulator's init duration + duration of the first invoke: process start to the
     *                        first response
     * @param wallMs          the harness's own clock around the first invoke of a fresh function (cross-check)
     * @param initMs          process start to the first {@code GET next}
     * @param firstInvokeMs   the first event delivered to its response
     * @param rssMb           the emulator's Max Memory Used (VmHWM) at the first response
     */
    record Cold(RuntimeKind kind, BenchHandler handler, Stats firstResponseMs, Stats wallMs, Stats initMs,
                Stats firstInvokeMs, Stats rssMb) {
        static Cold of(RuntimeKind kind, BenchHandler handler, List<ColdStarts.Start> starts) {
            return new Cold(kind, handler, ColdStarts.stats(starts, ColdStarts.Start::totalMs),
                    ColdStarts.stats(starts, ColdStarts.Start::wallMs), ColdStarts.stats(starts, ColdStarts.Start::initMs),
                    ColdStarts.stats(starts, ColdStarts.Start::firstInvokeMs),
                    ColdStarts.stats(starts, ColdStarts.Start::rssMb));
        }
    }

    /**
     * The warm round trip of one runtime and handler.
     *
     * @param roundTripUs     the harness's clock around {@code Emulator.invoke}, after the warm-up
     * @param durationUs      the emulator's Duration of the same invokes: event handed over to response read,
     *                        the part of the round trip spent outside the emulator's invoke path
     * @param peakRssMb       VmHWM of the runtime process after the run, from /proc (MiB)
     * @param emulatorPeakMb  the emulator's Max Memory Used on the last invoke (cross-check)
     */
    record Warm(RuntimeKind kind, BenchHandler handler, Stats roundTripUs, Stats durationUs, double peakRssMb,
                int emulatorPeakMb) {
    }

    /** One row of the table. */
    record Row(RuntimeKind kind, BenchHandler handler, Cold cold, Warm warm) {
        String label() {
            return kind.label + " / " + handler.label;
        }
    }

    /** The warm round trip of one runtime and handler against the minimal server, without the emulator. */
    record Direct(RuntimeKind kind, BenchHandler handler, Stats roundTripUs) {
    }

    /**
     * The emulator's own cost: the raw-socket loop's round trip through {@code Emulator.invoke} and against the
     * minimal blocking-socket server, measured interleaved in the same run.
     */
    record Overhead(Stats viaEmulatorUs, Stats viaMinimalServerUs) {
        double medianUs() {
            return viaEmulatorUs.median() - viaMinimalServerUs.median();
        }
    }

    /**
     * What one cold start loaded, from {@code -Xlog:class+load,startuptime}.
     *
     * @param classes      classes loaded until the process was stopped after its first response
     * @param fromCds      from the CDS archive or AOT cache ("shared objects file")
     * @param appFromCache of those, classes of the runtime and its libraries (not java.*, jdk.*, sun.*, ...):
     *                     non-zero only when an AOT cache made from the runtime's jars was used
     * @param fromJdk      from the JDK's modules, parsed at run time (jrt:/)
     * @param fromApp      from jars and directories on the class path or the task root
     * @param generated    defined at run time (lambda forms, hidden classes, proxies, reflection accessors)
     * @param createVmMs   the JVM's "Create VM" phase
     * @param lastLoadMs   JVM uptime at the last class load: roughly when the first response was sent
     * @param topSources   the sources of the app classes, most classes first
     */
    record Profile(RuntimeKind kind, BenchHandler handler, int classes, int fromCds, int appFromCache, int fromJdk,
                   int fromApp,
                   int generated, double createVmMs, double lastLoadMs, List<Map.Entry<String, Integer>> topSources) {
    }

    /** Everything one run produced. */
    record Report(Machine.Environment environment, BenchmarkOptions options, JvmFlags flags,
                  Map<RuntimeKind, List<String>> commands, Map<RuntimeKind, Map<String, String>> runtimeEnv,
                  List<AotCacheTraining.Trained> trained, List<AotCacheTraining.FunctionTrained> functionCaches,
                  List<Row> rows, List<Direct> direct,
                  Overhead overhead, List<Profile> profiles, List<Goal> goals) {

        Row row(RuntimeKind kind, BenchHandler handler) {
            return rows.stream().filter(row -> row.kind() == kind && row.handler() == handler).findFirst()
                    .orElse(null);
        }

        Direct direct(RuntimeKind kind, BenchHandler handler) {
            return direct.stream().filter(d -> d.kind() == kind && d.handler() == handler).findFirst()
                    .orElse(null);
        }
    }
}
