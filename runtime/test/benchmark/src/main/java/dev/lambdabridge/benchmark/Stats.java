package dev.lambdabridge.benchmark;

import java.util.Arrays;

/**
 * Order statistics of a sample. The median of an even count is the mean of the middle two; p90 and p99 are
 * nearest-rank (the smallest value with at least that share of the sample at or below it).
 */
record Stats(int n, double min, double median, double p90, double p99, double max) {

    static Stats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(n, sorted[0], median, rank(sorted, 0.90), rank(sorted, 0.99), sorted[n - 1]);
    }

    /** Nanosecond samples as microseconds. */
    static Stats micros(long[] nanos) {
        double[] micros = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            micros[i] = nanos[i] / 1000.0;
        }
        return of(micros);
    }

    private static double rank(double[] sorted, double share) {
        int index = (int) Math.ceil(share * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
