package dev.lambdabridge.runtime.java;

import dev.lambdabridge.runtime.handler.InvocationHandler;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingClassesTest {

    /**
     * A handler shape added later must reach the AOT training too: every invocation handler and function adapter
     * of this package is in the list the training loads.
     */
    @Test
    void everyHandlerWrapperOfThePackageIsLoadedByTheTraining() throws Exception {
        Path dir = Path.of(JavaHandlerLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/lambdabridge/runtime/java");
        List<String> missing = new ArrayList<>();
        List<Class<?>> trained = TrainingClasses.load();
        int wrappers = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class")) {
                    continue;
                }
                Class<?> type = Class.forName("dev.lambdabridge.runtime.java." + name.replace(".class", ""), false,
                        getClass().getClassLoader());
                boolean wrapper = !type.isInterface() && (InvocationHandler.class.isAssignableFrom(type)
                        || RequestStreamInvocationHandler.StreamFunction.class.isAssignableFrom(type)
                        || PojoInvocationHandler.PojoFunction.class.isAssignableFrom(type));
                if (wrapper) {
                    wrappers++;
                    if (!trained.contains(type)) {
                        missing.add(type.getName());
                    }
                }
            }
        }
        assertTrue(wrappers >= 8, "found only " + wrappers + " handler wrappers in " + dir);
        assertEquals(List.of(), missing, "handler wrappers the AOT training does not load");
    }

    /** Every event type of the training goes through the serializers when the function has aws-lambda-java-events. */
    @Test
    void theTrainingSerializesEveryEventType() throws Exception {
        assertEquals(TrainingClasses.EVENT_TYPES.size(), TrainingClasses.serializeEvents(getClass().getClassLoader()));
        // a function without aws-lambda-java-events: nothing to serialize, and no failure
        try (TaskClassLoader noEvents = TaskClassLoader.forTaskRoot(
                Path.of("target/test-classes").toAbsolutePath().toString())) {
            assertEquals(0, TrainingClasses.serializeEvents(noEvents));
        }
        for (String name : TrainingClasses.EVENT_TYPES) {
            Class.forName(name, false, getClass().getClassLoader());
        }
    }
}
