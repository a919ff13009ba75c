package example.conformance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/** Throws from a RequestHandler and from a plain method, with a cause, so both stack-trace paths are compared. */
public class Failing implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return validate(input);
    }

    private String validate(Map<String, Object> input) {
        try {
            Integer.parseInt(String.valueOf(input.get("amount")));
            throw new IllegalStateException("amount accepted but the account is closed");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount is not a number: " + input.get("amount"), e);
        }
    }

    public String method(Map<String, Object> input) {
        return validate(input);
    }

    public void unchecked(Map<String, Object> input) throws Exception {
        throw new java.io.IOException("disk said <no> & \"quit\"\n\tsecond line");
    }
}
