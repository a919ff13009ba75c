package example.ops.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdabridge.emulator.InvokeResult;
import dev.lambdabridge.samples.ops.emulators.AwsTestClients;
import dev.lambdabridge.samples.ops.emulators.FunctionHost;
import dev.lambdabridge.samples.ops.emulators.Poll;
import dev.lambdabridge.samples.ops.emulators.Service;
import dev.lambdabridge.samples.ops.emulators.ServiceEmulators;
import dev.lambdabridge.samples.ops.emulators.SesMailbox;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * The activity worker and the approval API, each run by the runtime's bootstrap under the lambda-bridge emulator,
 * against stepfunctions-local (activities, executions) and aws-ses-v2-local (its store shows the mail sent).
 */
@Tag("slow")
class ManualApprovalEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "https://abc123.execute-api.us-east-1.amazonaws.com/prod";
    private static final Pattern APPROVE_LINK = Pattern.compile(Pattern.quote(API) + "/succeed\\?taskToken=(\\S+)");
    private static final Pattern REJECT_LINK = Pattern.compile(Pattern.quote(API) + "/fail\\?taskToken=(\\S+)");

    @RegisterExtension
    static final ServiceEmulators SERVICES = ServiceEmulators.of(Service.STEP_FUNCTIONS, Service.SES);

    private static FunctionHost host;
    private static SfnClient sfn;
    private static String stateMachineArn;

    @BeforeAll
    static void deploy() {
        sfn = AwsTestClients.of(SfnClient.builder(), SERVICES.get(Service.STEP_FUNCTIONS));
        String activityArn = sfn.createActivity(b -> b.name("ManualStep")).activityArn();
        String definition = "{\"StartAt\":\"ManualApprovalStep\",\"States\":{\"ManualApprovalStep\":{\"Type\":\"Task\","
                + "\"Resource\":\"" + activityArn + "\",\"End\":true}}}";
        stateMachineArn = sfn.createStateMachine(b -> b.name("PromotionApproval").definition(definition)
                .roleArn("arn:aws:iam::123456789012:role/approval")).stateMachineArn();
        Map<String, String> env = new HashMap<>(SERVICES.functionEnv());
        env.put("ACTIVITY_ARN", activityArn);
        env.put("APPROVAL_API_URL", API);
        env.put("SENDER_EMAIL", "approvals@example.com");
        Map<String, String> missingActivity = new HashMap<>(env);
        missingActivity.put("ACTIVITY_ARN", activityArn.replace("ManualStep", "NoSuchActivity"));
        Map<String, String> sesDown = new HashMap<>(env);
        sesDown.put("AWS_ENDPOINT_URL_SES", "http://127.0.0.1:" + closedPort());
        host = FunctionHost.start()
                .add("approval-worker", "example.ops.approval.ActivityWorker::handleRequest", Duration.ofSeconds(75), env)
                .add("approval-worker-no-activity", "example.ops.approval.ActivityWorker::handleRequest",
                        Duration.ofSeconds(75), missingActivity)
                .add("approval-worker-ses-down", "example.ops.approval.ActivityWorker::handleRequest",
                        Duration.ofSeconds(75), sesDown)
                .add("approval-api", "example.ops.approval.ApprovalApiHandler::handleRequest", Duration.ofSeconds(10),
                        SERVICES.functionEnv());
    }

    @AfterAll
    static void undeploy() {
        if (host != null) {
            host.close();
        }
        if (sfn != null) {
            sfn.close();
        }
    }

    @Test
    void approvingTheMailedLinkSucceedsTheExecution() throws Exception {
        String execution = start("{\"managerEmailAddress\":\"boss@example.com\",\"employeeName\":\"Ada Lovelace\"}");
        JsonNode worked = host.invokeOk("approval-worker", FunctionHost.event("scheduled.json"));
        assertEquals("approval requested", worked.path("status").asText(), worked.toString());

        JsonNode mail = mailFor(worked.path("messageId").asText());
        assertEquals("boss@example.com", mail.path("destination").path("to").get(0).asText());
        assertEquals("approvals@example.com", mail.path("from").asText());
        assertEquals("Your approval is needed for Ada Lovelace", mail.path("subject").asText());
        String text = mail.path("body").path("text").asText();
        Matcher approveLink = APPROVE_LINK.matcher(text);
        assertTrue(approveLink.find(), text);
        String token = URLDecoder.decode(approveLink.group(1), StandardCharsets.UTF_8);
        String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
        assertEquals(encoded, approveLink.group(1), "the link carries the token URL-encoded");
        assertTrue(text.contains(API + "/fail?taskToken=" + encoded), text);
        assertTrue(mail.path("body").path("html").asText().contains(API + "/succeed?taskToken=" + encoded));

        // the decoded token is the task's: Step Functions accepts it
        JsonNode response = host.invokeOk("approval-api", click("/succeed", token));
        assertEquals(200, response.path("statusCode").asInt(), response.toString());
        assertEquals(ExecutionStatus.SUCCEEDED, awaitEnd(execution));
        assertEquals("\"Approve link was clicked.\"", sfn.describeExecution(b -> b.executionArn(execution)).output());
    }

    @Test
    void rejectingFailsTheExecutionWithRejected() throws Exception {
        String execution = start("{\"managerEmailAddress\":\"lead@example.com\",\"employeeName\":\"Grace Hopper\"}");
        JsonNode worked = host.invokeOk("approval-worker", FunctionHost.event("scheduled.json"));
        String text = mailFor(worked.path("messageId").asText()).path("body").path("text").asText();

        JsonNode response = host.invokeOk("approval-api", click("/fail", linkToken(REJECT_LINK, text)));
        assertEquals(200, response.path("statusCode").asInt(), response.toString());
        assertEquals(ExecutionStatus.FAILED, awaitEnd(execution));
        HistoryEvent failed = failure(execution);
        assertEquals("Rejected", failed.activityFailedEventDetails().error());
        assertEquals("Reject link was clicked.", failed.activityFailedEventDetails().cause());
    }

    @Test
    void noWaitingTaskIsAClearNoActivitiesResult() throws Exception {
        int mailBefore = SesMailbox.sentMail(SERVICES.get(Service.SES)).size();
        JsonNode worked = host.invokeOk("approval-worker", FunctionHost.event("scheduled.json"));
        assertEquals("no activities", worked.path("status").asText(), worked.toString());
        assertEquals(mailBefore, SesMailbox.sentMail(SERVICES.get(Service.SES)).size());
    }

    @Test
    void aMissingTokenIsAValidationException() throws Exception {
        JsonNode response = host.invokeOk("approval-api", FunctionHost.event("reject-without-token.json"));
        assertEquals(400, response.path("statusCode").asInt(), response.toString());
        JsonNode body = JSON.readTree(response.path("body").asText());
        assertEquals("ValidationException", body.path("errorType").asText());
        assertEquals("query parameter taskToken is required: /fail?taskToken=<the task token>",
                body.path("message").asText());
    }

    @Test
    void anUnknownTokenIsRefusedByStepFunctions() throws Exception {
        JsonNode response = host.invokeOk("approval-api", click("/succeed", UUID.randomUUID().toString()));
        assertEquals(410, response.path("statusCode").asInt(), response.toString());
        assertEquals("TaskDoesNotExist", JSON.readTree(response.path("body").asText()).path("errorType").asText());
    }

    @Test
    void aTaskInputWithoutManagerFailsTheTaskAndSendsNoMail() throws Exception {
        int mailBefore = SesMailbox.sentMail(SERVICES.get(Service.SES)).size();
        String execution = start("{\"employeeName\":\"Nobody\"}");
        InvokeResult result = host.invoke("approval-worker", FunctionHost.event("scheduled.json"));
        assertTrue(result.isFunctionError(), result.payloadText());
        JsonNode error = JSON.readTree(result.payload());
        assertEquals("java.lang.IllegalArgumentException", error.path("errorType").asText());
        assertEquals("the task input has no managerEmailAddress (a non-empty string): {\"employeeName\":\"Nobody\"}",
                error.path("errorMessage").asText());
        assertEquals(ExecutionStatus.FAILED, awaitEnd(execution));
        assertEquals("InvalidApprovalRequest", failure(execution).activityFailedEventDetails().error());
        assertEquals(mailBefore, SesMailbox.sentMail(SERVICES.get(Service.SES)).size());
        // the next invocation still works
        assertEquals("no activities", host.invokeOk("approval-worker", FunctionHost.event("scheduled.json"))
                .path("status").asText());
    }

    @Test
    void aMissingActivityIsAFunctionErrorNamingIt() throws Exception {
        InvokeResult result = host.invoke("approval-worker-no-activity", FunctionHost.event("scheduled.json"));
        assertTrue(result.isFunctionError(), result.payloadText());
        JsonNode error = JSON.readTree(result.payload());
        assertTrue(error.path("errorType").asText().endsWith("ActivityDoesNotExistException"), error.toString());
        assertTrue(error.path("errorMessage").asText().contains("NoSuchActivity"), error.toString());
    }

    @Test
    void anUnreachableSesFailsTheTaskSoThatTheExecutionDoesNotHang() throws Exception {
        int mailBefore = SesMailbox.sentMail(SERVICES.get(Service.SES)).size();
        String execution = start("{\"managerEmailAddress\":\"boss@example.com\",\"employeeName\":\"Alan Turing\"}");
        InvokeResult result = host.invoke("approval-worker-ses-down", FunctionHost.event("scheduled.json"));
        assertTrue(result.isFunctionError(), result.payloadText());
        String message = JSON.readTree(result.payload()).path("errorMessage").asText();
        assertTrue(message.startsWith("SES did not send the approval e-mail to boss@example.com: "), message);
        assertEquals(ExecutionStatus.FAILED, awaitEnd(execution));
        HistoryEvent failed = failure(execution);
        assertEquals("ApprovalEmailFailed", failed.activityFailedEventDetails().error());
        assertTrue(failed.activityFailedEventDetails().cause().startsWith("SES did not send"), failed.toString());
        assertEquals(mailBefore, SesMailbox.sentMail(SERVICES.get(Service.SES)).size());
    }

    /** A port nothing listens on: SES "down". */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String start(String input) {
        String arn = sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).input(input)).executionArn();
        awaitActivityScheduled(arn);
        return arn;
    }

    /** stepfunctions-local schedules the activity a moment after the start: wait for it. */
    private static void awaitActivityScheduled(String execution) {
        Poll.until(Duration.ofSeconds(5), "the activity of " + execution + " being scheduled", () -> history(execution),
                events -> events.stream().anyMatch(e -> e.type() == HistoryEventType.ACTIVITY_SCHEDULED));
    }

    private static String linkToken(Pattern link, String text) {
        Matcher m = link.matcher(text);
        assertTrue(m.find(), "no link " + link + " in:\n" + text);
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    private static JsonNode mailFor(String messageId) {
        return SesMailbox.sentMail(SERVICES.get(Service.SES)).stream()
                .filter(m -> m.path("messageId").asText().equals(messageId)).findFirst()
                .orElseThrow(() -> new AssertionError("SES has no mail " + messageId));
    }

    private static HistoryEvent failure(String execution) {
        return history(execution).stream().filter(e -> e.type() == HistoryEventType.ACTIVITY_FAILED).findFirst()
                .orElseThrow(() -> new AssertionError("no ActivityFailed event: " + history(execution)));
    }

    private static List<HistoryEvent> history(String execution) {
        return sfn.getExecutionHistory(b -> b.executionArn(execution)).events();
    }

    private static ExecutionStatus awaitEnd(String execution) {
        return Poll.until(Duration.ofSeconds(5), "the end of " + execution,
                () -> sfn.describeExecution(b -> b.executionArn(execution)).status(),
                status -> status != ExecutionStatus.RUNNING);
    }

    private static String click(String path, String decodedToken) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(FunctionHost.event("approve.json"));
        event.put("path", path).put("resource", path);
        event.putObject("queryStringParameters").put("taskToken", decodedToken);
        return JSON.writeValueAsString(event);
    }
}
