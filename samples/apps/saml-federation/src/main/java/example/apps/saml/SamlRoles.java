package example.apps.saml;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The role/principal pairs a SAML 2.0 Response grants: the values of its
 * {@code https://aws.amazon.com/SAML/Attributes/Role} attribute. Only extraction: the signature is checked by STS,
 * which refuses an assertion its identity provider did not sign.
 *
 * @param roles    the well-formed pairs, in document order
 * @param rejected the attribute's values that are not a role ARN and a saml-provider ARN (shortened)
 */
public record SamlRoles(List<RolePair> roles, List<String> rejected) {
    public static final String ROLE_ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/Role";
    static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final int SHOWN_VALUE_LENGTH = 120;

    /**
     * Parses {@code xml} with {@link SecureXml} and reads the roles.
     *
     * @throws SamlException when the XML is refused or malformed, is not a SAML 2.0 Response, or grants no role
     */
    public static SamlRoles from(byte[] xml) {
        Document document = SecureXml.parse(xml);
        Element root = document.getDocumentElement();
        if (!PROTOCOL_NS.equals(root.getNamespaceURI()) || !"Response".equals(root.getLocalName())) {
            throw new SamlException("not a SAML 2.0 Response: the root element is {" + root.getNamespaceURI() + "}"
                    + root.getLocalName());
        }
        List<RolePair> roles = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (String value : roleValues(root)) {
            RolePair pair = RolePair.parse(value);
            if (pair != null) {
                roles.add(pair);
            } else {
                rejected.add(shorten(value));
            }
        }
        if (roles.isEmpty()) {
            throw new SamlException(noRoleMessage(root, rejected));
        }
        return new SamlRoles(List.copyOf(roles), List.copyOf(rejected));
    }

    private static List<String> roleValues(Element root) {
        List<String> values = new ArrayList<>();
        NodeList attributes = root.getElementsByTagNameNS(ASSERTION_NS, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (!ROLE_ATTRIBUTE.equals(attribute.getAttribute("Name"))) {
                continue;
            }
            for (Node child = attribute.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element value && ASSERTION_NS.equals(value.getNamespaceURI())
                        && "AttributeValue".equals(value.getLocalName())) {
                    values.add(value.getTextContent().strip());
                }
            }
        }
        return values;
    }

    private static String noRoleMessage(Element root, List<String> rejected) {
        if (!rejected.isEmpty()) {
            return "the SAML response's " + ROLE_ATTRIBUTE + " values are not 'roleArn,principalArn' pairs (an "
                    + "arn:aws:iam::ACCOUNT:role/NAME and an arn:aws:iam::ACCOUNT:saml-provider/NAME): " + rejected;
        }
        if (root.getElementsByTagNameNS(ASSERTION_NS, "EncryptedAssertion").getLength() > 0) {
            return "the SAML response's assertion is encrypted (EncryptedAssertion); this backend needs the IdP to "
                    + "send it unencrypted, with the " + ROLE_ATTRIBUTE + " attribute";
        }
        return "the SAML response grants no role: it has no " + ROLE_ATTRIBUTE + " attribute with a value";
    }

    private static String shorten(String value) {
        String oneLine = value.replaceAll("\\s+", " ");
        return oneLine.length() <= SHOWN_VALUE_LENGTH ? oneLine : oneLine.substring(0, SHOWN_VALUE_LENGTH) + "...";
    }

    /**
     * The pair to assume: the one whose role ARN is {@code requestedRole}, or the first when none is requested.
     *
     * @throws SamlException when the requested role is not among the granted ones
     */
    public RolePair choose(String requestedRole) {
        if (requestedRole == null || requestedRole.isBlank()) {
            return roles.getFirst();
        }
        String wanted = requestedRole.strip();
        return roles.stream().filter(pair -> pair.roleArn().equals(wanted)).findFirst()
                .orElseThrow(() -> new SamlException("the requested role '" + shorten(wanted) + "' is not granted by "
                        + "the SAML response; it grants " + roles.stream().map(RolePair::roleArn).toList()));
    }
}
