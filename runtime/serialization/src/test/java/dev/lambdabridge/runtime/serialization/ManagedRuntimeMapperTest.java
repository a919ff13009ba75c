package dev.lambdabridge.runtime.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Every feature flag of our mapper against AWS's (shaded Jackson 2.15.4), by name: a default that changed in a
 * newer Jackson, or a setting we forgot, fails here. Flags that only our Jackson has are listed on stdout.
 */
class ManagedRuntimeMapperTest {

    private final com.fasterxml.jackson.databind.ObjectMapper ours = ManagedRuntimeMapper.create();
    private final com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.ObjectMapper aws =
            JacksonFactory.getInstance().getMapper();

    @Test
    void mapperFeatures() {
        compare(com.fasterxml.jackson.databind.MapperFeature.values(),
                com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.MapperFeature.class,
                ours::isEnabled, f -> aws.isEnabled(f));
    }

    @Test
    void serializationFeatures() {
        compare(com.fasterxml.jackson.databind.SerializationFeature.values(),
                com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.SerializationFeature.class,
                ours::isEnabled, f -> aws.isEnabled(f));
    }

    @Test
    void deserializationFeatures() {
        compare(com.fasterxml.jackson.databind.DeserializationFeature.values(),
                com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.DeserializationFeature.class,
                ours::isEnabled, f -> aws.isEnabled(f));
    }

    @Test
    void parserAndGeneratorFeatures() {
        compare(com.fasterxml.jackson.core.JsonParser.Feature.values(),
                com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.core.JsonParser.Feature.class,
                f -> ours.getFactory().isEnabled(f), f -> aws.getFactory().isEnabled(f));
        compare(com.fasterxml.jackson.core.JsonGenerator.Feature.values(),
                com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.core.JsonGenerator.Feature.class,
                f -> ours.getFactory().isEnabled(f), f -> aws.getFactory().isEnabled(f));
        compare(com.fasterxml.jackson.core.JsonFactory.Feature.values(),
                com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.core.JsonFactory.Feature.class,
                f -> ours.getFactory().isEnabled(f), f -> aws.getFactory().isEnabled(f));
    }

    @Test
    void inclusionAndLimits() {
        assertEquals(aws.getSerializationConfig().getDefaultPropertyInclusion().getValueInclusion().name(),
                ours.getSerializationConfig().getDefaultPropertyInclusion().getValueInclusion().name());
        assertEquals(aws.getSerializationConfig().getDefaultPropertyInclusion().getContentInclusion().name(),
                ours.getSerializationConfig().getDefaultPropertyInclusion().getContentInclusion().name());
        var awsLimits = aws.getFactory().streamReadConstraints();
        var ourLimits = ours.getFactory().streamReadConstraints();
        assertEquals(awsLimits.getMaxNestingDepth(), ourLimits.getMaxNestingDepth());
        assertEquals(awsLimits.getMaxNumberLength(), ourLimits.getMaxNumberLength());
        System.out.println("string length limit: AWS " + awsLimits.getMaxStringLength() + ", ours " + ourLimits.getMaxStringLength());
    }

    private static <O extends Enum<O>, A extends Enum<A>> void compare(
            O[] ourFeatures, Class<A> awsType, Predicate<O> ourState, Predicate<A> awsState) {
        List<String> mismatches = new ArrayList<>();
        List<String> onlyOurs = new ArrayList<>();
        for (O f : ourFeatures) {
            A a;
            try {
                a = Enum.valueOf(awsType, f.name());
            } catch (IllegalArgumentException e) {
                onlyOurs.add(f.name() + "=" + ourState.test(f));
                continue;
            }
            if (ourState.test(f) != awsState.test(a)) {
                mismatches.add(f.name() + ": AWS " + awsState.test(a) + ", ours " + ourState.test(f));
            }
        }
        if (!onlyOurs.isEmpty()) {
            System.out.println(awsType.getSimpleName() + " flags AWS's Jackson does not have: " + onlyOurs);
        }
        assertEquals(List.of(), mismatches, awsType.getSimpleName());
    }
}
