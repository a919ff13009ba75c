package dev.lambdabridge.runtime.serialization;

import java.nio.file.Path;
import java.util.List;

/**
 * Every file of the shared AWS event fixtures (from aws/aws-lambda-java-libs, used in place, never copied), with
 * the aws-lambda-java-events 3.16.1 class it is a payload of, or the reason it has none. A fixture that is the
 * payload of several classes has one entry per class. Named explicitly, one line each: nothing is guessed from
 * file names. Published in this module's test-jar for the end-to-end conformance tests.
 */
public final class FixtureCatalog {

    /** System property naming the fixture directory. */
    public static final String ROOT_PROPERTY = "lambdabridge.fixtures.aws-events";
    public static final String DEFAULT_ROOT = "/work/shared/fixtures/aws-events";

    private static final String EV = "com.amazonaws.services.lambda.runtime.events.";

    /**
     * One fixture file and what it is.
     *
     * @param path        relative to {@link #root()}, with '/' separators
     * @param eventClass  binary class name (nested classes with '$'), or null when there is none
     * @param noClassReason why there is no class; null when there is one
     */
    public record Entry(String path, String eventClass, String noClassReason) {
        public boolean hasClass() {
            return eventClass != null;
        }

        public Path file() {
            return root().resolve(path);
        }

        public Class<?> load(ClassLoader loader) throws ClassNotFoundException {
            return Class.forName(eventClass, false, loader);
        }

