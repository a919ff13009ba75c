package example.apps.time;

import static example.apps.time.CodePipelineStubs.FAILURE;
import static example.apps.time.CodePipelineStubs.SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.lambdabridge.emulator.InvokeResult;
import example.apps.testing.EventFiles;
import example.apps.testing.HostedFunctions;
import example.apps.testing.WireMockServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The time service and the pipeline test action through the emulator and the runtime's real bootstrap. CodePipeline
 * is WireMock (no emulator exists for it; see {@link CodePipelineStubs}); each pipeline test checks what WireMock
 * received. The success path, against the time service served over HTTP by scripts/serve-api's front door, is in
 * runtime/local/api-gateway (PipelineAgainstServedTimeServiceTest).
 */
@Tag("slow")
class TimeServiceEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB_ID = "11111111-abcd-1111-abcd-111111abcdef";
    private static WireMockServer codePipeline;
    private static HostedFunctions functions;

    @BeforeAll
    static void start() {
        codePipeline = WireMockServers.start();
        functions = HostedFunctions.start()
                .add("time", "example.apps.time.TimeHandler::handleRequest", java.util.Map.of())
                .add("pipeline-test", "example.apps.time.PipelineTestHandler::handleRequest",
                        WireMockServers.awsEnv("CODEPIPELINE", codePipeline.baseUrl()));
    }

    @AfterAll
    static void stop() {
        if (functions != null) {
            functions.close();
        }
        if (codePipeline != null) {
            codePipeline.stop();
        }
    }

    @BeforeEach
    void resetCodePipeline() {
        codePipeline.resetAll();
        codePipeline.stubFor(CodePipelineStubs.call(SUCCESS).willReturn(CodePipelineStubs.ok()));
        codePipeline.stubFor(CodePipelineStubs.call(FAILURE).willReturn(CodePipelineStubs.ok()));
    }

    private static JsonNode body(JsonNode proxyResponse) throws IOException {
        return JSON.readTree(proxyResponse.path("body").asText());
    }

    @Test
    void timeAnswersUtcAndDublinAndA400ForAnUnknownZone() throws Exception {
        JsonNode utc = functions.invokeOk("time", EventFiles.moduleEvent("time-utc.json"));
        assertEquals(200, utc.path("statusCode").asInt(), utc.toString());
        assertEquals("UTC", body(utc).path("timeZone").asText());

        JsonNode dublin = functions.invokeOk("time", EventFiles.moduleEvent("time-dublin.json"));
        assertEquals(200, dublin.path("statusCode").asInt(), dublin.toString());
        assertEquals("Europe/Dublin", body(dublin).path("timeZone").asText());

        JsonNode unknown = functions.invokeOk("time", EventFiles.moduleEvent("time-unknown-zone.json"));
        assertEquals(400, unknown.path("statusCode").asInt(), unknown.toString());
        assertTrue(body(unknown).path("message").asText().startsWith("Unknown time zone 'Mars/Olympus_Mons'"),
                unknown.toString());
        // the bad request did not hurt the function: the next one is served by the same runtime
        assertEquals(200, functions.invokeOk("time", EventFiles.moduleEvent("time-dublin.json"))
                .path("statusCode").asInt());
    }

    private static String jobEvent(String userParameters) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(EventFiles.moduleEvent("codepipeline-job.json"));
        ((ObjectNode) event.path("CodePipeline.job").path("data").path("actionConfiguration").path("configuration"))
                .put("UserParameters", userParameters);
        return event.toString();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anUnreachableServiceIsReportedAsTheJobsFailure() throws Exception {
        String url = "http://127.0.0.1:" + closedPort();
        InvokeResult result = functions.invoke("pipeline-test", jobEvent(url));
        assertFalse(result.isFunctionError(), result.payloadText() + "\n" + functions.logText());
        assertEquals("failed", JSON.readTree(result.payload()).path("result").asText());

        List<JsonNode> failures = CodePipelineStubs.received(codePipeline, FAILURE);
        assertEquals(1, failures.size(), failures.toString());
        assertEquals(JOB_ID, failures.getFirst().path("jobId").asText());
        JsonNode details = failures.getFirst().path("failureDetails");
        assertEquals("JobFailed", details.path("type").asText());
        assertTrue(details.path("message").asText().startsWith("GET " + url + "/time failed: ConnectException"),
                details.toString());
        assertEquals(result.requestId(), details.path("externalExecutionId").asText());
        assertEquals(0, CodePipelineStubs.received(codePipeline, SUCCESS).size());
    }

    @Test
    void aJobWithoutAUrlFailsSayingWhereToPutIt() throws Exception {
        JsonNode reply = functions.invokeOk("pipeline-test", jobEvent(""));
        assertEquals("failed", reply.path("result").asText());
        List<JsonNode> failures = CodePipelineStubs.received(codePipeline, FAILURE);
        assertEquals(1, failures.size());
        assertEquals(JOB_ID, failures.getFirst().path("jobId").asText());
        assertTrue(failures.getFirst().path("failureDetails").path("message").asText()
                .startsWith("no time service URL"), failures.toString());
    }

    @Test
    void aThrottledReportIsRetriedByTheSdk() throws Exception {
        codePipeline.resetAll();
        codePipeline.stubFor(CodePipelineStubs.call(FAILURE).inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("throttled once")
                .willReturn(CodePipelineStubs.error("ThrottlingException", "Rate exceeded")));
        codePipeline.stubFor(CodePipelineStubs.call(FAILURE).inScenario("throttle")
                .whenScenarioStateIs("throttled once").willReturn(CodePipelineStubs.ok()));

        JsonNode reply = functions.invokeOk("pipeline-test", jobEvent("http://127.0.0.1:" + closedPort()));
        assertEquals("failed", reply.path("result").asText());
        List<JsonNode> failures = CodePipelineStubs.received(codePipeline, FAILURE);
        assertEquals(2, failures.size(), "one throttled call and its retry: " + failures);
        assertEquals(failures.get(0), failures.get(1));
        assertEquals(JOB_ID, failures.get(1).path("jobId").asText());
    }

    @Test
    void aReportCodePipelineRefusesFailsTheInvocationNamingTheError() throws Exception {
        codePipeline.resetAll();
        codePipeline.stubFor(CodePipelineStubs.call(FAILURE).willReturn(
                CodePipelineStubs.error("InvalidJobStateException", "Job " + JOB_ID + " is not in state InProgress")));

        JsonNode error = functions.invokeFailing("pipeline-test", jobEvent("http://127.0.0.1:" + closedPort()));
        assertTrue(error.path("errorType").asText().endsWith("InvalidJobStateException"), error.toString());
        assertTrue(error.path("errorMessage").asText().contains("is not in state InProgress"), error.toString());
        assertEquals(JOB_ID, CodePipelineStubs.received(codePipeline, FAILURE).getFirst().path("jobId").asText());
    }

    @Test
    void anEventWithoutAJobIdFailsAndReportsNothing() throws Exception {
        JsonNode error = functions.invokeFailing("pipeline-test", "{\"Records\": []}");
        assertEquals("java.lang.IllegalArgumentException", error.path("errorType").asText(), error.toString());
        assertTrue(error.path("errorMessage").asText().contains("no \"CodePipeline.job\".id"), error.toString());
        assertTrue(codePipeline.getAllServeEvents().isEmpty(), "nothing reached CodePipeline");
    }
}
