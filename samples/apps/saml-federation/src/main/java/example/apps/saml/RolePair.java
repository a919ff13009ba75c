package example.apps.saml;

import java.util.regex.Pattern;

/**
 * One value of the {@code https://aws.amazon.com/SAML/Attributes/Role} attribute: an IAM role ARN and the ARN of
 * the SAML identity provider in IAM, comma-separated, in either order.
 */
public record RolePair(String roleArn, String principalArn) {
    private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern PROVIDER =
            Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:saml-provider/[\\w.-]{1,128}");

    /** The pair in {@code value}, or null when it is not one role ARN and one saml-provider ARN. */
    public static RolePair parse(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length != 2) {
            return null;
        }
        String first = parts[0].strip();
        String second = parts[1].strip();
        if (ROLE.matcher(first).matches() && PROVIDER.matcher(second).matches()) {
            return new RolePair(first, second);
        }
        if (PROVIDER.matcher(first).matches() && ROLE.matcher(second).matches()) {
            return new RolePair(second, first);
        }
        return null;
    }
}
