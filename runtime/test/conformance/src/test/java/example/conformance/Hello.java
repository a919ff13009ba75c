package example.conformance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A POJO handler: the same code runs under both runtimes. */
public class Hello implements RequestHandler<Hello.Request, Hello.Response> {

    public static class Request {
        public String name;
        public int times;
        public java.util.List<String> tags;
    }

    public static class Response {
        public String greeting;
        public int length;
        public java.util.List<String> tags;
        public String nothing;
    }

    @Override
    public Response handleRequest(Request input, Context context) {
        Response response = new Response();
        response.greeting = ("hello " + input.name + " ").repeat(Math.max(1, input.times)).trim();
        response.length = response.greeting.length();
        response.tags = input.tags;
        return response;
    }
}
