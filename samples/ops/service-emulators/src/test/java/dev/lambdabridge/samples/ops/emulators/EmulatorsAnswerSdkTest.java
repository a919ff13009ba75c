package dev.lambdabridge.samples.ops.emulators;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Each emulator answers the AWS SDK v2 calls the handlers make, on 127.0.0.1 only. WireMock stands in for EC2,
 * which has no emulator; its responses here are written in EC2's query-protocol shape.
 */
@Tag("slow")
class EmulatorsAnswerSdkTest {
    @RegisterExtension
    static final ServiceEmulators SERVICES = ServiceEmulators.of(Service.DYNAMODB, Service.SES, Service.SNS_SQS,
            Service.STEP_FUNCTIONS, Service.EC2_CLOUDTRAIL_WIREMOCK);

    @Test
    void dynaliteCreatesTablesAtOnceAndAnswersScans() {
        try (DynamoDbClient dynamo = AwsTestClients.of(DynamoDbClient.builder(), SERVICES.get(Service.DYNAMODB))) {
            dynamo.createTable(b -> b.tableName("smoke").keySchema(k -> k.attributeName("Id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("Id").attributeType(ScalarAttributeType.N))
                    .billingMode("PAY_PER_REQUEST"));
            dynamo.putItem(b -> b.tableName("smoke").item(Map.of("Id", AttributeValue.fromN("1"),
                    "TagKey", AttributeValue.fromS("ProjectCode"))));
            assertEquals("ProjectCode", dynamo.scan(b -> b.tableName("smoke")).items().getFirst().get("TagKey").s());
            assertThrows(ResourceNotFoundException.class, () -> dynamo.scan(b -> b.tableName("no_such_table")));
        }
    }

    @Test
    void sesLocalStoresTheMailSent() {
        try (SesClient ses = AwsTestClients.of(SesClient.builder(), SERVICES.get(Service.SES))) {
            ses.sendEmail(b -> b.source("robot@example.com").destination(d -> d.toAddresses("boss@example.com"))
                    .message(m -> m.subject(s -> s.data("smoke")).body(x -> x.text(t -> t.data("hello")))));
        }
        JsonNode mail = SesMailbox.sentMail(SERVICES.get(Service.SES)).stream()
                .filter(m -> m.path("subject").asText().equals("smoke")).findFirst().orElseThrow();
        assertEquals("boss@example.com", mail.path("destination").path("to").get(0).asText());
        assertEquals("hello", mail.path("body").path("text").asText());
    }

    @Test
    void fauxqsDeliversTopicMessagesToSubscribedQueues() {
        LocalService fauxqs = SERVICES.get(Service.SNS_SQS);
        try (SnsClient sns = AwsTestClients.of(SnsClient.builder(), fauxqs);
                SqsClient sqs = AwsTestClients.of(SqsClient.builder(), fauxqs)) {
            SnsTopicProbe probe = SnsTopicProbe.create(sns, sqs, "smoke");
            sns.publish(b -> b.topicArn(probe.topicArn()).subject("subject 1").message("message 1"));
            List<JsonNode> received = probe.receive(Duration.ofSeconds(5));
            assertEquals(1, received.size(), received.toString());
            assertEquals("message 1", received.getFirst().path("Message").asText());
            assertEquals("subject 1", received.getFirst().path("Subject").asText());
        }
    }

    @Test
    void stepFunctionsLocalHandsOutActivityTasks() {
        try (SfnClient sfn = AwsTestClients.of(SfnClient.builder(), SERVICES.get(Service.STEP_FUNCTIONS))) {
            String activityArn = sfn.createActivity(b -> b.name("smoke")).activityArn();
            GetActivityTaskResponse idle = sfn.getActivityTask(b -> b.activityArn(activityArn).workerName("w"));
            assertTrue(idle.taskToken() == null || idle.taskToken().isEmpty(), "idle: " + idle);
            String definition = "{\"StartAt\":\"Wait\",\"States\":{\"Wait\":{\"Type\":\"Task\",\"Resource\":\""
                    + activityArn + "\",\"End\":true}}}";
            String machineArn = sfn.createStateMachine(b -> b.name("smoke").definition(definition)
                    .roleArn("arn:aws:iam::123456789012:role/smoke")).stateMachineArn();
            String executionArn = sfn.startExecution(b -> b.stateMachineArn(machineArn).input("{\"n\":1}"))
                    .executionArn();
            GetActivityTaskResponse task = awaitTask(sfn, activityArn);
            assertEquals("{\"n\":1}", task.input().replace(" ", ""));
            sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("\"done\""));
            assertEquals(ExecutionStatus.SUCCEEDED, awaitEnd(sfn, executionArn));
            assertEquals("\"done\"", sfn.describeExecution(b -> b.executionArn(executionArn)).output());
        }
    }

    @Test
    void wireMockAnswersEc2QueryProtocol() {
        WireMockService wireMock = SERVICES.wireMock();
        wireMock.wireMock().stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeInstances"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
                        <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                          <requestId>smoke</requestId>
                          <reservationSet><item><reservationId>r-1</reservationId><instancesSet><item>
                            <instanceId>i-0123456789abcdef0</instanceId><vpcId>vpc-1</vpcId>
                          </item></instancesSet></item></reservationSet>
                        </DescribeInstancesResponse>""")));
        try (Ec2Client ec2 = AwsTestClients.of(Ec2Client.builder(), wireMock)) {
            List<Instance> instances = ec2.describeInstances().reservations().getFirst().instances();
            assertEquals("i-0123456789abcdef0", instances.getFirst().instanceId());
        }
        wireMock.wireMock().verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeInstances")));
    }

    @Test
    void nodeEmulatorsListenOnLoopbackOnly() throws IOException {
        InetAddress outside = nonLoopbackAddress();
        for (Service service : List.of(Service.DYNAMODB, Service.SES, Service.SNS_SQS, Service.STEP_FUNCTIONS)) {
            int port = SERVICES.get(service).endpoint().getPort();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            }
            if (outside != null) {
                assertThrows(IOException.class, () -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(outside, port), 1000);
                    }
                }, service + " answers on " + outside + ":" + port);
            }
        }
    }

    @Test
    void closingAServiceEndsItsProcessTree() {
        NodeService dynalite = (NodeService) Service.DYNAMODB.start();
        ProcessHandle process = dynalite.processHandle();
        assertTrue(process.isAlive());
        dynalite.close();
        assertFalse(process.isAlive());
        assertEquals(0, process.descendants().count());
    }

    private static GetActivityTaskResponse awaitTask(SfnClient sfn, String activityArn) {
        return Poll.until(Duration.ofSeconds(5), "an activity task",
                () -> sfn.getActivityTask(b -> b.activityArn(activityArn).workerName("w")),
                task -> task.taskToken() != null && !task.taskToken().isEmpty());
    }

    private static ExecutionStatus awaitEnd(SfnClient sfn, String executionArn) {
        return Poll.until(Duration.ofSeconds(5), "the end of " + executionArn,
                () -> sfn.describeExecution(b -> b.executionArn(executionArn)).status(),
                status -> status != ExecutionStatus.RUNNING);
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        return null;
    }
}
