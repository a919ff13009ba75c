package dev.lambdabridge.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
        RouteTable table = new RouteTable(List.of(Routes.of("ANY /{proxy+} catchall"),
                Routes.of("GET /time/{timeZone+} time"), Routes.of("GET /time/UTC utc"),
                Routes.of("ANY /hello hello-any"), Routes.of("POST /hello hello-post cognito")));
        assertEquals("utc", table.find("GET", segments("/time/UTC")).route().function());
        assertEquals("time", table.find("GET", segments("/time/Asia/Tokyo")).route().function());
        assertEquals("catchall", table.find("POST", segments("/time/Asia/Tokyo")).route().function());
        RouteTable.Match post = table.find("POST", segments("/hello"));
        assertEquals("hello-post", post.route().function());
        assertTrue(post.route().cognito());
        assertEquals("hello-any", table.find("DELETE", segments("/hello")).route().function());
        assertNull(new RouteTable(List.of(Routes.of("GET /time time"))).find("GET", segments("/nope")));
    }

    @Test
    void theDefaultRouteTakesWhatNoOtherRouteTakes() {
        RouteTable table = new RouteTable(List.of(Routes.of("ANY $default fallback http"),
                Routes.of("GET /items/{id} item http")));
        assertEquals("item", table.find("GET", segments("/items/7")).route().function());
        assertEquals("fallback", table.find("POST", segments("/items/7")).route().function());
        assertEquals("fallback", table.find("GET", segments("/")).route().function());
        assertEquals("$default", table.find("GET", segments("/x/y")).route().routeKey());
        assertEquals("GET /items/{id}", table.find("GET", segments("/items/7")).route().routeKey());
    }

    @Test
    void anUnmatchedRequestIsAnHttpApis404OnlyOnAnHttpApiPath() {
        RouteTable mixed = new RouteTable(List.of(Routes.of("GET /time time"), Routes.of("GET /items/{id} item http")));
        assertTrue(mixed.unmatchedIsHttpApi(segments("/items/7")));
        assertFalse(mixed.unmatchedIsHttpApi(segments("/nowhere")));
        assertTrue(new RouteTable(List.of(Routes.of("GET /items/{id} item http"))).unmatchedIsHttpApi(segments("/x")));
    }
}
