package example.ops.tagging;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdabridge.emulator.InvokeResult;
import dev.lambdabridge.samples.ops.emulators.AwsTestClients;
import dev.lambdabridge.samples.ops.emulators.FunctionHost;
import dev.lambdabridge.samples.ops.emulators.SampleVpcStubs;
import dev.lambdabridge.samples.ops.emulators.Service;
import dev.lambdabridge.samples.ops.emulators.ServiceEmulators;
import dev.lambdabridge.samples.ops.emulators.SnsTopicProbe;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The tagging policy engine run by the runtime's bootstrap under the lambda-bridge emulator: rules in dynalite,
 * the report through fauxqs (a topic with a subscribed queue the test reads). EC2 and CloudTrail have no emulator:
 * WireMock answers them with responses in their protocols' shapes (EC2 query protocol, matched on {@code Action=};
 * CloudTrail JSON protocol, matched on {@code X-Amz-Target}), and the test checks the requests it received.
 */
@Tag("slow")
class TaggingPolicyEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "acme_cloud_policy_tagging_def";
    private static final String VPC = SampleVpcStubs.VPC_ID;

    @RegisterExtension
    static final ServiceEmulators SERVICES = ServiceEmulators.of(Service.DYNAMODB, Service.SNS_SQS,
            Service.EC2_CLOUDTRAIL_WIREMOCK);

    private static FunctionHost host;
    private static DynamoDbClient dynamo;
    private static SnsClient sns;
    private static SqsClient sqs;
    private static SnsTopicProbe reports;
    private static WireMockServer aws;

    @BeforeAll
    static void deploy() {
        dynamo = AwsTestClients.of(DynamoDbClient.builder(), SERVICES.get(Service.DYNAMODB));
        sns = AwsTestClients.of(SnsClient.builder(), SERVICES.get(Service.SNS_SQS));
        sqs = AwsTestClients.of(SqsClient.builder(), SERVICES.get(Service.SNS_SQS));
        aws = SERVICES.wireMock().wireMock();
        createPolicyTable();
        reports = SnsTopicProbe.create(sns, sqs, "tagging-policy-report");
        Map<String, String> env = new HashMap<>(SERVICES.functionEnv());
        env.put("VPC_ID", VPC);
        env.put("REPORT_TOPIC_ARN", reports.topicArn());
        Map<String, String> stopping = new HashMap<>(env);
        stopping.put("UNTAGGED_INSTANCE_ACTION", "stop");
        String handler = "example.ops.tagging.TaggingPolicyHandler::handleRequest";
        host = FunctionHost.start().add("tagging-policy", handler, Duration.ofSeconds(30), env)
                .add("tagging-policy-stop", handler, Duration.ofSeconds(30), stopping);
    }

    @AfterAll
    static void undeploy() {
        if (host != null) {
            host.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {dynamo, sns, sqs}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing clients of emulators that stop next
            }
        }
    }

    @BeforeEach
    void stubAws() {
        aws.resetAll();
        SampleVpcStubs.stubSampleVpc(aws);
    }

    @Test
    void terminatesTheUntaggedInstanceTagsThePartialOneAndReportsBoth() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode result = host.invokeOk("tagging-policy", FunctionHost.event("scheduled.json"));
        assertEquals(3, result.path("instancesChecked").asInt(), result.toString());

        Map<String, String> describe = form(single("DescribeInstances"));
        assertEquals("vpc-id", describe.get("Filter.1.Name"));
        assertEquals(VPC, describe.get("Filter.1.Value.1"));
        Map<String, String> terminate = form(single("TerminateInstances"));
        assertEquals(SampleVpcStubs.UNTAGGED, terminate.get("InstanceId.1"));
        assertFalse(terminate.containsKey("InstanceId.2"), terminate.toString());
        assertEquals(Map.of("ResourceId.1", SampleVpcStubs.PARTIAL, "Tag.1.Key", "ProjectCode", "Tag.1.Value",
                "Proj007", "Tag.2.Key", "CreatedBy", "Tag.2.Value", "alice", "Tag.3.Key", "Expires", "Tag.3.Value",
                today), withoutProtocolFields(form(single("CreateTags"))));
        assertEquals(0, requests("StopInstances").size());
        List<LoggedRequest> lookups = aws.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(SampleVpcStubs.LOOKUP_EVENTS)));
        assertEquals(1, lookups.size(), "CloudTrail is asked only about the instance that lacks CreatedBy");
        JsonNode lookup = JSON.readTree(lookups.getFirst().getBodyAsString());
        assertEquals("ResourceName", lookup.path("LookupAttributes").get(0).path("AttributeKey").asText());
        assertEquals(SampleVpcStubs.PARTIAL, lookup.path("LookupAttributes").get(0).path("AttributeValue").asText());

        JsonNode report = onlyReport();
        assertEquals("Tagging policy: 2 actions in " + VPC, report.path("Subject").asText());
        JsonNode message = JSON.readTree(report.path("Message").asText());
        assertEquals(VPC, message.path("vpcId").asText());
        assertEquals(3, message.path("instancesChecked").asInt());
        JsonNode actions = message.path("actions");
        assertEquals(2, actions.size(), message.toString());
        assertEquals(SampleVpcStubs.PARTIAL, actions.get(0).path("instanceId").asText());
        assertEquals("tagged", actions.get(0).path("action").asText());
        assertEquals("alice", actions.get(0).path("tags").path("CreatedBy").asText());
        assertEquals("[\"ProjectCode\",\"CreatedBy\"]", actions.get(0).path("missingRequired").toString());
        assertEquals(SampleVpcStubs.UNTAGGED, actions.get(1).path("instanceId").asText());
        assertEquals("terminated", actions.get(1).path("action").asText());
    }

    @Test
    void creatorIsUndefinedWhenCloudTrailHasNoRunInstances() throws Exception {
        SampleVpcStubs.stubLookupEvents(aws, SampleVpcStubs.json("{\"Events\":[]}"));
        host.invokeOk("tagging-policy", FunctionHost.event("scheduled.json"));
        assertEquals("Undefined", form(single("CreateTags")).get("Tag.2.Value"));
        assertEquals("Undefined", JSON.readTree(onlyReport().path("Message").asText()).path("actions").get(0)
                .path("tags").path("CreatedBy").asText());
    }

    @Test
    void theStopSettingStopsInsteadOfTerminating() throws Exception {
        host.invokeOk("tagging-policy-stop", FunctionHost.event("scheduled.json"));
        assertEquals(SampleVpcStubs.UNTAGGED, form(single("StopInstances")).get("InstanceId.1"));
        assertEquals(0, requests("TerminateInstances").size());
        assertEquals("stopped", JSON.readTree(onlyReport().path("Message").asText()).path("actions").get(1)
                .path("action").asText());
    }

    @Test
    void ec2ThrottlingIsRetriedThenFailsWithoutActingOrReporting() throws Exception {
        SampleVpcStubs.stubEc2(aws, "DescribeInstances", SampleVpcStubs.requestLimitExceeded());
        InvokeResult result = host.invoke("tagging-policy", FunctionHost.event("scheduled.json"));
        assertTrue(result.isFunctionError(), result.payloadText());
        String message = JSON.readTree(result.payload()).path("errorMessage").asText();
        assertTrue(message.startsWith("EC2 DescribeInstances of " + VPC + " failed: RequestLimitExceeded: Request limit"
                + " exceeded."), message);
        int attempts = requests("DescribeInstances").size();
        assertTrue(attempts > 1, "the SDK retries a throttled call: " + attempts + " requests");
        assertTrue(message.contains("(SDK Attempt Count: " + attempts + ")"), message);
        assertEquals(0, requests("TerminateInstances").size() + requests("CreateTags").size());
        assertEquals(List.of(), reports.receive(Duration.ofMillis(1500)));
    }

    @Test
    void aMissingPolicyTableFailsBeforeTouchingAnInstance() throws Exception {
        dynamo.deleteTable(b -> b.tableName(TABLE));
        try {
            InvokeResult result = host.invoke("tagging-policy", FunctionHost.event("scheduled.json"));
            assertTrue(result.isFunctionError(), result.payloadText());
            JsonNode error = JSON.readTree(result.payload());
            assertEquals("java.lang.IllegalStateException", error.path("errorType").asText());
            assertTrue(error.path("errorMessage").asText().startsWith(
                    "the tag policy table \"acme_cloud_policy_tagging_def\" does not exist (POLICY_TABLE)"),
                    error.toString());
            aws.verify(0, anyRequestedFor(anyUrl()));
            assertEquals(List.of(), reports.receive(Duration.ofMillis(1500)));
        } finally {
            createPolicyTable();
        }
    }

    @Test
    void anInvalidRuleIsNamedAndNothingIsDone() throws Exception {
        dynamo.putItem(b -> b.tableName(TABLE).item(TagRulesTest.item("4", "Owner", "Delete", "Y", "ops")));
        try {
            InvokeResult result = host.invoke("tagging-policy", FunctionHost.event("scheduled.json"));
            assertTrue(result.isFunctionError(), result.payloadText());
            assertEquals("rule 4: unknown Action \"Delete\" (expected one of Update, UserLookup, Function)",
                    JSON.readTree(result.payload()).path("errorMessage").asText());
            aws.verify(0, anyRequestedFor(anyUrl()));
        } finally {
            dynamo.deleteItem(b -> b.tableName(TABLE).key(Map.of("RuleId", AttributeValue.fromN("4"))));
        }
    }

    @Test
    void anEventThatIsNotAScheduleIsRefused() throws Exception {
        InvokeResult result = host.invoke("tagging-policy", FunctionHost.event("not-scheduled.json"));
        assertTrue(result.isFunctionError(), result.payloadText());
        assertEquals("expected a CloudWatch Events \"Scheduled Event\" from aws.events, got detail-type"
                + " \"EC2 Instance State-change Notification\" from source \"aws.ec2\"",
                JSON.readTree(result.payload()).path("errorMessage").asText());
        aws.verify(0, anyRequestedFor(anyUrl()));
        // the next invocation still works
        host.invokeOk("tagging-policy", FunctionHost.event("scheduled.json"));
        assertEquals(1, reports.receive(Duration.ofSeconds(5)).size());
    }

    private static void createPolicyTable() {
        dynamo.createTable(b -> b.tableName(TABLE)
                .keySchema(k -> k.attributeName("RuleId").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("RuleId").attributeType(ScalarAttributeType.N))
                .billingMode("PAY_PER_REQUEST"));
        for (Map<String, AttributeValue> rule : List.of(
                TagRulesTest.item("1", "ProjectCode", "Update", "Y", "Proj007"),
                TagRulesTest.item("2", "CreatedBy", "UserLookup", "Y", null),
                TagRulesTest.item("3", "Expires", "Function", "N", "today()"))) {
            dynamo.putItem(b -> b.tableName(TABLE).item(rule));
        }
    }

    private static List<LoggedRequest> requests(String action) {
        return aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&")));
    }

    private static LoggedRequest single(String action) {
        List<LoggedRequest> found = requests(action);
        assertEquals(1, found.size(), action + " requests: " + found);
        return found.getFirst();
    }

    /** The form fields of an EC2 query-protocol request. */
    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static Map<String, String> withoutProtocolFields(Map<String, String> fields) {
        Map<String, String> rest = new HashMap<>(fields);
        rest.keySet().removeAll(Set.of("Action", "Version"));
        return rest;
    }

    private static JsonNode onlyReport() {
        List<JsonNode> received = reports.receive(Duration.ofSeconds(5));
        assertEquals(1, received.size(), "one report per run: " + received);
        return received.getFirst();
    }
}
