package dev.lambdabridge.runtime.crac;

/**
 * A checkpoint/restore hook, as {@code org.crac}'s compatibility layer looks it up by name ({@code <package>.Resource}):
 * org.crac registers a proxy implementing this interface for each {@code org.crac.Resource} the function registers.
 */
public interface Resource {
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
