package dev.lambdabridge.bridge.polyglot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the run was measured on: cores, CPU, load, the JDK, Node.js and Ruby versions. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(Runtime.getRuntime().availableProcessors() + " cores");
        parts.add(cpu());
        parts.add("load " + load());
        parts.add("JDK " + System.getProperty("java.vm.version"));
        parts.add(version("node", "--version"));
        parts.add(version("ruby", "--version").replaceAll(" \\(.*", ""));
        return String.join(", ", parts);
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // below
        }
        return "CPU unknown";
    }

    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String version(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor();
            return command[0] + " " + out;
        } catch (IOException | InterruptedException e) {
            return command[0] + " missing";
        }
    }
}
