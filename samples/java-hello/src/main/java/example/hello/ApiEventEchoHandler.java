package example.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Shows what an API sends a function: answers 200 with the event it got as the JSON body, in the proxy response form
 * that REST APIs (payload 1.0) and HTTP APIs (1.0 and 2.0) all read. Behind {@code scripts/serve-api} or on AWS:
 *
 * <pre>curl localhost:3000/echo/v2/a?b=1  ->  {"version":"2.0","routeKey":"ANY /echo/v2/{proxy+}","rawPath":"/echo/v2/a",...}</pre>
 */
public class ApiEventEchoHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        String response = "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":"
                + Json.string(event) + "}";
        output.write(response.getBytes(StandardCharsets.UTF_8));
        context.getLogger().log("echoed an event of " + event.length() + " characters");
    }
}
