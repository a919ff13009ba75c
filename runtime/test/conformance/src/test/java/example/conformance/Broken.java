package example.conformance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Its constructor throws: an init failure under both runtimes. */
public class Broken implements RequestHandler<String, String> {
    public Broken() {
        throw new IllegalStateException("missing configuration: TABLE_NAME");
    }

    @Override
    public String handleRequest(String input, Context context) {
        return input;
    }
}
