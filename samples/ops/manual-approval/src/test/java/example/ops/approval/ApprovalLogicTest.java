package example.ops.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pure parts: task input parsing, link building, the e-mail text. */
class ApprovalLogicTest {
    private static final String TOKEN = "AAAAKgAAAAIAAAAA+/token=with/odd&chars==";

    @Test
    void linksCarryTheUrlEncodedToken() {
        ApprovalLinks links = ApprovalLinks.of("https://abc.execute-api.us-east-1.amazonaws.com/prod/", TOKEN);
        String encoded = "AAAAKgAAAAIAAAAA%2B%2Ftoken%3Dwith%2Fodd%26chars%3D%3D";
        assertEquals("https://abc.execute-api.us-east-1.amazonaws.com/prod/succeed?taskToken=" + encoded,
                links.approve());
        assertEquals("https://abc.execute-api.us-east-1.amazonaws.com/prod/fail?taskToken=" + encoded, links.reject());
    }

    @Test
    void taskInputGivesManagerAndEmployee() {
        ApprovalRequest request = ApprovalRequest.fromTaskInput(
                "{\"managerEmailAddress\": \"boss@example.com\", \"employeeName\": \"Ada\", \"other\": 1}");
        assertEquals(new ApprovalRequest("boss@example.com", "Ada"), request);
    }

    @Test
    void badTaskInputNamesWhatIsWrong() {
        assertEquals("the task input has no managerEmailAddress (a non-empty string): {\"employeeName\":\"Ada\"}",
                assertThrows(IllegalArgumentException.class,
                        () -> ApprovalRequest.fromTaskInput("{\"employeeName\":\"Ada\"}")).getMessage());
        assertEquals("managerEmailAddress is not an e-mail address: \"boss\"",
                assertThrows(IllegalArgumentException.class, () -> ApprovalRequest.fromTaskInput(
                        "{\"managerEmailAddress\":\"boss\",\"employeeName\":\"Ada\"}")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApprovalRequest.fromTaskInput("{oops"))
                .getMessage().startsWith("the task input is not JSON: {oops"));
        assertEquals("the task input is not a JSON object: [1]",
                assertThrows(IllegalArgumentException.class, () -> ApprovalRequest.fromTaskInput("[1]")).getMessage());
    }

    @Test
    void emailHoldsBothLinksAndEscapesTheName() {
        ApprovalLinks links = ApprovalLinks.of("https://api.example.com", TOKEN);
        ApprovalEmail email = ApprovalEmail.of(new ApprovalRequest("boss@example.com", "Ada <script>"), links);
        assertEquals("boss@example.com", email.to());
        assertEquals("Your approval is needed for Ada <script>", email.subject());
        assertTrue(email.text().contains(links.approve()) && email.text().contains(links.reject()), email.text());
        assertTrue(email.html().contains("<a href=\"" + links.approve() + "\">Approve</a>"), email.html());
        assertTrue(email.html().contains("Ada &lt;script&gt;"), email.html());
        assertFalse(email.html().contains("<script>"), email.html());
    }
}
