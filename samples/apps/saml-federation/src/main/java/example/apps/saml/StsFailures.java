package example.apps.saml;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * What the browser is told when AssumeRoleWithSAML fails (after the SDK's retries): STS refusing the assertion
 * (expired, not signed by the provider, role not trusting it...) is a 403 with STS's code and message; throttling
 * is a 429; STS failing or unreachable is a 502.
 */
record StsFailures(int status, String message) {

    static StsFailures of(SdkException e) {
        if (e instanceof StsException sts && sts.awsErrorDetails() != null) {
            String code = sts.awsErrorDetails().errorCode();
            String detail = code + ": " + sts.awsErrorDetails().errorMessage();
            if (sts.isThrottlingException()) {
                return new StsFailures(429, "STS is throttling AssumeRoleWithSAML (" + detail + "); try again shortly");
            }
            if (sts.statusCode() >= 500) {
                return new StsFailures(502, "STS failed (" + sts.statusCode() + " " + detail + ")");
            }
            return new StsFailures(403, "STS refused the SAML assertion: " + detail);
        }
        String kind = e instanceof SdkClientException ? "could not reach STS" : "STS call failed";
        return new StsFailures(502, kind + ": " + e.getMessage());
    }
}
