package example.apps.saml;

/** A SAML response the function cannot use; the message says what was wrong (it becomes the 400's message). */
public final class SamlException extends RuntimeException {
    public SamlException(String message) {
        super(message, null, false, false);
    }
}
