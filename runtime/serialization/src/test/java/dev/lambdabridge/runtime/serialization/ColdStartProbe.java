package dev.lambdabridge.runtime.serialization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A tiny main for cold-start measurements and the laziness test: {@code none} only touches Serializers (a stream
 * handler's path), {@code pojo} and {@code event} do forType + fromJson + toJson once. Prints the milliseconds
 * from JVM start to the first toJson done.
 */
public final class ColdStartProbe {

    public static class Order {
        public String id;
        public int quantity;
        public List<String> items;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "pojo" : args[0];
        ClassLoader loader = ColdStartProbe.class.getClassLoader();
        var out = new ByteArrayOutputStream();
        switch (mode) {
            case "none" -> Serializers.forResultType(void.class, loader).toJson(null, out);
            case "pojo" -> roundTrip(Serializers.forType(Order.class, loader),
                    "{\"id\":\"o-1\",\"quantity\":2,\"items\":[\"a\",\"b\"]}", out);
            case "event" -> roundTrip(Serializers.forType(
                            Class.forName("com.amazonaws.services.lambda.runtime.events.SQSEvent", false, loader), loader),
                    "{\"Records\":[{\"messageId\":\"m-1\",\"body\":\"hello\",\"eventSource\":\"aws:sqs\"}]}", out);
            default -> throw new IllegalArgumentException(mode);
        }
        long done = System.currentTimeMillis();
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("probe " + mode + " " + (done - start) + " ms " + out.toString(StandardCharsets.UTF_8));
    }

    private static void roundTrip(PojoSerializer<Object> s, String json, ByteArrayOutputStream out) {
        s.toJson(s.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))), out);
    }
}
