package dev.lambdabridge.runtime.serialization;

import com.fasterxml.jackson.databind.introspect.ClassIntrospector;

/**
 * Lets our Jackson write the function's Joda-Time values as AWS's client writes them: as beans, every getter a
 * property ({@code millis}, {@code chronology}, {@code zone}, {@code year}, ...).
 *
 * <p>AWS's aws-lambda-java-serialization shades Jackson 2.15 together with Joda-Time, and the shading renames the
 * class names in Jackson's "Joda type without the Joda module" check to the shaded Joda, so the function's own
 * {@code org.joda.time} classes (those of aws-lambda-java-events, e.g. {@code APIGatewayV2CustomAuthorizerEvent}'s
 * {@code requestContext.time}, where AWS registers no serializer) pass as plain beans. Jackson 2.23 refuses them
 * ("An error occurred during JSON serialization of response") and has no feature to turn the check off; it skips
 * the check for a class that has a mix-in. This resolver gives every {@code org.joda.time} class an empty mix-in,
 * which adds no annotation and so changes nothing else. Joda values that AWS's date modules handle (where its
 * library registers them) keep their serializers: a serializer found first is used before any bean.
 */
final class JodaAsBeans implements ClassIntrospector.MixInResolver {
    static final JodaAsBeans INSTANCE = new JodaAsBeans();

    private static final String JODA_PACKAGE = "org.joda.time.";

    /** The mix-in: no members, no annotations. */
    private abstract static class NoAnnotations {
    }

    private JodaAsBeans() {
    }

    @Override
    public Class<?> findMixInClassFor(Class<?> cls) {
        return cls.getName().startsWith(JODA_PACKAGE) ? NoAnnotations.class : null;
    }

    @Override
    public ClassIntrospector.MixInResolver copy() {
        return this;
    }
}
