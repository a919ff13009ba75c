package example.frameworks.container;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application aws-serverless-java-container starts at init (MAIN_CLASS names it). */
@SpringBootApplication
public class PathApplication {
    public static void main(String[] args) {
        SpringApplication.run(PathApplication.class, args);
    }
}
