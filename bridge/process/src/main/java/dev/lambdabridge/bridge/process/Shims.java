package dev.lambdabridge.bridge.process;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the worker shims (bridge/process/shims: {@code php/lambda_bridge.php}, {@code ruby/lambda_bridge.rb}) are
 * at run time, and the environment that lets a worker script load them by name ({@code require
 * 'lambda_bridge.php'}, {@code require 'lambda_bridge'}):
 * <ul>
 *   <li>{@code LAMBDA_BRIDGE_SHIMS}: the shims directory;</li>
 *   <li>{@code PHP_INI_SCAN_DIR}: {@code <shims>/php/conf.d} added after the existing value (an empty element keeps
 *       PHP's compiled-in scan directory), whose ini file puts {@code <shims>/php} on PHP's include path;</li>
 *   <li>{@code RUBYLIB}: {@code <shims>/ruby} before the existing value.</li>
 * </ul>
 * The directory is the system property {@code lambdabridge.shims} (tests), else the function's own
 * {@code LAMBDA_BRIDGE_SHIMS}, else {@code /opt/lambda-bridge/shims} (where the PHP and Ruby layers put it), else
 * {@code lambda-bridge/shims} beside the runtime's {@code lib/} (layers/dist ships it there, so that it is the
 * same {@code /opt/lambda-bridge/shims} once unpacked to {@code /opt}). None found: nothing is set.
 */
final class Shims {
    static final String VARIABLE = "LAMBDA_BRIDGE_SHIMS";
    static final String LAYER_DIRECTORY = "/opt/lambda-bridge/shims";

    private Shims() {
    }

    /** The variables to add to a worker's environment; empty when no shims directory is found. */
    static Map<String, String> environment(Map<String, String> env) {
        Path dir = locate(env);
        Map<String, String> vars = new LinkedHashMap<>();
        if (dir == null) {
            return vars;
        }
        vars.put(VARIABLE, dir.toString());
        Path phpConf = dir.resolve("php").resolve("conf.d");
        if (Files.isDirectory(phpConf)) {
            String existing = env.getOrDefault("PHP_INI_SCAN_DIR", "");
            vars.put("PHP_INI_SCAN_DIR", existing + ":" + phpConf);
        }
        Path ruby = dir.resolve("ruby");
        if (Files.isDirectory(ruby)) {
            String existing = env.get("RUBYLIB");
            vars.put("RUBYLIB", existing == null || existing.isEmpty() ? ruby.toString() : ruby + ":" + existing);
        }
        return vars;
    }

    static Path locate(Map<String, String> env) {
        for (String candidate : new String[] {System.getProperty("lambdabridge.shims"), env.get(VARIABLE),
                LAYER_DIRECTORY}) {
            if (candidate != null && !candidate.isBlank() && Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate).toAbsolutePath().normalize();
            }
        }
        try {
            Path jar = Path.of(Shims.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = jar.getParent() == null || jar.getParent().getParent() == null ? null
                    : jar.getParent().getParent().resolve("lambda-bridge").resolve("shims");
            return beside != null && Files.isDirectory(beside) ? beside : null;
        } catch (URISyntaxException | RuntimeException unknownLocation) {
            return null;
        }
    }
}
