package example.apps.time;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/**
 * The pipeline's test action (a CodePipeline "Invoke" action on Lambda): takes the job id and the deployed time
 * service's URL from the job event, runs {@link TimeServiceCheck} against it over HTTP, and reports the job to
 * CodePipeline as succeeded or failed, with a message saying what was checked or what failed.
 *
 * <p>Returns {@code {"jobId", "result": "succeeded"|"failed", "message"}}. Only an event without a job id, or a
 * CodePipeline call that still fails after the SDK's retries, fails the invocation (CodePipeline then times the
 * job out). Environment: {@code TIME_SERVICE_URL} when the action has no UserParameters;
 * {@code AWS_ENDPOINT_URL_CODEPIPELINE} (read by the SDK) only to send the calls elsewhere than AWS.
 */
public class PipelineTestHandler implements RequestStreamHandler {
    static final String URL_VARIABLE = "TIME_SERVICE_URL";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobResults results;
    private final TimeServiceCheck check;
    private final String fallbackUrl;

    /** As Lambda creates it, once per container: one CodePipeline client and one HTTP client for every event. */
    public PipelineTestHandler() {
        this(new JobResults(CodePipelineClient.builder().httpClient(UrlConnectionHttpClient.create()).build()),
                new TimeServiceCheck(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(HttpClient.Redirect.NORMAL).build()),
                System.getenv(URL_VARIABLE));
    }

    PipelineTestHandler(JobResults results, TimeServiceCheck check, String fallbackUrl) {
        this.results = results;
        this.check = check;
        this.fallbackUrl = fallbackUrl;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        PipelineJob job = PipelineJob.from(JSON.readTree(input));
        CheckResult outcome;
        try {
            URI url = job.serviceUrl(fallbackUrl);
            context.getLogger().log("job " + job.id() + ": testing " + url);
            outcome = check.run(url);
        } catch (IllegalArgumentException e) {
            outcome = CheckResult.fail(e.getMessage());
        }
        if (outcome.passed()) {
            results.succeeded(job.id(), outcome.message(), context.getAwsRequestId());
        } else {
            results.failed(job.id(), outcome.message(), context.getAwsRequestId());
        }
        String result = outcome.passed() ? "succeeded" : "failed";
        context.getLogger().log("job " + job.id() + " " + result + ": " + outcome.message());
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("jobId", job.id());
        reply.put("result", result);
        reply.put("message", outcome.message());
        JSON.writeValue(output, reply);
    }
}