        @Override
        public String toString() {
            return path + (hasClass() ? " -> " + eventClass.substring(eventClass.lastIndexOf('.') + 1) : " (no class)");
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            event("apigw/events/apigw_event.json", EV + "APIGatewayProxyRequestEvent"),
            event("apigw/events/apigw_event_nobody.json", EV + "APIGatewayProxyRequestEvent"),
            event("apigw/responses/apigw_response.json", EV + "APIGatewayProxyResponseEvent"),
            event("apigw/responses/apigw_response2.json", EV + "APIGatewayProxyResponseEvent"),
            event("apigw_auth.json", EV + "APIGatewayCustomAuthorizerEvent"),
            event("apigw_auth_v2.json", EV + "APIGatewayV2CustomAuthorizerEvent"),
            event("apigw_http_event.json", EV + "APIGatewayV2HTTPEvent"),
            event("apigw_rest_event.json", EV + "APIGatewayProxyRequestEvent"),
            event("apigw_websocket_event.json", EV + "APIGatewayV2WebSocketEvent"),
            event("apigw_websocket_event.json", EV + "APIGatewayV2ProxyRequestEvent"),
            event("appsync_authorizer_event.json", EV + "AppSyncLambdaAuthorizerEvent"),
            event("appsync_authorizer_response.json", EV + "AppSyncLambdaAuthorizerResponse"),
            event("cloudformation_event.json", EV + "CloudFormationCustomResourceEvent"),
            event("cloudfront_event.json", EV + "CloudFrontEvent"),
            event("cloudwatch_composite_alarm.json", EV + "CloudWatchCompositeAlarmEvent"),
            event("cloudwatch_event.json", EV + "ScheduledEvent"),
            event("cloudwatch_metric_alarm.json", EV + "CloudWatchMetricAlarmEvent"),
            event("cloudwatchlogs_event.json", EV + "CloudWatchLogsEvent"),
            event("codecommit_event.json", EV + "CodeCommitEvent"),
            event("cognito/cognito_userpool_create_auth_challenge.json", EV + "CognitoUserPoolCreateAuthChallengeEvent"),
            event("cognito/cognito_userpool_custom_message.json", EV + "CognitoUserPoolCustomMessageEvent"),
            event("cognito/cognito_userpool_define_auth_challenge.json", EV + "CognitoUserPoolDefineAuthChallengeEvent"),
            event("cognito/cognito_userpool_migrate_user.json", EV + "CognitoUserPoolMigrateUserEvent"),
            event("cognito/cognito_userpool_postauthentication.json", EV + "CognitoUserPoolPostAuthenticationEvent"),
            event("cognito/cognito_userpool_postconfirmation.json", EV + "CognitoUserPoolPostConfirmationEvent"),
            event("cognito/cognito_userpool_pre_token_generation.json", EV + "CognitoUserPoolPreTokenGenerationEvent"),
            event("cognito/cognito_userpool_preauthentication.json", EV + "CognitoUserPoolPreAuthenticationEvent"),
            event("cognito/cognito_userpool_presignup.json", EV + "CognitoUserPoolPreSignUpEvent"),
            event("cognito/cognito_userpool_verify_auth_challenge.json", EV + "CognitoUserPoolVerifyAuthChallengeResponseEvent"),
            event("cognito_sync_event.json", EV + "CognitoEvent"),
            event("cognito_user_pool_pre_token_generation_event_v2.json", EV + "CognitoUserPoolPreTokenGenerationEventV2"),
            event("config_event.json", EV + "ConfigEvent"),
            event("connect_event.json", EV + "ConnectEvent"),
            event("ddb/dynamo_ddb_stream_record.json", EV + "DynamodbEvent$DynamodbStreamRecord"),
            event("ddb/dynamo_event.json", EV + "DynamodbEvent"),
            event("ddb/dynamo_event_roundtrip.json", EV + "DynamodbEvent"),
            event("ddb/dynamo_time_window_event.json", EV + "DynamodbTimeWindowEvent"),
            event("elb_event.json", EV + "ApplicationLoadBalancerRequestEvent"),
            event("firehose_event.json", EV + "KinesisFirehoseEvent"),
            event("iot_button_event.json", EV + "IoTButtonEvent"),
            event("kafka_event.json", EV + "KafkaEvent"),
            event("kafka_event_roundtrip.json", EV + "KafkaEvent"),
            event("kinesis/kinesis_analytics_firehose_input_preprocessing.json", EV + "KinesisAnalyticsFirehoseInputPreprocessingEvent"),
            event("kinesis/kinesis_analytics_input_preprocessing_response.json", EV + "KinesisAnalyticsInputPreprocessingResponse"),
            event("kinesis/kinesis_analytics_output_delivery.json", EV + "KinesisAnalyticsOutputDeliveryEvent"),
            event("kinesis/kinesis_analytics_output_delivery_response.json", EV + "KinesisAnalyticsOutputDeliveryResponse"),
            event("kinesis/kinesis_analytics_streams_input_preprocessing.json", EV + "KinesisAnalyticsStreamsInputPreprocessingEvent"),
            event("kinesis/kinesis_event_roundtrip.json", EV + "KinesisEvent"),
            event("kinesis/kinesis_time_window_event.json", EV + "KinesisTimeWindowEvent"),
            event("kinesis_event.json", EV + "KinesisEvent"),
            event("lambda_destination_event.json", EV + "LambdaDestinationEvent"),
            event("lex_event.json", EV + "LexEvent"),
            event("lex_event_roundtrip.json", EV + "LexEvent"),
            event("mq_event.json", EV + "ActiveMQEvent"),
            event("msk_firehose_event.json", EV + "MSKFirehoseEvent"),
            event("msk_firehose_event_roundtrip.json", EV + "MSKFirehoseEvent"),
            event("rabbitmq_event.json", EV + "RabbitMQEvent"),
            event("rabbitmq_event_roundtrip.json", EV + "RabbitMQEvent"),
            event("response/alb_response.json", EV + "ApplicationLoadBalancerResponseEvent"),
            event("response/apigw_proxy_response.json", EV + "APIGatewayProxyResponseEvent"),
            event("response/apigw_v2_http_response.json", EV + "APIGatewayV2HTTPResponse"),
            event("response/apigw_v2_websocket_response.json", EV + "APIGatewayV2WebSocketResponse"),
            event("response/apigw_v2_websocket_response.json", EV + "APIGatewayV2ProxyResponseEvent"),
            event("response/msk_firehose_response.json", EV + "MSKFirehoseResponse"),
            event("response/s3_batch_response.json", EV + "S3BatchResponse"),
            event("response/simple_iam_policy_response.json", EV + "SimpleIAMPolicyResponse"),
            event("response/sqs_batch_response.json", EV + "SQSBatchResponse"),
            event("s3_batch_event.json", EV + "S3BatchEvent"),
            event("s3_batch_event_v2.json", EV + "S3BatchEventV2"),
            event("s3_event.json", EV + "S3Event"),
            event("s3_event.json", EV + "models.s3.S3EventNotification"),
            event("s3_object_lambda_event.json", EV + "S3ObjectLambdaEvent"),
            event("secrets_rotation_event.json", EV + "SecretsManagerRotationEvent"),
            event("sns_event.json", EV + "SNSEvent"),
            event("sqs/sqs_event_nobody.json", EV + "SQSEvent"),
            event("sqs/sqs_event_product.json", EV + "SQSEvent"),
            event("time_window_event_response.json", EV + "TimeWindowEventResponse"),
            none("NOTICE", "the licence notice of the fixtures, not a payload"),
            none("partial_pojo.json", "a plain POJO payload ({name, unknownField}) of AWS's aws-lambda-java-tests, "
                    + "not an events type; used here by the unknown-property POJO test"),
            none("unstable_pojo.json", "a plain POJO payload ({name}) of AWS's aws-lambda-java-tests, not an events type"));

    private FixtureCatalog() {
    }

    /** All entries: every fixture file at least once. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entries that name an events class. */
    public static List<Entry> eventEntries() {
        return ENTRIES.stream().filter(Entry::hasClass).toList();
    }

    public static Path root() {
        return Path.of(System.getProperty(ROOT_PROPERTY, DEFAULT_ROOT));
    }

    private static Entry event(String path, String eventClass) {
        return new Entry(path, eventClass, null);
    }

    private static Entry none(String path, String reason) {
        return new Entry(path, null, reason);
    }
}
