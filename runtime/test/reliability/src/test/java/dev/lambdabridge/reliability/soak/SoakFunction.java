package dev.lambdabridge.reliability.soak;

import dev.lambdabridge.emulator.FunctionConfig;
import java.util.List;
import java.util.Random;

/**
 * A function of the soak: its emulator configuration, its share of the invocations, its fault mix, and what
 * must hold of its runtime process over the run.
 *
 * @param share          relative share of the run's invocations (process-per-invocation functions get less:
 *                       each costs 5-70 ms)
 * @param survives       whether one runtime process must serve the whole run (no fault in the mix ends it), so
 *                       that its threads, descriptors and RSS can be compared from start to end
 * @param maxDescendants processes the runtime may have between invocations: 1 for a worker, else 0
 */
record SoakFunction(FunctionConfig config, String language, int share, boolean survives, int maxDescendants,
                    List<Fault> faults) {

    SoakFunction {
        faults = List.copyOf(faults);
    }

    String name() {
        return config.name();
    }

    /** A fault drawn from the mix by weight. */
    Fault draw(Random random) {
        int total = faults.stream().mapToInt(Fault::weight).sum();
        int pick = random.nextInt(total);
        for (Fault fault : faults) {
            pick -= fault.weight();
            if (pick < 0) {
                return fault;
            }
        }
        throw new IllegalStateException("unreachable: weights of " + name());
    }
}
