package example.apps.time;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import example.apps.http.JsonResponses;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * The time service behind API Gateway (REST API, proxy integration):
 * <pre>
 * GET /time                    -> 200 {"timeZone":"UTC","time":"2026-11-27T14:50:00.123Z","utcOffset":"Z",...}
 * GET /time/Europe/Dublin      -> 200 {"timeZone":"Europe/Dublin","time":"2026-11-27T14:50:00.123Z",...}
 * GET /time/Mars/Olympus_Mons  -> 400 {"message":"Unknown time zone 'Mars/Olympus_Mons' (...): use ..."}
 * </pre>
 * The zone is the {@code timeZone} path parameter (resource {@code /time/{timeZone+}} or {@code /time/{timeZone}}
 * with the slash sent as {@code %2F}).
 */
public class TimeHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final String ZONE_PARAMETER = "timeZone";
    private static final JsonResponses RESPONSES = new JsonResponses(Map.of("Access-Control-Allow-Origin", "*"));

    private final Clock clock;

    public TimeHandler() {
        this(Clock.systemUTC());
    }

    TimeHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        Map<String, String> parameters = request.getPathParameters();
        String requested = parameters == null ? null : parameters.get(ZONE_PARAMETER);
        ZoneId zone;
        try {
            zone = TimeZones.parse(requested);
        } catch (UnknownTimeZoneException e) {
            context.getLogger().log("400 for time zone '" + e.value() + "'");
            return RESPONSES.message(400, e.getMessage());
        }
        TimeReport report = TimeReport.at(clock.instant(), zone);
        context.getLogger().log("time in " + report.timeZone() + ": " + report.time());
        return RESPONSES.json(200, report);
    }
}
