package dev.lambdabridge.emulator;

/** Lambda function ARNs: the one given to the runtime, and function names that callers pass as ARNs. */
final class FunctionArn {
    /** The account the emulator pretends to be, as AWS's runtime interface emulator does. */
    static final String ACCOUNT = "012345678912";

    private FunctionArn() {
    }

    static String of(String region, String functionName) {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + functionName;
    }

    /**
     * The function name in an Invoke API name: a plain name, {@code name:qualifier}, a partial ARN
     * ({@code 123456789012:function:name}) or a full ARN, with or without qualifier.
     */
    static String nameOf(String nameOrArn) {
        String[] parts = nameOrArn.split(":", -1);
        int functionIndex = indexOf(parts, "function");
        if (functionIndex >= 0 && functionIndex + 1 < parts.length) {
            return parts[functionIndex + 1];
        }
        return parts[0];
    }

    /**
     * The qualifier in an Invoke API name ({@code name:qualifier}, or an ARN ending in {@code :qualifier}), or null
     * when it names none.
     */
    static String qualifierOf(String nameOrArn) {
        String[] parts = nameOrArn.split(":", -1);
        int functionIndex = indexOf(parts, "function");
        int qualifierIndex = functionIndex >= 0 ? functionIndex + 2 : 1;
        return qualifierIndex < parts.length ? parts[qualifierIndex] : null;
    }

    /** The region of a full ARN, or the default when the name is not one. */
    static String regionOf(String nameOrArn, String defaultRegion) {
        String[] parts = nameOrArn.split(":", -1);
        return parts.length > 4 && parts[0].equals("arn") && !parts[3].isEmpty() ? parts[3] : defaultRegion;
    }

    private static int indexOf(String[] parts, String wanted) {
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
