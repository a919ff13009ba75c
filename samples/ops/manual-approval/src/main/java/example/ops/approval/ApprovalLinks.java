package example.ops.approval;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The approve and reject links of an approval e-mail: {@code <api>/succeed?taskToken=...} and
 * {@code <api>/fail?taskToken=...}, the task token URL-encoded (tokens hold {@code +}, {@code /} and {@code =}).
 */
public record ApprovalLinks(String approve, String reject) {
    public static ApprovalLinks of(String apiBaseUrl, String taskToken) {
        String base = apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
        String query = "?taskToken=" + URLEncoder.encode(taskToken, StandardCharsets.UTF_8);
        return new ApprovalLinks(base + "/succeed" + query, base + "/fail" + query);
    }
}
