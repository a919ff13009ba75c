package example.apps.time;

import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ExecutionDetails;
import software.amazon.awssdk.services.codepipeline.model.FailureDetails;
import software.amazon.awssdk.services.codepipeline.model.FailureType;

/** Tells CodePipeline how a job ended: {@code PutJobSuccessResult} or {@code PutJobFailureResult}. */
public final class JobResults {
    /** CodePipeline's limits: ExecutionDetails.summary 2048 characters, FailureDetails.message 5000. */
    static final int SUMMARY_LIMIT = 2048;
    static final int FAILURE_MESSAGE_LIMIT = 5000;

    private final CodePipelineClient codePipeline;

    public JobResults(CodePipelineClient codePipeline) {
        this.codePipeline = codePipeline;
    }

    /** @param executionId this run's id (the Lambda request id), shown by CodePipeline as the external execution */
    public void succeeded(String jobId, String summary, String executionId) {
        codePipeline.putJobSuccessResult(r -> r.jobId(jobId).executionDetails(ExecutionDetails.builder()
                .summary(cut(summary, SUMMARY_LIMIT)).externalExecutionId(executionId).percentComplete(100).build()));
    }

    public void failed(String jobId, String message, String executionId) {
        codePipeline.putJobFailureResult(r -> r.jobId(jobId).failureDetails(FailureDetails.builder()
                .type(FailureType.JOB_FAILED).message(cut(message, FAILURE_MESSAGE_LIMIT))
                .externalExecutionId(executionId).build()));
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 3) + "...";
    }
}
