package dev.lambdabridge.apigateway.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a CloudFormation / SAM template written in YAML into a JSON tree, with the short forms of the intrinsic
 * functions turned into their long forms, as CloudFormation reads them: {@code !Ref X} is {@code {"Ref": "X"}},
 * {@code !GetAtt A.B} is {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Sub ...} is {@code {"Fn::Sub": ...}}, and so on
 * for every {@code !Name} tag. SnakeYAML (safe constructor) parses; this class only adds the tags.
 */
public final class CloudFormationYaml {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudFormationYaml() {
    }

    /** @throws IllegalArgumentException when the text is not YAML or not a mapping at the top */
    public static JsonNode parse(String text, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document;
        try {
            document = new Yaml(new IntrinsicConstructor(options)).load(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + " is not a YAML template: " + e.getMessage(), e);
        }
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException(source + " is not a template: its top level is not a mapping");
        }
        return JSON.valueToTree(document);
    }

    /** SnakeYAML's safe constructor plus one construct for every {@code !Name} tag. */
    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            yamlMultiConstructors.put("!", new Intrinsic());
        }

        private final class Intrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String name = node.getTag().getValue().substring(1);
                Object value = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("unexpected YAML node for !" + name);
                };
                if (name.equals("GetAtt") && value instanceof String text && text.contains(".")) {
                    int dot = text.indexOf('.');
                    value = List.of(text.substring(0, dot), text.substring(dot + 1));
                }
                Map<String, Object> function = new LinkedHashMap<>();
                function.put(name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name, value);
                return function;
            }
        }
    }
}
