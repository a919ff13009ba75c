package example.ops.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Classification of Lambda's error messages, notice parsing and payload splitting: no AWS involved. */
class ClassificationTest {
    @Test
    void classifiesLambdasErrorMessages() {
        assertEquals(FailureClass.TIMEOUT, FailureClass.of(
                "2026-11-27T12:21:59.066Z 56ed5b18-6c6b-4f1c-a5d2 Task timed out after 300.00 seconds"));
        assertEquals(FailureClass.CRASH, FailureClass.of("RequestId: 56ed5b18 Process exited before completing request"));
        assertEquals(FailureClass.CRASH, FailureClass.of("Runtime exited with error: exit status 1"));
        assertEquals(FailureClass.MISCONFIGURATION, FailureClass.of("Cannot find module '/var/task/index'"));
        assertEquals(FailureClass.MISCONFIGURATION, FailureClass.of("Class not found: example.Missing"));
        assertEquals(FailureClass.OTHER, FailureClass.of("TypeError: Cannot read properties of undefined"));
    }

    @Test
    void aNoticeNeedsLambdasThreeAttributes() {
        FailureNotice notice = FailureNotice.of("SQS message m-1", Map.of("RequestID", "r-1", "ErrorCode", "200",
                "ErrorMessage", "Task timed out after 3.00 seconds"), "{}");
        assertEquals(FailureClass.TIMEOUT, notice.failureClass());
        assertEquals("SQS message m-1 is not a Lambda dead-letter notification: it has no ErrorCode message"
                + " attribute (attributes: [RequestID])", assertThrows(IllegalArgumentException.class,
                        () -> FailureNotice.of("SQS message m-1", Map.of("RequestID", "r-1"), "{}")).getMessage());
    }

    @Test
    void splitsAnArrayOrTheOnlyArrayFieldInHalves() {
        PayloadSplitter halves = new PayloadSplitter(0);
        assertEquals(Optional.of(List.of("[1,2,3]", "[4,5]")), halves.split("[1,2,3,4,5]"));
        assertEquals(Optional.of(List.of("{\"batch\":7,\"Records\":[{\"id\":1}]}", "{\"batch\":7,\"Records\":[{\"id\":2}]}")),
                halves.split("{\"batch\":7,\"Records\":[{\"id\":1},{\"id\":2}]}"));
    }

    @Test
    void splitsIntoPiecesOfAGivenSize() {
        assertEquals(Optional.of(List.of("[1,2]", "[3,4]", "[5]")), new PayloadSplitter(2).split("[1,2,3,4,5]"));
        assertEquals(Optional.of(List.of("[1]", "[2]")), new PayloadSplitter(5).split("[1,2]"));
    }

    @Test
    void somePayloadsCannotBeSplit() {
        PayloadSplitter halves = new PayloadSplitter(0);
        assertTrue(halves.split("[1]").isEmpty());
        assertTrue(halves.split("{\"id\":1}").isEmpty());
        assertTrue(halves.split("{\"a\":[1,2],\"b\":[3,4]}").isEmpty());
        assertTrue(halves.split("not json").isEmpty());
        assertEquals("a piece size cannot be negative: -1",
                assertThrows(IllegalArgumentException.class, () -> new PayloadSplitter(-1)).getMessage());
    }
}
