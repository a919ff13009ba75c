package dev.lambdabridge.bridge.polyglot.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run measured, by language and configuration, in the order measured. */
final class Results {
    final BenchOptions options;
    final String machine;
    final String loadAtStart;
    final Map<String, Map<String, List<Double>>> coldMs = new LinkedHashMap<>();
    final Map<String, Map<String, double[]>> warmUs = new LinkedHashMap<>();
    final Map<String, Map<String, List<double[]>>> inProcessUs = new LinkedHashMap<>();

    Results(BenchOptions options, String machine) {
        this.options = options;
        this.machine = machine;
        this.loadAtStart = Machine.load();
    }

    void cold(String lang, String config, double ms) {
        coldMs.computeIfAbsent(lang, k -> new LinkedHashMap<>()).computeIfAbsent(config, k -> new ArrayList<>()).add(ms);
    }

    void warm(String lang, String config, double[] us) {
        warmUs.computeIfAbsent(lang, k -> new LinkedHashMap<>()).put(config, us);
    }

    void inProcess(String lang, String config, double[] medianAndP99) {
        inProcessUs.computeIfAbsent(lang, k -> new LinkedHashMap<>()).computeIfAbsent(config, k -> new ArrayList<>())
                .add(medianAndP99);
    }

    static double median(List<Double> values) {
        return percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Each JVM's in-process median (one per round), sorted. */
    List<Double> inProcessMedians(String lang, String config) {
        return inProcessUs.get(lang).get(config).stream().map(pair -> pair[0]).sorted().toList();
    }

    /** The median over rounds of the in-process medians (index 0) or p99s (index 1). */
    double inProcess(String lang, String config, int index) {
        return median(inProcessUs.get(lang).get(config).stream().map(pair -> pair[index]).toList());
    }
}
