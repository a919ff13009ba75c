package dev.lambdabridge.bridge.process;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the worker shims (bridge/process/shims: {@code php/lambda_bridge.php}, {@code ruby/lambda_bridge.rb},
 * {@code python/lambda_bridge.py}, {@code node/lambda_bridge.js}) are at run time, and the environment that lets a
 * worker load them by name ({@code require 'lambda_bridge.php'}, {@code require 'lambda_bridge'}, {@code import
 * lambda_bridge}) or, for Node.js, preloads the shim before the function's own module:
 * <ul>
 *   <li>{@code LAMBDA_BRIDGE_SHIMS}: the shims directory;</li>
 *   <li>{@code PHP_INI_SCAN_DIR}: {@code <shims>/php/conf.d} added after the existing value (an empty element keeps
 *       PHP's compiled-in scan directory), whose ini file puts {@code <shims>/php} on PHP's include path;</li>
 *   <li>{@code RUBYLIB}: {@code <shims>/ruby} before the existing value;</li>
 *   <li>{@code PYTHONPATH}: {@code <shims>/python} before the existing value;</li>
 *   <li>{@code NODE_OPTIONS}: {@code --require "<shims>/node/lambda_bridge.js"} before the existing value, only when
 *       the program is Node.js itself (named {@code node} or {@code nodejs}): the preload serves the module's exported handler, and
 *       takes itself out of {@code NODE_OPTIONS} so that the Node.js programs the worker starts do not get it.</li>
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

    /**
     * The variables to add to a worker's environment; empty when no shims directory is found.
     *
     * @param program the worker's program, as resolved: NODE_OPTIONS only for {@code node}
     */
    static Map<String, String> environment(Map<String, String> env, Path program) {
        return environment(locate(env), env, program);
    }

    /** The variables for the shims in {@code dir} (null: none). */
    static Map<String, String> environment(Path dir, Map<String, String> env, Path program) {
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
        Path python = dir.resolve("python");
        if (Files.isDirectory(python)) {
            String existing = env.get("PYTHONPATH");
            vars.put("PYTHONPATH", existing == null || existing.isEmpty() ? python.toString()
                    : python + ":" + existing);
        }
        Path node = dir.resolve("node").resolve("lambda_bridge.js");
        if (Files.isRegularFile(node) && program != null && program.getFileName() != null
                && List.of("node", "nodejs").contains(program.getFileName().toString())) {
            // NODE_OPTIONS is split on spaces; a double-quoted value may hold them (with \ and \" escaped)
            String preload = "--require \"" + node.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            String existing = env.get("NODE_OPTIONS");
            vars.put("NODE_OPTIONS", existing == null || existing.isBlank() ? preload : preload + " " + existing);
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
