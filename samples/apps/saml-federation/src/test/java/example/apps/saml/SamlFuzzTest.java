package example.apps.saml;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing of the SAML attribute extraction ({@link SamlRoles#from}): whatever bytes arrive, the result is role
 * pairs (each a role ARN and a saml-provider ARN) or a {@link SamlException} with a message, within 5 s; any
 * document with a DOCTYPE (entity definitions, external DTDs, billion laughs) is refused as a DTD. Inputs: SAML
 * responses from src/test/resources/fuzz/saml and {@link SamlDocuments}, mutated (cut, repeated, tags and entity
 * syntax inserted), and the same with a DOCTYPE spliced in.
 */
class SamlFuzzTest {
    private static final String[] TOKENS = {"<", ">", "</", "/>", "&", "&amp;", "&#x0;", "&lt;", "\"", "'", "=",
        "<!--", "-->", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>", "xmlns:saml=\"urn:x\"", ",", " ", "\u0000",
        "<saml:AttributeValue>", "</saml:AttributeValue>", "arn:aws:iam::123456789012:role/R",
        ",arn:aws:iam::123456789012:saml-provider/P", "&xxe;", "\uFEFF", "\uD800"};
    private static final String[] DOCTYPES = {
        "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
        "<!DOCTYPE r SYSTEM \"http://127.0.0.1:1/evil.dtd\">",
        "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/p\"> %p;]>",
        "<!DOCTYPE samlp:Response>",
    };
    private static ExecutorService parser;

    @BeforeContainer
    static void start() {
        parser = Executors.newSingleThreadExecutor();
    }

    @AfterContainer
    static void stop() {
        parser.shutdownNow();
    }

    @Property
    void anyInputIsRolePairsOrASamlException(@ForAll("responses") byte[] xml) throws Exception {
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

    @Property
    void aDoctypeAnywhereBeforeTheRootIsRefused(@ForAll("withDoctype") byte[] xml) throws Exception {
        try {
            parse(xml);
        } catch (SamlException refused) {
            assertTrue(refused.getMessage().contains("DTD") || refused.getMessage().contains("not well-formed"),
                    refused.getMessage());
            return;
        }
        throw new AssertionError("accepted a document with a DOCTYPE: " + new String(xml, StandardCharsets.UTF_8));
    }

    @net.jqwik.api.Example
    void anUnknownEncodingOrBytesNotInTheDeclaredOneAreASamlException() {
        String known = SamlDocuments.response(SamlDocuments.DEVELOPER + "," + SamlDocuments.PROVIDER);
        SamlException unknown = org.junit.jupiter.api.Assertions.assertThrows(SamlException.class, () -> SamlRoles.from(
                known.replace("encoding=\"UTF-8\"", "encoding=\"UT-8\"").getBytes(StandardCharsets.UTF_8)));
        assertTrue(unknown.getMessage().contains("UT-8"), unknown.getMessage());
        byte[] notUtf8 = known.replace("ada@example.com", "ada\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        SamlException lying = org.junit.jupiter.api.Assertions.assertThrows(SamlException.class,
                () -> SamlRoles.from(notUtf8));
        assertTrue(lying.getMessage().startsWith("the SAML response"), lying.getMessage());
    }

    private static SamlRoles parse(byte[] xml) throws Exception {
        Future<SamlRoles> result = parser.submit(() -> SamlRoles.from(xml));
        try {
            return result.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SamlException refused) {
                throw refused;
            }
            throw new AssertionError("SamlRoles.from threw " + e.getCause() + " for "
                    + new String(xml, StandardCharsets.UTF_8), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            result.cancel(true);
            throw new AssertionError("no result within 5 s for " + new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    static List<String> corpus() {
        List<String> seeds = new ArrayList<>(List.of(
                SamlDocuments.response(SamlDocuments.DEVELOPER + "," + SamlDocuments.PROVIDER),
                SamlDocuments.response(SamlDocuments.PROVIDER + " , " + SamlDocuments.AUDITOR,
                        SamlDocuments.DEVELOPER + "," + SamlDocuments.PROVIDER),
                SamlDocuments.response("not-a-role"), SamlDocuments.response()));
        for (String name : List.of("okta-like.xml", "encrypted.xml", "namespaces.xml")) {
            try (InputStream in = SamlFuzzTest.class.getResourceAsStream("/fuzz/saml/" + name)) {
                seeds.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    @Provide
    Arbitrary<byte[]> responses() {
        Arbitrary<String> seeds = Arbitraries.of(corpus());
        Arbitrary<String> mutated = Combinators.combine(seeds, Arbitraries.longs()).as(SamlFuzzTest::mutate);
        return Arbitraries.frequencyOf(Tuple.of(1, seeds), Tuple.of(8, mutated))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<byte[]> withDoctype() {
        Arbitrary<String> seeds = Arbitraries.of(corpus());
        return Combinators.combine(seeds, Arbitraries.of(DOCTYPES), Arbitraries.of(true, false))
                .as((seed, doctype, afterDeclaration) -> {
                    String body = seed.strip();
                    // after the XML declaration (well-formed, a DTD), or first (before the declaration: malformed)
                    int at = afterDeclaration && body.startsWith("<?xml") ? body.indexOf("?>") + 2 : 0;
                    return (body.substring(0, at) + doctype + body.substring(at)).getBytes(StandardCharsets.UTF_8);
                });
    }

    private static String mutate(String seed, long randomSeed) {
        Random random = new Random(randomSeed);
        StringBuilder text = new StringBuilder(seed);
        for (int round = 1 + random.nextInt(5); round > 0; round--) {
            int at = random.nextInt(text.length() + 1);
            int end = Math.min(text.length(), at + 1 + random.nextInt(40));
            switch (random.nextInt(4)) {
                case 0 -> text.setLength(at);
                case 1 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> text.insert(at, text.substring(at, end));
                default -> text.delete(at, end);
            }
        }
        return text.toString();
    }
}
