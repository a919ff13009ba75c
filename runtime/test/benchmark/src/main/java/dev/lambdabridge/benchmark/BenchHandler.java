package dev.lambdabridge.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The functions the benchmark runs, each with the event it gets and the answer it owes: the handlers in
 * target/function (src/function/java), and samples/frameworks' functions (their own target/function, as Lambda
 * unpacks their zips), unchanged.
 */
enum BenchHandler {
    STREAM_ECHO("stream", "stream echo", null, "benchmark.handlers.StreamEcho::handleRequest", Map.of(),
            "{\"hello\":\"world\",\"n\":42,\"list\":[1,2,3],\"nested\":{\"a\":\"b\"}}", null, List.of()),
    HELLO_POJO("pojo", "hello POJO", null, "benchmark.handlers.HelloHandler::handleRequest", Map.of(),
            "{\"name\":\"World\"}", "{\"message\":\"Hello, World!\"}", List.of()),
    /** Spring Cloud Function's AWS adapter: an API Gateway REST event into its {@code greet} function bean. */
    SPRING_CLOUD_FUNCTION("scf", "Spring Cloud Function", "spring-cloud-function",
            "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest",
            Map.of("MAIN_CLASS", "example.frameworks.scf.GreetingApplication",
                    "SPRING_CLOUD_FUNCTION_DEFINITION", "greet"),
            Events.restEvent("GET", "/hello", "name", "Ada"), null,
            List.of("\"statusCode\":200", "Hello, Ada! You called GET /hello")),
    /** aws-serverless-java-container: Spring Boot 3 with a {@code @RestController}, an API Gateway REST event. */
    SPRING_CONTAINER("container", "serverless-java-container", "serverless-java-container",
            "com.amazonaws.serverless.proxy.spring.SpringDelegatingLambdaContainerHandler",
            Map.of("MAIN_CLASS", "example.frameworks.container.PathApplication"),
            Events.restEvent("GET", "/my/path", "name", "Ada"), null,
            List.of("\"statusCode\":200", "spring-mvc", "\\\"path\\\":\\\"/my/path\\\"")),
    /** Micronaut 4's function-aws-api-proxy: a {@code @Controller}, an API Gateway REST event. */
    MICRONAUT("micronaut", "Micronaut", "micronaut",
            "io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction", Map.of(),
            Events.restEvent("GET", "/my/path", "name", "Ada"), null,
            List.of("\"statusCode\":200", "micronaut", "/my/path"));

    final String id;
    final String label;
    /** the directory of samples/frameworks the function comes from, or null for the benchmark's own handlers */
    final String sample;
    final String handler;
    /** the function's own environment variables (as its template would set them) */
    final Map<String, String> env;
    final byte[] event;
    private final byte[] expected;
    private final List<String> expectedParts;

    /**
     * @param expected      the exact answer (null: the event itself), when expectedParts is empty
     * @param expectedParts what a framework's answer must contain
     */
    BenchHandler(String id, String label, String sample, String handler, Map<String, String> env, String event,
                 String expected, List<String> expectedParts) {
        this.id = id;
        this.label = label;
        this.sample = sample;
        this.handler = handler;
        this.env = env;
        this.event = event.getBytes(StandardCharsets.UTF_8);
        this.expected = (expected == null ? event : expected).getBytes(StandardCharsets.UTF_8);
        this.expectedParts = expectedParts;
    }

    static BenchHandler byId(String id) {
        for (BenchHandler handler : values()) {
            if (handler.id.equals(id)) {
                return handler;
            }
        }
        StringBuilder ids = new StringBuilder();
        for (BenchHandler handler : values()) {
            ids.append(ids.isEmpty() ? "" : ", ").append(handler.id);
        }
        throw new IllegalArgumentException("unknown handler '" + id + "': use " + ids);
    }

    boolean isFramework() {
        return sample != null;
    }

    /** The function's task root: target/function of the benchmark, or of its samples/frameworks module. */
    Path codeDir(Path benchmarkModule) {
        return sample == null ? benchmarkModule.resolve("target/function")
                : benchmarkModule.resolve("../../../samples/frameworks").resolve(sample).resolve("target/function")
                        .normalize();
    }

    /**
     * Whether a response is the right one. The benchmark's handlers: byte for byte (JSON whitespace is not
     * significant for the POJO answer). A framework's: it holds every expected part (its headers and JSON field
     * order are the framework's business).
     */
    boolean isExpected(byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        if (!expectedParts.isEmpty()) {
            return expectedParts.stream().allMatch(text::contains);
        }
        if (Arrays.equals(response, expected)) {
            return true;
        }
        return this == HELLO_POJO && text.replaceAll("\\s", "")
                .equals(new String(expected, StandardCharsets.UTF_8));
    }

    /** The benchmark's own events, written for it. */
    private static final class Events {
        /** An API Gateway REST (v1) proxy event with one query parameter, compacted. */
        static String restEvent(String method, String path, String parameter, String value) {
            return "{\"resource\":\"" + path + "\",\"path\":\"" + path + "\",\"httpMethod\":\"" + method + "\","
                    + "\"headers\":{\"Accept\":\"application/json\",\"Host\":\"bench.execute-api.us-east-1.amazonaws.com\"},"
                    + "\"multiValueHeaders\":{\"Accept\":[\"application/json\"],"
                    + "\"Host\":[\"bench.execute-api.us-east-1.amazonaws.com\"]},"
                    + "\"queryStringParameters\":{\"" + parameter + "\":\"" + value + "\"},"
                    + "\"multiValueQueryStringParameters\":{\"" + parameter + "\":[\"" + value + "\"]},"
                    + "\"pathParameters\":null,\"stageVariables\":null,"
                    + "\"requestContext\":{\"accountId\":\"000000000000\",\"apiId\":\"bench\",\"httpMethod\":\""
                    + method + "\",\"path\":\"/prod" + path + "\",\"protocol\":\"HTTP/1.1\",\"requestId\":\"bench-1\","
                    + "\"requestTimeEpoch\":1764720000000,\"resourcePath\":\"" + path + "\",\"stage\":\"prod\","
                    + "\"identity\":{\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"lambda-bridge-benchmark\"}},"
                    + "\"body\":null,\"isBase64Encoded\":false}";
        }
    }
}
