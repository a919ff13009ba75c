package example.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Handlers that fail at init, each the way a user's code does. */
public final class Broken {
    private Broken() {
    }

    public static class ThrowingConstructor implements RequestHandler<String, String> {
        public ThrowingConstructor() {
            throw new IllegalStateException("config missing: TABLE_NAME");
        }

        @Override
        public String handleRequest(String input, Context context) {
            return input;
        }
    }

    public static class NoDefaultConstructor implements RequestHandler<String, String> {
        public NoDefaultConstructor(String required) {
        }

        @Override
        public String handleRequest(String input, Context context) {
            return input;
        }
    }

    public static class NotAHandler {
    }

    @SuppressWarnings("rawtypes")
    public static class RawHandler implements RequestHandler {
        @Override
        public Object handleRequest(Object input, Context context) {
            return input;
        }
    }
}
