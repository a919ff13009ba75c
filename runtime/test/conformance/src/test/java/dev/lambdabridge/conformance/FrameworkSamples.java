package dev.lambdabridge.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where samples/frameworks' modules lay out their functions (target/function), built by the reactor first. */
final class FrameworkSamples {
    static final Path ROOT = Path.of(required("lambdabridge.samples.frameworks"));

    private FrameworkSamples() {
    }

    /** The Lambda layout of the sample {@code name} (a directory of samples/frameworks). */
    static Path function(String name) {
        Path code = ROOT.resolve(name).resolve("target/function");
        if (!Files.isDirectory(code.resolve("lib"))) {
            throw new IllegalStateException("No function layout at " + code + ": build samples/frameworks/" + name
                    + " first (mvn -pl samples/frameworks/" + name + " -am install -DskipTests)");
        }
        return code;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set (run through Maven)");
        }
        return value;
    }
}
