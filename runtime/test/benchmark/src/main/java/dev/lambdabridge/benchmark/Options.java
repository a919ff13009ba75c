package dev.lambdabridge.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one options parser of every suite: each suite declares its options ({@link Spec}: name, value, the default
 * of a full run and of a {@code --quick} run, help), this parses a command line against them and prints the usage.
 * The options every suite takes ({@link #COMMON}) come first.
 */
final class Options {
    /**
     * One option: {@code --name VALUE}, or a flag when {@code value} is null.
     *
     * @param full  the default of a full run (null: none)
     * @param quick the default with {@code --quick} (null: as a full run)
     */
    record Spec(String name, String value, String full, String quick, String help) {
        static Spec flag(String name, String help) {
            return new Spec(name, null, null, null, help);
        }

        static Spec of(String name, String value, String full, String quick, String help) {
            return new Spec(name, value, full, quick, help);
        }
    }

    /** Every suite's options. */
    static final List<Spec> COMMON = List.of(
            Spec.flag("quick", "a smoke run: the small counts given below, not a measurement"),
            Spec.of("out", "DIR", null, null, "where the result files go (default runtime/test/benchmark/results)"),
            Spec.of("module", "DIR", null, null, "runtime/test/benchmark (default: where the harness was loaded from)"),
            Spec.of("command", "TEXT", null, null, "the command line the report shows (the wrapper script's)"));

    private final String suite;
    private final Map<String, String> values;

    private Options(String suite, Map<String, String> values) {
        this.suite = suite;
        this.values = values;
    }

    /** Parses {@code args} for {@code suite}, whose own options are {@code specs} (after {@link #COMMON}). */
    static Options parse(String suite, List<Spec> specs, String... args) {
        Map<String, Spec> known = new LinkedHashMap<>();
        for (Spec spec : all(specs)) {
            known.put("--" + spec.name(), spec);
        }
        Map<String, String> given = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            Spec spec = known.get(arg);
            if (arg.equals("-h") || arg.equals("--help")) {
                throw new IllegalArgumentException(usage(suite, specs));
            } else if (spec == null) {
                throw new IllegalArgumentException("unknown option " + arg + " for the " + suite + " suite\n"
                        + usage(suite, specs));
            } else if (spec.value() == null) {
                given.put(spec.name(), "true");
            } else if (rest.isEmpty()) {
                throw new IllegalArgumentException(arg + " needs a value (" + spec.value() + ")\n"
                        + usage(suite, specs));
            } else {
                given.put(spec.name(), rest.removeFirst());
            }
        }
        boolean quick = given.containsKey("quick");
        Map<String, String> values = new LinkedHashMap<>();
        for (Spec spec : all(specs)) {
            String fallback = quick && spec.quick() != null ? spec.quick() : spec.full();
            String value = given.getOrDefault(spec.name(), fallback);
            if (value != null) {
                values.put(spec.name(), value);
            }
        }
        if (!values.containsKey("command")) {
            values.put("command", "Bench " + suite + (args.length == 0 ? "" : " " + String.join(" ", args)));
        }
        return new Options(suite, values);
    }

    private static List<Spec> all(List<Spec> specs) {
        List<Spec> all = new ArrayList<>(COMMON);
        all.addAll(specs);
        return all;
    }

    static String usage(String suite, List<Spec> specs) {
        StringBuilder usage = new StringBuilder("usage: Bench " + suite + " [OPTION...]\n");
        for (Spec spec : all(specs)) {
            String left = "--" + spec.name() + (spec.value() == null ? "" : " " + spec.value());
            String defaults = spec.full() == null ? "" : " (default " + spec.full()
                    + (spec.quick() == null ? "" : "; --quick: " + spec.quick()) + ")";
            usage.append(String.format("  %-18s %s%s%n", left, spec.help(), defaults));
        }
        return usage.toString().stripTrailing();
    }

    String suite() {
        return suite;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String text(String name) {
        return values.get(name);
    }

    /** A whole number of at least {@code min}, or an error naming the option and the value. */
    int number(String name, int min) {
        String text = values.get(name);
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a whole number, got: " + text);
        }
        if (n < min) {
            throw new IllegalArgumentException("--" + name + " must be at least " + min + ", got: " + n);
        }
        return n;
    }

    /** A comma-separated list, trimmed. */
    List<String> list(String name) {
        List<String> items = new ArrayList<>();
        for (String item : values.get(name).split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    /** A path option, absolute; null when not given and without default. */
    Path path(String name) {
        return values.containsKey(name) ? Path.of(values.get(name)).toAbsolutePath().normalize() : null;
    }

    /** runtime/test/benchmark: --module, or where this class was loaded from (target/classes), or ./runtime/test/benchmark. */
    Path moduleDir() {
        if (has("module")) {
            return path("module");
        }
        try {
            Path classes = Path.of(Options.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path module = classes.getParent() == null ? null : classes.getParent().getParent();
            if (module != null && Files.isRegularFile(module.resolve("pom.xml"))) {
                return module.toAbsolutePath().normalize();
            }
        } catch (Exception ignored) {
            // fall through to the working directory
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("runtime/test/benchmark")) ? here.resolve("runtime/test/benchmark") : here;
    }

    /** --out, or the module's results/. */
    Path outDir() {
        return has("out") ? path("out") : moduleDir().resolve("results");
    }

    boolean quick() {
        return flag("quick");
    }
}
