package dev.lambdabridge.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Command-line pieces both benchmarks' options share: option values, numbers, the module directory. */
final class Args {

    private Args() {
    }

    /** The next value of {@code option}, or an error with the usage text. */
    static String value(String option, List<String> rest, String usage) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value\n" + usage);
        }
        return rest.removeFirst();
    }

    static int number(String option, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, got: " + text);
        }
    }

    static int positive(String option, String text) {
        int n = number(option, text);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got: " + n);
        }
        return n;
    }

    /** The module directory: where this module's classes were loaded from is its target/classes; else ./runtime/test/benchmark. */
    static Path moduleDir() {
        try {
            Path classes = Path.of(Args.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path module = classes.getParent() == null ? null : classes.getParent().getParent();
            if (module != null && Files.isRegularFile(module.resolve("pom.xml"))) {
                return module;
            }
        } catch (Exception ignored) {
            // fall through to the working directory
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("runtime/test/benchmark")) ? here.resolve("runtime/test/benchmark") : here;
    }
}
