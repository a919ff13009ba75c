package dev.lambdabridge.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The goals, checked against one run. A goal whose runtimes did not run is "n/a". */
final class Goals {
    static final double COLD_RATIO = 0.5;
    /** From the layers issue: the java-runtime layer (its jlink JRE and AOT cache) vs the RIC on that JRE. */
    static final double LAYER_COLD_RATIO = 0.4;
    static final double WARM_RATIO_RIC = 0.5;
    static final double WARM_RATIO_RAW = 1.5;
    static final double EMULATOR_OVERHEAD_US = 100;
    static final double POJO_RSS_MB = 64;
    /** From the frameworks issue: ours with the function-trained cache vs the RIC, on the Spring samples. */
    static final double FRAMEWORK_COLD_RATIO = 0.3;
    /** From the frameworks issue: ours vs the RIC with its own AOT cache (as the java25 managed runtime). */
    static final double COLD_RATIO_RIC_AOT = 0.5;

    private Goals() {
    }

    static List<Goal> check(Results.Report report) {
        List<Goal> goals = new ArrayList<>();
        Results.Row oursPojo = report.row(RuntimeKind.LAMBDA_BRIDGE, BenchHandler.HELLO_POJO);
        Results.Row ricPojo = report.row(RuntimeKind.AWS_RIC, BenchHandler.HELLO_POJO);
        Results.Row oursStream = report.row(RuntimeKind.LAMBDA_BRIDGE, BenchHandler.STREAM_ECHO);
        Results.Row ricStream = report.row(RuntimeKind.AWS_RIC, BenchHandler.STREAM_ECHO);
        Results.Row raw = report.row(RuntimeKind.RAW_SOCKET, BenchHandler.STREAM_ECHO);

        Double coldRatio = ratio(oursPojo == null ? null : oursPojo.cold().firstResponseMs().median(),
                ricPojo == null ? null : ricPojo.cold().firstResponseMs().median());
        Double wallRatio = ratio(oursPojo == null ? null : oursPojo.cold().wallMs().median(),
                ricPojo == null ? null : ricPojo.cold().wallMs().median());
        String wallNote = wallRatio == null ? "" : String.format("wall-clock cross-check: %.2f", wallRatio);
        goals.add(new Goal("our cold start / RIC cold start (hello POJO, medians)", coldRatio, "x", "<=",
                COLD_RATIO, wallNote));
        if (!report.options().jre().equals(Path.of(System.getProperty("java.home")).toAbsolutePath().normalize())) {
            goals.add(new Goal("layer cold start / RIC on the layer's JRE without a cache (hello POJO)",
                    coldRatio, "x", "<=", LAYER_COLD_RATIO, "both on " + report.options().jre() + "; " + wallNote));
        }
        goals.add(new Goal("our warm / RIC warm (stream echo, medians)", ratio(warm(oursStream),
                warm(ricStream)), "x", "<=", WARM_RATIO_RIC, direct(report, BenchHandler.STREAM_ECHO,
                RuntimeKind.AWS_RIC, BenchHandler.STREAM_ECHO, "")));
        goals.add(new Goal("our warm / RIC warm (hello POJO, medians)", ratio(warm(oursPojo),
                warm(ricPojo)), "x", "<=", WARM_RATIO_RIC, direct(report, BenchHandler.HELLO_POJO,
                RuntimeKind.AWS_RIC, BenchHandler.HELLO_POJO, "")));
        goals.add(new Goal("our warm / raw-socket warm (stream echo, medians)", ratio(warm(oursStream),
                warm(raw)), "x", "<=", WARM_RATIO_RAW, direct(report, BenchHandler.STREAM_ECHO,
                RuntimeKind.RAW_SOCKET, BenchHandler.STREAM_ECHO, "same work: echo the event bytes; ")));
        goals.add(new Goal("our warm / raw-socket warm (hello POJO vs echo, medians)", ratio(warm(oursPojo),
                warm(raw)), "x", "<=", WARM_RATIO_RAW, direct(report, BenchHandler.HELLO_POJO,
                RuntimeKind.RAW_SOCKET, BenchHandler.STREAM_ECHO, "adds JSON in and out; ")));
        for (BenchHandler spring : new BenchHandler[] {BenchHandler.SPRING_CLOUD_FUNCTION,
            BenchHandler.SPRING_CONTAINER}) {
            if (!report.options().runs(spring)) {
                continue;
            }
            Double ric = cold(report.row(RuntimeKind.AWS_RIC, spring));
            Double plain = ratio(cold(report.row(RuntimeKind.LAMBDA_BRIDGE, spring)), ric);
            Double withRicCache = ratio(cold(report.row(RuntimeKind.OURS_FUNCTION_CACHE, spring)),
                    cold(report.row(RuntimeKind.AWS_RIC_AOT, spring)));
            String note = (plain == null ? "" : String.format(java.util.Locale.ROOT,
                    "without the function cache: %.2f", plain))
                    + (withRicCache == null ? "" : String.format(java.util.Locale.ROOT,
                    "; vs the RIC with its own cache: %.2f", withRicCache));
            goals.add(new Goal("ours + function cache / RIC cold start (" + spring.label + ", medians)",
                    ratio(cold(report.row(RuntimeKind.OURS_FUNCTION_CACHE, spring)), ric), "x", "<=",
                    FRAMEWORK_COLD_RATIO, note));
        }
        Double ricAot = cold(report.row(RuntimeKind.AWS_RIC_AOT, BenchHandler.HELLO_POJO));
        if (report.options().runs(RuntimeKind.AWS_RIC_AOT)) {
            Double wallAot = ratio(oursPojo == null ? null : oursPojo.cold().wallMs().median(),
                    report.row(RuntimeKind.AWS_RIC_AOT, BenchHandler.HELLO_POJO) == null ? null
                            : report.row(RuntimeKind.AWS_RIC_AOT, BenchHandler.HELLO_POJO).cold().wallMs().median());
            goals.add(new Goal("our cold start / RIC with its own AOT cache (hello POJO, medians)",
                    ratio(cold(oursPojo), ricAot), "x", "<=", COLD_RATIO_RIC_AOT, wallAot == null ? ""
                            : String.format(java.util.Locale.ROOT, "wall-clock cross-check: %.2f", wallAot)));
        }
        Results.Overhead overhead = report.overhead();
        goals.add(new Goal("emulator overhead (median)", overhead == null ? null : overhead.medianUs(), "us",
                "<", EMULATOR_OVERHEAD_US, overhead == null ? "needs the raw loop" : String.format(
                        "raw loop: %.1f us via Emulator.invoke - %.1f us via a minimal server",
                        overhead.viaEmulatorUs().median(), overhead.viaMinimalServerUs().median())));
        goals.add(new Goal("our hello POJO peak RSS", oursPojo == null ? null : oursPojo.warm().peakRssMb(),
                "MB", "<", POJO_RSS_MB, oursPojo == null ? "" : String.format(
                        "VmHWM after %d invokes; %d MB at the first response (median)",
                        oursPojo.warm().roundTripUs().n() + report.options().warmUp() + 1,
                        Math.round(oursPojo.cold().rssMb().median()))));
        return goals;
    }

    /** The same ratio without the emulator (both runtimes against the minimal server), as a note. */
    private static String direct(Results.Report report, BenchHandler ours, RuntimeKind otherKind,
                                 BenchHandler otherHandler, String prefix) {
        Results.Direct mine = report.direct(RuntimeKind.LAMBDA_BRIDGE, ours);
        Results.Direct other = report.direct(otherKind, otherHandler);
        Double ratio = ratio(mine == null ? null : mine.roundTripUs().median(),
                other == null ? null : other.roundTripUs().median());
        return ratio == null ? prefix.replaceFirst("; $", "")
                : prefix + String.format(java.util.Locale.ROOT, "without the emulator: %.2f", ratio);
    }

    private static Double cold(Results.Row row) {
        return row == null ? null : row.cold().firstResponseMs().median();
    }

    private static Double warm(Results.Row row) {
        return row == null ? null : row.warm().roundTripUs().median();
    }

    private static Double ratio(Double ours, Double theirs) {
        return ours == null || theirs == null || theirs == 0 ? null : ours / theirs;
    }
}
