package example.apps.saml;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * STS on WireMock: no STS emulator can be installed here, so its query protocol ({@code POST /}, form body with
 * {@code Action=AssumeRoleWithSAML&Version=2011-06-15&...}) is answered with XML in the shape STS sends
 * (AssumeRoleWithSAMLResponse; ErrorResponse with Type/Code/Message for errors).
 */
final class StsStubs {
    static final String ACCESS_KEY = "ASIAV3ZUEFP6EXAMPLE";
    static final String SECRET_KEY = "8P+SQvWIuLnKhh8d++jpw0nNmQRBZvNEXAMPLEKEY";
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEOz////////////////////wEXAMPLEtMSJHMEUCIDoKK3JH9uG";

    private StsStubs() {
    }

    static MappingBuilder assumeRoleWithSaml() {
        return post(urlEqualTo("/")).withFormParam("Action", equalTo("AssumeRoleWithSAML"));
    }

    static ResponseDefinitionBuilder credentials(String roleArn) {
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withHeader("x-amzn-RequestId", "c6104cbe-af31-11e0-8154-cbc7ccf896c7").withBody("""
                        <AssumeRoleWithSAMLResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <AssumeRoleWithSAMLResult>
                            <Audience>https://signin.aws.amazon.com/saml</Audience>
                            <AssumedRoleUser>
                              <AssumedRoleId>AROAV3ZUEFP6EXAMPLE:ada@example.com</AssumedRoleId>
                              <Arn>arn:aws:sts::123456789012:assumed-role/%s/ada@example.com</Arn>
                            </AssumedRoleUser>
                            <Credentials>
                              <AccessKeyId>%s</AccessKeyId>
                              <SecretAccessKey>%s</SecretAccessKey>
                              <SessionToken>%s</SessionToken>
                              <Expiration>2026-11-27T16:00:00Z</Expiration>
                            </Credentials>
                            <Issuer>https://idp.example.com/</Issuer>
                            <NameQualifier>SbdGOnUkh1i4+EXAMPLExL/jEvs=</NameQualifier>
                            <PackedPolicySize>6</PackedPolicySize>
                            <Subject>ada@example.com</Subject>
                            <SubjectType>persistent</SubjectType>
                          </AssumeRoleWithSAMLResult>
                          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
                        </AssumeRoleWithSAMLResponse>
                        """.formatted(roleName, ACCESS_KEY, SECRET_KEY, SESSION_TOKEN));
    }

    static ResponseDefinitionBuilder error(int status, String type, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody("""
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <Error><Type>%s</Type><Code>%s</Code><Message>%s</Message></Error>
                  <RequestId>4b1d2c3e-0000-4000-8000-000000000001</RequestId>
                </ErrorResponse>
                """.formatted(type, code, message));
    }

    /** Every AssumeRoleWithSAML request WireMock received. */
    static List<LoggedRequest> received(WireMockServer sts) {
        return sts.findAll(postRequestedFor(urlEqualTo("/")).withFormParam("Action", equalTo("AssumeRoleWithSAML")));
    }
}
