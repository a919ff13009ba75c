package example.ops.tagging;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import example.ops.support.Environment;
import example.ops.support.HttpClients;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The tagging policy engine, run by a CloudWatch Events schedule: reads the tag rules from DynamoDB, checks every
 * instance of one VPC, terminates (or stops) the instances with no tags at all, creates the tags the rules require
 * on the others, and publishes one SNS report of everything it did.
 *
 * <p>Environment: {@code VPC_ID}, {@code REPORT_TOPIC_ARN}, {@code POLICY_TABLE} (default
 * {@value #DEFAULT_TABLE}), {@code UNTAGGED_INSTANCE_ACTION} ({@code terminate}, the default, or {@code stop}).
 */
public class TaggingPolicyHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    static final String DEFAULT_TABLE = "acme_cloud_policy_tagging_def";

    private final DynamoDbClient dynamo;
    private final Ec2Client ec2;
    private final SnsClient sns;
    private final CreatorLookup creators;
    private final Clock clock;
    private final String table;
    private final String vpcId;
    private final String topicArn;
    private final UntaggedAction untaggedAction;

    public TaggingPolicyHandler() {
        this(Environment.system(), DynamoDbClient.builder().httpClient(HttpClients.urlConnection()).build(),
                Ec2Client.builder().httpClient(HttpClients.urlConnection()).build(),
                CloudTrailClient.builder().httpClient(HttpClients.urlConnection()).build(),
                SnsClient.builder().httpClient(HttpClients.urlConnection()).build(), Clock.systemUTC());
    }

    TaggingPolicyHandler(Environment env, DynamoDbClient dynamo, Ec2Client ec2, CloudTrailClient cloudTrail,
            SnsClient sns, Clock clock) {
        this.table = env.optional("POLICY_TABLE", DEFAULT_TABLE);
        this.vpcId = env.required("VPC_ID");
        this.topicArn = env.required("REPORT_TOPIC_ARN");
        this.untaggedAction = env.optional("UNTAGGED_INSTANCE_ACTION", UntaggedAction.TERMINATE, UntaggedAction::parse);
        this.dynamo = dynamo;
        this.ec2 = ec2;
        this.sns = sns;
        this.creators = new CreatorLookup(cloudTrail);
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        requireScheduledEvent(event);
        List<TagRule> rules = readRules();
        List<Instance> instances = instancesOfVpc();
        PolicyReport report = new PolicyReport(vpcId, clock.instant());
        report.checked(instances.size());
        TagFunctions functions = new TagFunctions(clock);

        List<String> untagged = new ArrayList<>();
        for (Instance instance : instances) {
            if (instance.tags().isEmpty()) {
                untagged.add(instance.instanceId());
                continue;
            }
            Map<String, String> current = instance.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
            TagPlan plan = TagPlan.of(instance.instanceId(), current, rules, creators::creatorOf, functions);
            if (!plan.isEmpty()) {
                ec2.createTags(b -> b.resources(instance.instanceId()).tags(plan.tags().entrySet().stream()
                        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList()));
                report.tagged(instance.instanceId(), plan);
                context.getLogger().log("tagged " + instance.instanceId() + ": " + plan.tags());
            }
        }
        if (!untagged.isEmpty()) {
            switch (untaggedAction) {
                case TERMINATE -> ec2.terminateInstances(b -> b.instanceIds(untagged));
                case STOP -> ec2.stopInstances(b -> b.instanceIds(untagged));
            }
            untagged.forEach(id -> report.untagged(id, untaggedAction));
            context.getLogger().log(untaggedAction.reported() + " (no tags at all): " + untagged);
        }
        sns.publish(b -> b.topicArn(topicArn).subject(report.subject()).message(report.toJson()));
        context.getLogger().log(report.subject() + "; report published to " + topicArn);
        return report.toMap();
    }

    private static void requireScheduledEvent(ScheduledEvent event) {
        String detailType = event == null ? null : event.getDetailType();
        String source = event == null ? null : event.getSource();
        if (!"Scheduled Event".equals(detailType) || !"aws.events".equals(source)) {
            throw new IllegalArgumentException("expected a CloudWatch Events \"Scheduled Event\" from aws.events, got"
                    + " detail-type \"" + detailType + "\" from source \"" + source + "\"");
        }
    }

    private List<TagRule> readRules() {
        try {
            return dynamo.scanPaginator(b -> b.tableName(table)).items().stream().map(TagRule::fromItem)
                    .sorted(Comparator.comparingInt(TagRule::ruleId)).toList();
        } catch (ResourceNotFoundException e) {
            throw new IllegalStateException("the tag policy table \"" + table + "\" does not exist (POLICY_TABLE): "
                    + e.awsErrorDetails().errorMessage(), e);
        }
    }

    private List<Instance> instancesOfVpc() {
        try {
            return ec2.describeInstancesPaginator(b -> b.filters(
                            f -> f.name("vpc-id").values(vpcId),
                            f -> f.name("instance-state-name").values("pending", "running", "stopping", "stopped")))
                    .reservations().stream().flatMap(r -> r.instances().stream()).toList();
        } catch (AwsServiceException e) {
            // the SDK has already retried throttling (RequestLimitExceeded) and 5xx errors by now
            throw new IllegalStateException("EC2 DescribeInstances of " + vpcId + " failed: "
                    + (e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode() + ": ") + e.getMessage(), e);
        }
    }
}
