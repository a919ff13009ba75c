package example.apps.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;

/**
 * WireMock (standalone 3.13.2, in-process) for the AWS services that have no open-source emulator to install here
 * (STS, CodePipeline): on 127.0.0.1 at a free port, answering with responses in the shape the real services send.
 */
public final class WireMockServers {
    private WireMockServers() {
    }

    /** A started server; stop it after the test. */
    public static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
.containerThreads(8).jettyAcceptors(1));
        server.start();
        return server;
    }

    /**
     * The environment that sends one AWS service's SDK calls to {@code endpoint}: the SDK's own
     * {@code AWS_ENDPOINT_URL_<SERVICE>} variable (read by AWS SDK v2 itself, so the function has no endpoint code),
     * test credentials and a region.
     */
    public static Map<String, String> awsEnv(String serviceEnvSuffix, String endpoint) {
        return Map.of("AWS_ENDPOINT_URL_" + serviceEnvSuffix, endpoint,
                "AWS_ACCESS_KEY_ID", "AKIDLOCALTEST", "AWS_SECRET_ACCESS_KEY", "local-test-secret",
                "AWS_REGION", "us-east-1");
    }
}
