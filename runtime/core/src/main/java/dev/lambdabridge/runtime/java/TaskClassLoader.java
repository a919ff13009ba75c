package dev.lambdabridge.runtime.java;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the function's code as the managed Java runtime lays it out: classes and resources at the root of
 * {@code $LAMBDA_TASK_ROOT}, the jars in its {@code lib/} (and any jar at its root), then the jars layers put in
 * {@code /opt/java/lib}. {@code $LAMBDA_TASK_ROOT} may also be a jar file itself.
 *
 * <p>The function sees the JDK, lambda-bridge's handler API ({@code dev.lambdabridge.api}) and what AWS's runtime
 * interface client 2.10.1 puts on the managed runtime's class path, where the function's loader finds it before
 * its own jars: the aws-lambda-java-core interfaces ({@code com.amazonaws.services.lambda.runtime} and its
 * {@code logging} package), aws-lambda-java-serialization 1.2.0 ({@code ...runtime.serialization.*} with the
 * Jackson, Gson, Joda-Time and org.json it shades under {@code com.amazonaws.lambda.thirdparty}; framework
 * adapters such as Spring Cloud Function's use it) and the AWS SDK's utils-lite 2.34.0
 * ({@code software.amazon.awssdk.utilslite.SdkInternalThreadLocal}, where the SDK and Powertools read the trace id
 * of concurrent invocations). These are the runtime's own jars, already on its class path: sharing them costs no
 * class loading at a cold start. Nothing else of the runtime is visible: not its Jackson, not its own classes. So
 * a function that bundles another Jackson or another aws-lambda-java-events gets its own, and the runtime's
 * serializer does not see the function's Jackson annotations, exactly as under the managed runtime, whose
 * Jackson is shaded. (The client's own classes, {@code com.amazonaws.services.lambda.runtime.api.client} and
 * {@code com.amazonaws.services.lambda.crac}, are not part of this runtime and so not there.)
 */
public final class TaskClassLoader extends URLClassLoader {
    private static final String CORE_PACKAGE = "com.amazonaws.services.lambda.runtime.";
    private static final String CORE_LOGGING_PACKAGE = "com.amazonaws.services.lambda.runtime.logging.";
    /** runtime/handler-api: StreamingHandler, ResponseStream, TraceId, NotThreadSafe. */
    private static final String HANDLER_API_PACKAGE = "dev.lambdabridge.api.";
    /** What else the managed runtime's class path holds, with every subpackage: see the class comment. */
    private static final String[] MANAGED_RUNTIME_PREFIXES = {
            "com.amazonaws.services.lambda.runtime.serialization.",
            "com.amazonaws.lambda.thirdparty.",
            "software.amazon.awssdk.utilslite.",
    };
    /**
     * The SnapStart hooks' global context, which the function's org.crac reaches by name (Class.forName through
     * this loader) when the runtime sets {@code org.crac.Core.Compat} in SnapStart mode.
     */
    private static final String CRAC_PACKAGE = "dev.lambdabridge.runtime.crac.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader runtimeLoader;

    private TaskClassLoader(URL[] urls, ClassLoader runtimeLoader) {
        // unnamed on purpose: a named loader puts "name//" in front of every frame of the function's stack traces
        super(urls, ClassLoader.getPlatformClassLoader());
        this.runtimeLoader = runtimeLoader;
    }

    public static TaskClassLoader forTaskRoot(String taskRoot) {
        return new TaskClassLoader(classPath(Path.of(taskRoot), Path.of("/opt/java/lib")),
                TaskClassLoader.class.getClassLoader());
    }

    static URL[] classPath(Path taskRoot, Path layerLib) {
        List<URL> urls = new ArrayList<>();
        if (Files.isRegularFile(taskRoot)) {
            urls.add(toUrl(taskRoot));
        } else {
            urls.add(toUrl(taskRoot));
            addJars(taskRoot, urls);
            addJars(taskRoot.resolve("lib"), urls);
        }
        addJars(layerLib, urls);
        return urls.toArray(new URL[0]);
    }

    private static void addJars(Path dir, List<URL> urls) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        // a loop rather than a Stream pipeline: less code to run, interpreted, at the cold start
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                if (p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)) {
                    jars.add(p);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the jars in " + dir + ": " + e.getMessage(), e);
        }
        jars.sort(null);
        for (Path jar : jars) {
            urls.add(toUrl(jar));
        }
    }

    private static URL toUrl(Path path) {
        try {
            return path.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a usable class path entry: " + path, e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isSharedCoreClass(name)) {
            return runtimeLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    /**
     * The aws-lambda-java-core interfaces, lambda-bridge's handler API and the managed runtime's libraries: one
     * copy, the runtime's, so that handler and runtime agree on them (a function that bundles one of these jars
     * still gets the runtime's classes, as under the managed runtime, whose class loader asks its parent first).
     */
    static boolean isSharedCoreClass(String name) {
        for (String prefix : MANAGED_RUNTIME_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        if (name.startsWith(HANDLER_API_PACKAGE)) {
            return name.indexOf('.', HANDLER_API_PACKAGE.length()) < 0;
        }
        if (name.startsWith(CRAC_PACKAGE)) {
            return name.indexOf('.', CRAC_PACKAGE.length()) < 0;
        }
        if (!name.startsWith(CORE_PACKAGE)) {
            return false;
        }
        String rest = name.startsWith(CORE_LOGGING_PACKAGE)
                ? name.substring(CORE_LOGGING_PACKAGE.length())
                : name.substring(CORE_PACKAGE.length());
        return rest.indexOf('.') < 0;
    }

    @Override
    public String toString() {
        List<String> entries = new ArrayList<>();
        for (URL url : getURLs()) {
            entries.add(url.getPath());
        }
        return "TaskClassLoader" + entries.toString().replace(", ", File.pathSeparator);
    }
}
