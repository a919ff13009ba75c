package dev.lambdabridge.samples.ops.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An SNS topic with an SQS queue subscribed to it, in fauxqs: what a handler publishes to the topic arrives in the
 * queue, where the test reads it (the SNS envelope: {@code Message}, {@code Subject}, {@code MessageAttributes}).
 */
public final class SnsTopicProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String topicArn;
    private final String queueUrl;

    private SnsTopicProbe(SqsClient sqs, String topicArn, String queueUrl) {
        this.sqs = sqs;
        this.topicArn = topicArn;
        this.queueUrl = queueUrl;
    }

    /** Creates topic {@code name} and queue {@code name-probe} subscribed to it. */
    public static SnsTopicProbe create(SnsClient sns, SqsClient sqs, String name) {
        String topicArn = sns.createTopic(b -> b.name(name)).topicArn();
        String queueUrl = sqs.createQueue(b -> b.queueName(name + "-probe")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
        return new SnsTopicProbe(sqs, topicArn, queueUrl);
    }

    public String topicArn() {
        return topicArn;
    }

    /**
     * The notifications that arrived within {@code wait} (reads until the queue stays empty for a short poll once
     * at least one arrived, or until {@code wait} passes), deleted from the queue.
     */
    public List<JsonNode> receive(Duration wait) {
        List<JsonNode> received = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(received.isEmpty() ? 1 : 0)).messages();
            if (batch.isEmpty() && !received.isEmpty()) {
                break;
            }
            for (Message m : batch) {
                received.add(parse(m.body()));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return received;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("an SNS notification that is not JSON: " + body, e);
        }
    }
}
