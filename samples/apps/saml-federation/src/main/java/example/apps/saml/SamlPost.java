package example.apps.saml;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The browser's POST from the identity provider (HTTP-POST binding): an {@code application/x-www-form-urlencoded}
 * body with the base64 {@code SAMLResponse} (and usually {@code RelayState}, unused here), plus the optional
 * {@code role} field or query parameter naming the role ARN to assume.
 *
 * @param assertion the base64 SAML response as STS takes it (line breaks removed)
 * @param xml       the decoded SAML response
 * @param role      the requested role ARN, or null for the first granted
 */
public record SamlPost(String assertion, byte[] xml, String role) {
    public static final String FIELD = "SAMLResponse";
    public static final String ROLE_FIELD = "role";
    /** STS's limit on AssumeRoleWithSAML's SAMLAssertion, in characters of base64. */
    static final int MAX_ASSERTION_CHARS = 100_000;

    /**
     * @param body          the request body (form-encoded text, or base64 of it when {@code base64Encoded})
     * @param queryRole     the {@code role} query parameter, or null
     * @throws SamlException naming what is missing or malformed
     */
    public static SamlPost from(String body, boolean base64Encoded, String queryRole) {
        if (body == null || body.isBlank()) {
            throw new SamlException("the request has no body: POST the identity provider's form (" + FIELD + "=...)");
        }
        String form = base64Encoded ? new String(decode(body, "the request body"), StandardCharsets.UTF_8) : body;
        Map<String, String> fields = formFields(form);
        String encoded = fields.get(FIELD);
        if (encoded == null || encoded.isBlank()) {
            throw new SamlException("the body has no " + FIELD + " field (fields: " + fields.keySet().stream().sorted()
                    .toList() + "); expected the identity provider's application/x-www-form-urlencoded POST");
        }
        // a '+' the sender did not escape arrives as a space; IdPs wrap base64 at 64 or 76 characters
        String assertion = encoded.replace(' ', '+').replaceAll("[\\r\\n\\t]", "");
        if (assertion.length() > MAX_ASSERTION_CHARS) {
            throw new SamlException(FIELD + " is " + assertion.length() + " characters long; STS accepts at most "
                    + MAX_ASSERTION_CHARS);
        }
        String role = fields.getOrDefault(ROLE_FIELD, queryRole);
        return new SamlPost(assertion, decode(assertion, FIELD), role == null || role.isBlank() ? null : role.strip());
    }

    private static Map<String, String> formFields(String form) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                fields.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new SamlException("the body is not application/x-www-form-urlencoded: field '"
                        + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "': " + e.getMessage());
            }
        }
        return fields;
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SamlException(what + " is not valid base64: " + e.getMessage());
        }
    }
}
