package example.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GreetingPojoHandlerTest {
    private final TestContext context = new TestContext();
    private final GreetingPojoHandler handler = new GreetingPojoHandler();

    @Test
    void greetsInTheLanguageAsked() {
        Reply reply = handler.handleRequest(new Greeting("Grace", "fr"), context);

        assertEquals("Bonjour, Grace !", reply.getMessage());
        assertEquals("fr", reply.getLanguage());
        assertEquals(context.getAwsRequestId(), reply.getRequestId());
    }

    @Test
    void answersInEnglishForAnUnknownLanguageAndSaysSo() {
        Reply reply = handler.handleRequest(new Greeting("Grace", "tlh"), context);

        assertEquals("Hello, Grace!", reply.getMessage());
        assertEquals("en", reply.getLanguage());
        assertEquals("no greeting in language 'tlh', answering in English", context.lines.getFirst());
    }

    @Test
    void greetsTheWorldWhenTheEventIsEmpty() {
        assertEquals("Hello, world!", handler.handleRequest(new Greeting(), context).getMessage());
        assertEquals("Hello, world!", handler.handleRequest(null, context).getMessage());
    }
}
