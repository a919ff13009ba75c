package example.apps.saml;

import static example.apps.saml.SamlDocuments.AUDITOR;
import static example.apps.saml.SamlDocuments.DEVELOPER;
import static example.apps.saml.SamlDocuments.PROVIDER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SamlPostTest {
    private static final String XML = SamlDocuments.response(DEVELOPER + "," + PROVIDER);

    private static String refused(String body, boolean base64) {
        return assertThrows(SamlException.class, () -> SamlPost.from(body, base64, null)).getMessage();
    }

    @Test
    void theFormFieldIsDecoded() {
        SamlPost post = SamlPost.from(SamlDocuments.form(XML), false, null);
        assertEquals(SamlDocuments.base64(XML), post.assertion());
        assertArrayEquals(XML.getBytes(StandardCharsets.UTF_8), post.xml());
        assertNull(post.role());
    }

    @Test
    void unescapedPlusSignsAndWrappedLinesAreToleratedAsBrowsersAndIdpsSendThem() {
        String base64 = Base64.getMimeEncoder().encodeToString(("<x>" + "?".repeat(200) + "</x>")
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(base64.contains("\r\n"));
        String raw = "SAMLResponse=" + base64.replace("+", " ").replace("/", "%2F").replace("=", "%3D");
        assertArrayEquals(Base64.getMimeDecoder().decode(base64), SamlPost.from(raw, false, null).xml());
    }

    @Test
    void aBase64EncodedBodyAndTheRoleFieldOrQueryParameter() {
        String body = Base64.getEncoder().encodeToString((SamlDocuments.form(XML) + "&role=" + AUDITOR)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(AUDITOR, SamlPost.from(body, true, null).role());
        assertEquals(DEVELOPER, SamlPost.from(SamlDocuments.form(XML), false, DEVELOPER).role());
    }

    @Test
    void missingBodyOrFieldSaysWhatIsExpected() {
        assertTrue(refused(null, false).startsWith("the request has no body"));
        assertEquals("the body has no SAMLResponse field (fields: [RelayState, foo]); expected the identity "
                + "provider's application/x-www-form-urlencoded POST", refused("foo=1&RelayState=x", false));
        assertTrue(refused("{\"SAMLResponse\": \"PHg+\"}", false).startsWith("the body has no SAMLResponse field"));
    }

    @Test
    void nonBase64IsNamed() {
        String message = refused("SAMLResponse=this*is*not*base64", false);
        assertTrue(message.startsWith("SAMLResponse is not valid base64: "), message);
        assertTrue(refused("not base64 at all!", true).startsWith("the request body is not valid base64"));
    }

    @Test
    void badPercentEscapesAndOversizedAssertionsAreRefused() {
        assertTrue(refused("SAMLResponse=%zz", false).startsWith("the body is not application/x-www-form-urlencoded"));
        String message = refused("SAMLResponse=" + "A".repeat(100_004), false);
        assertEquals("SAMLResponse is 100004 characters long; STS accepts at most 100000", message);
    }
}
