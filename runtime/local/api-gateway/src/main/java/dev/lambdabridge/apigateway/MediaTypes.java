package dev.lambdabridge.apigateway;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Content types as API Gateway and function URLs judge them: binary media types, and what counts as text. */
final class MediaTypes {
    private MediaTypes() {
    }

    /** Whether {@code contentType} (its parameters ignored) matches a pattern: a type, {@code image/}+{@code *}, or all. */
    static boolean matchesAny(String contentType, List<String> patterns) {
        if (patterns.isEmpty()) {
            return false;
        }
        String type = essence(contentType);
        for (String pattern : patterns) {
            String p = pattern.toLowerCase(Locale.ROOT).strip();
            if (p.equals("*/*") || p.equals(type) || (p.endsWith("/*") && type.startsWith(p.substring(0, p.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an HTTP API or a function URL passes a body of this content type as text: {@code text/*}, JSON, XML,
     * JavaScript (and their {@code +json}/{@code +xml} forms); with no content type, when the bytes are UTF-8.
     * Everything else (form posts included) reaches the function base64-encoded.
     */
    static boolean isText(String contentType, byte[] body) {
        if (contentType == null || contentType.isBlank()) {
            return isUtf8(body);
        }
        String type = essence(contentType);
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript");
    }

    static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
