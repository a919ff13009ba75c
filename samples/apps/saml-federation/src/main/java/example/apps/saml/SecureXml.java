package example.apps.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's DOM parser, hardened for documents from the internet (OWASP's XXE settings): no DOCTYPE at all (which
 * rules out external entities, external DTDs and entity expansion bombs such as billion laughs), external entities
 * and DTD loading off as a second line, no XInclude, secure processing (the JDK's limits: element depth 100, 200
 * attributes an element, entity and text sizes), no external access.
 * Namespace-aware. Parse errors are {@link SamlException}s saying what was wrong; nothing is printed to stderr.
 */
public final class SecureXml {
    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    private SecureXml() {
    }

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refused a hardening feature: " + e.getMessage(), e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(true);
        return factory;
    }

    /** @throws SamlException for a DTD, malformed XML or anything else the hardened parser refuses */
    public static Document parse(byte[] xml) {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(THROWING);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw new SamlException(describe(e));
        } catch (SAXException e) {
            throw new SamlException("the SAML response is not well-formed XML: " + e.getMessage());
        } catch (java.io.CharConversionException | java.io.UnsupportedEncodingException e) {
            // the input's fault, not the parser's: bytes that are not in the declared encoding, or an encoding
            // the JDK does not know (found by SamlFuzzTest)
            throw new SamlException("the SAML response cannot be decoded: " + e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot parse XML from memory: " + e.getMessage(), e);
        }
    }

    private static String describe(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return "the SAML response carries a DTD (<!DOCTYPE ...>), which is refused: SAML never needs one, and "
                    + "DTDs are how XML entity attacks (XXE, billion laughs) work";
        }
        if (message.startsWith("JAXP")) {
            // the JDK's secure-processing limits (element depth 100, 200 attributes an element, entity sizes...)
            return "the SAML response exceeds the XML parser's limits (line " + e.getLineNumber() + "): " + message;
        }
        return "the SAML response is not well-formed XML (line " + e.getLineNumber() + ", column "
                + e.getColumnNumber() + "): " + message;
    }

    /** Errors and fatal errors end the parse; the JDK's default handler would also print them to stderr. */
    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // a warning does not stop the parse and says nothing the caller needs
        }

        @Override
        public void error(SAXParseException exception) throws SAXParseException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXParseException {
            throw exception;
        }
    };
}
