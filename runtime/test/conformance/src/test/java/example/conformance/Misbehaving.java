package example.conformance;

import java.util.Map;

/**
 * One handler that misbehaves as the event says ({@code {"do": "exit" | "sleep" | "huge" | "throw"}}) and answers
 * normally otherwise, so a test can show that the invocation after each fault succeeds.
 */
public class Misbehaving {
    public String handle(Map<String, Object> event) throws InterruptedException {
        Object action = event.get("do");
        if ("exit".equals(action)) {
            System.exit(7);
        } else if ("sleep".equals(action)) {
            Thread.sleep(60_000);
        } else if ("huge".equals(action)) {
            return "x".repeat(7 * 1024 * 1024);
        } else if ("throw".equals(action)) {
            throw new IllegalStateException("asked to throw");
        }
        return "ok " + ProcessHandle.current().pid();
    }
}
