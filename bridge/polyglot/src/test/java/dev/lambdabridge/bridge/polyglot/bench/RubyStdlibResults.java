package dev.lambdabridge.bridge.polyglot.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Ruby stdlib benchmark's measurements, per competitor, in the order they were first measured. */
final class RubyStdlibResults {
    final RubyStdlibOptions options;
    final String machine;
    final String date = Instant.now().toString();
    final Map<String, List<Double>> coldMs = new LinkedHashMap<>();
    final Map<String, double[]> warmUs = new LinkedHashMap<>();
    /** Each in-process round's [median, p99] in microseconds. */
    final Map<String, List<double[]>> inProcessUs = new LinkedHashMap<>();

    RubyStdlibResults(RubyStdlibOptions options, String machine) {
        this.options = options;
        this.machine = machine;
    }

    void cold(String competitor, double ms) {
        coldMs.computeIfAbsent(competitor, k -> new ArrayList<>()).add(ms);
    }

    void warm(String competitor, double[] us) {
        warmUs.put(competitor, us);
    }

    void inProcess(String competitor, double[] medianAndP99) {
        inProcessUs.computeIfAbsent(competitor, k -> new ArrayList<>()).add(medianAndP99);
    }

    double coldMedian(String competitor) {
        return Results.median(coldMs.get(competitor));
    }

    double warmPercentile(String competitor, double p) {
        return Results.percentile(warmUs.get(competitor), p);
    }

    /** The median of the rounds' medians (index 0) or p99s (index 1). */
    double inProcess(String competitor, int index) {
        List<Double> values = new ArrayList<>();
        for (double[] round : inProcessUs.get(competitor)) {
            values.add(round[index]);
        }
        return Results.median(values);
    }
}
