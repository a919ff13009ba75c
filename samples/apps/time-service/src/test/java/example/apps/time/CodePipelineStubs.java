package example.apps.time;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * CodePipeline on WireMock: CodePipeline has no emulator that can be installed here, so its JSON protocol
 * ({@code POST /}, {@code X-Amz-Target: CodePipeline_20150709.<Operation>}, {@code application/x-amz-json-1.1}) is
 * answered with responses in the shape the real service sends: an empty object for the PutJob*Result calls,
 * {@code {"__type": "...", "message": "..."}} with 400 for errors.
 */
final class CodePipelineStubs {
    static final String TARGET_PREFIX = "CodePipeline_20150709.";
    static final String SUCCESS = "PutJobSuccessResult";
    static final String FAILURE = "PutJobFailureResult";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CodePipelineStubs() {
    }

    static MappingBuilder call(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + operation));
    }

    static ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", "5e7a1b2c-0000-4000-8000-codepipeline01").withBody("{}");
    }

    static ResponseDefinitionBuilder error(String type, String message) {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", "5e7a1b2c-0000-4000-8000-codepipeline02")
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    /** The bodies of every call of {@code operation} WireMock received, in order. */
    static List<JsonNode> received(WireMockServer codePipeline, String operation) {
        return codePipeline.findAll(postRequestedFor(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + operation)))
                .stream().map(request -> {
                    try {
                        return JSON.readTree(request.getBodyAsString());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
    }
}
