package dev.lambdabridge.samples.ops.emulators;

import java.util.List;
import java.util.Map;

/** The local AWS service emulators the handlers' tests can start, each with its pinned version. */
public enum Service {
    /** DynamoDB: dynalite, tables created at once ({@code --createTableMs 0}). */
    DYNAMODB {
        @Override
        LocalService start() {
            return NodeService.start(new NpmPackage("dynalite", "4.0.0"), "cli.js",
                    List.of("--host", "127.0.0.1", "--port", "{port}", "--createTableMs", "0", "--deleteTableMs", "0",
                            "--updateTableMs", "0"), Map.of(), List.of("DYNAMODB"));
        }
    },
    /** SES (v1 and v2): aws-ses-v2-local; {@link SesMailbox} reads what it was sent. */
    SES {
        @Override
        LocalService start() {
            return NodeService.start(new NpmPackage("aws-ses-v2-local", "2.10.2"), "dist/cli.js",
                    List.of("--host", "127.0.0.1", "--port", "{port}"), Map.of(), List.of("SES", "SESV2"));
        }
    },
    /** SNS and SQS: fauxqs 1.9.2 (the last that runs on Node.js 20), bound to 127.0.0.1 by the preload. */
    SNS_SQS {
        @Override
        LocalService start() {
            return NodeService.start(new NpmPackage("fauxqs", "1.9.2"), "dist/cli.js", List.of(),
                    Map.of("FAUXQS_PORT", "{port}", "FAUXQS_LOGGER", "false", "FAUXQS_DEFAULT_REGION", "us-east-1"),
                    List.of("SNS", "SQS"));
        }
    },
    /**
     * Step Functions (activities, executions): stepfunctions-local, bound to 127.0.0.1 by the preload. The account
     * in its ARNs is fixed: take ARNs from its create calls.
     */
    STEP_FUNCTIONS {
        @Override
        LocalService start() {
            return NodeService.start(new NpmPackage("stepfunctions-local", "1.3.1"),
                    "bin/stepfunctions-local-start.js", List.of("--port", "{port}", "--region", "us-east-1"),
                    Map.of(), List.of("SFN"));
        }
    },
    /**
     * EC2 and CloudTrail: no open-source emulator of them exists, so WireMock (in this JVM) answers with responses
     * of the real protocols' shape, stubbed by each test ({@link WireMockService#wireMock()}).
     */
    EC2_CLOUDTRAIL_WIREMOCK {
        @Override
        LocalService start() {
            return WireMockService.start(List.of("EC2", "CLOUDTRAIL"));
        }
    };

    abstract LocalService start();
}
