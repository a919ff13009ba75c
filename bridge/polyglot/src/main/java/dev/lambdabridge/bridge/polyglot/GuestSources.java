package dev.lambdabridge.bridge.polyglot;

import org.graalvm.polyglot.Source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The bridge's own guest code (bridge.js, bridge.rb), read once from this jar. */
final class GuestSources {
    static final Source JS = read("js", "bridge.js");
    static final Source RUBY = read("ruby", "bridge.rb");

    private GuestSources() {
    }

    private static Source read(String language, String name) {
        try (InputStream in = GuestSources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the bridge-polyglot jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // internal: its frames do not show in the function's stack traces
            return Source.newBuilder(language, text, "lambda-bridge/" + name).internal(true).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
