package dev.lambdabridge.apigateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real curl process as the HTTP client of the end-to-end tests (bounded: {@code --max-time 30}). */
final class Curl {
    /** What curl got: its exit code, the HTTP status, the response's header block and body. */
    record Reply(int exit, int status, String headers, String body, String stderr) {
        /** The first value of a response header (case-insensitive name), or null. */
        String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    /** A body that arrived in pieces, each with the time it arrived (ms since curl started). */
    record Stream(int exit, String headers, String body, List<Long> arrivalsMs) {
    }

    private Curl() {
    }

    static Reply run(String... args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("curl");
        Path headers = dir.resolve("headers");
        Path body = dir.resolve("body");
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "30", "-D", headers.toString(),
                "-o", body.toString(), "-w", "%{http_code}"));
        command.addAll(List.of(args));
        Process curl = new ProcessBuilder(command).start();
        String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String stderr = new String(curl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = waitFor(curl);
        Reply reply = new Reply(exit, status.isEmpty() ? 0 : Integer.parseInt(status),
                Files.exists(headers) ? Files.readString(headers) : "",
                Files.exists(body) ? Files.readString(body) : "", stderr);
        for (Path file : new Path[] {headers, body, dir}) {
            Files.deleteIfExists(file);
        }
        return reply;
    }

    /** {@code curl -N} (no buffering): the body as it arrives, with the arrival time of each read. */
    static Stream stream(String url) throws IOException, InterruptedException {
        Path headers = Files.createTempFile("curl", ".headers");
        long start = System.nanoTime();
        Process curl = new ProcessBuilder("curl", "-sS", "-N", "--max-time", "30", "-D", headers.toString(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> arrivals = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        byte[] buffer = new byte[65536];
        try (InputStream out = curl.getInputStream()) {
            for (int n; (n = out.read(buffer)) > 0; ) {
                arrivals.add((System.nanoTime() - start) / 1_000_000);
                body.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        }
        int exit = waitFor(curl);
        String head = Files.readString(headers);
        Files.delete(headers);
        return new Stream(exit, head, body.toString(), arrivals);
    }

    private static int waitFor(Process curl) throws InterruptedException {
        if (!curl.waitFor(40, TimeUnit.SECONDS)) {
            curl.destroyForcibly();
            throw new IllegalStateException("curl did not end within 40 s");
        }
        return curl.exitValue();
    }
}
