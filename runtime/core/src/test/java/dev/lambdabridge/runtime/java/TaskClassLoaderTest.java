package dev.lambdabridge.runtime.java;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the function's class loader takes from the runtime (the managed runtime's class path) and what it hides. */
class TaskClassLoaderTest {
    private static TaskClassLoader loader() {
        return TaskClassLoader.forTaskRoot(Path.of("target/test-classes").toAbsolutePath().toString());
    }

    @Test
    void theManagedRuntimesLibrariesComeFromTheRuntime() throws Exception {
        try (TaskClassLoader loader = loader()) {
            for (String name : new String[]{
                    "com.amazonaws.services.lambda.runtime.RequestHandler",
                    "com.amazonaws.services.lambda.runtime.logging.LogLevel",
                    "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers",
                    "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory",
                    "com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.ObjectMapper",
                    "software.amazon.awssdk.utilslite.SdkInternalThreadLocal",
                    "dev.lambdabridge.api.TraceId"}) {
                assertSame(Class.forName(name), Class.forName(name, false, loader), name);
            }
        }
    }

    @Test
    void theRuntimesOwnClassesAndItsJacksonStayHidden() throws Exception {
        try (TaskClassLoader loader = loader()) {
            for (String name : new String[]{
                    "com.fasterxml.jackson.databind.ObjectMapper",
                    "dev.lambdabridge.runtime.Bootstrap",
                    "dev.lambdabridge.runtime.serialization.Serializers"}) {
                assertThrows(ClassNotFoundException.class, () -> Class.forName(name, false, loader), name);
            }
            // the function's own classes and aws-lambda-java-events (on this test's class path) are its own
            assertFalse(TaskClassLoader.isSharedCoreClass("com.amazonaws.services.lambda.runtime.events.SQSEvent"));
            // the SnapStart hooks' global context, which org.crac finds by name through this loader; only that package
            assertTrue(Class.forName("dev.lambdabridge.runtime.crac.Core", false, loader)
                    == dev.lambdabridge.runtime.crac.Core.class);
            assertFalse(TaskClassLoader.isSharedCoreClass("dev.lambdabridge.runtime.snapstart.SnapStartPhase"));
            assertFalse(TaskClassLoader.isSharedCoreClass("dev.lambdabridge.runtime.crac.sub.Other"));
            assertTrue(Class.forName("example.handlers.Greeting", false, loader).getClassLoader() == loader);
        }
    }
}
