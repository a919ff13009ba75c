package dev.lambdabridge.samples.ops.emulators;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WireMock standalone, in the test JVM on 127.0.0.1 at a free port: the stand-in for the AWS services that have no
 * emulator (EC2's query protocol, matched on {@code Action=}; CloudTrail's JSON protocol, matched on
 * {@code X-Amz-Target}). Tests stub it and read what it received through {@link #wireMock()}.
 */
public final class WireMockService implements LocalService {
    private final WireMockServer server;
    private final Map<String, String> endpointEnv;

    private WireMockService(WireMockServer server, Map<String, String> endpointEnv) {
        this.server = server;
        this.endpointEnv = endpointEnv;
    }

    static WireMockService start(List<String> sdkServices) {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort().notifier(new ConsoleNotifier(false)).containerThreads(12));
        server.start();
        Map<String, String> env = new LinkedHashMap<>();
        sdkServices.forEach(s -> env.put("AWS_ENDPOINT_URL_" + s, "http://127.0.0.1:" + server.port()));
        return new WireMockService(server, Map.copyOf(env));
    }

    /** The server, to stub responses and to verify the requests it received. */
    public WireMockServer wireMock() {
        return server;
    }

    @Override
    public String name() {
        return "WireMock (EC2, CloudTrail)";
    }

    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public Map<String, String> endpointEnv() {
        return endpointEnv;
    }

    @Override
    public void close() {
        server.stop();
    }
}
