package example.apps.cognito;

/** Claims that cannot greet anyone: the HTTP status to answer (401 none, 400 incomplete) and why. */
public final class ClaimsException extends RuntimeException {
    private final int status;

    public ClaimsException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
