package example.handlers;

import com.amazonaws.services.lambda.runtime.Context;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Plain methods in each shape the managed runtime accepts. */
public class Methods {
    public static String noArgs() {
        return "no args";
    }

    public int keyCount(Map<String, Object> event) {
        return event.size();
    }

    public String withContext(Map<String, Object> event, Context context) {
        return context.getAwsRequestId() + ":" + event.get("k");
    }

    public void streams(InputStream in, OutputStream out) throws java.io.IOException {
        out.write(("[" + new String(in.readAllBytes()) + "]").getBytes());
    }

    // overloads: the (T, Context) one wins over (T) because a trailing Context counts double
    public String overloaded(String s) {
        return "one";
    }

    public String overloaded(String s, Context context) {
        return "two";
    }

    public void fails(Map<String, Object> event) {
        throw new IllegalStateException("failed on " + event);
    }

    public String tooMany(String a, String b, String c, String d) {
        return "never";
    }
}
