package dev.lambdabridge.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness end to end in quick mode, on the raw-socket runtime only: sane numbers, a table, a valid SVG. */
class RuntimeBenchmarkSmokeTest {

    @Test
    void quickRunOnTheRawLoopGivesSaneNumbersAndAParseableChart(@TempDir Path out) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse("--quick", "--runtimes", "raw", "--out", out.toString(),
                "--module", Path.of("").toAbsolutePath().toString());
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        Results.Report report = new RuntimeBenchmark(options, new PrintStream(progress, true,
                StandardCharsets.UTF_8)).run();

        assertEquals(1, report.rows().size(), "the raw loop runs the echo only");
        Results.Row raw = report.rows().getFirst();
        Results.Cold cold = raw.cold();
        assertEquals(3, cold.firstResponseMs().n(), "--quick: 3 cold starts");
        assertTrue(cold.firstResponseMs().median() > 1 && cold.firstResponseMs().median() < 30_000,
                "a JVM starts in more than 1 ms and less than 30 s: " + cold);
        assertTrue(cold.wallMs().median() > 1 && cold.wallMs().median() < 30_000, "wall-clock: " + cold);
        assertTrue(cold.initMs().median() < cold.firstResponseMs().median(), "init is part of the cold start");
        Stats warm = raw.warm().roundTripUs();
        assertEquals(300, warm.n(), "--quick: 300 measured invokes");
        assertTrue(warm.median() > 1 && warm.median() < 100_000, "a loopback round trip: " + warm);
        assertTrue(warm.min() <= warm.median() && warm.median() <= warm.p99() && warm.p99() <= warm.max(),
                "ordered statistics: " + warm);
        assertTrue(raw.warm().peakRssMb() > 5 && raw.warm().peakRssMb() < 2048, "a JVM's RSS: " + raw.warm());
        assertNotNull(report.overhead(), "the raw loop also runs against the minimal server");
        assertTrue(report.overhead().viaMinimalServerUs().median() > 0);
        assertFalse(report.profiles().isEmpty(), "one profiled cold start");
        assertTrue(report.profiles().getFirst().classes() > 100, "a JVM loads hundreds of classes: "
                + report.profiles().getFirst());

        WrittenReport written = WrittenReport.write(out, RuntimeReport.of("runtime", report));
        String markdown = written.markdown();
        assertTrue(markdown.contains("| raw socket loop | stream echo |"), markdown);
        assertTrue(markdown.contains("| our cold start / RIC cold start (hello POJO, medians) | n/a |"),
                "goals whose runtimes did not run are n/a:\n" + markdown);
        assertTrue(markdown.contains("emulator overhead (median)"), markdown);

