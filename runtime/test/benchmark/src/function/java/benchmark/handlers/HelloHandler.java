package benchmark.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** The POJO handler of the benchmark: {"name":"World"} in, {"message":"Hello, World!"} out. */
public class HelloHandler implements RequestHandler<HelloRequest, HelloResponse> {
    @Override
    public HelloResponse handleRequest(HelloRequest input, Context context) {
        HelloResponse response = new HelloResponse();
        response.setMessage("Hello, " + input.getName() + "!");
        return response;
    }
}
