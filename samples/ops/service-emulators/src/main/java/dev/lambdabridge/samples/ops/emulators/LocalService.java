package dev.lambdabridge.samples.ops.emulators;

import java.net.URI;
import java.util.Map;

/** A local AWS service emulator the tests started, on 127.0.0.1; {@link #close()} stops it. */
public interface LocalService extends AutoCloseable {
    /** What it is, e.g. {@code dynalite@4.0.0}, for messages. */
    String name();

    /** Its base URL, e.g. {@code http://127.0.0.1:41234}. */
    URI endpoint();

    /**
     * The AWS SDK environment variables that point a client at it: {@code AWS_ENDPOINT_URL_<SERVICE>}, which AWS
     * SDK v2 reads by itself, so the function's code has no endpoint setting and runs unchanged on AWS.
     */
    Map<String, String> endpointEnv();

    @Override
    void close();
}
