package dev.lambdabridge.benchmark;

import dev.lambdabridge.benchmark.Language.Mode;
import java.util.List;

/** What the process-bridge benchmark found, as plain records for the report and the chart. */
final class BridgeResults {
    private BridgeResults() {
    }

    /**
     * Cold starts of one function, each a new function and runtime process.
     *
     * @param totalMs       the emulator's Init Duration + Duration of the first invoke: process start to first
     *                      response
     * @param initMs        runtime process start to its first {@code GET next} (for a worker: including the
     *                      worker's start up to its READY)
     * @param firstInvokeMs the first event delivered to its response
     * @param wallMs        the harness's own clock around that first {@code Emulator.invoke} (cross-check)
     */
    record Cold(Stats totalMs, Stats initMs, Stats firstInvokeMs, Stats wallMs) {
        /** Null when no cold starts were asked for. */
        static Cold of(List<ColdStarts.Start> starts) {
            return starts.isEmpty() ? null : new Cold(ColdStarts.stats(starts, ColdStarts.Start::totalMs),
                    ColdStarts.stats(starts, ColdStarts.Start::initMs),
                    ColdStarts.stats(starts, ColdStarts.Start::firstInvokeMs),
                    ColdStarts.stats(starts, ColdStarts.Start::wallMs));
        }
    }

    /**
     * Warm invokes of one long-lived function.
     *
     * @param roundTripUs     the harness's clock around {@code Emulator.invoke}
     * @param durationUs      the emulator's Duration of the same invokes (event handed to the runtime until its
     *                        response was read): the runtime's share of the round trip
     * @param maxMemoryUsedMb the emulator's Max Memory Used (VmHWM of the runtime and its children) at the end
     */
    record Warm(Stats roundTripUs, Stats durationUs, int maxMemoryUsedMb) {
    }

    /** One function: a language in one mode. {@code cold} is null when no cold starts were asked for. */
    record Row(Language language, Mode mode, Warm warm, Cold cold) {
        String label() {
            return language.label + " " + mode.id;
        }
    }

    /**
     * What the harness measured without runtime and emulator, with {@link ProcessBuilder} as the bridge starts
     * programs.
     *
     * @param bareMs   the bare interpreter or binary ({@link Language#bareStart}), started and waited for
     * @param directMs the exec: program itself with the event (on stdin or as its argument), its stdout read
     */
    record Starts(Language language, Stats bareMs, Stats directMs) {
    }

    /** The Java baseline: an in-JVM stream handler that echoes the event, on the same bootstrap. */
    record Baseline(String handler, Warm warm, Cold cold) {
    }

    /** Everything one run produced. */
    record Report(Machine.Environment environment, String aotCache, BridgeOptions options, List<Row> rows,
                  List<Starts> starts, Baseline baseline, List<Goal> goals) {

        Row row(Language language, Mode mode) {
            return rows.stream().filter(row -> row.language() == language && row.mode() == mode).findFirst()
                    .orElse(null);
        }

        Starts starts(Language language) {
            return starts.stream().filter(s -> s.language() == language).findFirst().orElse(null);
        }

        List<Language> languages() {
            return starts.stream().map(Starts::language).toList();
        }
    }
}
