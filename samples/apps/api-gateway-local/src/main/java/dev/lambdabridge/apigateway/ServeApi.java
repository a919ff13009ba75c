package dev.lambdabridge.apigateway;

import dev.lambdabridge.emulator.Emulator;
import dev.lambdabridge.emulator.EmulatorOptions;
import dev.lambdabridge.emulator.FunctionConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code scripts/serve-api}: the local API Gateway. Hosts the functions of a routes file on the emulator (each on
 * the runtime's bootstrap, started on its first request and kept warm) and serves HTTP on 127.0.0.1:3000.
 */
public final class ServeApi implements AutoCloseable {
    static final String USAGE = """
            usage: serve-api [--routes FILE] [--functions FILE.json] [--port 3000] [--host 127.0.0.1]
                             [--claims CLAIMS.json] [--stage local] [--env KEY=VALUE]... [--try REQUESTS.json]
              --routes     lines of METHOD PATH FUNCTION [cognito]; PATH with {name} and a last {name+}
              --functions  the functions the routes name (default: functions.json beside the routes file)
              --claims     the Cognito claims of requests to 'cognito' routes without an X-Local-Claims header
              --env        added to every function's environment (e.g. AWS_ENDPOINT_URL_STS=http://127.0.0.1:4566)
              --try        send the requests of the file ([{"method","path","headers","body","expect"}]), print the
                           answers, stop; exit 1 when a status is not the expected one
            The runtime is the bootstrap named by -Dlambdabridge.bootstrap or $LAMBDA_BRIDGE_BOOTSTRAP.""";

    private final Emulator emulator;
    private final JettyFrontDoor frontDoor;
    private final List<Route> routes;

    private ServeApi(Emulator emulator, JettyFrontDoor frontDoor, List<Route> routes) {
        this.emulator = emulator;
        this.frontDoor = frontDoor;
        this.routes = routes;
    }

    /** Everything the command line sets. */
    public record Options(Path routes, Path functions, String host, int port, Path claims, String stage,
                          Map<String, String> env, Path tryRequests) {
    }

    /** Starts the emulator with the routes' functions, then the HTTP front door; log lines go to {@code log}. */
    public static ServeApi start(Options options, PrintStream log) throws Exception {
        List<Route> routeList = RoutesFile.read(options.routes());
        List<FunctionConfig> functions = ApiFunctions.forRoutes(options.functions(), routeList, options.env());
        Map<String, String> fixedClaims = options.claims() == null ? null
                : LocalClaims.parse(Files.readString(options.claims()), "--claims " + options.claims());
        Emulator emulator = Emulator.start(EmulatorOptions.defaults().withLogSink(log::println));
        try {
            functions.forEach(emulator::addFunction);
            RouteTable routes = new RouteTable(routeList);
            ApiGateway gateway = new ApiGateway(routes, emulator, new ProxyEvents(options.stage()),
                    new LocalClaims(fixedClaims), line -> log.println("serve-api: " + line));
            return new ServeApi(emulator, JettyFrontDoor.start(options.host(), options.port(), gateway), routeList);
        } catch (Exception | Error e) {
            emulator.close();
            throw e;
        }
    }

    public int port() {
        return frontDoor.port();
    }

    /** The routes, in the order of the routes file. */
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() throws Exception {
        try {
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
                failed = SampleRequests.run(samples, base, System.out);
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
        System.out.println("serve-api: " + base + " (stage " + options.stage() + ", routes " + options.routes() + ")");
        for (Route route : api.routes()) {
            System.out.printf("  %-7s %-28s -> %s%s%n", route.method(), route.path(), route.function(),
                    route.cognito() ? " (Cognito: claims from " + LocalClaims.HEADER + " or --claims)" : "");
        }
        System.out.println("try: curl " + base + "/time/Europe/Dublin");
        System.out.println("Ctrl-C stops the front door, the emulator and the runtimes.");
        System.out.flush();
        Thread.currentThread().join();
    }

    static Options parse(String... args) {
        Path routes = null;
        Path functions = null;
        String host = "127.0.0.1";
        int port = 3000;
        Path claims = null;
        String stage = "local";
        Map<String, String> env = new LinkedHashMap<>();
        Path tryRequests = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--routes" -> routes = Path.of(value);
                case "--functions" -> functions = Path.of(value);
                case "--host" -> host = value;
                case "--port" -> port = port(value);
                case "--claims" -> claims = Path.of(value);
                case "--stage" -> stage = value;
                case "--try" -> tryRequests = Path.of(value);
                case "--env" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--env needs KEY=VALUE, got '" + value + "'");
                    }
                    env.put(value.substring(0, eq), value.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (routes == null) {
            throw new IllegalArgumentException("--routes FILE is required");
        }
        if (functions == null) {
            functions = routes.toAbsolutePath().resolveSibling("functions.json");
        }
        return new Options(routes, functions, host, port, claims, stage, Map.copyOf(env), tryRequests);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--port needs a number from 0 to 65535, got '" + value + "'");
    }
}
