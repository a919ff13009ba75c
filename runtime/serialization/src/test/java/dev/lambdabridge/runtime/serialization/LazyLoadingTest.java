package dev.lambdabridge.runtime.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing of Jackson or AWS's library is loaded before it is needed (checked in a fresh JVM with -Xlog:class+load). */
class LazyLoadingTest {
    private static final String JACKSON = " com.fasterxml.jackson.";
    private static final String AWS_LIBRARY = " com.amazonaws.services.lambda.runtime.serialization.";
    private static final String AWS_SHADED = " com.amazonaws.lambda.thirdparty.";

    @Test
    void aStreamHandlerLoadsNeitherJacksonNorAwsLibrary() throws Exception {
        String log = run("none");
        assertTrue(log.contains("probe none"), log);
        assertEquals(List.of(), loaded(log, JACKSON, AWS_LIBRARY, AWS_SHADED));
    }

    @Test
    void aPojoHandlerDoesNotLoadAwsLibrary() throws Exception {
        String log = run("pojo");
        assertTrue(log.contains("{\"id\":\"o-1\",\"quantity\":2,\"items\":[\"a\",\"b\"]}"), log);
        assertEquals(List.of(), loaded(log, AWS_LIBRARY, AWS_SHADED));
    }

    @Test
    void anEventsHandlerUsesAwsLibrary() throws Exception {
        String log = run("event");
        assertTrue(!loaded(log, AWS_LIBRARY).isEmpty(), log);
    }

    private static List<String> loaded(String log, String... prefixes) {
        return log.lines().filter(l -> l.contains("class,load"))
                .filter(l -> List.of(prefixes).stream().anyMatch(l::contains)).limit(5).toList();
    }

    private static String run(String mode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info",
                "-cp", System.getProperty("java.class.path"), ColdStartProbe.class.getName(), mode)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return out;
    }
}
