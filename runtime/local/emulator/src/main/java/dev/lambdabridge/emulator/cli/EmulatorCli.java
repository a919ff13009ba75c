package dev.lambdabridge.emulator.cli;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import dev.lambdabridge.emulator.InvokeApiException;
import dev.lambdabridge.emulator.InvokeRequest;
import dev.lambdabridge.emulator.InvokeResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The emulator's command line: {@code serve}, {@code invoke}, {@code invoke-all}, {@code train-aot},
 * {@code train-function}.
 * Exit 0 ok, 1 failed, 2 usage.
 */
public final class EmulatorCli {
    static final String USAGE = """
            usage: emulator serve --handler H --code DIR [--name N] [--timeout SECONDS] [--memory MB]
                                  [--max-concurrency N] [--opt DIR] [--port 9000] [--host 127.0.0.1] [--env K=V]... [--bootstrap PATH]
                                  [--snap-start]
                   emulator serve --functions FILE.json [--port 9000] [--host 127.0.0.1]
                   emulator invoke --handler H --code DIR --event FILE|- [same options as serve]
                   emulator invoke-all --functions FILE.json
                   emulator train-aot --handler H --code DIR --event FILE --output FILE.aot [--invocations 200]
                   emulator train-function --handler H --code DIR --event FILE [--event FILE]... [--invocations 100]
                                 [--bootstrap PATH] [--env K=V]... [--memory MB] [--timeout 60]
                                 an AOT cache trained on the function, written to DIR/lambda-bridge.aot (+ .key)
                   emulator rie [--runtime-interface-emulator-address 127.0.0.1:8080] [CMD ARGS...]
                                 as AWS's aws-lambda-rie: the runtime command (default /var/task/bootstrap), the
                                 last of several words the handler; AWS_LAMBDA_FUNCTION_TIMEOUT (300),
                                 AWS_LAMBDA_FUNCTION_MEMORY_SIZE (3008), AWS_LAMBDA_FUNCTION_NAME (function)
            FILE.json: [{"name","handler","code","timeout","memory","maxConcurrency","env":{},"event","bootstrap","snapStart"}], paths relative
            to the file. Without --bootstrap the runtime is the file named by -Dlambdabridge.bootstrap or
            $LAMBDA_BRIDGE_BOOTSTRAP. --opt: where layers are (default /opt); the executables in its extensions/
            start with each runtime as external extensions. --snap-start: AWS_LAMBDA_INITIALIZATION_TYPE=snap-start, the
            runtime's restore/next is answered after its init (no snapshot is taken).""";

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Map<String, String> env;
    private final Path workingDir;

    EmulatorCli(PrintStream out, PrintStream err, InputStream in) {
        this(out, err, in, System.getenv(), Path.of("").toAbsolutePath());
    }

    /** With the environment and working directory that {@code rie} reads (the process's own in {@link #main}). */
    EmulatorCli(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path workingDir) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.workingDir = workingDir;
    }

    public static void main(String[] args) {
        System.exit(new EmulatorCli(System.out, System.err, System.in).run(args));
    }

    /** Runs a command; returns the exit code ({@code serve} returns only when interrupted). */
    int run(String... args) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "serve" -> serve(CliOptions.parse(rest, 9000));
                case "invoke" -> invoke(CliOptions.parse(rest, 0));
                case "invoke-all" -> InvokeAll.run(CliOptions.parse(rest, 0), out, err);
                case "train-aot" -> AotTraining.run(rest, out, err);
                case "train-function" -> FunctionTraining.run(rest, out, err);
                case "rie" -> rie(RieMode.parse(rest, env, workingDir));
                case "-h", "--help", "help" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("emulator: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private int serve(CliOptions options) throws UsageException {
        List<FunctionConfig> functions = options.functionsFile() != null
                ? FunctionsFile.read(options.functionsFile()).stream().map(FunctionsFile.Entry::config).toList()
                : List.of(options.function());
        Emulator emulator = start(options);
        functions.forEach(emulator::addFunction);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-shutdown"));
        for (FunctionConfig function : functions) {
            String url = emulator.invokeEndpoint() + "/2015-03-31/functions/" + function.name() + "/invocations";
            out.println("function " + function.name() + " (" + function.handler() + "): POST " + url);
        }
        out.println("try: curl -s -d '{\"hello\":\"world\"}' " + emulator.invokeEndpoint()
                + "/2015-03-31/functions/" + functions.getFirst().name() + "/invocations");
        out.println("Ctrl-C stops the emulator and its runtimes.");
        out.flush();
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Serves one function as AWS's runtime interface emulator does, until interrupted. */
    private int rie(RieMode mode) {
        FunctionConfig function = mode.function();
        Emulator emulator = Emulator.start(EmulatorOptions.defaults().withInvokePort(mode.port()).withHost(mode.host())
                .withLogSink(out::println).withHostEnv(env));
        Thread hook = new Thread(emulator::close, "emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            emulator.addFunction(function);
            err.println("rie: " + function.name() + " (" + String.join(" ", function.command()) + ", handler '"
                    + function.handler() + "', timeout " + function.timeout().toMillis() / 1000.0 + " s, memory "
                    + function.memoryMb() + " MB, in " + function.codeDir() + "): POST " + mode.invokeUrl());
            err.flush();
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            emulator.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran: nothing to remove
            }
        }
        return 0;
    }

    private int invoke(CliOptions options) throws UsageException {
        FunctionConfig function = options.function();
        byte[] event = readEvent(options.event());
        try (Emulator emulator = start(options)) {
            emulator.addFunction(function);
            InvokeResult result = emulator.invoke(function.name(), InvokeRequest.of(event));
            out.println(result.payloadText());
            out.flush();
            return result.isFunctionError() ? 1 : 0;
        } catch (InvokeApiException e) {
            err.println("emulator: invoke refused (" + e.errorType() + "): " + e.getMessage());
            return 1;
        }
    }

    private byte[] readEvent(String event) throws UsageException {
        if (event == null) {
            throw new UsageException("invoke needs --event FILE (or --event - for stdin)");
        }
        try {
            return event.equals("-") ? in.readAllBytes() : Files.readAllBytes(Path.of(event));
        } catch (IOException e) {
            throw new UsageException("--event " + event + ": cannot read it: " + e.getMessage());
        }
    }

    private Emulator start(CliOptions options) {
        return Emulator.start(EmulatorOptions.defaults().withInvokePort(options.port()).withHost(options.host())
                .withLogSink(err::println).withOptDir(options.optDir()));
    }

}
