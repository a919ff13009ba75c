package example.apps.saml;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing (Jazzer) of the SAML attribute extraction ({@link SamlRoles#from}): whatever bytes arrive, the result
 * is role pairs (each a role ARN and a saml-provider ARN) or a {@link SamlException} with a message, within 5 s;
 * any document with a DOCTYPE (entity definitions, external DTDs, billion laughs) is refused as a DTD: each input
 * gets each of five DOCTYPEs spliced in, after its XML declaration and first.
 *
 * <p>Every test run replays the seeds in src/test/resources/example/apps/saml/SamlFuzzTestInputs (SAML responses,
 * shared by both targets: seven documents, so 70 DOCTYPE combinations); a fuzzing run is {@code JAZZER_FUZZ=1
 * mvn test -pl samples/apps/saml-federation -Dtest='SamlFuzzTest#METHOD' -Djazzer.max_duration=2m}
 * (runtime/test/reliability/README.md, "Fuzzing").
 */
class SamlFuzzTest {
    private static final String[] DOCTYPES = {
        "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
        "<!DOCTYPE r SYSTEM \"http://127.0.0.1:1/evil.dtd\">",
        "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/p\"> %p;]>",
        "<!DOCTYPE samlp:Response>",
    };
    private static ExecutorService parser;

    @BeforeAll
    static void start() {
        parser = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stop() {
        parser.shutdownNow();
    }

    @FuzzTest
    @DictionaryEntries({"<", ">", "</", "/>", "&", "&amp;", "&#x0;", "&lt;", "\"", "'", "=", "<!--", "-->",
        "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>", "xmlns:saml=\"urn:x\"", ",", " ", "\u0000",
        "<saml:AttributeValue>", "</saml:AttributeValue>", "arn:aws:iam::123456789012:role/R",
        ",arn:aws:iam::123456789012:saml-provider/P", "&xxe;", "\uFEFF", "encoding=\"UTF-16\"", "<!DOCTYPE"})
    void anyInputIsRolePairsOrASamlException(byte[] xml) throws Exception {
        SamlRoles roles;
        try {
            roles = parse(xml);
        } catch (SamlException refused) {
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
            return;
        }
        assertFalse(roles.roles().isEmpty(), "SamlRoles without a role");
        for (RolePair pair : roles.roles()) {
            assertTrue(pair.roleArn().contains(":role/") && pair.principalArn().contains(":saml-provider/"),
                    pair.toString());
        }
    }

    @FuzzTest
    @DictionaryEntries({"<", ">", "</", "/>", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>",
        "encoding=\"UTF-8\"", "\uFEFF", "<saml:AttributeValue>"})
    void aDoctypeAnywhereBeforeTheRootIsRefused(byte[] document) throws Exception {
        String body = new String(document, StandardCharsets.UTF_8).strip();
        for (String doctype : DOCTYPES) {
            for (boolean afterDeclaration : new boolean[] {true, false}) {
                // after the XML declaration (well-formed, a DTD), or first (before the declaration: malformed)
                int at = afterDeclaration && body.startsWith("<?xml") && body.contains("?>")
                        ? body.indexOf("?>") + 2 : 0;
                byte[] xml = (body.substring(0, at) + doctype + body.substring(at)).getBytes(StandardCharsets.UTF_8);
                try {
                    parse(xml);
                } catch (SamlException refused) {
                    assertTrue(refused.getMessage().contains("DTD") || refused.getMessage().contains("not well-formed"),
                            refused.getMessage());
                    continue;
                }
                throw new AssertionError("accepted a document with a DOCTYPE: " + new String(xml, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void anUnknownEncodingOrBytesNotInTheDeclaredOneAreASamlException() {
        String known = SamlDocuments.response(SamlDocuments.DEVELOPER + "," + SamlDocuments.PROVIDER);
        SamlException unknown = assertThrows(SamlException.class, () -> SamlRoles.from(
                known.replace("encoding=\"UTF-8\"", "encoding=\"UT-8\"").getBytes(StandardCharsets.UTF_8)));
        assertTrue(unknown.getMessage().contains("UT-8"), unknown.getMessage());
        byte[] notUtf8 = known.replace("ada@example.com", "ada\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        SamlException lying = assertThrows(SamlException.class, () -> SamlRoles.from(notUtf8));
        assertTrue(lying.getMessage().startsWith("the SAML response"), lying.getMessage());
    }

    private static SamlRoles parse(byte[] xml) throws Exception {
        Future<SamlRoles> result = parser.submit(() -> SamlRoles.from(xml));
        try {
            return result.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SamlException refused) {
                throw refused;
            }
            throw new AssertionError("SamlRoles.from threw " + e.getCause() + " for "
                    + new String(xml, StandardCharsets.UTF_8), e.getCause());
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new AssertionError("no result within 5 s for " + new String(xml, StandardCharsets.UTF_8), e);
        }
    }
}
