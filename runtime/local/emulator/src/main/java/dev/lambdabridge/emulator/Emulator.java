package dev.lambdabridge.emulator;

import dev.lambdabridge.contract.LambdaLimits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A local AWS Lambda: hosts functions, runs each one's Runtime API on its own 127.0.0.1 port with its runtime
 * as a child process, and serves the Invoke API on one port. {@link #invoke} is the same path without HTTP.
 * {@link #close()} stops everything and kills every child process and its descendants.
 */
public final class Emulator implements AutoCloseable {
    /** Runtime API connections stay open while the runtime waits for an event, however long. */
    private static final long RUNTIME_IDLE_TIMEOUT_MILLIS = 24L * 60 * 60 * 1000;
    private static final long INVOKE_IDLE_TIMEOUT_MILLIS = 30L * 60 * 1000;
    private static final String RIE_FUNCTION_NAME = "function";
    /** The one version a hosted function has. */
    static final String LATEST = "$LATEST";

    private final EmulatorOptions options;
    private final Server server;
    private final ServerConnector invokeConnector;
    private final ConnectorRouter router = new ConnectorRouter();
    private final PlatformLog log;
    private final ScheduledThreadPoolExecutor timers;
    private final Map<String, HostedFunction> functions = new ConcurrentHashMap<>();
    private final Set<RuntimeProcess> processes = ConcurrentHashMap.newKeySet();

    private Emulator(EmulatorOptions options) {
        this.options = options;
        this.log = new PlatformLog(options.logSink());
        this.server = JettyServers.server();
        this.invokeConnector = JettyServers.connector(server, options.host(), options.invokePort(),
                INVOKE_IDLE_TIMEOUT_MILLIS);
        this.timers = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("emulator-timer").daemon()
                .factory());
        timers.setRemoveOnCancelPolicy(true);
        timers.scheduleAtFixedRate(this::checkDeadlines, HostedFunction.DEADLINE_TICK_MILLIS,
                HostedFunction.DEADLINE_TICK_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        server.addConnector(invokeConnector);
        server.setHandler(router);
        server.setErrorHandler(new ProtocolErrors(invokeConnector));
        router.route(invokeConnector, new InvokeApiHandler(this));
    }

    /** The deadline tick: every hosted function's in-flight invocation past its deadline is timed out. */
    private void checkDeadlines() {
        long now = System.nanoTime();
        for (HostedFunction function : functions.values()) {
            try {
                function.checkDeadline(now);
            } catch (RuntimeException e) {
                log.line(null, "emulator: timeout handling of " + function.config().name() + " failed: " + e);
            }
        }
    }

    /** Starts the Invoke API; add functions next. */
    public static Emulator start(EmulatorOptions options) {
        Emulator emulator = new Emulator(options);
        try {
            emulator.server.start();
        } catch (Exception e) {
            emulator.close();
            throw new IllegalStateException("cannot start the emulator's Invoke API on " + options.host() + ":"
                    + options.invokePort() + ": " + e.getMessage(), e);
        }
        return emulator;
    }

    /** Starts with {@link EmulatorOptions#defaults()}. */
    public static Emulator start() {
        return start(EmulatorOptions.defaults());
    }

    /** Hosts a function: opens its Runtime API port; its runtime starts on the first invoke. */
    public synchronized void addFunction(FunctionConfig config) {
        if (functions.containsKey(config.name())) {
            throw new IllegalArgumentException("function " + config.name() + " is already hosted");
        }
        HostedFunction function = new HostedFunction(config, log, timers, this::track, options.optDir(),
                options.hostEnv());
        ServerConnector connector = JettyServers.connector(server, "127.0.0.1", 0, RUNTIME_IDLE_TIMEOUT_MILLIS);
        router.route(connector, new RuntimeApiHandler(function));
        server.addConnector(connector);
        try {
            connector.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the Runtime API port of function " + config.name() + ": "
                    + e.getMessage(), e);
        }
        function.runtimeApiPort(connector.getLocalPort());
        functions.put(config.name(), function);
    }

    /** Invokes and waits, as the Invoke API does; refusals throw {@link InvokeApiException}. */
    public InvokeResult invoke(String functionName, InvokeRequest request) {
        try {
            return invokeAsync(functionName, request).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Invokes without waiting. Event invocations complete at once (202) and run in the background; DryRun
     * checks and completes (204). Refusals (unknown function, bad JSON, too large) throw at once.
     */
    public CompletableFuture<InvokeResult> invokeAsync(String functionName, InvokeRequest request) {
        return invokeAsync(functionName, request, null);
    }

    /**
     * Same; a streamed response goes to {@code sink} as it arrives (null: gathered into the result). A sink of the
     * caller's own gets {@link StreamSink#start}, the chunks, then {@link StreamSink#end} (it streamed) or
     * {@link StreamSink#unstreamed} (it did not) before the future completes.
     */
    public CompletableFuture<InvokeResult> invokeAsync(String functionName, InvokeRequest request, StreamSink sink) {
        HostedFunction function = function(functionName);
        if (request.payload().length > payloadLimit(request.invocationType())) {
            throw tooLarge(request.invocationType(), request.payload().length);
        }
        JsonPayloadCheck.check(request.payload());
        if (request.invocationType() == InvocationType.DRY_RUN) {
            return CompletableFuture.completedFuture(accepted(204, Ids.requestId()));
        }
        HostedInvocation invocation = function.submit(request, request.invocationType() == InvocationType.EVENT ? null : sink);
        if (request.invocationType() == InvocationType.EVENT) {
            return CompletableFuture.completedFuture(accepted(202, invocation.requestId()));
        }
        return invocation.result();
    }

    private static InvokeResult accepted(int status, String requestId) {
        return new InvokeResult(status, new byte[0], null, null, requestId, 0, null, 0, 0);
    }

    /** The Invoke API port. */
    public int invokePort() {
        return invokeConnector.getLocalPort();
    }

    /** {@code http://host:port}, the endpoint for curl or an SDK's endpointOverride. */
    public String invokeEndpoint() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + invokePort();
    }

    /** The Runtime API port of a function ({@code AWS_LAMBDA_RUNTIME_API} is 127.0.0.1:this). */
    public int runtimeApiPort(String functionName) {
        return function(functionName).runtimeApiPort();
    }

    /** Makes the function's Runtime API answer 500 to its next call, as Lambda does on a fatal error. */
    public void failNextRuntimeApiCallWith500(String functionName) {
        function(functionName).failNextCallWith500();
    }

    /** The hosted functions, by name. */
    List<HostedFunction> hostedFunctions() {
        return functions.values().stream().sorted(java.util.Comparator.comparing(f -> f.config().name())).toList();
    }

    public List<String> functionNames() {
        return List.copyOf(functions.keySet());
    }

    /** The pids of the runtime processes alive now. */
    public List<Long> runtimePids() {
        return processes.stream().filter(p -> p.handle().isAlive()).map(RuntimeProcess::pid).toList();
    }

    /**
     * Finds a hosted function by name, {@code name:qualifier} or ARN; "function" (AWS's runtime interface
     * emulator path) means the only one when exactly one is hosted. The only version is {@code $LATEST} (no
     * published versions or aliases are modelled), so any other qualifier is not found, as on Lambda.
     *
     * @throws InvokeApiException 404 ResourceNotFoundException
     */
    HostedFunction function(String nameOrArn) {
        return function(nameOrArn, null);
    }

    /**
     * Same, with the {@code Qualifier} query parameter too.
     *
     * @throws InvokeApiException 404 ResourceNotFoundException naming the ARN with its qualifier, 400
     *                            InvalidParameterValueException when the name's qualifier and the parameter differ
     */
    HostedFunction function(String nameOrArn, String queryQualifier) {
        String name = FunctionArn.nameOf(nameOrArn);
        String qualifier = qualifierOf(nameOrArn, queryQualifier);
        HostedFunction function = functions.get(name);
        if (function == null && RIE_FUNCTION_NAME.equals(name) && functions.size() == 1) {
            function = functions.values().iterator().next();
        }
        String suffix = qualifier == null ? "" : ":" + qualifier;
        if (function == null) {
            String region = FunctionArn.regionOf(nameOrArn, defaultRegion());
            throw new InvokeApiException(404, ErrorTypes.RESOURCE_NOT_FOUND,
                    "Function not found: " + FunctionArn.of(region, name) + suffix);
        }
        if (qualifier != null && !qualifier.equals(LATEST)) {
            throw new InvokeApiException(404, ErrorTypes.RESOURCE_NOT_FOUND,
                    "Function not found: " + function.arn() + suffix);
        }
        return function;
    }

    private static String qualifierOf(String nameOrArn, String queryQualifier) {
        String inName = FunctionArn.qualifierOf(nameOrArn);
        String query = queryQualifier == null || queryQualifier.isEmpty() ? null : queryQualifier;
        if (inName != null && query != null && !inName.equals(query)) {
            throw new InvokeApiException(400, ErrorTypes.INVALID_PARAMETER,
                    "The derived qualifier from the function name does not match the specified qualifier.");
        }
        return inName != null ? inName : query;
    }

    /** The region of unknown functions' ARNs: the emulator's AWS_REGION (or AWS_DEFAULT_REGION), else us-east-1. */
    private String defaultRegion() {
        return SandboxEnvironment.hostRegion(options.hostEnv());
    }

    static int payloadLimit(InvocationType type) {
        return type == InvocationType.EVENT ? LambdaLimits.EVENT_PAYLOAD_BYTES : LambdaLimits.SYNC_PAYLOAD_BYTES;
    }

    /** 413 with Lambda's messages: the sync one names the operation, the Event one the size seen. */
    static InvokeApiException tooLarge(InvocationType type, long size) {
        String message = type == InvocationType.EVENT
                ? size + " byte payload is too large for the Event invocation type (limit " + payloadLimit(type) + " bytes)"
                : "Request must be smaller than " + payloadLimit(type) + " bytes for the InvokeFunction operation";
        return new InvokeApiException(413, ErrorTypes.REQUEST_TOO_LARGE, message);
    }

    private void track(RuntimeProcess process) {
        processes.add(process);
        process.exited().thenRun(() -> processes.remove(process));
    }

    /** Stops the servers, fails pending invocations and kills every runtime process with its descendants. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        functions.values().forEach(function -> {
            try {
                function.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });
        processes.forEach(RuntimeProcess::kill);
        timers.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            failures.add(new IllegalStateException("cannot stop the emulator's server: " + e.getMessage(), e));
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }
}
