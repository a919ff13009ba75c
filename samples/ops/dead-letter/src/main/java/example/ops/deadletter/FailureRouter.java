package example.ops.deadletter;

import example.ops.support.Environment;
import example.ops.support.HttpClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Sends each failure where it belongs: a timeout back to the retry queue in smaller pieces (or, when its payload
 * cannot be split, to the operations topic); a crash or a misconfiguration to the operations topic, since
 * retrying will not help; anything else only to the log.
 */
public final class FailureRouter {
    private static final int SQS_BATCH_LIMIT = 10;

    private final SqsClient sqs;
    private final SnsClient sns;
    private final String retryQueueUrl;
    private final String operationsTopicArn;
    private final PayloadSplitter splitter;

    public FailureRouter(SqsClient sqs, SnsClient sns, String retryQueueUrl, String operationsTopicArn,
            PayloadSplitter splitter) {
        this.sqs = sqs;
        this.sns = sns;
        this.retryQueueUrl = retryQueueUrl;
        this.operationsTopicArn = operationsTopicArn;
        this.splitter = splitter;
    }

    /**
     * A router configured from {@code RETRY_QUEUE_URL}, {@code OPERATIONS_TOPIC_ARN} and {@code RETRY_PIECE_SIZE}
     * (the largest piece of a split payload; unset: halves), with its SDK clients.
     */
    public static FailureRouter fromEnvironment(Environment env) {
        return new FailureRouter(SqsClient.builder().httpClient(HttpClients.urlConnection()).build(),
                SnsClient.builder().httpClient(HttpClients.urlConnection()).build(), env.required("RETRY_QUEUE_URL"),
                env.required("OPERATIONS_TOPIC_ARN"),
                new PayloadSplitter(env.optional("RETRY_PIECE_SIZE", 0, Integer::parseInt)));
    }

    public Routing route(FailureNotice notice) {
        FailureClass failureClass = notice.failureClass();
        return switch (failureClass) {
            case TIMEOUT -> requeue(notice);
            case CRASH, MISCONFIGURATION -> alert(notice, failureClass, "retrying will not help");
            case OTHER -> new Routing(notice, failureClass, "logged: " + notice.errorMessage());
        };
    }

    private Routing requeue(FailureNotice notice) {
        Optional<List<String>> pieces = splitter.split(notice.payload());
        if (pieces.isEmpty()) {
            return alert(notice, FailureClass.TIMEOUT, "its payload cannot be split into smaller pieces");
        }
        List<String> all = pieces.get();
        for (int start = 0; start < all.size(); start += SQS_BATCH_LIMIT) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = start; i < Math.min(all.size(), start + SQS_BATCH_LIMIT); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("piece-" + (i + 1)).messageBody(all.get(i))
                        .messageAttributes(Map.of(
                                "OriginalRequestID", text(notice.requestId()),
                                "Piece", text((i + 1) + "/" + all.size())))
                        .build());
            }
            List<BatchResultErrorEntry> failed = sqs.sendMessageBatch(b -> b.queueUrl(retryQueueUrl).entries(entries))
                    .failed();
            if (!failed.isEmpty()) {
                throw new IllegalStateException("SQS refused " + failed.size() + " piece(s) of request "
                        + notice.requestId() + " for " + retryQueueUrl + ": " + failed.getFirst().code() + " "
                        + failed.getFirst().message());
            }
        }
        return new Routing(notice, FailureClass.TIMEOUT, "re-queued in " + all.size() + " pieces to " + retryQueueUrl);
    }

    private Routing alert(FailureNotice notice, FailureClass failureClass, String why) {
        String subject = "Lambda " + failureClass.label() + ": request " + notice.requestId();
        String body = subject + " failed and was not retried (" + why + ").\n\nErrorCode: " + notice.errorCode()
                + "\nErrorMessage: " + notice.errorMessage() + "\n\nEvent:\n" + notice.payload() + "\n";
        sns.publish(b -> b.topicArn(operationsTopicArn).subject(truncate(subject, 100)).message(body)
                .messageAttributes(Map.of(
                        "FailureClass", snsText(failureClass.label()),
                        "RequestID", snsText(notice.requestId()))));
        return new Routing(notice, failureClass, "alerted " + operationsTopicArn + " (" + why + ")");
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static software.amazon.awssdk.services.sns.model.MessageAttributeValue snsText(String value) {
        return software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder().dataType("String")
                .stringValue(value).build();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
