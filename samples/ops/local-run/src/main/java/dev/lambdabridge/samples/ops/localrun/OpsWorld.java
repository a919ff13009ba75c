package dev.lambdabridge.samples.ops.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdabridge.samples.ops.emulators.AwsTestClients;
import dev.lambdabridge.samples.ops.emulators.SampleVpcStubs;
import dev.lambdabridge.samples.ops.emulators.Service;
import dev.lambdabridge.samples.ops.emulators.ServiceEmulators;
import dev.lambdabridge.samples.ops.emulators.SesMailbox;
import dev.lambdabridge.samples.ops.emulators.SnsTopicProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the operations functions expect to find, created in the running emulators: an activity with an execution
 * waiting on it, the tag policy table with the article's three rules, the report and operations topics (each with
 * a queue subscribed, to show what was published), the retry queue, and the sample VPC on WireMock. {@link #values()}
 * are the values of the functions file's {@code ${NAME}} placeholders.
 */
final class OpsWorld implements AutoCloseable {
    private final ServiceEmulators services;
    private final SfnClient sfn;
    private final DynamoDbClient dynamo;
    private final SnsClient sns;
    private final SqsClient sqs;
    private final SnsTopicProbe reports;
    private final SnsTopicProbe operations;
    private final String retryQueueUrl;
    private final String activityArn;

    private OpsWorld(ServiceEmulators services) {
        this.services = services;
        sfn = AwsTestClients.of(SfnClient.builder(), services.get(Service.STEP_FUNCTIONS));
        dynamo = AwsTestClients.of(DynamoDbClient.builder(), services.get(Service.DYNAMODB));
        sns = AwsTestClients.of(SnsClient.builder(), services.get(Service.SNS_SQS));
        sqs = AwsTestClients.of(SqsClient.builder(), services.get(Service.SNS_SQS));
        activityArn = sfn.createActivity(b -> b.name("ManualStep")).activityArn();
        reports = SnsTopicProbe.create(sns, sqs, "tagging-policy-report");
        operations = SnsTopicProbe.create(sns, sqs, "operations");
        retryQueueUrl = sqs.createQueue(b -> b.queueName("orders-retry")).queueUrl();
    }

    static OpsWorld create(ServiceEmulators services) {
        OpsWorld world = new OpsWorld(services);
        world.startApprovalExecution();
        world.createPolicyTable();
        SampleVpcStubs.stubSampleVpc(services.wireMock().wireMock());
        return world;
    }

    Map<String, String> values() {
        return Map.of("ACTIVITY_ARN", activityArn, "REPORT_TOPIC_ARN", reports.topicArn(),
                "OPERATIONS_TOPIC_ARN", operations.topicArn(), "RETRY_QUEUE_URL", retryQueueUrl);
    }

    /** One line per thing the services received: mail, SNS messages, EC2 calls, retry messages. */
    List<String> received() {
        List<String> lines = new ArrayList<>();
        for (JsonNode mail : SesMailbox.sentMail(services.get(Service.SES))) {
            lines.add("SES mail to " + mail.path("destination").path("to") + ": " + mail.path("subject").asText());
        }
        reports.receive(Duration.ofSeconds(2)).forEach(m -> lines.add("SNS tagging report: "
                + m.path("Subject").asText()));
        operations.receive(Duration.ofSeconds(2)).forEach(m -> lines.add("SNS operations alert: "
                + m.path("Subject").asText()));
        services.wireMock().wireMock().getAllServeEvents().reversed().forEach(e -> {
            String target = e.getRequest().getHeader("X-Amz-Target");
            String body = e.getRequest().getBodyAsString();
            lines.add("WireMock (EC2, CloudTrail): " + (target != null && !target.isEmpty()
                    ? target.substring(target.lastIndexOf('.') + 1) : body.replaceAll("^Action=([A-Za-z]+).*", "$1"))
                    + " " + abbreviate(body));
        });
        int retries = sqs.receiveMessage(b -> b.queueUrl(retryQueueUrl).maxNumberOfMessages(10)).messages().size();
        lines.add("SQS retry queue: " + retries + " message(s)");
        return lines;
    }

    private void startApprovalExecution() {
        String definition = "{\"StartAt\":\"ManualApprovalStep\",\"States\":{\"ManualApprovalStep\":{\"Type\":\"Task\","
                + "\"Resource\":\"" + activityArn + "\",\"End\":true}}}";
        String machine = sfn.createStateMachine(b -> b.name("PromotionApproval").definition(definition)
                .roleArn("arn:aws:iam::123456789012:role/approval")).stateMachineArn();
        sfn.startExecution(b -> b.stateMachineArn(machine)
                .input("{\"managerEmailAddress\":\"boss@example.com\",\"employeeName\":\"Ada Lovelace\"}"));
    }

    private void createPolicyTable() {
        String table = "acme_cloud_policy_tagging_def";
        dynamo.createTable(b -> b.tableName(table).keySchema(k -> k.attributeName("RuleId").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("RuleId").attributeType(ScalarAttributeType.N))
                .billingMode("PAY_PER_REQUEST"));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("RuleId", AttributeValue.fromN("1"),
                "TagKey", AttributeValue.fromS("ProjectCode"), "Action", AttributeValue.fromS("Update"),
                "Required", AttributeValue.fromS("Y"), "Default", AttributeValue.fromS("Proj007"))));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("RuleId", AttributeValue.fromN("2"),
                "TagKey", AttributeValue.fromS("CreatedBy"), "Action", AttributeValue.fromS("UserLookup"),
                "Required", AttributeValue.fromS("Y"))));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("RuleId", AttributeValue.fromN("3"),
                "TagKey", AttributeValue.fromS("Expires"), "Action", AttributeValue.fromS("Function"),
                "Required", AttributeValue.fromS("N"), "Default", AttributeValue.fromS("today()"))));
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "...";
    }

    @Override
    public void close() {
        sfn.close();
        dynamo.close();
        sns.close();
        sqs.close();
    }
}
