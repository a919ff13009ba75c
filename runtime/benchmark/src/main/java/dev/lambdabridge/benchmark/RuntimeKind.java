package dev.lambdabridge.benchmark;

/** The runtimes the benchmark puts side by side. */
enum RuntimeKind {
    /** runtime/core's bootstrap. */
    LAMBDA_BRIDGE("ours", "lambda-bridge"),
    /** AWS's runtime interface client, the managed Java runtime's own loop. */
    AWS_RIC("ric", "AWS RIC 2.10.1"),
    /** {@link RawSocketEchoRuntime}: the lower bound. */
    RAW_SOCKET("raw", "raw socket loop");

    final String id;
    final String label;

    RuntimeKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    static RuntimeKind byId(String id) {
        for (RuntimeKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown runtime '" + id + "': use ours, ric or raw");
    }

    /** Whether it hosts a handler; the raw loop only echoes. */
    boolean runs(BenchHandler handler) {
        return this != RAW_SOCKET || handler == BenchHandler.STREAM_ECHO;
    }
}
