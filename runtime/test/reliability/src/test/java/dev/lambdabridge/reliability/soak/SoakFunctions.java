package dev.lambdabridge.reliability.soak;

import static dev.lambdabridge.reliability.soak.Fault.answer;
import static dev.lambdabridge.reliability.soak.Fault.error;
import static dev.lambdabridge.reliability.soak.Fault.fatal;
import static dev.lambdabridge.reliability.soak.Fault.malformed;
import static dev.lambdabridge.reliability.soak.Fault.raised;

import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.reliability.GoBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The soak's functions, one per kind of handler, each with the faults it can be asked for and the errorType the
 * caller must get for each (the contracts of bridge/process/README.md "exec:" and "worker:",
 * bridge/polyglot/README.md and docs/worker-protocol.md). Lays out their code in a work directory: the Java fault
 * handler's task root as Maven built it, the PHP, Ruby and JS files as they are, and the Go programs built with
 * {@code go build}.
 */
final class SoakFunctions {
    /**
     * Every function's timeout: short, so that timeouts and slow handlers cost little wall time, and long enough
     * that a healthy invocation does not time out on a shared 2-core machine at a load of 20 (the first long run
     * saw Ruby and PHP programs, normally 20-70 ms, take 1.7-2 s there, and GraalJS's interpreter over 4 s for the
     * 7 MB result of "big").
     */
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final Duration EXEC_TIMEOUT = Duration.ofSeconds(5);
    static final Duration JS_TIMEOUT = Duration.ofSeconds(8);
    /** TruffleRuby in Truffle's interpreter builds the 7 MB string of "big" slower still than GraalJS. */
    static final Duration RUBY_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long before the deadline the bridges stop a handler (LAMBDA_BRIDGE_TIMEOUT_MARGIN_MS, one variable for
     * every bridge; 250 ms by default): with eight functions on two cores the
     * bridge's kill and answer can take longer than that, and then the platform's timeout (Sandbox.Timedout, a
     * restart of the runtime) would win the race. Slow handlers finish 900 ms before the deadline, inside it.
     */
    private static final long MARGIN_MS = 600;
    /** How long before the deadline a "slow" handler finishes (the event's "lead"): inside the margin. */
    private static final long LEAD_MS = 900;
    /** Set in every function's environment, so that every process the run starts can be found in /proc. */
    static final String MARKER = "LB_SOAK_RUN";

    private SoakFunctions() {
    }

