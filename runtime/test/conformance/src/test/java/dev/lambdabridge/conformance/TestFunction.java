package dev.lambdabridge.conformance;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lays out the test function as Lambda unpacks a Java zip: the handlers of {@code example.conformance} at the
 * root of {@code target/function}, the events jar in {@code lib/} (Maven puts it there), plus one generated
 * echo handler per aws-lambda-java-events class, {@code RequestHandler<E, E>}, so that every event type goes
 * through the same POJO path as a user's typed handler.
 */
final class TestFunction {
    static final String ECHO_PACKAGE = "example.conformance.gen";
    private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";
    private static boolean prepared;

    private TestFunction() {
    }

    static synchronized Path prepare(Collection<String> eventClasses) {
        if (prepared) {
            return Runtimes.FUNCTION;
        }
        copyHandlers();
        if (!eventClasses.isEmpty()) {
            compileEchoHandlers(eventClasses);
            prepared = true;
        }
        return Runtimes.FUNCTION;
    }

    /** The handler string of the echo handler for {@code eventClass} (a binary name, with $ for nesting). */
    static String echoHandler(String eventClass) {
        String tail = eventClass.startsWith(EVENTS_PACKAGE) ? eventClass.substring(EVENTS_PACKAGE.length()) : eventClass;
        return ECHO_PACKAGE + ".Echo_" + tail.replace('.', '_').replace('$', '_');
    }

    private static void copyHandlers() {
        Path source = Path.of("target/test-classes/example/conformance");
        Path target = Runtimes.FUNCTION.resolve("example/conformance");
        try (Stream<Path> files = Files.list(source)) {
            Files.createDirectories(target);
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the test handlers into " + target, e);
        }
    }

    private static String jars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return String.join(java.io.File.pathSeparator,
                    files.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().toList());
        }
    }

    private static void compileEchoHandlers(Collection<String> eventClasses) {
        try {
            Path sources = Files.createTempDirectory("echo-handlers");
            List<String> files = new ArrayList<>();
            for (String eventClass : eventClasses) {
                String handler = echoHandler(eventClass);
                String simple = handler.substring(handler.lastIndexOf('.') + 1);
                String type = eventClass.replace('$', '.');
                Path file = sources.resolve(simple + ".java");
                Files.writeString(file, "package " + ECHO_PACKAGE + ";\n"
                        + "public class " + simple + " implements com.amazonaws.services.lambda.runtime.RequestHandler<"
                        + type + ", " + type + "> {\n"
                        + "  public " + type + " handleRequest(" + type + " event, "
                        + "com.amazonaws.services.lambda.runtime.Context context) { return event; }\n}\n");
                files.add(file.toString());
            }
            // the compiler API does not expand "dir/*" class path entries as the java launcher does
            String classPath = jars(Runtimes.RIC_LIB) + java.io.File.pathSeparator + jars(Runtimes.FUNCTION.resolve("lib"));
            List<String> args = new ArrayList<>(List.of("-d", Runtimes.FUNCTION.toString(), "-cp", classPath,
                    "-proc:none", "-nowarn"));
            args.addAll(files);
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            int status = compiler.run(null, null, null, args.toArray(new String[0]));
            if (status != 0) {
                throw new IllegalStateException("javac failed (" + status + ") on the echo handlers in " + sources);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
