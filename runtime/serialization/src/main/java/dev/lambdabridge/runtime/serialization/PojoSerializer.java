package dev.lambdabridge.runtime.serialization;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Turns the event JSON into a handler's input object and its result into response JSON, for one handler type.
 * Created once at init by {@link Serializers#forType}, then used for every invocation (thread-safe).
 *
 * <p>Failures are thrown as the managed Java runtime throws them, so the error body it becomes is the same:
 * {@code java.lang.RuntimeException} with message {@value Serializers#PARSE_ERROR_MESSAGE} from {@link #fromJson},
 * {@value Serializers#SERIALIZATION_ERROR_MESSAGE} from {@link #toJson}; the original failure is the cause.
 */
public interface PojoSerializer<T> {

    /** Reads one JSON document; does not close {@code json}. */
    T fromJson(InputStream json);

    /** Writes {@code value} (which may be null) as JSON; does not close or flush {@code out}. */
    void toJson(T value, OutputStream out);
}
