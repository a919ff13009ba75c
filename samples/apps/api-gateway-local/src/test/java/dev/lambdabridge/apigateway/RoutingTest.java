package dev.lambdabridge.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingTest {
    private static List<String> segments(String rawPath) {
        return new HttpRequestData("GET", rawPath, null, List.of(), new byte[0], "127.0.0.1").pathSegments();
    }

    @Test
    void parametersTakeOneSegmentAndAGreedyOneTheRest() {
        assertEquals(Map.of("timeZone", "Europe"), RoutePattern.parse("/time/{timeZone}").match(segments("/time/Europe")));
        assertNull(RoutePattern.parse("/time/{timeZone}").match(segments("/time/Europe/Dublin")));
        assertEquals(Map.of("timeZone", "Europe/Dublin"),
                RoutePattern.parse("/time/{timeZone+}").match(segments("/time/Europe/Dublin")));
        assertNull(RoutePattern.parse("/time/{timeZone+}").match(segments("/time")));
        assertEquals(Map.of(), RoutePattern.parse("/time").match(segments("/time/")));
        assertEquals(Map.of(), RoutePattern.parse("/").match(segments("/")));
    }

    @Test
    void anEncodedSlashStaysInItsSegmentAndPlusStaysPlus() {
        assertEquals(Map.of("timeZone", "Europe/Dublin"),
                RoutePattern.parse("/time/{timeZone}").match(segments("/time/Europe%2FDublin")));
        assertEquals(Map.of("timeZone", "Etc/GMT+1"),
                RoutePattern.parse("/time/{timeZone+}").match(segments("/time/Etc/GMT+1")));
    }

    @Test
    void badPatternsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RoutePattern.parse("/a/{rest+}/b")).getMessage()
                .contains("must be the last segment"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RoutePattern.parse("/a/x{id}")).getMessage()
                .contains("'x{id}' is neither"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RoutePattern.parse("time")).getMessage()
                .contains("starts with '/'"));
    }

    @Test
    void theMostSpecificRouteWinsAndAMethodBeatsAny() {
        RouteTable table = new RouteTable(List.of(RoutesFile.parse("ANY /{proxy+} catchall"),
                RoutesFile.parse("GET /time/{timeZone+} time"), RoutesFile.parse("GET /time/UTC utc"),
                RoutesFile.parse("ANY /hello hello-any"), RoutesFile.parse("POST /hello hello-post cognito")));
        assertEquals("utc", table.find("GET", segments("/time/UTC")).route().function());
        assertEquals("time", table.find("GET", segments("/time/Asia/Tokyo")).route().function());
        assertEquals("catchall", table.find("POST", segments("/time/Asia/Tokyo")).route().function());
        RouteTable.Match post = table.find("POST", segments("/hello"));
        assertEquals("hello-post", post.route().function());
        assertTrue(post.route().cognito());
        assertEquals("hello-any", table.find("DELETE", segments("/hello")).route().function());
        assertNull(new RouteTable(List.of(RoutesFile.parse("GET /time time"))).find("GET", segments("/nope")));
    }

    @Test
    void theRoutesFileNamesTheLineOfAMistake(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routes.txt");
        Files.writeString(file, "# comment\nGET /time time\n\nFETCH /x f\n");
        String message = assertThrows(IllegalArgumentException.class, () -> RoutesFile.read(file)).getMessage();
        assertTrue(message.startsWith(file + ":4: unknown method 'FETCH'"), message);
        Files.writeString(file, "GET /time time extra\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RoutesFile.read(file)).getMessage()
                .contains("expected METHOD PATH FUNCTION [cognito]"));
    }

    @Test
    void theSampleRoutesFileParses() throws Exception {
        List<Route> routes = RoutesFile.read(Path.of(System.getProperty("apps.dir"), "api-routes.txt"));
        assertEquals(5, routes.size());
        assertEquals(List.of("time", "cognito-proxy", "saml-federation"),
                routes.stream().map(Route::function).distinct().toList());
    }
}
