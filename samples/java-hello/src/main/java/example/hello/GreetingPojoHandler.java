package example.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Locale;
import java.util.Map;

/**
 * POJO in, POJO out: the runtime maps the event JSON to a {@link Greeting} and the {@link Reply} back to JSON.
 *
 * <pre>{"name": "Ada", "language": "fr"}  ->  {"message": "Bonjour, Ada !", "language": "fr", "requestId": "..."}</pre>
 */
public class GreetingPojoHandler implements RequestHandler<Greeting, Reply> {
    private static final Map<String, String> FORMATS = Map.of(
            "en", "Hello, %s!",
            "fr", "Bonjour, %s !",
            "de", "Hallo, %s!",
            "es", "¡Hola, %s!");

    @Override
    public Reply handleRequest(Greeting greeting, Context context) {
        String name = greeting == null || greeting.getName() == null || greeting.getName().isBlank()
                ? "world" : greeting.getName();
        String language = greeting == null || greeting.getLanguage() == null
                ? "en" : greeting.getLanguage().toLowerCase(Locale.ROOT);
        String format = FORMATS.get(language);
        if (format == null) {
            context.getLogger().log("no greeting in language '" + language + "', answering in English");
            language = "en";
            format = FORMATS.get(language);
        }
        return new Reply(String.format(format, name), language, context.getAwsRequestId());
    }
}
