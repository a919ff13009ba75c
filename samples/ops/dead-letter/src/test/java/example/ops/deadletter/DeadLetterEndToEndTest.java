package example.ops.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdabridge.emulator.InvokeResult;
import dev.lambdabridge.samples.ops.emulators.AwsTestClients;
import dev.lambdabridge.samples.ops.emulators.FunctionHost;
import dev.lambdabridge.samples.ops.emulators.Service;
import dev.lambdabridge.samples.ops.emulators.ServiceEmulators;
import dev.lambdabridge.samples.ops.emulators.SnsTopicProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The dead-letter processors (SNS and SQS triggers) run by the runtime's bootstrap under the lambda-bridge
 * emulator, against fauxqs: the retry queue and the operations topic (with a subscribed queue the test reads).
 */
@Tag("slow")
class DeadLetterEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RETRY_QUEUE = "orders-retry";

    @RegisterExtension
    static final ServiceEmulators SERVICES = ServiceEmulators.of(Service.SNS_SQS);

    private static FunctionHost host;
    private static SqsClient sqs;
    private static SnsClient sns;
    private static SnsTopicProbe operations;
    private static String retryQueueUrl;

    @BeforeAll
    static void deploy() {
        sqs = AwsTestClients.of(SqsClient.builder(), SERVICES.get(Service.SNS_SQS));
        sns = AwsTestClients.of(SnsClient.builder(), SERVICES.get(Service.SNS_SQS));
        retryQueueUrl = sqs.createQueue(b -> b.queueName(RETRY_QUEUE)).queueUrl();
        operations = SnsTopicProbe.create(sns, sqs, "operations");
        Map<String, String> env = new HashMap<>(SERVICES.functionEnv());
        env.put("RETRY_QUEUE_URL", retryQueueUrl);
        env.put("OPERATIONS_TOPIC_ARN", operations.topicArn());
        host = FunctionHost.start()
                .add("dead-letter-sns", "example.ops.deadletter.SnsDeadLetterHandler::handleRequest",
                        Duration.ofSeconds(30), env)
                .add("dead-letter-sqs", "example.ops.deadletter.SqsDeadLetterHandler::handleRequest",
                        Duration.ofSeconds(30), env);
    }

    @AfterAll
    static void undeploy() {
        if (host != null) {
            host.close();
        }
        if (sqs != null) {
            sqs.close();
            sns.close();
        }
    }

    @Test
    void aTimeoutIsRequeuedInHalves() throws Exception {
        JsonNode result = host.invokeOk("dead-letter-sns", FunctionHost.event("sns-timeout.json"));
        assertEquals("timeout", result.path("routed").get(0).path("class").asText(), result.toString());

        List<Message> pieces = retryMessages(2);
        assertEquals(2, pieces.size(), pieces.toString());
        JsonNode original = JSON.readTree(JSON.readTree(FunctionHost.event("sns-timeout.json")).path("Records").get(0)
                .path("Sns").path("Message").asText());
        ArrayNode rejoined = JSON.createArrayNode();
        for (Message piece : pieces) {
            JsonNode body = JSON.readTree(piece.body());
            assertEquals(original.path("batch"), body.path("batch"));
            assertEquals(2, body.path("Records").size(), piece.body());
            rejoined.addAll((ArrayNode) body.path("Records"));
            assertEquals("56ed5b18-6c6b-4f1c-a5d2-3e4f5a6b7c8d",
                    piece.messageAttributes().get("OriginalRequestID").stringValue());
        }
        assertEquals(original.path("Records"), rejoined);
        assertEquals(List.of("1/2", "2/2"), pieces.stream()
                .map(m -> m.messageAttributes().get("Piece").stringValue()).sorted().toList());
        assertEquals(List.of(), operations.receive(Duration.ofMillis(1000)), "a timeout is not an alert");
    }

    @Test
    void crashesAndMisconfigurationsAlertOperationsAndTheRestIsLogged() throws Exception {
        JsonNode response = host.invokeOk("dead-letter-sqs", FunctionHost.event("sqs-mixed.json"));
        assertEquals(0, response.path("batchItemFailures").size(), response.toString());

        List<JsonNode> alerts = new ArrayList<>(operations.receive(Duration.ofSeconds(5)));
        alerts.sort(Comparator.comparing(a -> a.path("Subject").asText()));
        assertEquals(2, alerts.size(), alerts.toString());
        assertEquals("Lambda crash: request 7a1b2c3d-0000-4e5f-8a9b-000000000001", alerts.get(0).path("Subject").asText());
        assertEquals("crash", alerts.get(0).path("MessageAttributes").path("FailureClass").path("Value").asText());
        assertTrue(alerts.get(0).path("Message").asText().contains("Process exited before completing request"));
        assertTrue(alerts.get(0).path("Message").asText().contains("{\"orderId\": 11}"));
        assertEquals("Lambda misconfiguration: request 7a1b2c3d-0000-4e5f-8a9b-000000000002",
                alerts.get(1).path("Subject").asText());
        assertTrue(host.log().stream().anyMatch(l -> l.contains("request 7a1b2c3d-0000-4e5f-8a9b-000000000003, other):"
                + " logged: TypeError")), host.logText());
        assertEquals(List.of(), retryMessages(0), "nothing goes to the retry queue");
    }

    @Test
    void aTimeoutThatCannotBeSplitAlertsOperations() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(FunctionHost.event("sns-timeout.json"));
        ((ObjectNode) event.path("Records").get(0).path("Sns")).put("Message", "{\"orderId\": 42}");
        host.invokeOk("dead-letter-sns", JSON.writeValueAsString(event));
        List<JsonNode> alerts = operations.receive(Duration.ofSeconds(5));
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals("timeout", alerts.getFirst().path("MessageAttributes").path("FailureClass").path("Value").asText());
        assertTrue(alerts.getFirst().path("Message").asText().contains("its payload cannot be split"));
        assertEquals(List.of(), retryMessages(0));
    }

    @Test
    void anSnsNotificationWithoutLambdasAttributesIsRefusedWhole() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(FunctionHost.event("sns-timeout.json"));
        ((ObjectNode) event.path("Records").get(0).path("Sns").path("MessageAttributes")).remove("ErrorMessage");
        InvokeResult result = host.invoke("dead-letter-sns", JSON.writeValueAsString(event));
        assertTrue(result.isFunctionError(), result.payloadText());
        assertEquals("SNS message 95df01b4-ee98-5cb9-9903-4c221d41eb5e is not a Lambda dead-letter notification: it"
                + " has no ErrorMessage message attribute (attributes: [ErrorCode, RequestID])",
                JSON.readTree(result.payload()).path("errorMessage").asText());
        assertEquals(List.of(), retryMessages(0));
        assertEquals(List.of(), operations.receive(Duration.ofMillis(1000)));
    }

    @Test
    void sqsMessagesThatFailGoBackToTheQueueAloneAndTheRestIsRouted() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(FunctionHost.event("sqs-mixed.json"));
        ((ObjectNode) event.path("Records").get(2)).putObject("messageAttributes");
        JsonNode response = host.invokeOk("dead-letter-sqs", JSON.writeValueAsString(event));
        assertEquals(1, response.path("batchItemFailures").size(), response.toString());
        assertEquals("0c3f2a1b-3333-4a5b-8c9d-000000000003",
                response.path("batchItemFailures").get(0).path("itemIdentifier").asText());
        assertTrue(host.log().stream().anyMatch(l -> l.contains("SQS message 0c3f2a1b-3333-4a5b-8c9d-000000000003"
                + " goes back to the queue: SQS message 0c3f2a1b-3333-4a5b-8c9d-000000000003 is not a Lambda"
                + " dead-letter notification: it has no RequestID message attribute")), host.logText());
        assertEquals(2, operations.receive(Duration.ofSeconds(5)).size());
    }

    @Test
    void aMissingRetryQueueSendsTheTimeoutBackToTheDeadLetterQueue() throws Exception {
        sqs.deleteQueue(b -> b.queueUrl(retryQueueUrl));
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(FunctionHost.event("sqs-mixed.json"));
            ObjectNode message = (ObjectNode) event.path("Records").get(0);
            message.put("body", "[{\"orderId\": 21}, {\"orderId\": 22}]");
            ((ObjectNode) message.path("messageAttributes").path("ErrorMessage"))
                    .put("stringValue", "Task timed out after 3.00 seconds");
            event.set("Records", JSON.createArrayNode().add(message));
            JsonNode response = host.invokeOk("dead-letter-sqs", JSON.writeValueAsString(event));
            assertEquals("0c3f2a1b-1111-4a5b-8c9d-000000000001",
                    response.path("batchItemFailures").get(0).path("itemIdentifier").asText(), response.toString());
            assertTrue(host.log().stream().anyMatch(l -> l.contains("SQS message 0c3f2a1b-1111-4a5b-8c9d-000000000001"
                    + " goes back to the queue") && l.contains("does not exist")), host.logText());
        } finally {
            retryQueueUrl = sqs.createQueue(b -> b.queueName(RETRY_QUEUE)).queueUrl();
        }
        assertEquals(List.of(), retryMessages(0));
    }

    /** Reads the retry queue until {@code expected} messages arrived (or, for 0, one short poll found none). */
    private static List<Message> retryMessages(int expected) {
        List<Message> messages = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        do {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(retryQueueUrl).maxNumberOfMessages(10)
                    .messageAttributeNames("All").waitTimeSeconds(expected == 0 ? 1 : 0)).messages()) {
                messages.add(m);
                sqs.deleteMessage(b -> b.queueUrl(retryQueueUrl).receiptHandle(m.receiptHandle()));
            }
        } while (expected > 0 && messages.size() < expected && System.nanoTime() < deadline);
        return messages;
    }
}
