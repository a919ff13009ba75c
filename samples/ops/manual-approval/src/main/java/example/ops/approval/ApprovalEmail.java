package example.ops.approval;

/** The e-mail that asks the manager to approve: a subject, and the same text as plain text and HTML. */
public record ApprovalEmail(String to, String subject, String text, String html) {
    public static ApprovalEmail of(ApprovalRequest request, ApprovalLinks links) {
        String subject = "Your approval is needed for " + request.employeeName();
        String text = "Hi!\n\n" + request.employeeName() + " has been nominated for promotion.\n\n"
                + "To approve, open:\n" + links.approve() + "\n\nTo reject, open:\n" + links.reject() + "\n";
        String html = "<p>Hi!</p><p>" + escape(request.employeeName()) + " has been nominated for promotion.</p>"
                + "<p><a href=\"" + escape(links.approve()) + "\">Approve</a></p>"
                + "<p><a href=\"" + escape(links.reject()) + "\">Reject</a></p>";
        return new ApprovalEmail(request.managerEmailAddress(), subject, text, html);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
