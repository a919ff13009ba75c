package dev.lambdabridge.runtime.crac;

/**
 * The global context that {@code org.crac.Core} reaches when the system property {@code org.crac.Core.Compat} names
 * this package (the runtime sets it in SnapStart mode): org.crac finds {@code Core.getGlobalContext()},
 * {@code Core.checkpointRestore()}, {@code Context.register(Resource)} and the two exceptions here by reflection.
 */
public final class Core {
    private static final Context<Resource> GLOBAL = new Context<>();

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /** Lambda takes the snapshot, not the function: as under AWS's runtime, a function cannot ask for one. */
    public static void checkpointRestore() {
        throw new UnsupportedOperationException("Lambda takes the SnapStart snapshot itself; a function cannot "
                + "request a checkpoint");
    }
}
