package example.frameworks.powertools;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.util.Map;

/**
 * Logs through SLF4J; Powertools' functional API ({@code withLogging}, no AspectJ weaving needed) adds the Lambda
 * fields to each record and its JSON layout (log4j2.xml) writes them.
 */
public class PaymentHandler implements RequestHandler<Map<String, Object>, String> {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentHandler.class);

    @Override
    public String handleRequest(Map<String, Object> payment, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            LOG.info("payment {} accepted", payment.get("paymentId"));
            return "paid " + payment.get("paymentId");
        });
    }
}
