package example.apps.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import example.apps.testing.EventFiles;
import java.net.URI;
import org.junit.jupiter.api.Test;

class PipelineJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode jobEvent(String userParameters) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(EventFiles.moduleEvent("codepipeline-job.json"));
        ((ObjectNode) event.path("CodePipeline.job").path("data").path("actionConfiguration").path("configuration"))
                .put("UserParameters", userParameters);
        return event;
    }

    @Test
    void theSampleEventGivesTheJobIdAndTheUrlFromJsonUserParameters() throws Exception {
        PipelineJob job = PipelineJob.from(JSON.readTree(EventFiles.moduleEvent("codepipeline-job.json")));
        assertEquals("11111111-abcd-1111-abcd-111111abcdef", job.id());
        assertEquals(URI.create("http://127.0.0.1:3000"), job.serviceUrl(null));
    }

    @Test
    void userParametersMayBeThePlainUrl() throws Exception {
        assertEquals(URI.create("https://abc.execute-api.us-east-1.amazonaws.com/Prod"),
                PipelineJob.from(jobEvent(" https://abc.execute-api.us-east-1.amazonaws.com/Prod ")).serviceUrl(null));
    }

    @Test
    void withoutUserParametersTheConfiguredUrlIsUsed() throws Exception {
        assertEquals(URI.create("http://localhost:3000"),
                PipelineJob.from(jobEvent("")).serviceUrl("http://localhost:3000"));
    }

    @Test
    void noUrlAnywhereSaysWhereToPutIt() throws Exception {
        PipelineJob job = PipelineJob.from(jobEvent(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> job.serviceUrl(null));
        assertTrue(e.getMessage().contains("UserParameters") && e.getMessage().contains("TIME_SERVICE_URL"),
                e.getMessage());
    }

    @Test
    void badUrlsAndBadJsonAreNamed() throws Exception {
        IllegalArgumentException notHttp = assertThrows(IllegalArgumentException.class,
                () -> PipelineJob.from(jobEvent("ftp://example.com")).serviceUrl(null));
        assertTrue(notHttp.getMessage().contains("'ftp://example.com'"), notHttp.getMessage());
        IllegalArgumentException badJson = assertThrows(IllegalArgumentException.class,
                () -> PipelineJob.from(jobEvent("{\"url\": ")).serviceUrl(null));
        assertTrue(badJson.getMessage().contains("not JSON") || badJson.getMessage().contains("are not"),
                badJson.getMessage());
    }

    @Test
    void anEventWithoutAJobIdIsRefusedNamingItsKeys() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PipelineJob.from(JSON.readTree("{\"Records\": []}")));
        assertTrue(e.getMessage().contains("CodePipeline.job") && e.getMessage().contains("[Records]"),
                e.getMessage());
    }
}
