package example.ops.support;

import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The HTTP client of every SDK client here: the JDK's URLConnection (no Apache or Netty: a faster cold start). */
public final class HttpClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private HttpClients() {
    }

    /** A client whose reads wait up to {@code readTimeout} (a long poll needs more than the SDK's 30 s default). */
    public static SdkHttpClient urlConnection(Duration readTimeout) {
        return UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(readTimeout).build();
    }

    /** A client with the SDK's default read timeout. */
    public static SdkHttpClient urlConnection() {
        return urlConnection(Duration.ofSeconds(30));
    }
}
