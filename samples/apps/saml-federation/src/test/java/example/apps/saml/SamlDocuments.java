package example.apps.saml;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** SAML 2.0 Responses as an identity provider sends them (unsigned here: STS, not this function, checks signatures). */
final class SamlDocuments {
    static final String DEVELOPER = "arn:aws:iam::123456789012:role/Developer";
    static final String AUDITOR = "arn:aws:iam::123456789012:role/Auditor";
    static final String PROVIDER = "arn:aws:iam::123456789012:saml-provider/ExampleIdP";

    private SamlDocuments() {
    }

    /** A Response whose assertion has the Role attribute with these values (none: no Role attribute). */
    static String response(String... roleValues) {
        StringBuilder values = new StringBuilder();
        for (String value : roleValues) {
            values.append("<saml:AttributeValue xsi:type=\"xs:string\">").append(value)
                    .append("</saml:AttributeValue>");
        }
        String roleAttribute = roleValues.length == 0 ? "" : "<saml:Attribute Name=\"" + SamlRoles.ROLE_ATTRIBUTE
                + "\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:uri\">" + values + "</saml:Attribute>";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r1" Version="2.0"
                    IssueInstant="2026-11-27T14:30:00Z" Destination="https://signin.aws.amazon.com/saml">
                  <saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">https://idp.example.com/</saml:Issuer>
                  <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
                  <saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"
                      xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                      ID="_a1" Version="2.0" IssueInstant="2026-11-27T14:30:00Z">
                    <saml:Issuer>https://idp.example.com/</saml:Issuer>
                    <saml:Subject>
                      <saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">ada@example.com</saml:NameID>
                    </saml:Subject>
                    <saml:AttributeStatement>
                      <saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName">
                        <saml:AttributeValue>ada@example.com</saml:AttributeValue>
                      </saml:Attribute>
                      %s
                    </saml:AttributeStatement>
                  </saml:Assertion>
                </samlp:Response>
                """.formatted(roleAttribute);
    }

    static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The browser's form body: {@code SAMLResponse=<base64, URL-encoded>&RelayState=...}. */
    static String form(String xml) {
        return "SAMLResponse=" + URLEncoder.encode(base64(xml), StandardCharsets.UTF_8) + "&RelayState=console";
    }
}
