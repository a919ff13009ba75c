package dev.lambdabridge.features;

import dev.lambdabridge.api.NotThreadSafe;

/** Test handler: {@link TraceHandler}, declared not thread-safe. */
@NotThreadSafe
public class SerialTraceHandler extends TraceHandler {
}
