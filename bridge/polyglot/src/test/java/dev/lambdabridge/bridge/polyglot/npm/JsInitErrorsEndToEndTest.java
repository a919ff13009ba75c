package dev.lambdabridge.bridge.polyglot.npm;

import static dev.lambdabridge.bridge.polyglot.npm.SideBySide.Outcome.trace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdabridge.bridge.polyglot.RuntimeDist;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdabridge.bridge.polyglot.npm.SideBySide.Outcome;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Init errors of each kind, through the emulator, compared with what AWS's Node.js runtime (aws-lambda-ric 4.0.2 on
 * Node.js 22) answers for the same function (src/test/resources/functions/js-errors).
 */
@Tag("slow")
class JsInitErrorsEndToEndTest {
    private static final String[] CASES = {"syntax", "missing", "throws", "nohandler", "notfn", "tla", "esmmissing",
        "throwstr", "defaulthandler", "nofile"};
    private static SideBySide runtimes;

    @TempDir
    static Path runtime;

    @BeforeAll
    static void start() throws Exception {
        Path code = Path.of(System.getProperty("lambdabridge.polyglot.testFunctions")).resolve("js-errors");
        runtimes = new SideBySide(RuntimeDist.assemble(runtime));
        for (String name : CASES) {
            runtimes.add(name, name + ".handler", code, Map.of());
        }
    }

    @AfterAll
    static void stop() {
        if (runtimes != null) {
            runtimes.close();
        }
    }

    /** errorType, errorMessage and the stack's first line as Node's runtime reports them. */
    private static Outcome sameError(String name) {
        Outcome outcome = runtimes.invoke(name, "{}");
        assertTrue(outcome.nodeResult().isFunctionError(), outcome.describe());
        assertTrue(outcome.oursResult().isFunctionError(), outcome.describe());
        assertEquals(outcome.node().path("errorType"), outcome.ours().path("errorType"), outcome.describe());
        // the body's keys, as Node.js's runtime names them (errorType, errorMessage, trace)
        assertEquals(fieldNames(outcome.node()), fieldNames(outcome.ours()), outcome.describe());
        assertEquals(trace(outcome.node()).path(0), trace(outcome.ours()).path(0), outcome.describe());
        return outcome;
    }

    private static Set<String> fieldNames(JsonNode body) {
        Set<String> names = new TreeSet<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aSyntaxErrorIsUserCodeSyntaxErrorWithNodesStackHead() {
        Outcome outcome = sameError("syntax");
        assertTrue(outcome.ours().path("errorMessage").asText().startsWith("SyntaxError: "), outcome.describe());
        // the file and line, the line's code, the caret under the column: as Node prints them
        for (int i = 0; i < 4; i++) {
            assertEquals(trace(outcome.node()).path(i), trace(outcome.ours()).path(i), outcome.describe());
        }
    }

    @Test
    void aMissingModuleIsImportModuleErrorWithTheRequireStack() {
        Outcome outcome = sameError("missing");
        assertEquals(outcome.node().path("errorMessage"), outcome.ours().path("errorMessage"), outcome.describe());
        for (int i = 0; i < 4; i++) {
            assertEquals(trace(outcome.node()).path(i), trace(outcome.ours()).path(i), outcome.describe());
        }
    }

    @Test
    void aThrowAtTopLevelIsReportedWithItsNameMessageAndFrame() {
        Outcome outcome = sameError("throws");
        assertEquals(outcome.node().path("errorMessage"), outcome.ours().path("errorMessage"), outcome.describe());
        assertEquals(trace(outcome.node()).path(1), trace(outcome.ours()).path(1), outcome.describe());
        Outcome string = sameError("throwstr");
        assertEquals(string.node().path("errorMessage"), string.ours().path("errorMessage"), string.describe());
    }

    @Test
    void aHandlerThatIsMissingOrNotAFunctionIsHandlerNotFound() {
        for (String name : new String[] {"nohandler", "notfn"}) {
            Outcome outcome = sameError(name);
            assertEquals(outcome.node().path("errorMessage"), outcome.ours().path("errorMessage"), outcome.describe());
        }
    }

    @Test
    void esModuleFailuresRejectedTopLevelAwaitAndAMissingPackage() {
        for (String name : new String[] {"tla", "esmmissing"}) {
            Outcome outcome = sameError(name);
            assertEquals(outcome.node().path("errorMessage"), outcome.ours().path("errorMessage"), outcome.describe());
        }
    }

    @Test
    void aHandlerModuleThatIsNotThereIsImportModuleError() {
        Outcome outcome = sameError("nofile");
        assertEquals(outcome.node().path("errorMessage").asText().lines().findFirst(),
                outcome.ours().path("errorMessage").asText().lines().findFirst(), outcome.describe());
    }

    @Test
    void aHandlerExportedAsTheDefaultExportsMemberIsFound() {
        Outcome outcome = runtimes.invoke("defaulthandler", "{}");
        assertEquals(outcome.node(), outcome.ours(), outcome.describe());
        assertEquals("default", outcome.ours().path("from").asText(), outcome.describe());
    }
}
