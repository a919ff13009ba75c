package example.frameworks.scf;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A Spring Boot application whose function beans Spring Cloud Function's {@code FunctionInvoker} serves on
 * Lambda; {@code spring.cloud.function.definition} (or its environment variable) picks the bean.
 */
@SpringBootApplication
public class GreetingApplication {

    public static void main(String[] args) {
        SpringApplication.run(GreetingApplication.class, args);
    }

    /** An API Gateway REST (v1) event in, an API Gateway response out: aws-lambda-java-events types. */
    @Bean
    public Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> greet() {
        return request -> {
            String name = request.getQueryStringParameters() == null ? null
                    : request.getQueryStringParameters().get("name");
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "text/plain"))
                    .withBody("Hello, " + (name == null ? "world" : name) + "! You called " + request.getHttpMethod()
                            + " " + request.getPath());
        };
    }

    /** A plain string function: the event is a JSON string. */
    @Bean
    public Function<String, String> uppercase() {
        return value -> value.toUpperCase(Locale.ROOT);
    }
}
