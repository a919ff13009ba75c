package example.apps.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import example.apps.testing.CapturingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 2026-07-01, Irish summer time (+01:00). */
    private static final Instant SUMMER = Instant.parse("2026-07-01T11:30:00Z");
    private final TimeHandler handler = new TimeHandler(Clock.fixed(SUMMER, ZoneOffset.UTC));
    private final CapturingContext context = new CapturingContext();

    private APIGatewayProxyResponseEvent get(Map<String, String> pathParameters) {
        return handler.handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod("GET")
                .withPathParameters(pathParameters), context);
    }

    @Test
    void timeWithoutAZoneIsUtc() throws Exception {
        APIGatewayProxyResponseEvent response = get(null);
        assertEquals(200, response.getStatusCode());
        JsonNode body = JSON.readTree(response.getBody());
        assertEquals("UTC", body.path("timeZone").asText());
        assertEquals("2026-07-01T11:30:00Z", body.path("time").asText());
        assertEquals(SUMMER.toEpochMilli(), body.path("epochMillis").asLong());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
    }

    @Test
    void dublinInSummerIsOneHourAhead() throws Exception {
        APIGatewayProxyResponseEvent response = get(Map.of("timeZone", "Europe/Dublin"));
        assertEquals(200, response.getStatusCode());
        JsonNode body = JSON.readTree(response.getBody());
        assertEquals("Europe/Dublin", body.path("timeZone").asText());
        assertEquals("2026-07-01T12:30:00+01:00", body.path("time").asText());
        assertEquals("+01:00", body.path("utcOffset").asText());
        assertTrue(context.lines().contains("time in Europe/Dublin: 2026-07-01T12:30:00+01:00"), context.lines().toString());
    }

    @Test
    void anUnknownZoneIsA400NamingIt() throws Exception {
        APIGatewayProxyResponseEvent response = get(Map.of("timeZone", "Mars/Olympus_Mons"));
        assertEquals(400, response.getStatusCode());
        String message = JSON.readTree(response.getBody()).path("message").asText();
        assertTrue(message.startsWith("Unknown time zone 'Mars/Olympus_Mons'"), message);
        assertTrue(context.lines().contains("400 for time zone 'Mars/Olympus_Mons'"), context.lines().toString());
    }
}
