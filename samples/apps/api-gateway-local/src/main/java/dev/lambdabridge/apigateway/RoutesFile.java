package dev.lambdabridge.apigateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The routes file: one route a line, {@code METHOD PATH FUNCTION [cognito]}, {@code #} comments, blank lines
 * ignored. Example: {@code GET /time/{timeZone+} time-service}.
 */
public final class RoutesFile {
    static final String COGNITO = "cognito";

    private RoutesFile() {
    }

    /** @throws IllegalArgumentException naming the file, the line and what is wrong */
    public static List<Route> read(Path file) throws IOException {
        List<Route> routes = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                routes.add(parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        if (routes.isEmpty()) {
            throw new IllegalArgumentException(file + ": no routes (lines of METHOD PATH FUNCTION [cognito])");
        }
        return routes;
    }

    static Route parse(String line) {
        String[] words = line.split("\\s+");
        if (words.length < 3 || words.length > 4 || (words.length == 4 && !words[3].equals(COGNITO))) {
            throw new IllegalArgumentException("expected METHOD PATH FUNCTION [cognito], got '" + line + "'");
        }
        return new Route(words[0], RoutePattern.parse(words[1]), words[2], words.length == 4);
    }
}