    /**
     * @param javaFunction the fault handler's task root (target/function)
     * @param resources    src/test/resources (soak/exec, soak/worker, soak/js)
     * @param shims        bridge/process/shims (the Go worker is built against shims/go)
     * @param work         an empty directory for the functions' code
     * @param marker       the value of {@link #MARKER} for this run
     * @param concurrency  every function's {@code maxConcurrency} ({@code AWS_LAMBDA_MAX_CONCURRENCY} above 1)
     * @param layers       where each runtime runs from: null for {@code bootstrap} (layers/dist), else the
     *                     built layers, each function in a mount namespace of its own
     * @param nativeMemory whether every runtime's JVM tracks its native memory (LAMBDA_BRIDGE_JVM_OPTS)
     */
    static List<SoakFunction> create(Path bootstrap, Path javaFunction, Path resources, Path shims, Path work,
                                     String marker, int concurrency, MountNamespace layers, boolean nativeMemory)
            throws IOException, InterruptedException {
        Path soak = resources.resolve("soak");
        Path exec = Files.createDirectories(work.resolve("exec"));
        Files.copy(soak.resolve("exec/fault.php"), exec.resolve("fault.php"));
        Files.copy(soak.resolve("exec/fault.rb"), exec.resolve("fault.rb"));
        Files.copy(soak.resolve("php/faults.php"), exec.resolve("faults.php"));
        GoBuild.build(work.resolve("go-exec"), soak.resolve("exec/fault.go"), exec.resolve("fault"), null);
        Path worker = Files.createDirectories(work.resolve("worker"));
        Files.copy(soak.resolve("worker/fault_worker.php"), worker.resolve("fault_worker.php"));
        Files.copy(soak.resolve("php/faults.php"), worker.resolve("faults.php"));
        GoBuild.build(work.resolve("go-worker"), soak.resolve("worker/main.go"), worker.resolve("faultworker"),
                shims.resolve("go").toAbsolutePath());
        Path js = soak.resolve("js");
        Path ruby = soak.resolve("ruby");

        String margin = Long.toString(Math.round(MARGIN_MS * timeoutScale(concurrency)));
        Map<String, String> env = new java.util.HashMap<>(Map.of(MARKER, marker, "LANG", "C.UTF-8",
                "LAMBDA_BRIDGE_TIMEOUT_MARGIN_MS", margin));
        if (nativeMemory) {
            env.put("LAMBDA_BRIDGE_JVM_OPTS", "-XX:NativeMemoryTracking=summary");
        }
        Launcher launch = layers == null ? new Launcher(concurrency, bootstrap, null)
                : new Launcher(concurrency, null, layers);
        List<SoakFunction> functions = new ArrayList<>();
        // Java: the handler's own faults; the runtime process serves the whole run
        functions.add(new SoakFunction(launch.config("java", "soak.FaultHandler::handleRequest", javaFunction, 512,
                env, JAVA), "Java", 400, true, 0, List.of(
                answer("ok", 880), raised("throw", 40, "java.lang.IllegalStateException"),
                error("big", 10, "Function.ResponseSizeTooLarge"), answer("slow", 1),
                answer("garbage-stdout", 10), answer("stderr-flood", 10), malformed(20))));
        // Java: faults that end the runtime process (a cold start each)
        functions.add(new SoakFunction(launch.config("java-fatal", "soak.FaultHandler::handleRequest", javaFunction,
                256, env, JAVA), "Java", 10, false, 0, List.of(
                answer("ok", 700), raised("throw", 100, "java.lang.IllegalStateException"),
                fatal("exit", 80, "Runtime.ExitError"), fatal("oom", 50, "java.lang.OutOfMemoryError"),
                fatal("timeout", 50, "Sandbox.Timedout"), malformed(20))));
        functions.add(new SoakFunction(launch.config("exec-php", "exec:php fault.php", exec, 256, env, PROCESS)
                .withTimeout(launch.scaled(EXEC_TIMEOUT)),
                "PHP exec", 30, true, 0, List.of(
                answer("ok", 800), error("exit", 40, "Process.ExitError"), error("timeout", 4, "Process.Timeout"),
                error("oom", 20, "Process.ExitError"), error("big", 20, "Process.ResponseTooLarge"),
                error("garbage-stdout", 40, "Process.InvalidOutput"), answer("stderr-flood", 40),
                answer("slow", 4), malformed(30))));
        functions.add(new SoakFunction(launch.config("exec-ruby", "exec:ruby fault.rb {event}", exec, 256, env, PROCESS)
                .withTimeout(launch.scaled(EXEC_TIMEOUT)),
                "Ruby exec", 10, true, 0, List.of(
                answer("ok", 800), error("exit", 50, "Process.ExitError"), error("timeout", 5, "Process.Timeout"),
                error("garbage-stdout", 50, "Process.InvalidOutput"), answer("stderr-flood", 50),
                answer("slow", 5), malformed(40))));
        functions.add(new SoakFunction(launch.config("exec-go", "exec:./fault {event}", exec, 256, env, PROCESS)
                .withTimeout(launch.scaled(EXEC_TIMEOUT)),
                "Go exec", 50, true, 0, List.of(
                answer("ok", 800), error("exit", 40, "Process.ExitError"), error("timeout", 3, "Process.Timeout"),
                error("big", 20, "Process.ResponseTooLarge"), error("garbage-stdout", 40, "Process.InvalidOutput"),
                answer("stderr-flood", 40), answer("slow", 3), malformed(30))));
        functions.add(new SoakFunction(launch.config("worker-php", "worker:php fault_worker.php", worker, 256, env,
                PROCESS), "PHP worker", 150, true, 1, List.of(
                answer("ok", 850), raised("throw", 40, "RuntimeException"), error("crash", 10, "Worker.Exited"),
                error("exit", 10, "Runtime.ExitError"), error("timeout", 2, "Worker.Timeout"),
                error("oom", 10, "E_ERROR"), error("big", 10, "Function.ResponseSizeTooLarge"),
                answer("garbage-stdout", 20), answer("stderr-flood", 20), answer("slow", 2), malformed(20))));
        functions.add(new SoakFunction(launch.config("worker-go", "worker:./faultworker", worker, 256, env, PROCESS),
                "Go worker", 150, true, 1, List.of(
                answer("ok", 850), raised("throw", 40, "SoakFault"), raised("panic", 10, "string"),
                error("exit", 10, "Worker.Exited"), error("timeout", 2, "Worker.Timeout"),
                error("big", 10, "Function.ResponseSizeTooLarge"), answer("garbage-stdout", 20),
                answer("stderr-flood", 20), answer("slow", 2), malformed(20))));
        functions.add(new SoakFunction(launch.config("js", "js:fault.handler", js, 1024, env, JS)
                .withTimeout(launch.scaled(JS_TIMEOUT)),
                "JavaScript", 200, true, 0, List.of(
                answer("ok", 880), raised("throw", 40, "TypeError"), error("timeout", 1, "Polyglot.Timeout"),
                error("big", 10, "Function.ResponseSizeTooLarge"), answer("stdout-flood", 10),
                answer("slow", 1), malformed(20))));
        functions.add(new SoakFunction(launch.config("ruby", "ruby:fault.handler", ruby, 1024, env, RUBY)
                .withTimeout(launch.scaled(RUBY_TIMEOUT)),
                "Ruby in-process", 20, true, 0, List.of(
                answer("ok", 880), raised("throw", 40, "Function<ArgumentError>"),
                error("timeout", 1, "Polyglot.Timeout"), error("big", 10, "Function.ResponseSizeTooLarge"),
                answer("stdout-flood", 10), answer("slow", 1), malformed(20))));
        return functions;
    }