        assertTrue(written.rects() >= 1 + 1 + 3, "background, legend and a bar in each of the three panels");
        assertTrue(written.svgText().contains("raw socket loop"), "the legend names the runtime");
        assertEquals(raw.warm().roundTripUs().median(), written.json().at("/panels/1/groups/0/bars/0/value")
                .asDouble(), 1e-9, "the JSON holds the chart's numbers");
    }

    @Test
    void statsUseTheMiddleOfAnEvenSampleAndNearestRankPercentiles() {
        Stats stats = Stats.of(new double[] {4, 1, 3, 2});
        assertEquals(2.5, stats.median());
        assertEquals(4, stats.p99());
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        assertEquals(99, Stats.of(hundred).p99());
        assertEquals(90, Stats.of(hundred).p90());
    }

    @Test
    void readsTheJvmOptionsOffTheBootstrapsJavaCommand() throws Exception {
        JvmFlags flags = JvmFlags.parse(java.util.List.of("-XX:MaxHeapSize=445644k", "-XX:+UseSerialGC",
                "-XX:AOTCache=/opt/lib/runtime.aot", "-cp", "/opt/lib/*", JvmFlags.MAIN_CLASS), Path.of("bootstrap"));
        assertEquals(java.util.List.of("-XX:MaxHeapSize=445644k", "-XX:+UseSerialGC"), flags.options());
        assertEquals("-XX:AOTCache=/opt/lib/runtime.aot", flags.ourAotCache());
    }

    @Test
    void countsClassesBySource() {
        Results.Profile profile = ClassLoadProfile.parse(RuntimeKind.RAW_SOCKET, BenchHandler.STREAM_ECHO,
                java.util.List.of(
                        "[0.020s][startuptime] Create VM, 0.0195 secs",
                        "[0.010s][class,load] java.lang.Object source: shared objects file",
                        "[0.011s][class,load] com.fasterxml.jackson.core.JsonParser source: shared objects file",
                        "[0.030s][class,load] sun.nio.ch.Foo source: jrt:/java.base",
                        "[0.040s][class,load] a.B source: file:/x/target/function/",
                        "[0.041s][class,load] c.D source: jar:file:/x/lib/dep-1.0.jar!/c/D.class",
                        "[0.050s][class,load] a.B$$Lambda/0x1 source: a.B"));
        assertEquals(6, profile.classes());
        assertEquals(2, profile.fromCds());
        assertEquals(1, profile.appFromCache(), "a library class from an AOT cache");
        assertEquals(1, profile.fromJdk());
        assertEquals(2, profile.fromApp());
        assertEquals(1, profile.generated());
        assertEquals(19.5, profile.createVmMs(), 1e-9);
        assertEquals(50, profile.lastLoadMs(), 1e-9);
        assertEquals("dep-1.0.jar", ClassLoadProfile.shortName("jar:file:/x/lib/dep-1.0.jar!/c/D.class"));
        assertEquals("function/", ClassLoadProfile.shortName("file:/x/target/function/"));
    }

    @Test
    void theFrameworkRunComparesOursWithTheRicWithAndWithoutItsOwnCacheOnTheSpringSamples() {
        BenchmarkOptions options = BenchmarkOptions.parse("--frameworks", "--module", "/x/runtime/test/benchmark");
        assertEquals(java.util.Set.of(RuntimeKind.LAMBDA_BRIDGE, RuntimeKind.AWS_RIC, RuntimeKind.AWS_RIC_AOT),
                options.runtimes());
        assertEquals(java.util.Set.of(BenchHandler.HELLO_POJO, BenchHandler.SPRING_CLOUD_FUNCTION,
                BenchHandler.SPRING_CONTAINER), options.handlers());
        assertEquals(Path.of("/x/samples/frameworks/spring-cloud-function/target/function"),
                BenchHandler.SPRING_CLOUD_FUNCTION.codeDir(Path.of("/x/runtime/test/benchmark")));
        BenchmarkOptions plain = BenchmarkOptions.parse("--module", "/x/runtime/test/benchmark");
        assertEquals(java.util.Set.of(RuntimeKind.LAMBDA_BRIDGE, RuntimeKind.AWS_RIC, RuntimeKind.RAW_SOCKET),
                plain.runtimes(), "the default run is unchanged");
        assertEquals(java.util.Set.of(BenchHandler.STREAM_ECHO, BenchHandler.HELLO_POJO), plain.handlers());
        BenchmarkOptions functionCache = BenchmarkOptions.from(Options.parse("function-cache", BenchmarkOptions.SPECS,
                "--module", "/x/runtime/test/benchmark", "--handlers", "pojo"), Bench.Suite.FUNCTION_CACHE);
        assertEquals(java.util.Set.of(RuntimeKind.LAMBDA_BRIDGE, RuntimeKind.OURS_FUNCTION_CACHE),
                functionCache.runtimes(), "the function-cache suite: ours without and with the function's cache");
        assertEquals(java.util.Set.of(BenchHandler.HELLO_POJO), functionCache.handlers(), "what --handlers says");
    }

    @Test
    void everyRuntimeGetsTheBootstrapsOptionsAndOnlyItsOwnCache() {
        JvmFlags flags = new JvmFlags(java.util.List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                "-XX:AOTCache=/opt/lib/runtime.aot", "test");
        Setup setup = new Setup(Path.of("/jre/bin/java"), Path.of("/jre"), flags, Path.of("/opt/bootstrap"), null,
                Path.of("/x/runtime/test/benchmark"), "/ric/a.jar:/ric/b.jar", Path.of("/x/classes"), 512,
                new Setup.Caches(java.util.Map.of(RuntimeKind.AWS_RIC_AOT, Path.of("/aot/ric.aot"),
                        RuntimeKind.OURS_TIERED_PROFILED, Path.of("/aot/tiered.aot")), java.util.Map.of()));

        assertEquals(java.util.List.of("/jre/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                "/ric/a.jar:/ric/b.jar", Setup.RIC_MAIN, BenchHandler.SPRING_CONTAINER.handler),
                setup.command(RuntimeKind.AWS_RIC, BenchHandler.SPRING_CONTAINER, java.util.List.of()));
        assertEquals(java.util.List.of("/jre/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:AOTCache=/aot/ric.aot", "-cp", "/ric/a.jar:/ric/b.jar", Setup.RIC_MAIN,
                BenchHandler.SPRING_CONTAINER.handler),
                setup.command(RuntimeKind.AWS_RIC_AOT, BenchHandler.SPRING_CONTAINER, java.util.List.of()),
                "the same options and class path, plus its own cache");
        assertEquals(java.util.Map.of("JAVA_HOME", "/jre"),
                setup.runtimeEnv(RuntimeKind.LAMBDA_BRIDGE, BenchHandler.SPRING_CONTAINER),
                "ours: the bootstrap as it ships, with its dist's cache");
        assertEquals(java.util.Map.of("JAVA_HOME", "/jre", "LAMBDA_BRIDGE_AOT", "off",
                "LAMBDA_BRIDGE_JVM_OPTS", "-XX:TieredStopAtLevel=4 -XX:AOTCache=/aot/tiered.aot"),
                setup.runtimeEnv(RuntimeKind.OURS_TIERED_PROFILED, BenchHandler.HELLO_POJO),
                "a settings candidate overrides the bootstrap's option and uses the cache trained with it");
        var function = setup.function("f", RuntimeKind.LAMBDA_BRIDGE, BenchHandler.SPRING_CONTAINER,
                java.util.List.of());
        assertEquals("example.frameworks.container.PathApplication", function.env().get("MAIN_CLASS"));
        assertEquals(Path.of("/x/samples/frameworks/serverless-java-container/target/function"), function.codeDir());
        var training = setup.training("t", RuntimeKind.AWS_RIC_AOT, Path.of("/code"), "a.B::handle", Path.of("/aot/new.aot"),
                200);
        assertTrue(training.command().contains("-XX:AOTCacheOutput=/aot/new.aot")
                && training.command().stream().noneMatch(arg -> arg.startsWith("-XX:AOTCache=")), training.command()
                .toString());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> setup.function("g",
                RuntimeKind.OURS_FUNCTION_CACHE, BenchHandler.SPRING_CONTAINER, java.util.List.of()),
                "no function cache trained: said, not silently run without one");
        Setup withFunctionCache = setup.withCaches(new Setup.Caches(java.util.Map.of(), java.util.Map.of(
                BenchHandler.SPRING_CONTAINER, Path.of("/x/target/benchmark-fn/container"))));
        assertEquals(Path.of("/x/target/benchmark-fn/container"), withFunctionCache.function("g",
                RuntimeKind.OURS_FUNCTION_CACHE, BenchHandler.SPRING_CONTAINER, java.util.List.of()).codeDir(),
                "the function cache's runtime runs the copy that holds lambda-bridge.aot");
        assertEquals(Path.of("/x/samples/frameworks/serverless-java-container/target/function"), withFunctionCache
                .function("h", RuntimeKind.LAMBDA_BRIDGE, BenchHandler.SPRING_CONTAINER, java.util.List.of())
                .codeDir(), "the others run the function's own directory, without it");
    }

    @Test
    void aFrameworksAnswerMustHoldWhatItsFunctionReturns() {
        String ok = "{\"statusCode\":200,\"headers\":{\"X-Served-By\":\"spring-mvc\"},\"body\":\"{\\\"method\\\":"
                + "\\\"GET\\\",\\\"path\\\":\\\"/my/path\\\"}\"}";
        assertTrue(BenchHandler.SPRING_CONTAINER.isExpected(ok.getBytes(StandardCharsets.UTF_8)), ok);
        assertFalse(BenchHandler.SPRING_CONTAINER.isExpected(ok.replace("200", "500")
                .getBytes(StandardCharsets.UTF_8)));
        assertFalse(BenchHandler.SPRING_CLOUD_FUNCTION.isExpected("{\"statusCode\":200}".getBytes(
                StandardCharsets.UTF_8)));
    }
}
