package dev.lambdabridge.samples.ops.emulators;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that starts the given service emulators before a test class and stops them after it, whatever
 * the tests did:
 * <pre>
 * &#64;RegisterExtension
 * static final ServiceEmulators SERVICES = ServiceEmulators.of(Service.DYNAMODB, Service.SNS_SQS);
 * </pre>
 * A JVM shutdown hook stops them too if the run is interrupted, and the Node.js ones end by themselves when the JVM
 * dies (their standard input closes).
 */
public final class ServiceEmulators implements BeforeAllCallback, AfterAllCallback {
    /** The credentials and region the functions and test clients use; the emulators accept any. */
    public static final Map<String, String> TEST_CREDENTIALS = Map.of("AWS_ACCESS_KEY_ID", "AKIDLAMBDABRIDGETEST",
            "AWS_SECRET_ACCESS_KEY", "lambda-bridge-test-secret", "AWS_REGION", "us-east-1");

    private final List<Service> wanted;
    private final Map<Service, LocalService> running = new EnumMap<>(Service.class);
    private Thread shutdownHook;

    private ServiceEmulators(List<Service> wanted) {
        this.wanted = wanted;
    }

    public static ServiceEmulators of(Service... services) {
        return new ServiceEmulators(List.of(services));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts every service (also usable without JUnit; then call {@link #stop()}). */
    public synchronized void start() {
        shutdownHook = new Thread(this::stopAll, "service-emulators-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            for (Service service : wanted) {
                running.put(service, service.start());
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Stops every service that runs. */
    public synchronized void stop() {
        stopAll();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs or ran: nothing left to remove
            }
            shutdownHook = null;
        }
    }

    private synchronized void stopAll() {
        List<RuntimeException> failures = new ArrayList<>();
        running.values().forEach(s -> {
            try {
                s.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });
        running.clear();
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }

    /** The running emulator of a service. */
    public LocalService get(Service service) {
        LocalService s = running.get(service);
        if (s == null) {
            throw new IllegalStateException(service + " is not running (started: " + running.keySet() + ")");
        }
        return s;
    }

    /** The WireMock stand-in for EC2 and CloudTrail. */
    public WireMockService wireMock() {
        return (WireMockService) get(Service.EC2_CLOUDTRAIL_WIREMOCK);
    }

    /**
     * The environment a function needs to reach these emulators: the test credentials and region, and an
     * {@code AWS_ENDPOINT_URL_<SERVICE>} per running service.
     */
    public Map<String, String> functionEnv() {
        Map<String, String> env = new LinkedHashMap<>(TEST_CREDENTIALS);
        running.values().forEach(s -> env.putAll(s.endpointEnv()));
        return env;
    }
}
