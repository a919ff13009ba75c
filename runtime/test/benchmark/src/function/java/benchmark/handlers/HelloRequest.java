package benchmark.handlers;

/** The hello event: a bean, as the managed Java runtime's serializer expects. */
public class HelloRequest {
    private String name;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
