package dev.lambdabridge.bridge.polyglot.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lambdabridge.bridge.polyglot.RuntimeDist;
import dev.lambdabridge.bridge.polyglot.npm.SideBySide.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handlers that use real npm packages (src/test/npm/functions, installed by npm ci from its lock file), through
 * the emulator: each answer of the js: bridge is compared with what AWS's Node.js runtime (aws-lambda-ric 4.0.2
 * on Node.js 22) answers for the same handler and event.
 */
@Tag("slow")
class NpmPackagesEndToEndTest {
    private static final String ORDERS = "{\"orders\":[{\"id\":1,\"customer\":\"a\",\"amount\":2.5},"
            + "{\"id\":2,\"customer\":\"b\",\"amount\":1},{\"id\":3,\"customer\":\"a\",\"amount\":4}]}";
    private static SideBySide runtimes;
    private static NodeService dynalite;
    private static NodeService s3rver;

    @TempDir
    static Path runtime;

    @BeforeAll
    static void start() throws Exception {
        Path functions = NpmTrees.functions();
        runtimes = new SideBySide(RuntimeDist.assemble(runtime));
        for (String name : new String[] {"lodash", "dayjs", "ajv", "uuid-cjs", "uuid-esm", "lambda-api", "middy"}) {
            runtimes.add(name, name + ".handler", functions, Map.of());
        }
        // the AWS SDK v3 against local emulators, unchanged but for the endpoint (s3rver's keys are its defaults)
        dynalite = NodeService.dynalite();
        s3rver = NodeService.s3rver(Files.createDirectories(runtime.resolve("s3rver")));
        Map<String, String> aws = Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "S3RVER",
                "AWS_SECRET_ACCESS_KEY", "S3RVER", "DYNAMODB_ENDPOINT", dynalite.endpoint(), "S3_ENDPOINT",
                s3rver.endpoint());
        runtimes.add("dynamodb", "dynamodb.handler", functions, aws);
        runtimes.add("s3", "s3.handler", functions, aws);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {runtimes, dynalite, s3rver}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // the others are still closed
            }
        }
    }

    private static Outcome same(String name, String event) {
        Outcome outcome = runtimes.invoke(name, event);
        assertFalse(outcome.nodeResult().isFunctionError(), outcome.describe());
        assertEquals(outcome.node(), outcome.ours(), outcome.describe() + "\nlog:\n" + runtimes.log());
        return outcome;
    }

    @Test
    void lodashGroupsSortsAndTemplates() {
        assertEquals("a: 2 order(s), 6.5", same("lodash", ORDERS).ours().path("lines").path(0).asText());
        same("lodash", "{}");
    }

    @Test
    void dayjsWithItsUtcPlugin() {
        same("dayjs", "{\"start\":\"2024-02-10T23:30:00Z\"}");
        same("dayjs", "{}");
    }

    @Test
    void uuid14FromCommonJsAndFromAnEsModule() {
        for (String name : new String[] {"uuid-cjs", "uuid-esm"}) {
            Outcome outcome = same(name, "{\"name\":\"lambda-bridge\"}");
            assertEquals("af7f0960-f426-596e-9d5f-740fd359c4e1", outcome.ours().path("v5").asText(), outcome.describe());
            assertEquals(true, outcome.ours().path("randomIsValid").asBoolean(), outcome.describe());
        }
    }

    @Test
    void lambdaApiRoutesParametersBodiesAndNotFound() throws Exception {
        Path events = Path.of(System.getProperty("lambdabridge.polyglot.testEvents"));
        assertEquals(200, same("lambda-api", Files.readString(events.resolve("apigw-get-user.json"))).ours()
                .path("statusCode").asInt());
        assertEquals(201, same("lambda-api", Files.readString(events.resolve("apigw-post-user.json"))).ours()
                .path("statusCode").asInt());
        assertEquals(404, same("lambda-api", Files.readString(events.resolve("apigw-missing.json"))).ours()
                .path("statusCode").asInt());
    }

    @Test
    void ajvValidatesAgainstASchema() {
        assertEquals(true, same("ajv", "{\"name\":\"Ana\",\"age\":3,\"tags\":[\"x\"]}").ours().path("valid").asBoolean());
        assertEquals(false, same("ajv", "{\"name\":\"A\",\"age\":-1,\"tags\":[\"x\",\"x\"],\"more\":1}").ours()
                .path("valid").asBoolean());
    }

    @Test
    void middyWithMiddlewaresAndItsErrorHandler() {
        assertEquals("hello Ana", same("middy", "{\"name\":\"Ana\"}").ours().path("greeting").asText());
        assertEquals(400, same("middy", "{\"fail\":true}").ours().path("statusCode").asInt());
    }

    @Test
    void awsSdkV3DynamoDbAgainstDynalite() {
        // each runtime writes then reads its own item: the same answer means the same calls succeeded
        Outcome outcome = same("dynamodb", "{\"id\":\"e2e\",\"count\":3}");
        assertEquals(3, outcome.ours().path("count").asInt(), outcome.describe());
    }

    @Test
    void awsSdkV3S3AgainstS3rver() {
        Outcome outcome = same("s3", "{\"key\":\"e2e.txt\",\"text\":\"from the bridge\"}");
        assertEquals("from the bridge", outcome.ours().path("text").asText(), outcome.describe());
    }
}
