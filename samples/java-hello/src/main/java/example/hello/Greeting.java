package example.hello;

/** The event of {@link GreetingPojoHandler}: a JavaBean, as the managed runtime's JSON mapping expects. */
public class Greeting {
    private String name;
    private String language;

    public Greeting() {
    }

    public Greeting(String name, String language) {
        this.name = name;
        this.language = language;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** {@code en}, {@code fr}, {@code de} or {@code es}; anything else is answered in English. */
    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}
