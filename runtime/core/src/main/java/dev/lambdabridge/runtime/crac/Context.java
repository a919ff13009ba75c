package dev.lambdabridge.runtime.crac;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The registered hooks and the order they run in, as AWS's Java runtime client 2.10.1 runs them: before the
 * snapshot in the reverse order of registration, after the restore in the order of registration. Every hook runs
 * even when an earlier one fails; the failures are then thrown together, as the suppressed exceptions of one
 * {@link CheckpointException} or {@link RestoreException} (a hook's own such exception gives its suppressed ones).
 * Resources are held weakly, as with the client and the JDK's CRaC: org.crac's proxy stays reachable as long as the
 * function keeps its resource.
 */
public final class Context<R extends Resource> {
    private final Map<R, Long> registered = new WeakHashMap<>();
    private long nextOrder;

    Context() {
    }

    public synchronized void register(R resource) {
        registered.put(resource, nextOrder++);
    }

    /** Runs every {@code beforeCheckpoint}, last registered first. */
    public synchronized void runBeforeCheckpoint() throws CheckpointException {
        List<Throwable> failures = new ArrayList<>();
        for (R resource : inOrder(true)) {
            try {
                resource.beforeCheckpoint(this);
            } catch (CheckpointException e) {
                failures.addAll(List.of(e.getSuppressed()));
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            CheckpointException thrown = new CheckpointException(summary("beforeCheckpoint", failures));
            failures.forEach(thrown::addSuppressed);
            throw thrown;
        }
    }

    /** Runs every {@code afterRestore}, first registered first. */
    public synchronized void runAfterRestore() throws RestoreException {
        List<Throwable> failures = new ArrayList<>();
        for (R resource : inOrder(false)) {
            try {
                resource.afterRestore(this);
            } catch (RestoreException e) {
                failures.addAll(List.of(e.getSuppressed()));
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RestoreException thrown = new RestoreException(summary("afterRestore", failures));
            failures.forEach(thrown::addSuppressed);
            throw thrown;
        }
    }

    private List<R> inOrder(boolean reverse) {
        Comparator<Map.Entry<R, Long>> byOrder = Map.Entry.comparingByValue();
        return registered.entrySet().stream()
                .sorted(reverse ? byOrder.reversed() : byOrder)
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * AWS's client throws these exceptions without a message; ours names the failures, so that the error Lambda
     * reports says what went wrong without the suppressed exceptions.
     */
    private static String summary(String phase, List<Throwable> failures) {
        StringBuilder text = new StringBuilder();
        text.append(failures.size()).append(' ').append(phase)
                .append(failures.size() == 1 ? " hook failed: " : " hooks failed: ");
        for (int i = 0; i < failures.size(); i++) {
            Throwable failure = failures.get(i);
            text.append(i == 0 ? "" : "; ").append(failure.getClass().getName());
            if (failure.getMessage() != null) {
                text.append(": ").append(failure.getMessage());
            }
        }
        return text.toString();
    }
}
