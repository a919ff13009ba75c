package example.ops.approval;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import example.ops.support.HttpClients;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * The API Gateway proxy handler behind the approval e-mail's links: {@code GET /succeed?taskToken=...} calls
 * {@code SendTaskSuccess} (output "Approve link was clicked."), {@code GET /fail?taskToken=...} calls
 * {@code SendTaskFailure} (error "Rejected", cause "Reject link was clicked."). API Gateway has already decoded the
 * query string. A missing token is a 400 {@code ValidationException}, as Step Functions itself answers.
 */
public class ApprovalApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final String APPROVED = "Approve link was clicked.";
    static final String REJECTED_ERROR = "Rejected";
    static final String REJECTED = "Reject link was clicked.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SfnClient sfn;

    public ApprovalApiHandler() {
        this(SfnClient.builder().httpClient(HttpClients.urlConnection()).build());
    }

    ApprovalApiHandler(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        String path = request.getPath() == null ? "" : request.getPath();
        boolean approve = path.endsWith("/succeed");
        if (!approve && !path.endsWith("/fail")) {
            return reply(404, Map.of("errorType", "NotFound", "message", "no such resource: " + path
                    + " (the approval API has /succeed and /fail)"));
        }
        String token = request.getQueryStringParameters() == null ? null
                : request.getQueryStringParameters().get("taskToken");
        if (token == null || token.isBlank()) {
            return reply(400, Map.of("errorType", "ValidationException",
                    "message", "query parameter taskToken is required: " + path + "?taskToken=<the task token>"));
        }
        try {
            if (approve) {
                sfn.sendTaskSuccess(b -> b.taskToken(token).output(quoted(APPROVED)));
            } else {
                sfn.sendTaskFailure(b -> b.taskToken(token).error(REJECTED_ERROR).cause(REJECTED));
            }
        } catch (SfnException e) {
            context.getLogger().log("Step Functions refused the " + (approve ? "approval" : "rejection") + ": "
                    + e.getMessage());
            return reply(statusOf(e), Map.of("errorType", errorCode(e), "message", e.getMessage()));
        } catch (SdkException e) {
            context.getLogger().log("Step Functions could not be reached: " + e.getMessage());
            return reply(502, Map.of("errorType", "StepFunctionsUnavailable", "message", e.getMessage()));
        }
        return reply(200, Map.of("result", approve ? "approved" : "rejected",
                "message", approve ? APPROVED : REJECTED));
    }

    /** A token that is malformed is the caller's error; one that was used or expired is gone. */
    private static int statusOf(SfnException e) {
        if (e instanceof TaskDoesNotExistException || e instanceof TaskTimedOutException) {
            return 410;
        }
        return e instanceof InvalidTokenException || e.statusCode() == 400 ? 400 : 502;
    }

    private static String errorCode(SfnException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                ? e.awsErrorDetails().errorCode() : e.getClass().getSimpleName();
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text); // the task output must be JSON: here a JSON string
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static APIGatewayProxyResponseEvent reply(int status, Map<String, String> body) {
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(headers)
                    .withBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
