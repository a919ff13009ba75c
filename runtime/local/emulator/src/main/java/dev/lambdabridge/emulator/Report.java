package dev.lambdabridge.emulator;

/**
 * The figures of one REPORT line.
 *
 * @param initDurationMs null when the invocation was warm
 * @param status         null, {@code timeout} or {@code error}
 * @param errorType      null, or the error type shown with {@code Status: error}
 */
record Report(double durationMs, Double initDurationMs, int memorySizeMb, int maxMemoryUsedMb, String status,
              String errorType) {

    /** Lambda bills custom runtimes for their init too: ceil(duration + init) ms. */
    long billedDurationMs() {
        double billed = durationMs + (initDurationMs == null ? 0 : initDurationMs);
        return Math.max(1, (long) Math.ceil(billed));
    }

    String format(String requestId) {
        StringBuilder line = new StringBuilder(200)
                .append("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(Decimals.two(durationMs)).append(" ms")
                .append("\tBilled Duration: ").append(billedDurationMs()).append(" ms")
                .append("\tMemory Size: ").append(memorySizeMb).append(" MB")
                .append("\tMax Memory Used: ").append(maxMemoryUsedMb).append(" MB");
        if (initDurationMs != null) {
            line.append("\tInit Duration: ").append(Decimals.two(initDurationMs)).append(" ms");
        }
        if (status != null) {
            line.append("\tStatus: ").append(status);
        }
        if (errorType != null) {
            line.append("\tError Type: ").append(errorType);
        }
        return line.toString();
    }
}
