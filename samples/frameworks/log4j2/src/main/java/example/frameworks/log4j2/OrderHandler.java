package example.frameworks.log4j2;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.Map;

/** Logs through Log4j 2; the LambdaAppender (log4j2.xml) writes each record where Lambda collects it. */
public class OrderHandler implements RequestHandler<Map<String, Object>, String> {
    private static final Logger LOG = LogManager.getLogger(OrderHandler.class);

    @Override
    public String handleRequest(Map<String, Object> order, Context context) {
        LOG.info("order {} received", order.get("orderId"));
        if (order.get("quantity") instanceof Number quantity && quantity.intValue() > 10) {
            LOG.warn("order {} is large: {} items", order.get("orderId"), quantity);
        }
        LOG.debug("not written at the default level INFO");
        return "accepted " + order.get("orderId");
    }
}
