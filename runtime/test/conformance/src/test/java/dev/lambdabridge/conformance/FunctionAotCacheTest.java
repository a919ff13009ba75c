package dev.lambdabridge.conformance;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A function's own AOT cache, end to end: {@code emulator train-function} trains one on a small function through
 * the real emulator and bootstrap (runtime/core's dist), then the bootstrap uses it (its log line, and the JVM's
 * {@code -Xlog:class+load} shows the function's class coming from the cache), the function still sees only what it
 * sees without a cache (the {@code ManagedLibraries} handler's answer is the same), and a cache made for another
 * class path or another JRE falls back to the layer's cache or none, without a word from the JVM, and the function
 * still answers.
 */
@Tag("slow")
class FunctionAotCacheTest {
    private static final String HANDLER = "example.conformance.ManagedLibraries";
    private static final byte[] EVENT = ("{\"classes\":["
            + "\"com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers\","
            + "\"software.amazon.awssdk.utilslite.SdkInternalThreadLocal\","
            + "\"com.amazonaws.services.lambda.runtime.RequestHandler\","
            + "\"dev.lambdabridge.runtime.Bootstrap\","
            + "\"com.fasterxml.jackson.databind.ObjectMapper\"]}").getBytes(StandardCharsets.UTF_8);

    private static Path work;
    private static Path trained;
    private static String untrainedAnswer;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void train() throws Exception {
        work = Files.createTempDirectory("function-aot");
        Path plain = copy(TestFunction.prepare(List.of()), work.resolve("plain"));
        trained = copy(plain, work.resolve("trained"));
        Path event = work.resolve("event.json");
        Files.write(event, EVENT);
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process training = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.lambdabridge.emulator.cli.EmulatorCli", "train-function", "--bootstrap",
                Runtimes.BOOTSTRAP.toString(), "--code", trained.toString(), "--handler", HANDLER, "--event",
                event.toString(), "--invocations", "5")
                .redirectErrorStream(true).start();
        String output = new String(training.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(training.waitFor(5, TimeUnit.MINUTES), output);
        assertEquals(0, training.exitValue(), output);
        assertTrue(Files.size(trained.resolve("lambda-bridge.aot")) > 1_000_000, output);
        assertTrue(Files.readString(trained.resolve("lambda-bridge.aot.key")).contains(" lib/runtime-core.jar "));
        untrainedAnswer = invokeOnce(Runtimes.BOOTSTRAP, plain, Map.of(), new ArrayList<>()).payloadText();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theTrainedCacheIsUsedAndHoldsTheFunctionsClasses() throws Exception {
        Path classLoads = work.resolve("class-load.txt");
        InvokeResult result = invokeOnce(Runtimes.BOOTSTRAP, trained,
                Map.of("LAMBDA_BRIDGE_JVM_OPTS", "-Xlog:class+load:file=" + classLoads), log);
        assertFalse(result.isFunctionError(), result.payloadText());
        assertTrue(log.contains("lambda-bridge bootstrap: AOT cache: function (" + trained.resolve("lambda-bridge.aot")
                + ")"), String.join("\n", log));
        String loads = Files.readString(classLoads);
        assertTrue(loads.contains(" " + HANDLER + " source: shared objects file"), loadsOf(loads, "example."));
        assertTrue(loads.contains(" dev.lambdabridge.runtime.Bootstrap source: shared objects file"),
                loadsOf(loads, "dev.lambdabridge.runtime.Bootstrap"));
        assertNoJvmMessages();
    }

    @Test
    void theFunctionSeesWhatItSeesWithoutACache() {
        InvokeResult result = invokeOnce(Runtimes.BOOTSTRAP, trained, Map.of(), log);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("lambda-bridge bootstrap: AOT cache: function (")),
                String.join("\n", log));
        assertEquals(untrainedAnswer, result.payloadText());
        assertTrue(untrainedAnswer.contains("\"dev.lambdabridge.runtime.Bootstrap\":\"not visible")
                && untrainedAnswer.contains("\"com.fasterxml.jackson.databind.ObjectMapper\":\"not visible")
                && untrainedAnswer.contains("\"utils-lite-2.34.0.jar\""), untrainedAnswer);
    }

    @Test
    void aCacheMadeForAnotherClassPathFallsBackToTheLayersSilently() throws Exception {
        Path layer = copy(Runtimes.BOOTSTRAP.getParent(), work.resolve("other-class-path"));
        emptyJar(layer.resolve("lib/zz-extra.jar"));
        InvokeResult result = invokeOnce(layer.resolve("bootstrap"), trained, Map.of(), log);
        assertEquals(untrainedAnswer, result.payloadText());
        // the dist has a layer cache once scripts/build has trained one (a Maven build alone deletes it)
        Path layerCache = layer.toRealPath().resolve("lib/runtime.aot");
        String used = Files.isRegularFile(layerCache) ? "layer (" + layerCache + ")" : "none";
        assertTrue(log.contains("lambda-bridge bootstrap: AOT cache: " + used + "; " + trained.resolve("lambda-bridge.aot")
                + " was made for another JRE or class path: train it again with scripts/lambda-local train-function"),
                String.join("\n", log));
        assertNoJvmMessages();
    }

    @Test
    void aCacheMadeForAnotherJreFallsBackSilently() throws Exception {
        Path layer = copy(Runtimes.BOOTSTRAP.getParent(), work.resolve("other-jre"));
        // a layer with a JRE of its own, made from this JDK by jlink (so another modules image) and no cache
        Files.deleteIfExists(layer.resolve("lib/runtime.aot"));
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        Process process = new ProcessBuilder(jlink.toString(), "--add-modules", "java.base,java.sql,jdk.unsupported",
                "--no-header-files", "--no-man-pages", "--output", layer.resolve("jre").toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0, output);
        InvokeResult result = invokeOnce(layer.resolve("bootstrap"), trained, Map.of(), log);
        assertEquals(untrainedAnswer, result.payloadText());
        assertTrue(log.contains("lambda-bridge bootstrap: AOT cache: none; " + trained.resolve("lambda-bridge.aot")
                + " was made for another JRE or class path: train it again with scripts/lambda-local train-function"),
                String.join("\n", log));
        assertNoJvmMessages();
    }

    /** The JVM's own messages ([0.012s][warning][aot] ...) would be on the function's log. */
    private void assertNoJvmMessages() {
        assertTrue(log.stream().noneMatch(l -> l.contains("][warning]") || l.contains("][error")),
                String.join("\n", log));
    }

    private static InvokeResult invokeOnce(Path bootstrap, Path code, Map<String, String> env, List<String> log) {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(log::add))) {
            emulator.addFunction(FunctionConfig.of("managed_libraries", HANDLER, code)
                    .withCommand(List.of(bootstrap.toString()))
                    .withTimeout(Duration.ofSeconds(60))
                    .withEnv(env));
            InvokeResult result = emulator.invoke("managed_libraries", InvokeRequest.of(EVENT));
            assertFalse(result.isFunctionError(), result.payloadText() + "\n" + String.join("\n", log));
            return result;
        }
    }

    private static String loadsOf(String loads, String prefix) {
        return String.join("\n", loads.lines().filter(l -> l.contains("] " + prefix)).toList());
    }

    private static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    private static void emptyJar(Path file) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }
}
