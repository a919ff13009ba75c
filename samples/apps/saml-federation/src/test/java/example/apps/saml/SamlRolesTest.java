package example.apps.saml;

import static example.apps.saml.SamlDocuments.AUDITOR;
import static example.apps.saml.SamlDocuments.DEVELOPER;
import static example.apps.saml.SamlDocuments.PROVIDER;
import static example.apps.saml.SamlDocuments.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamlRolesTest {
    private static SamlRoles roles(String xml) {
        return SamlRoles.from(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String refused(String xml) {
        return assertThrows(SamlException.class, () -> roles(xml)).getMessage();
    }

    @Test
    void readsTheRoleAndPrincipal() {
        SamlRoles roles = roles(response(DEVELOPER + "," + PROVIDER));
        assertEquals(List.of(new RolePair(DEVELOPER, PROVIDER)), roles.roles());
        assertEquals(new RolePair(DEVELOPER, PROVIDER), roles.choose(null));
    }

    @Test
    void theOrderInTheValueDoesNotMatterAndSpacesAreTrimmed() {
        assertEquals(List.of(new RolePair(DEVELOPER, PROVIDER)), roles(response(" " + PROVIDER + " , " + DEVELOPER))
                .roles());
    }

    @Test
    void severalRolesTheRequestedOneOrTheFirst() {
        SamlRoles roles = roles(response(DEVELOPER + "," + PROVIDER, PROVIDER + "," + AUDITOR));
        assertEquals(new RolePair(DEVELOPER, PROVIDER), roles.choose(null));
        assertEquals(new RolePair(AUDITOR, PROVIDER), roles.choose(AUDITOR));
        String message = assertThrows(SamlException.class,
                () -> roles.choose("arn:aws:iam::123456789012:role/Admin")).getMessage();
        assertEquals("the requested role 'arn:aws:iam::123456789012:role/Admin' is not granted by the SAML response; "
                + "it grants [" + DEVELOPER + ", " + AUDITOR + "]", message);
    }

    @Test
    void malformedValuesAreSetAsideAndNamedWhenNothingElseIsLeft() {
        SamlRoles roles = roles(response("just-a-role", DEVELOPER + "," + PROVIDER));
        assertEquals(List.of("just-a-role"), roles.rejected());
        String message = refused(response("arn:aws:iam::123456789012:role/A,arn:aws:iam::123456789012:role/B",
                DEVELOPER));
        assertTrue(message.contains("are not 'roleArn,principalArn' pairs") && message.contains(DEVELOPER), message);
    }

    @Test
    void aRolelessAssertionSaysSo() {
        assertEquals("the SAML response grants no role: it has no " + SamlRoles.ROLE_ATTRIBUTE
                + " attribute with a value", refused(response()));
    }

    @Test
    void anEncryptedAssertionIsNamed() {
        String xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<saml:EncryptedAssertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">x"
                + "</saml:EncryptedAssertion></samlp:Response>";
        assertTrue(refused(xml).contains("EncryptedAssertion"));
    }

    @Test
    void anythingButASamlResponseIsRefused() {
        assertEquals("not a SAML 2.0 Response: the root element is {null}html", refused("<html><body/></html>"));
    }

    @Test
    void malformedXmlSaysWhere() {
        String message = refused("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">");
        assertTrue(message.startsWith("the SAML response is not well-formed XML (line 1, column "), message);
        assertTrue(refused("").startsWith("the SAML response is not well-formed XML"));
        assertTrue(refused("\u0000\u0001binary").startsWith("the SAML response is not well-formed XML"));
    }

    @Test
    void xxeReadingALocalFileIsRefusedBeforeAnyEntity() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY passwd SYSTEM "file:///etc/passwd">]>
                <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">&passwd;</samlp:Response>""";
        String message = refused(xxe);
        assertTrue(message.startsWith("the SAML response carries a DTD"), message);
        assertFalse(message.contains("root:"), message);
    }

    @Test
    void billionLaughsIsRefusedAtOnce() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String bomb = dtd + "]><samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&lol9;"
                + "</samlp:Response>";
        String message = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refused(bomb));
        assertTrue(message.startsWith("the SAML response carries a DTD"), message);
    }

    @Test
    void anExternalDtdIsNeverFetched() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String xml = "<?xml version=\"1.0\"?><!DOCTYPE samlp:Response SYSTEM \"http://127.0.0.1:"
                    + trap.getLocalPort() + "/saml.dtd\"><samlp:Response "
                    + "xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>";
            assertTrue(refused(xml).startsWith("the SAML response carries a DTD"));
            trap.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, trap::accept, "the parser connected to fetch the DTD");
        }
    }

    @Test
    void aDtdInUtf16IsRefusedToo() {
        String xxe = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&x;</samlp:Response>";
        String message = assertThrows(SamlException.class,
                () -> SamlRoles.from(xxe.getBytes(StandardCharsets.UTF_16))).getMessage();
        assertTrue(message.startsWith("the SAML response carries a DTD"), message);
    }

    @Test
    void deepNestingAndAttributeFloodsHitTheParsersLimits() {
        String deep = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">" + "<x>".repeat(100_000)
                + "</x>".repeat(100_000) + "</samlp:Response>";
        String message = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refused(deep));
        assertTrue(message.startsWith("the SAML response exceeds the XML parser's limits (line 1): JAXP"), message);
        StringBuilder attributes = new StringBuilder("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"");
        for (int i = 0; i < 1000; i++) {
            attributes.append(" a").append(i).append("=\"x\"");
        }
        assertTrue(refused(attributes + "/>").startsWith("the SAML response exceeds the XML parser's limits"));
    }

    @Test
    void xincludeIsNotFollowed() {
        String xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:xi=\"http://www.w3.org/2001/XInclude\"><saml:Assertion "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:AttributeStatement><saml:Attribute Name=\""
                + SamlRoles.ROLE_ATTRIBUTE + "\"><saml:AttributeValue><xi:include href=\"file:///etc/passwd\" "
                + "parse=\"text\"/></saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion>"
                + "</samlp:Response>";
        // the include stays an empty element: the value is empty, so no role, and nothing of the file appears
        String message = refused(xml);
        assertTrue(message.contains("are not 'roleArn,principalArn' pairs"), message);
        assertFalse(message.contains("root:"), message);
    }
}
