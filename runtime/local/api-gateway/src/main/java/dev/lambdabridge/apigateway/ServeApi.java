package dev.lambdabridge.apigateway;

import dev.lambdabridge.apigateway.template.SamTemplate;
import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code scripts/serve-api}: the local API Gateway and function URLs. Reads a SAM template, hosts the functions its
 * Api and HttpApi events and FunctionUrlConfigs name on the emulator (each on the runtime's bootstrap, started on
 * its first request and kept warm), serves the APIs on 127.0.0.1:3000 and, with {@code --function-urls}, each
 * function URL on a port of its own.
 */
public final class ServeApi implements AutoCloseable {
    static final String USAGE = """
            usage: serve-api --template FILE [--parameter-overrides KEY=VALUE]... [--port 3000] [--host 127.0.0.1]
                             [--function-urls FIRST_PORT] [--claims CLAIMS.json] [--env KEY=VALUE]...
                             [--try REQUESTS.json]
              --template             the SAM template: its Api events (REST, payload 1.0), HttpApi events (payload
                                     2.0, or 1.0 with PayloadFormatVersion) and FunctionUrlConfigs
              --parameter-overrides  template parameters' values (else their Default): KEY=VALUE, or "A=1 B=2"
                                     as sam takes them; repeatable
              --function-urls        also serve each function URL, on FIRST_PORT, FIRST_PORT+1, ... in the
                                     template's order (0: free ports)
              --claims               the Cognito claims of requests to Cognito routes without an X-Local-Claims header
              --env                  added to every function's environment (e.g. AWS_ENDPOINT_URL_STS=http://127.0.0.1:4566)
              --try                  send the requests of the file ([{"method","path","functionUrl","headers","body",
                                     "expect"}]), print the answers, stop; exit 1 when a status is not the expected one
            The runtime is the bootstrap named by -Dlambdabridge.bootstrap or $LAMBDA_BRIDGE_BOOTSTRAP.""";

    private final Emulator emulator;
    private final JettyFrontDoor frontDoor;
    private final FunctionUrlFrontDoor functionUrls;
    private final List<Route> routes;

    private ServeApi(Emulator emulator, JettyFrontDoor frontDoor, FunctionUrlFrontDoor functionUrls,
                     List<Route> routes) {
        this.emulator = emulator;
        this.frontDoor = frontDoor;
        this.functionUrls = functionUrls;
        this.routes = routes;
    }

    /**
     * Everything the command line sets.
     *
     * @param functionUrlsPort the first function URL port (0: free ports), or null for no function URLs
     */
    public record Options(Path template, Map<String, String> parameters, String host, int port,
                          Integer functionUrlsPort, Path claims, Map<String, String> env, Path tryRequests) {
    }

    /** Starts the emulator with the template's functions, then the HTTP front doors; log lines go to {@code log}. */
    public static ServeApi start(Options options, PrintStream log) throws Exception {
        SamTemplate template = SamTemplate.read(options.template(), options.parameters());
        TemplateApis apis = TemplateApis.of(template, options.env(), w -> log.println("serve-api: warning: " + w));
        Map<String, String> fixedClaims = options.claims() == null ? null
                : LocalClaims.parse(Files.readString(options.claims()), "--claims " + options.claims());
        Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(log::println));
        JettyFrontDoor frontDoor = null;
        try {
            apis.functions().forEach(emulator::addFunction);
            Consumer<String> lines = line -> log.println("serve-api: " + line);
            ApiGateway gateway = new ApiGateway(new RouteTable(apis.routes()), emulator, new ProxyEvents(),
                    new LocalClaims(fixedClaims), lines);
            frontDoor = JettyFrontDoor.start(options.host(), options.port(), gateway);
            FunctionUrlFrontDoor urls = options.functionUrlsPort() == null ? null : FunctionUrlFrontDoor.start(
                    options.host(), options.functionUrlsPort(), apis.functionUrls(), emulator, lines);
            return new ServeApi(emulator, frontDoor, urls, apis.routes());
        } catch (Exception | Error e) {
            if (frontDoor != null) {
                frontDoor.close();
            }
            emulator.close();
            throw e;
        }
    }

    public int port() {
        return frontDoor.port();
    }

    /** The routes, in the template's order. */
    public List<Route> routes() {
        return routes;
    }

    /** Each function URL's base, {@code http://host:port}, by function; empty without --function-urls. */
    public Map<String, String> functionUrls() {
        return functionUrls == null ? Map.of() : functionUrls.urls();
    }

    @Override
    public void close() throws Exception {
        try {
            if (functionUrls != null) {
                functionUrls.close();
            }
            frontDoor.close();
        } finally {
            emulator.close();
        }
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("serve-api: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        List<SampleRequests.Sample> samples;
        ServeApi api;
        try {
            samples = options.tryRequests() == null ? null : SampleRequests.read(options.tryRequests());
            api = start(options, System.err);
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            System.err.println("serve-api: " + e.getMessage());
            System.exit(1);
            return;
        }
        String base = "http://" + options.host() + ":" + api.port();
        if (samples != null) {
            int failed;
            try (api) {
                System.out.println("serve-api: sending the requests of " + options.tryRequests() + " to " + base);
                failed = SampleRequests.run(samples, base, api.functionUrls(), System.out);
            }
            System.exit(failed == 0 ? 0 : 1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                api.close();
            } catch (Exception e) {
                System.err.println("serve-api: stopping: " + e);
            }
        }, "serve-api-shutdown"));
        System.out.println("serve-api: " + base + " (the APIs of " + options.template() + ")");
        for (Route route : api.routes()) {
            System.out.printf("  %-7s %-28s -> %-14s %s %s, payload %s%s%n", route.method(), route.path(),
                    route.function(), route.isHttpApi() ? "HTTP API" : "REST API", route.api().id() + " stage "
                    + route.api().stage(), route.payloadFormat(), route.cognito() ? " (Cognito: claims from "
                    + LocalClaims.HEADER + " or --claims)" : "");
        }
        api.functionUrls().forEach((function, url) -> System.out.printf("  function URL %s/ -> %s%n", url, function));
        System.out.println("try: curl " + base + "/time/Europe/Dublin");
        System.out.println("Ctrl-C stops the front door, the emulator and the runtimes.");
        System.out.flush();
        Thread.currentThread().join();
    }

    static Options parse(String... args) {
        Path template = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        String host = "127.0.0.1";
        int port = 3000;
        Integer functionUrls = null;
        Path claims = null;
        Map<String, String> env = new LinkedHashMap<>();
        Path tryRequests = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--template" -> template = Path.of(value);
                case "--parameter-overrides" -> {
                    for (String pair : value.strip().split("\\s+")) { // sam's form: "A=1 B=2" in one value
                        keyValue(option, pair, parameters);
                    }
                }
                case "--host" -> host = value;
                case "--port" -> port = port(option, value);
                case "--function-urls" -> functionUrls = port(option, value);
                case "--claims" -> claims = Path.of(value);
                case "--try" -> tryRequests = Path.of(value);
                case "--env" -> keyValue(option, value, env);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (template == null) {
            throw new IllegalArgumentException("--template FILE is required");
        }
        return new Options(template, Map.copyOf(parameters), host, port, functionUrls, claims, Map.copyOf(env),
                tryRequests);
    }

    private static void keyValue(String option, String value, Map<String, String> into) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(option + " needs KEY=VALUE, got '" + value + "'");
        }
        into.put(value.substring(0, eq), value.substring(eq + 1));
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a port number from 0 to 65535, got '" + value + "'");
    }
}
