package example.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

public class GreetingHandler implements RequestHandler<Greeting, Greeting> {
    @Override
    public Greeting handleRequest(Greeting input, Context context) {
        Greeting out = new Greeting();
        out.setName("hello " + input.getName() + " from " + context.getFunctionName());
        out.setCount(input.getCount() + 1);
        return out;
    }
}
