package dev.lambdabridge.runtime.api;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Why {@link HttpConnection} is hand-written: the JDK's {@code java.net.http.HttpClient} against this runtime's
 * client, in a fresh JVM each, on a local keep-alive server that answers like the Runtime API. Prints the time to
 * the first response (the cold-start cost), the classes loaded by then, and the median round trip over 5,000
 * requests. Run (after {@code mvn -pl runtime/core test-compile}):
 * <pre>
 * for c in jdk bridge; do java -XX:TieredStopAtLevel=1 -cp runtime/core/target/classes:runtime/core/target/test-classes \
 *   dev.lambdabridge.runtime.api.HttpClientChoiceBenchmark $c; done
 * </pre>
 */
public final class HttpClientChoiceBenchmark {
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r\r\n"
            + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread serverThread = new Thread(() -> serve(server));
        serverThread.setDaemon(true);
        serverThread.start();
        String which = args.length > 0 ? args[0] : "bridge";
        Runnable call = "jdk".equals(which) ? jdkCall(server.getLocalPort()) : bridgeCall(server.getLocalPort());
        call.run();
        long firstMs = System.currentTimeMillis() - start;
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        for (int i = 0; i < 2000; i++) {
            call.run();
        }
        long[] samples = new long[5000];
        for (int i = 0; i < samples.length; i++) {
            long t0 = System.nanoTime();
            call.run();
            samples[i] = System.nanoTime() - t0;
        }
        Arrays.sort(samples);
        System.out.printf("%-6s first response %4d ms after JVM start, %5d classes loaded, round trip median %5.1f us, p99 %5.1f us%n",
                which, firstMs, classes, samples[samples.length / 2] / 1000.0, samples[samples.length * 99 / 100] / 1000.0);
    }

    private static Runnable jdkCall(int port) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/2018-06-01/runtime/invocation/next")).build();
        return () -> {
            try {
                client.send(request, BodyHandlers.ofByteArray());
            } catch (IOException | InterruptedException e) {
                throw new RuntimeException(e);
            }
        };
    }

    private static Runnable bridgeCall(int port) {
        RuntimeApiClient client = RuntimeApiClient.forAddress("127.0.0.1:" + port);
        return client::next;
    }

    private static void serve(ServerSocket server) {
        while (true) {
            try (Socket socket = server.accept()) {
                socket.setTcpNoDelay(true);
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                int matched = 0;
                int b;
                while ((b = in.read()) >= 0) {
                    matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
                    if (matched == 4) {
                        out.write(ANSWER);
                        out.flush();
                        matched = 0;
                    }
                }
            } catch (IOException e) {
                return;
            }
        }
    }
}
