package dev.lambdabridge.samples.ops.localrun;

import dev.lambdabridge.emulator.InvokeResult;
import dev.lambdabridge.samples.ops.emulators.FunctionHost;
import dev.lambdabridge.samples.ops.emulators.Service;
import dev.lambdabridge.samples.ops.emulators.ServiceEmulators;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code OpsLocalRun FUNCTIONS.json BOOTSTRAP}: starts the service emulators, creates what the functions need
 * ({@link OpsWorld}), invokes each function of the file once with its sample event through the bootstrap, prints
 * its log lines and result, then what the services received; stops everything. Exit status 1 when a function
 * failed, 2 on bad arguments.
 */
public final class OpsLocalRun {
    private OpsLocalRun() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: OpsLocalRun FUNCTIONS.json BOOTSTRAP");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), Path.of(args[1]), System.out));
    }

    /** Runs every function of the file; 0 when all succeeded, else 1. */
    public static int run(Path functionsFile, Path bootstrap, PrintStream out) {
        ServiceEmulators services = ServiceEmulators.of(Service.values());
        services.start();
        try (OpsWorld world = OpsWorld.create(services); FunctionHost host = FunctionHost.start(bootstrap)) {
            FunctionsFile file = FunctionsFile.read(functionsFile, world.values());
            for (FunctionsFile.Entry f : file.functions()) {
                Map<String, String> env = new HashMap<>(services.functionEnv());
                env.putAll(f.env());
                host.add(f.name(), f.handler(), f.code(), f.timeout(), f.memoryMb(), env);
            }
            out.println("ops local run: " + file.functions().size() + " functions of " + functionsFile
                    + " on the local emulator (bootstrap: " + bootstrap + ")");
            int failed = 0;
            for (FunctionsFile.Entry f : file.functions()) {
                failed += invoke(host, f, out) ? 0 : 1;
            }
            out.println("=== what the services received ===");
            world.received().forEach(out::println);
            out.println(failed == 0 ? "all " + file.functions().size() + " functions succeeded"
                    : failed + " of " + file.functions().size() + " functions failed");
            return failed == 0 ? 0 : 1;
        } finally {
            services.stop();
        }
    }

    private static boolean invoke(FunctionHost host, FunctionsFile.Entry f, PrintStream out) {
        out.println("=== " + f.name() + " (" + f.handler() + ") ===");
        int logged = host.log().size();
        String event;
        try {
            event = Files.readString(f.event());
        } catch (IOException e) {
            out.println("FAILED: cannot read the event " + f.event() + ": " + e.getMessage());
            return false;
        }
        InvokeResult result = host.invoke(f.name(), event);
        List<String> log = host.log();
        log.subList(logged, log.size()).forEach(out::println);
        out.println((result.isFunctionError() ? "FAILED: " : "result: ") + result.payloadText());
        return !result.isFunctionError();
    }
}
