package dev.lambdabridge.runtime.java;

import dev.lambdabridge.runtime.RuntimeEnvironment;
import dev.lambdabridge.runtime.api.Invocation;
import dev.lambdabridge.runtime.context.LambdaContext;
import dev.lambdabridge.runtime.errors.ErrorReports;
import dev.lambdabridge.runtime.errors.HandlerFault;
import dev.lambdabridge.runtime.handler.InvocationHandler;
import dev.lambdabridge.runtime.logging.RuntimeLogger;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads the handlers in example.handlers from target/test-classes, as a task root, and runs them. */
class JavaHandlerLoaderTest {
    /**
     * Loading a handler sets the thread's context class loader to the function's, as the managed runtime does;
     * put surefire's back, or what later tests in this JVM load through it (Jazzer's fuzz tests) is not found.
     */
    @org.junit.jupiter.api.AfterEach
    void restoreTheContextClassLoader() {
        Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }

    private static final String TASK_ROOT = Path.of("target/test-classes").toAbsolutePath().toString();

    private static RuntimeEnvironment env(String handler) {
        return env(handler, TASK_ROOT);
    }

    private static RuntimeEnvironment env(String handler, String taskRoot) {
        return RuntimeEnvironment.from(Map.of("_HANDLER", handler, "LAMBDA_TASK_ROOT", taskRoot,
                "AWS_LAMBDA_FUNCTION_NAME", "fn"));
    }

    private static String invoke(String handler, String event) throws Exception {
        return invoke(handler, event, TASK_ROOT);
    }

