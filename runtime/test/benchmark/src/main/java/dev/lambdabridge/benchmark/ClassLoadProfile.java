package dev.lambdabridge.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@code -Xlog:class+load,startuptime} file of one cold start into a {@link Results.Profile}. */
final class ClassLoadProfile {
    private static final Pattern UPTIME = Pattern.compile("^\\[(\\d+(?:\\.\\d+)?)s]");
    private static final Pattern CREATE_VM = Pattern.compile("\\[startuptime\\s*] Create VM, (\\d+(?:\\.\\d+)?) secs");
    private static final int TOP = 6;

    private ClassLoadProfile() {
    }

    /** The JVM option that writes the log this class reads. */
    static String option(Path file) {
        return "-Xlog:class+load=info,startuptime=info:file=" + file + ":uptime,tags";
    }

    static Results.Profile read(RuntimeKind kind, BenchHandler handler, Path file) throws IOException {
        return parse(kind, handler, Files.readAllLines(file));
    }

    static Results.Profile parse(RuntimeKind kind, BenchHandler handler, List<String> lines) {
        int classes = 0;
        int cds = 0;
        int appFromCache = 0;
        int jdk = 0;
        int app = 0;
        int generated = 0;
        double createVmMs = Double.NaN;
        double lastLoadMs = Double.NaN;
        Map<String, Integer> sources = new HashMap<>();
        for (String line : lines) {
            Matcher createVm = CREATE_VM.matcher(line);
            if (createVm.find()) {
                createVmMs = Double.parseDouble(createVm.group(1)) * 1000;
                continue;
            }
            if (!line.contains("[class,load")) {
                continue;
            }
            classes++;
            Matcher uptime = UPTIME.matcher(line);
            if (uptime.find()) {
                lastLoadMs = Double.parseDouble(uptime.group(1)) * 1000;
            }
            int at = line.indexOf(" source: ");
            String source = at < 0 ? "" : line.substring(at + 9).trim();
            if (source.startsWith("shared objects file")) {
                cds++;
                if (!isJdkClass(line)) {
                    appFromCache++;
                }
            } else if (source.startsWith("jrt:/")) {
                jdk++;
            } else if (source.startsWith("file:") || source.startsWith("jar:") || source.startsWith("/")) {
                app++;
                sources.merge(shortName(source), 1, Integer::sum);
            } else {
                generated++;
            }
        }
        List<Map.Entry<String, Integer>> top = sources.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(entry -> Map.entry(entry.getKey(), entry.getValue())).toList();
        return new Results.Profile(kind, handler, classes, cds, appFromCache, jdk, app, generated, createVmMs, lastLoadMs,
                top);
    }

    private static final Pattern CLASS_NAME = Pattern.compile("\\[class,load\\s*] (\\S+) source:");
    private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.w3c.", "org.xml.", "org.ietf.", "org.jcp.");

    /** Whether the class of a class+load line is the JDK's own. */
    static boolean isJdkClass(String line) {
        Matcher name = CLASS_NAME.matcher(line);
        if (!name.find()) {
            return true;
        }
        String className = name.group(1);
        return JDK_PACKAGES.stream().anyMatch(className::startsWith);
    }

    /** A jar's file name, or a directory's last element followed by '/'. */
    static String shortName(String source) {
        String path = source.replaceFirst("^jar:", "").replaceFirst("^file:", "").replaceFirst("!/.*$", "");
        boolean dir = path.endsWith("/");
        String trimmed = dir ? path.substring(0, path.length() - 1) : path;
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return dir ? name + "/" : name;
    }
}
