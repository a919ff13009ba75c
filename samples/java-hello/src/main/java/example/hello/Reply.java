package example.hello;

/** The result of {@link GreetingPojoHandler}. */
public class Reply {
    private String message;
    private String language;
    private String requestId;

    public Reply() {
    }

    public Reply(String message, String language, String requestId) {
        this.message = message;
        this.language = language;
        this.requestId = requestId;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }
}
