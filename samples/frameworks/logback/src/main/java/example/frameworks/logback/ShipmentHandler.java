package example.frameworks.logback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** Logs through SLF4J; Logback's console appender (logback.xml) writes each record to stdout. */
public class ShipmentHandler implements RequestHandler<Map<String, Object>, String> {
    private static final Logger LOG = LoggerFactory.getLogger(ShipmentHandler.class);

    @Override
    public String handleRequest(Map<String, Object> shipment, Context context) {
        LOG.info("shipment {} dispatched", shipment.get("shipmentId"));
        return "dispatched " + shipment.get("shipmentId");
    }
}
