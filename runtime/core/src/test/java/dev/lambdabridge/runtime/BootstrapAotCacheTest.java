package dev.lambdabridge.runtime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bootstrap script's choice of AOT cache (src/main/dist/bootstrap), run as it is, in a layer laid out in a
 * temporary directory: lib/*.jar, lib/runtime.aot, and a jre/ whose bin/java prints the options it was given (the
 * choice is made before the JVM starts; what the JVM does with a cache is tested end to end in runtime/test/conformance,
 * FunctionAotCacheTest). The function's cache and key are files in the task root.
 */
class BootstrapAotCacheTest {
    private static final Path BOOTSTRAP = Path.of("src/main/dist/bootstrap");

    @TempDir
    Path dir;
    private Path layer;
    private Path taskRoot;

    /** What the bootstrap printed on stderr, and the JVM's arguments (the fake java prints one a line). */
    record Start(String stderr, List<String> jvmArgs) {
        String cacheOption() {
            return jvmArgs.stream().filter(a -> a.startsWith("-XX:AOTCache")).findFirst().orElse("");
        }
    }

    @BeforeEach
    void layOut() throws IOException {
        layer = dir.resolve("opt");
        taskRoot = dir.resolve("task");
        Files.createDirectories(layer.resolve("lib"));
        Files.createDirectories(layer.resolve("jre/bin"));
        Files.createDirectories(layer.resolve("jre/lib/server"));
        Files.createDirectories(taskRoot);
        Files.copy(BOOTSTRAP, layer.resolve("bootstrap"));
        executable(layer.resolve("bootstrap"));
        Path java = layer.resolve("jre/bin/java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        executable(java);
        bytes(layer.resolve("jre/lib/modules"), 3000);
        bytes(layer.resolve("jre/lib/server/libjvm.so"), 2000);
        bytes(layer.resolve("lib/runtime-core.jar"), 100);
        bytes(layer.resolve("lib/jackson-databind-2.23.0.jar"), 200);
        bytes(layer.resolve("lib/runtime.aot"), 10);
    }

    @Test
    void aFunctionWithoutACacheGetsTheLayersAndNoLogLine() throws Exception {
        Start start = start(layer, Map.of());
        assertEquals("-XX:AOTCache=" + layer.toRealPath().resolve("lib/runtime.aot"), start.cacheOption());
        assertEquals("", start.stderr());
    }

    /**
     * java-runtime's second cache, trained on AWS's event serializers too, goes to a function that carries
     * aws-lambda-java-events: its jar in lib/ or at the root, or its classes unpacked (a shaded jar).
     */
    @Test
    void aFunctionWithAwsLambdaJavaEventsGetsTheEventsCache() throws Exception {
        bytes(layer.resolve("lib/runtime-events.aot"), 10);
        String events = "-XX:AOTCache=" + layer.toRealPath().resolve("lib/runtime-events.aot");
        String plain = "-XX:AOTCache=" + layer.toRealPath().resolve("lib/runtime.aot");
        assertEquals(plain, start(layer, Map.of()).cacheOption(), "no events jar");

        Files.createDirectories(taskRoot.resolve("lib"));
        bytes(taskRoot.resolve("lib/aws-lambda-java-events-3.16.1.jar"), 10);
        Start inLib = start(layer, Map.of());
        assertEquals(events, inLib.cacheOption());
        assertEquals("", inLib.stderr());

        Files.delete(taskRoot.resolve("lib/aws-lambda-java-events-3.16.1.jar"));
        bytes(taskRoot.resolve("aws-lambda-java-events-3.11.0.jar"), 10);
        assertEquals(events, start(layer, Map.of()).cacheOption(), "at the task root");

        Files.delete(taskRoot.resolve("aws-lambda-java-events-3.11.0.jar"));
        Files.createDirectories(taskRoot.resolve("com/amazonaws/services/lambda/runtime/events"));
        assertEquals(events, start(layer, Map.of()).cacheOption(), "unpacked");

        // a layer without the second cache: its only one
        Files.delete(layer.resolve("lib/runtime-events.aot"));
        assertEquals(plain, start(layer, Map.of()).cacheOption(), "no runtime-events.aot");
    }

    @Test
    void theFunctionsOwnCacheStillComesFirst() throws Exception {
        bytes(layer.resolve("lib/runtime-events.aot"), 10);
        Files.createDirectories(taskRoot.resolve("lib"));
        bytes(taskRoot.resolve("lib/aws-lambda-java-events-3.16.1.jar"), 10);
        Path cache = trainedCache();
        assertEquals("-XX:AOTCache=" + cache, start(layer, Map.of()).cacheOption());
        assertEquals("", start(layer, Map.of("LAMBDA_BRIDGE_AOT", "off")).cacheOption());
    }

    @Test
    void trainingAsksTheJvmForTheCacheAndWritesTheKey() throws Exception {
        Path cache = taskRoot.resolve("lambda-bridge.aot");
        Start start = start(layer, Map.of("LAMBDA_BRIDGE_AOT_TRAINING", cache.toString()));
        assertEquals("-XX:AOTCacheOutput=" + cache, start.cacheOption());
        String key = Files.readString(taskRoot.resolve("lambda-bridge.aot.key"));
        assertEquals("lambda-bridge-aot-key 1: JRE/lib/modules JRE/lib/server/libjvm.so"
                + " lib/jackson-databind-2.23.0.jar lib/runtime-core.jar: 3000 2000 200 100\n", key);
        assertEquals("", start.stderr());
    }

    @Test
    void aCacheMadeForThisJreAndClassPathIsUsedAndSaysSo() throws Exception {
        Path cache = trainedCache();
        Start start = start(layer, Map.of());
        assertEquals("-XX:AOTCache=" + cache, start.cacheOption());
        assertEquals("lambda-bridge bootstrap: AOT cache: function (" + cache + ")\n", start.stderr());
    }

    @Test
    void theKeyDoesNotDependOnWhereTheLayerIs() throws Exception {
        Path cache = trainedCache();
        Path moved = dir.resolve("elsewhere/opt");
        Files.createDirectories(moved.getParent());
        Files.move(layer, moved);
        Start start = start(moved, Map.of());
        assertEquals("-XX:AOTCache=" + cache, start.cacheOption());
    }

    @Test
    void aJarOfAnotherSizeMeansTheLayerCacheWithTheReason() throws Exception {
        Path cache = trainedCache();
        Files.write(layer.resolve("lib/runtime-core.jar"), new byte[1], StandardOpenOption.APPEND);
        Start start = start(layer, Map.of());
        assertEquals("-XX:AOTCache=" + layer.toRealPath().resolve("lib/runtime.aot"), start.cacheOption());
        assertEquals("lambda-bridge bootstrap: AOT cache: layer (" + layer.toRealPath().resolve("lib/runtime.aot")
                + "); " + cache + " was made for another JRE or class path: train it again with scripts/lambda-local"
                + " train-function\n", start.stderr());
    }

    @Test
    void anotherJarOnTheClassPathMeansTheLayerCache() throws Exception {
        trainedCache();
        bytes(layer.resolve("lib/bridge-process-0.1.0.jar"), 50);
        assertTrue(start(layer, Map.of()).cacheOption().endsWith("lib/runtime.aot"));
    }

    @Test
    void anotherJreMeansTheLayerCache() throws Exception {
        trainedCache();
        bytes(layer.resolve("jre/lib/modules"), 3001);
        Start start = start(layer, Map.of());
        assertTrue(start.cacheOption().endsWith("lib/runtime.aot"), start.toString());
        assertTrue(start.stderr().startsWith("lambda-bridge bootstrap: AOT cache: layer ("), start.stderr());
    }

    @Test
    void noLayerCacheEitherMeansNone() throws Exception {
        Path cache = trainedCache();
        Files.delete(layer.resolve("lib/runtime.aot"));
        bytes(layer.resolve("jre/lib/server/libjvm.so"), 2001);
        Start start = start(layer, Map.of());
        assertEquals("", start.cacheOption());
        assertEquals("lambda-bridge bootstrap: AOT cache: none; " + cache + " was made for another JRE or class"
                + " path: train it again with scripts/lambda-local train-function\n", start.stderr());
    }

    @Test
    void aCacheWithoutItsKeyIsNotUsed() throws Exception {
        Path cache = trainedCache();
        Files.delete(taskRoot.resolve("lambda-bridge.aot.key"));
        Start start = start(layer, Map.of());
        assertTrue(start.cacheOption().endsWith("lib/runtime.aot"), start.toString());
        assertTrue(start.stderr().contains(cache + " has no lambda-bridge.aot.key next to it"), start.stderr());
    }

    @Test
    void aotOffMeansNoCacheAtAll() throws Exception {
        trainedCache();
        Start start = start(layer, Map.of("LAMBDA_BRIDGE_AOT", "off"));
        assertEquals("", start.cacheOption());
        assertEquals("lambda-bridge bootstrap: AOT cache: none; LAMBDA_BRIDGE_AOT=off\n", start.stderr());
        assertFalse(start(layer, Map.of("LAMBDA_BRIDGE_AOT", "off")).jvmArgs().isEmpty());
    }

    /** A training run's key, and a cache file where the JVM would have written one. */
    private Path trainedCache() throws Exception {
        Path cache = taskRoot.resolve("lambda-bridge.aot");
        start(layer, Map.of("LAMBDA_BRIDGE_AOT_TRAINING", cache.toString()));
        bytes(cache, 10);
        return cache;
    }

    private Start start(Path layerDir, Map<String, String> extraEnv) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", layerDir.resolve("bootstrap").toString());
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.putAll(new HashMap<>(extraEnv));
        Path err = dir.resolve("stderr.txt");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the bootstrap did not finish");
        String stderr = Files.readString(err);
        assertEquals(0, process.exitValue(), stderr);
        return new Start(stderr, Arrays.asList(out.split("\n")));
    }

    private static void bytes(Path file, int size) throws IOException {
        Files.write(file, new byte[size]);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
