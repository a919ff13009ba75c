package dev.lambdabridge.bridge.polyglot;

import dev.lambdabridge.bridge.polyglot.node.SandboxRoots;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What guest code may reach outside its context, from {@value #VARIABLE}:
 * <ul>
 *   <li>{@code none} (the default): no Java classes or objects ({@code Java.type} fails), no processes, no native
 *       code, no threads. JavaScript may read files in the task root, {@code /opt} and {@code /tmp} and write in {@code /tmp}
 *       ({@link SandboxFileSystem}), plus GraalJS's own home. Ruby: TruffleRuby does files, processes and ENV through
 *       native POSIX calls, which no polyglot setting restricts, so it runs without native access: {@code require}
 *       and {@code require_relative} of the function's files and the standard library work, {@code ENV} is a
 *       snapshot of the environment (bridge.rb), and {@code File}/{@code Dir}/{@code IO} on paths, backticks and
 *       {@code system} are refused ("native access is not allowed");</li>
 *   <li>{@code all}: everything the JVM may do ({@code Context.Builder.allowAllAccess(true)}): Java classes
 *       ({@code Java.type}, {@code Java::}), processes, native access, the whole file system.</li>
 * </ul>
 * One setting per process: every context on the shared engine is built with it (GraalVM refuses contexts whose
 * host access differs from the engine's other contexts).
 */
public enum HostAccessSetting {
    NONE, ALL;

    public static final String VARIABLE = "LAMBDA_BRIDGE_POLYGLOT_HOST_ACCESS";

    public static HostAccessSetting from(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "all" -> ALL;
            default -> throw new IllegalArgumentException(VARIABLE + " must be \"none\" (the default) or \"all\", got \""
                    + value + "\"");
        };
    }

    /**
     * No access to Java objects, except reading and writing the bytes of the {@code ByteBuffer}s that the Node.js
     * built-ins' Java half returns (a buffer's bytes only: no members, no classes), so that bytes cross without a
     * copy per element.
     */
    private static final HostAccess CLOSED = HostAccess.newBuilder(HostAccess.NONE).allowBufferAccess(true).build();

    /** Where a function may read and write files with this setting. */
    public SandboxRoots roots(Path taskRoot) {
        if (this == ALL) {
            return SandboxRoots.OPEN;
        }
        return SandboxRoots.of(List.of(taskRoot, Path.of("/opt"), Path.of("/tmp")), List.of(Path.of("/tmp")));
    }

    /** Applies this setting to a context builder for a function whose code is in {@code taskRoot}. */
    Context.Builder apply(Context.Builder builder, Path taskRoot) {
        return apply(builder, fileSystem(taskRoot));
    }

    /**
     * The guest's file system under this setting: the whole disk for {@code all}; for {@code none} the sandbox's
     * roots plus GraalJS's and TruffleRuby's own homes.
     */
    FileSystem fileSystem(Path taskRoot) {
        if (this == ALL) {
            return FileSystem.newDefaultFileSystem();
        }
        return FileSystem.allowLanguageHomeAccess(new SandboxFileSystem(roots(taskRoot)));
    }

    /** Applies this setting to a context builder whose guest sees {@code files} (from {@link #fileSystem}). */
    Context.Builder apply(Context.Builder builder, FileSystem files) {
        if (this == ALL) {
            return builder.allowAllAccess(true).allowIO(IOAccess.newBuilder().fileSystem(files).build());
        }
        return builder
                .allowHostAccess(CLOSED)
                .allowHostClassLookup(name -> false)
                .allowHostClassLoading(false)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowNativeAccess(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.INHERIT)
                .allowIO(IOAccess.newBuilder().fileSystem(files).build());
    }
}
