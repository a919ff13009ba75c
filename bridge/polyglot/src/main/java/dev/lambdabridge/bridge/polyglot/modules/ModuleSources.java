package dev.lambdabridge.bridge.polyglot.modules;

import java.nio.charset.StandardCharsets;

/** Edits of a module's source text that keep its line numbers: a prologue on its first line (after a #! line). */
final class ModuleSources {
    private ModuleSources() {
    }

    static byte[] withPrologue(String prologue, byte[] source) {
        String text = new String(source, StandardCharsets.UTF_8);
        return withPrologue(prologue, text).getBytes(StandardCharsets.UTF_8);
    }

    static String withPrologue(String prologue, String text) {
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        if (text.startsWith("#!", start)) {
            int newline = text.indexOf('\n', start);
            return newline < 0 ? text : text.substring(0, newline + 1) + prologue + text.substring(newline + 1);
        }
        return text.substring(0, start) + prologue + text.substring(start);
    }
}