    private static String invoke(String handler, String event, String taskRoot) throws Exception {
        RuntimeEnvironment environment = env(handler, taskRoot);
        InvocationHandler loaded = JavaHandlerLoader.load(handler, environment);
        Invocation invocation = new Invocation("req-1", System.currentTimeMillis() + 3000, "arn", null, null, null,
                event.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        loaded.handle(invocation, new LambdaContext(invocation, environment,
                new RuntimeLogger(new ByteArrayOutputStream(), "TEXT", null)), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void requestHandlerGetsAPojoAndReturnsJson() throws Exception {
        assertEquals("{\"name\":\"hello ada from fn\",\"count\":3}",
                invoke("example.handlers.GreetingHandler", "{\"name\":\"ada\",\"count\":2,\"unknown\":true}"));
        assertEquals("{\"name\":\"hello ada from fn\",\"count\":1}",
                invoke("example.handlers.GreetingHandler::handleRequest", "{\"name\":\"ada\"}"));
    }

    @Test
    void streamHandlerSeesTheRawBytes() throws Exception {
        assertEquals("not json at all", invoke("example.handlers.StreamEcho", "not json at all"));
    }

    @Test
    void plainMethodsInEachShape() throws Exception {
        assertEquals("\"no args\"", invoke("example.handlers.Methods::noArgs", "{}"));
        assertEquals("2", invoke("example.handlers.Methods::keyCount", "{\"a\":1,\"b\":2}"));
        assertEquals("\"req-1:v\"", invoke("example.handlers.Methods::withContext", "{\"k\":\"v\"}"));
        assertEquals("[{\"x\":1}]", invoke("example.handlers.Methods::streams", "{\"x\":1}"));
        assertEquals("\"two\"", invoke("example.handlers.Methods::overloaded", "\"s\""));
    }

    /**
     * The function's own CustomPojoSerializer, listed in its META-INF/services at the task root or in a jar of its
     * lib/, replaces the runtime's JSON handling; without the file, the same classes get the runtime's.
     */
    @Test
    void theFunctionsOwnSerializerIsFoundAtTheRootAndInItsJars(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String[] classes = {"GreetingHandler", "Greeting", "NameOnlySerializer"};
        String provider = "example.handlers.NameOnlySerializer";
        String service = "META-INF/services/com.amazonaws.services.lambda.runtime.CustomPojoSerializer";

        Path atRoot = dir.resolve("at-root");
        copyClasses(atRoot, classes);
        Files.createDirectories(atRoot.resolve(service).getParent());
        Files.writeString(atRoot.resolve(service), provider + "\n");
        assertEquals("custom:hello ada from fn:1", invoke("example.handlers.GreetingHandler", "ada", atRoot.toString()));

        Path inJar = dir.resolve("in-jar");
        copyClasses(inJar, classes);
        Files.createDirectories(inJar.resolve("lib"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(inJar.resolve("lib/serializer.jar")))) {
            jar.putNextEntry(new JarEntry(service));
            jar.write(provider.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("custom:hello ada from fn:1", invoke("example.handlers.GreetingHandler", "ada", inJar.toString()));

        Path without = dir.resolve("without");
        copyClasses(without, classes);
        assertEquals("{\"name\":\"hello ada from fn\",\"count\":1}",
                invoke("example.handlers.GreetingHandler", "{\"name\":\"ada\"}", without.toString()));
    }

    private static void copyClasses(Path taskRoot, String... simpleNames) throws IOException {
        Path to = Files.createDirectories(taskRoot.resolve("example/handlers"));
        for (String name : simpleNames) {
            Files.copy(Path.of(TASK_ROOT, "example/handlers", name + ".class"), to.resolve(name + ".class"));
        }
    }

    @Test
    void userExceptionKeepsOnlyUserFramesAndReflection() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> invoke("example.handlers.Methods::fails", "{\"a\":1}"));
        String body = ErrorReports.toPayload(e).json();
        assertTrue(body.startsWith("{\"errorMessage\":\"failed on {a=1}\",\"errorType\":\"java.lang.IllegalStateException\","
                + "\"stackTrace\":[\"example.handlers.Methods.fails(Methods.java:"), body);
        assertTrue(!body.contains("dev.lambdabridge"), body);
    }

    @Test
    void badJsonIsTheManagedRuntimesParsingError() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> invoke("example.handlers.GreetingHandler", "{\"name\": oops"));
        assertEquals("An error occurred during JSON parsing", e.getMessage());
        assertEquals("{\"errorMessage\":\"An error occurred during JSON parsing\",\"errorType\":\"java.lang.RuntimeException\","
                + "\"stackTrace\":[]}", ErrorReports.toPayload(e).json());
    }

    @Test
    void initFaultsSayWhatIsWrongWithWhichName() {
        assertFault("Class not found: example.handlers.Missing", "java.lang.ClassNotFoundException",
                "example.handlers.Missing::handleRequest");
        assertFault("config missing: TABLE_NAME", "java.lang.IllegalStateException",
                "example.handlers.Broken$ThrowingConstructor");
        assertFault("Class example.handlers.Broken$NoDefaultConstructor has no public zero-argument constructor",
                "java.lang.Exception", "example.handlers.Broken$NoDefaultConstructor");
        assertFault("Class does not implement an appropriate handler interface: example.handlers.Broken$NotAHandler",
                null, "example.handlers.Broken$NotAHandler");
        assertFault("Class example.handlers.Broken$RawHandler does not implement RequestHandler with concrete type parameters",
                null, "example.handlers.Broken$RawHandler");
        assertFault("No public method named missing with appropriate method signature found on class example.handlers.Methods",
                null, "example.handlers.Methods::missing");
        assertFault("Invalid handler: `example.handlers.Methods::'", null, "example.handlers.Methods::");
    }

    @Test
    void methodWithTooManyParametersIsRefusedWithTheOverloads() {
        HandlerFault fault = assertThrows(HandlerFault.class,
                () -> JavaHandlerLoader.load("example.handlers.Methods::tooMany", env("x")));
        assertTrue(fault.getMessage().contains("overloads seen"), fault.getMessage());
    }

    private static void assertFault(String message, String type, String handler) {
        HandlerFault fault = assertThrows(HandlerFault.class, () -> JavaHandlerLoader.load(handler, env(handler)));
        assertEquals(message, fault.getMessage());
        assertEquals(type, fault.errorType());
    }
}
