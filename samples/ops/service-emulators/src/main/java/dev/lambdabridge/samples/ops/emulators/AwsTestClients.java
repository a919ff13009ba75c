package dev.lambdabridge.samples.ops.emulators;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** AWS SDK v2 clients for the tests' own setup and checks, pointed at a local emulator with the test credentials. */
public final class AwsTestClients {
    private AwsTestClients() {
    }

    /** E.g. {@code DynamoDbClient client = AwsTestClients.of(DynamoDbClient.builder(), services.get(DYNAMODB));} */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C of(B builder,
            LocalService service) {
        return builder.endpointOverride(service.endpoint())
                .region(Region.of(ServiceEmulators.TEST_CREDENTIALS.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        ServiceEmulators.TEST_CREDENTIALS.get("AWS_ACCESS_KEY_ID"),
                        ServiceEmulators.TEST_CREDENTIALS.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
