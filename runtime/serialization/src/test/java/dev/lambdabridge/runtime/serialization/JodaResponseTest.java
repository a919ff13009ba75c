package dev.lambdabridge.runtime.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import java.nio.file.Files;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;

/**
 * Joda-Time values in a result, outside AWS's event mixins: written as AWS's client writes them (as beans, see
 * {@link JodaAsBeans}), checked against AWS's JacksonFactory in-process.
 *
 * <p>AWS's side is a fresh copy of its mapper: the shared one caches the serializer it makes for a class, so a
 * DateTime written here would stay a bean for the other tests of this JVM even after AWS's date modules are
 * registered on it (EventFixturesTest), which a fresh managed runtime would not do. With those modules registered
 * (by an earlier test), both sides write an ISO string instead; the bean form is checked when they are not, and
 * end to end in a fresh process by the conformance suite.
 */
class JodaResponseTest {

    /** Only there to make {@code withMixin} copy AWS's mapper. */
    private static final class Unused {
    }

    @SuppressWarnings("unchecked")
    private static com.amazonaws.services.lambda.runtime.serialization.PojoSerializer<Object> freshAws(Class<?> type) {
        return (com.amazonaws.services.lambda.runtime.serialization.PojoSerializer<Object>) (Object)
                com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory.getInstance()
                        .withMixin(Unused.class, Unused.class).getSerializer(type);
    }

    public static class Appointment {
        public String title = "dentist";
        public DateTime at = new DateTime(2026, 12, 3, 15, 30, 5, 120, DateTimeZone.UTC);
    }

    @Test
    void dateTimeInAPojoIsWrittenAsABeanLikeAws() {
        String ours = AwsReference.write(Serializers.forType(Appointment.class, loader()), new Appointment());
        assertEquals(AwsReference.writeAws(freshAws(Appointment.class), new Appointment()), ours);
        if (AwsDateQuirk.registeredWith() == null) {
            assertTrue(ours.contains("\"millis\":" + new Appointment().at.getMillis()) && ours.contains("\"chronology\""), ours);
        }
    }

    @Test
    void dateTimeWithAnOffsetZone() {
        var value = Map.of("at", new DateTime(2026, 1, 2, 3, 4, 5, 6, DateTimeZone.forOffsetHours(-5)));
        assertEquals(AwsReference.writeAws(freshAws(Map.class), value),
                AwsReference.write(Serializers.forType(Map.class, loader()), value));
    }

    /** The event whose echo failed: its requestContext.time is a Joda DateTime that AWS has no mixin for. */
    @Test
    void echoedCustomAuthorizerEventAsAwsWritesIt() throws Exception {
        FixtureCatalog.Entry entry = FixtureCatalog.eventEntries().stream()
                .filter(e -> e.eventClass().equals(APIGatewayV2CustomAuthorizerEvent.class.getName()))
                .findFirst().orElseThrow();
        byte[] json = Files.readAllBytes(entry.file());
        var aws = freshAws(APIGatewayV2CustomAuthorizerEvent.class);
        Object event = aws.fromJson(new java.io.ByteArrayInputStream(json));
        String expected = AwsReference.writeAws(aws, event);
        if (AwsDateQuirk.registeredWith() == null) {
            assertTrue(expected.contains("\"chronology\""), expected);
        }
        assertEquals(expected, AwsReference.write(
                Serializers.forType(APIGatewayV2CustomAuthorizerEvent.class, loader()), event));
    }

    private static ClassLoader loader() {
        return JodaResponseTest.class.getClassLoader();
    }
}
