package example.apps.saml;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import example.apps.http.JsonResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The backend of SAML federation: the browser posts the identity provider's SAML response here
 * ({@code POST /saml}, form field {@code SAMLResponse}); the function reads the role/principal pairs of the
 * assertion's Role attribute ({@link SamlRoles}), takes the one named by the {@code role} form field or query
 * parameter, or else the first, calls STS AssumeRoleWithSAML and answers 200 with the temporary credentials:
 * <pre>
 * {"accessKeyId": "ASIA...", "secretAccessKey": "...", "sessionToken": "...", "expiration": "2026-11-27T16:00:00Z",
 *  "roleArn": "arn:aws:iam::123456789012:role/Developer", "assumedRoleArn": "arn:aws:sts::...:assumed-role/...",
 *  "subject": "ada@example.com", "issuer": "https://idp.example.com/"}
 * </pre>
 * A body without SAMLResponse, non-base64, malformed XML, a DTD (XXE, billion laughs), no role, or a requested role
 * the assertion does not grant: 400 saying which. STS errors: see {@link StsFailures}. The credentials and the
 * assertion are never logged. AssumeRoleWithSAML is not signed, so the function needs no AWS credentials;
 * {@code AWS_ENDPOINT_URL_STS} (read by the SDK) only to send the call elsewhere than STS.
 */
public class SamlFederationHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    /** no-store: the answers carry credentials */
    private static final JsonResponses RESPONSES = new JsonResponses(Map.of("Cache-Control", "no-store"));

    private final StsClient sts;

    /** As Lambda creates it, once per container: one STS client for every request. */
    public SamlFederationHandler() {
        this(StsClient.builder().httpClient(UrlConnectionHttpClient.create()).build());
    }

    SamlFederationHandler(StsClient sts) {
        this.sts = sts;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        RolePair role;
        SamlPost post;
        try {
            post = SamlPost.from(request.getBody(), Boolean.TRUE.equals(request.getIsBase64Encoded()),
                    request.getQueryStringParameters() == null ? null
                            : request.getQueryStringParameters().get(SamlPost.ROLE_FIELD));
            role = SamlRoles.from(post.xml()).choose(post.role());
        } catch (SamlException e) {
            context.getLogger().log("400: " + e.getMessage());
            return RESPONSES.message(400, e.getMessage());
        }
        AssumeRoleWithSamlResponse assumed;
        try {
            assumed = sts.assumeRoleWithSAML(r -> r.roleArn(role.roleArn()).principalArn(role.principalArn())
                    .samlAssertion(post.assertion()));
        } catch (SdkException e) {
            StsFailures failure = StsFailures.of(e);
            context.getLogger().log(failure.status() + ": " + failure.message());
            return RESPONSES.message(failure.status(), failure.message());
        }
        context.getLogger().log("assumed " + role.roleArn() + " for subject " + assumed.subject());
        return RESPONSES.json(200, credentials(role, assumed));
    }

    private static Map<String, Object> credentials(RolePair role, AssumeRoleWithSamlResponse assumed) {
        Credentials credentials = assumed.credentials();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessKeyId", credentials.accessKeyId());
        body.put("secretAccessKey", credentials.secretAccessKey());
        body.put("sessionToken", credentials.sessionToken());
        body.put("expiration", credentials.expiration() == null ? null : credentials.expiration().toString());
        body.put("roleArn", role.roleArn());
        body.put("assumedRoleArn", assumed.assumedRoleUser() == null ? null : assumed.assumedRoleUser().arn());
        body.put("subject", assumed.subject());
        body.put("issuer", assumed.issuer());
        return body;
    }
}