    /**
     * The layers each kind of function runs on (as layers/README.md combines them): a Java function on
     * java-runtime, the bridges' programs on java-runtime-compact.
     */
    private static final List<String> JAVA = List.of("java-runtime");
    private static final List<String> PROCESS = List.of("java-runtime-compact", "process-bridge");
    private static final List<String> JS = List.of("java-runtime-compact", "polyglot-base", "polyglot-js");
    private static final List<String> RUBY = List.of("java-runtime-compact", "polyglot-base", "polyglot-ruby");

    /**
     * How much longer every timeout is at a concurrency: 1 + log2(concurrency) / 2 (2.5 at 8, 4 at 64). Nine
     * functions with that many callers each share two cores: the first run at 8, under a load of 25-30 from
     * other builds, saw healthy PHP and Ruby programs past 5 s and GraalJS past 8 s.
     */
    static double timeoutScale(int concurrency) {
        return 1 + Math.log(concurrency) / Math.log(2) / 2;
    }

    /**
     * How long before its deadline a "slow" handler finishes at a concurrency: 900 ms, scaled as the timeouts
     * and the bridges' margin (600 ms) are, so that it stays 300 ms (scaled) inside the margin. At a load of 20-35
     * the first runs at concurrency 8 saw the bridges' own timeouts answered up to 690 ms late, past a 600 ms
     * margin: the platform's timeout won, and killed the runtime with the invocations it had.
     */
    static long leadMillis(int concurrency) {
        return Math.round(LEAD_MS * timeoutScale(concurrency));
    }

    /** Makes each function's configuration: its concurrency, and the command that starts its runtime. */
    private record Launcher(int concurrency, Path bootstrap, MountNamespace layers) {
        Duration scaled(Duration timeout) {
            return Duration.ofMillis(Math.round(timeout.toMillis() * timeoutScale(concurrency)));
        }

        FunctionConfig config(String name, String handler, Path code, int memoryMb, Map<String, String> env,
                              List<String> layerNames) throws IOException, InterruptedException {
            List<String> command = layers == null ? List.of(bootstrap.toAbsolutePath().toString())
                    : layers.command(layerNames, code);
            return FunctionConfig.of(name, handler, code).withTimeout(scaled(TIMEOUT)).withMemoryMb(memoryMb)
                    .withEnv(env).withCommand(command).withMaxConcurrency(concurrency);
        }
    }
}
