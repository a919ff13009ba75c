package dev.lambdabridge.emulator;

/** Formats numbers with two decimals, as Lambda's REPORT lines, without {@code String.format}'s cost. */
final class Decimals {
    private Decimals() {
    }

    static String two(double value) {
        long hundredths = Math.round(value * 100);
        long fraction = hundredths % 100;
        return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
