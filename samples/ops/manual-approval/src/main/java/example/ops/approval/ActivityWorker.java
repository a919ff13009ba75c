package example.ops.approval;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import example.ops.support.Environment;
import example.ops.support.HttpClients;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;

/**
 * The manual-approval activity worker, run on a schedule: takes one task of the activity ({@code GetActivityTask},
 * which long-polls up to 60 s on AWS, hence the function's 75 s timeout) and e-mails the manager named in its input
 * links to approve or reject. With no task waiting it says so and does nothing else.
 *
 * <p>Environment: {@code ACTIVITY_ARN}, {@code APPROVAL_API_URL} (the base URL of {@link ApprovalApiHandler}'s API),
 * {@code SENDER_EMAIL} (a verified SES identity).
 */
public class ActivityWorker implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    /** The error a task is failed with when its input cannot be acted on, so that the execution does not hang. */
    static final String INVALID_REQUEST = "InvalidApprovalRequest";
    static final String EMAIL_FAILED = "ApprovalEmailFailed";

    private static final Duration LONG_POLL = Duration.ofSeconds(70);

    private final SfnClient sfn;
    private final SesClient ses;
    private final String activityArn;
    private final String apiUrl;
    private final String sender;

    public ActivityWorker() {
        this(Environment.system(), SfnClient.builder().httpClient(HttpClients.urlConnection(LONG_POLL)).build(),
                SesClient.builder().httpClient(HttpClients.urlConnection()).build());
    }

    ActivityWorker(Environment env, SfnClient sfn, SesClient ses) {
        this.activityArn = env.required("ACTIVITY_ARN");
        this.apiUrl = env.required("APPROVAL_API_URL");
        this.sender = env.required("SENDER_EMAIL");
        this.sfn = sfn;
        this.ses = ses;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activityArn)
                .workerName(context.getFunctionName()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("activityArn", activityArn);
        if (task.taskToken() == null || task.taskToken().isEmpty()) {
            context.getLogger().log("no activities waiting on " + activityArn);
            result.put("status", "no activities");
            return result;
        }
        ApprovalRequest request = parseOrFail(task);
        ApprovalEmail email = ApprovalEmail.of(request, ApprovalLinks.of(apiUrl, task.taskToken()));
        String messageId = sendOrFail(task, email);
        context.getLogger().log("approval e-mail " + messageId + " sent to " + email.to() + " for "
                + request.employeeName());
        result.put("status", "approval requested");
        result.put("to", email.to());
        result.put("employeeName", request.employeeName());
        result.put("messageId", messageId);
        return result;
    }

    private ApprovalRequest parseOrFail(GetActivityTaskResponse task) {
        try {
            return ApprovalRequest.fromTaskInput(task.input());
        } catch (IllegalArgumentException e) {
            failTask(task.taskToken(), INVALID_REQUEST, e.getMessage());
            throw e;
        }
    }

    private String sendOrFail(GetActivityTaskResponse task, ApprovalEmail email) {
        try {
            return ses.sendEmail(b -> b.source(sender).destination(d -> d.toAddresses(email.to()))
                    .message(m -> m.subject(s -> s.data(email.subject()).charset("UTF-8"))
                            .body(x -> x.text(t -> t.data(email.text()).charset("UTF-8"))
                                    .html(h -> h.data(email.html()).charset("UTF-8"))))).messageId();
        } catch (SdkException e) {
            String cause = "SES did not send the approval e-mail to " + email.to() + ": " + e.getMessage();
            failTask(task.taskToken(), EMAIL_FAILED, cause);
            throw new IllegalStateException(cause, e);
        }
    }

    private void failTask(String token, String error, String cause) {
        sfn.sendTaskFailure(b -> b.taskToken(token).error(error).cause(cause));
    }
}
