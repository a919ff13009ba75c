package dev.lambdabridge.apigateway.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions of the template's values as {@code sam local} does, without a stack: {@code Ref}
 * of a parameter is its value (an override, else its Default), of a pseudo parameter a local value
 * ({@code AWS::Region} us-east-1 or $AWS_REGION, {@code AWS::AccountId} 123456789012), of a resource its logical id;
 * {@code Fn::GetAtt} is {@code "Resource.Attribute"}; {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select},
 * {@code Fn::If}, {@code Fn::FindInMap}, {@code Fn::Base64}, and the conditions ({@code Fn::Equals}, {@code Fn::Not},
 * {@code Fn::And}, {@code Fn::Or}, {@code Condition}). {@code AWS::NoValue} removes the property. Others (e.g.
 * {@code Fn::ImportValue}, which needs another stack) are refused by name.
 */
public final class TemplateValues {
    static final String ACCOUNT_ID = "123456789012";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Set<String> CONDITION_FUNCTIONS = Set.of("Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or",
            "Condition");

    private final Map<String, String> parameters;
    private final JsonNode conditions;
    private final JsonNode mappings;
    private final Set<String> resources;
    private final Map<String, Boolean> evaluated = new HashMap<>();

    /** @param parameters every parameter's value: the overrides, else the Defaults */
    TemplateValues(Map<String, String> parameters, JsonNode conditions, JsonNode mappings, Set<String> resources) {
        this.parameters = parameters;
        this.conditions = conditions;
        this.mappings = mappings;
        this.resources = resources;
    }

    /** Whether the named condition of the template's Conditions holds. */
    public boolean condition(String name) {
        Boolean known = evaluated.get(name);
        if (known != null) {
            return known;
        }
        JsonNode definition = conditions.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("condition '" + name + "' is not in the template's Conditions");
        }
        evaluated.put(name, false); // a condition that refers to itself ends here instead of looping
        boolean value = bool(definition, "condition " + name);
        evaluated.put(name, value);
        return value;
    }

    /** The value with every intrinsic function resolved; null (a Java null) when it is AWS::NoValue. */
    public JsonNode resolve(JsonNode value, String where) {
        if (value == null || value.isNull()) {
            return value;
        }
        if (value.isObject() && value.size() == 1) {
            String key = value.fieldNames().next();
            if (key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition")) {
                return function(key, value.get(key), where);
            }
        }
        if (value.isObject()) {
            ObjectNode resolved = NODES.objectNode();
            value.properties().forEach(e -> {
                JsonNode v = resolve(e.getValue(), where + "." + e.getKey());
                if (v != null) {
                    resolved.set(e.getKey(), v);
                }
            });
            return resolved;
        }
        if (value.isArray()) {
            ArrayNode resolved = NODES.arrayNode();
            for (JsonNode item : value) {
                JsonNode v = resolve(item, where + "[]");
                if (v != null) {
                    resolved.add(v);
                }
            }
            return resolved;
        }
        return value;
    }

    /** The value resolved to text (numbers and booleans as their text); null when absent. */
    public String text(JsonNode value, String where) {
        JsonNode resolved = resolve(value, where);
        if (resolved == null || resolved.isNull() || resolved.isMissingNode()) {
            return null;
        }
        if (!resolved.isValueNode()) {
            throw new IllegalArgumentException(where + " must be a string, got " + resolved);
        }
        return resolved.asText();
    }

    private JsonNode function(String name, JsonNode argument, String where) {
        if (CONDITION_FUNCTIONS.contains(name)) {
            return NODES.booleanNode(bool(NODES.objectNode().set(name, argument), where));
        }
        return switch (name) {
            case "Ref" -> ref(argument.asText(), where);
            case "Fn::GetAtt" -> new TextNode(argument.isArray()
                    ? argument.path(0).asText() + "." + argument.path(1).asText() : argument.asText());
            case "Fn::Sub" -> new TextNode(sub(argument, where));
            case "Fn::Join" -> new TextNode(join(argument, where));
            case "Fn::Select" -> resolve(resolve(argument.path(1), where).path(
                    Integer.parseInt(text(argument.path(0), where))), where);
            case "Fn::If" -> resolve(condition(argument.path(0).asText()) ? argument.path(1) : argument.path(2), where);
            case "Fn::FindInMap" -> findInMap(argument, where);
            case "Fn::Base64" -> new TextNode(Base64.getEncoder().encodeToString(
                    text(argument, where).getBytes(StandardCharsets.UTF_8)));
            default -> throw new IllegalArgumentException(where + " uses " + name + ", which serve-api cannot "
                    + "resolve locally (it resolves Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::If, "
                    + "Fn::FindInMap, Fn::Base64 and the condition functions)");
        };
    }

    private JsonNode ref(String name, String where) {
        String parameter = parameters.get(name);
        if (parameter != null) {
            return new TextNode(parameter);
        }
        return switch (name) {
            case "AWS::NoValue" -> null;
            case "AWS::Region" -> new TextNode(region());
            case "AWS::AccountId" -> new TextNode(ACCOUNT_ID);
            case "AWS::Partition" -> new TextNode("aws");
            case "AWS::URLSuffix" -> new TextNode("amazonaws.com");
            case "AWS::StackName" -> new TextNode("local");
            case "AWS::StackId" -> new TextNode("arn:aws:cloudformation:" + region() + ":" + ACCOUNT_ID
                    + ":stack/local/00000000-0000-0000-0000-000000000000");
            default -> {
                if (!resources.contains(name)) {
                    throw new IllegalArgumentException(where + ": Ref " + name + " is neither a parameter nor a "
                            + "resource of the template");
                }
                yield new TextNode(name);
            }
        };
    }

    static String region() {
        String region = System.getenv("AWS_REGION");
        return region == null || region.isBlank() ? "us-east-1" : region;
    }

    private String sub(JsonNode argument, String where) {
        String template = argument.isArray() ? argument.path(0).asText() : argument.asText();
        JsonNode variables = argument.isArray() ? argument.path(1) : NODES.objectNode();
        Matcher variable = SUB_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value;
            if (name.startsWith("!")) {
                value = "${" + name.substring(1) + "}";
            } else if (variables.has(name)) {
                value = text(variables.get(name), where);
            } else if (name.contains(".")) {
                value = name;
            } else {
                JsonNode resolved = ref(name, where);
                value = resolved == null ? "" : resolved.asText();
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private String join(JsonNode argument, String where) {
        StringBuilder out = new StringBuilder();
        String delimiter = argument.path(0).asText();
        JsonNode items = resolve(argument.path(1), where);
        for (JsonNode item : items) {
            out.append(out.isEmpty() ? "" : delimiter).append(item.asText());
        }
        return out.toString();
    }

    private JsonNode findInMap(JsonNode argument, String where) {
        JsonNode found = mappings.path(text(argument.path(0), where)).path(text(argument.path(1), where))
                .path(text(argument.path(2), where));
        if (found.isMissingNode()) {
            throw new IllegalArgumentException(where + ": Fn::FindInMap " + argument + " finds nothing in Mappings");
        }
        return found;
    }

    private boolean bool(JsonNode definition, String where) {
        if (definition.isBoolean()) {
            return definition.asBoolean();
        }
        if (definition.isTextual()) {
            return Boolean.parseBoolean(definition.asText());
        }
        String name = definition.isObject() && definition.size() == 1 ? definition.fieldNames().next() : "";
        JsonNode argument = definition.path(name);
        return switch (name) {
            case "Fn::Equals" -> String.valueOf(text(argument.path(0), where))
                    .equals(String.valueOf(text(argument.path(1), where)));
            case "Fn::Not" -> !bool(argument.isArray() ? argument.path(0) : argument, where);
            case "Fn::And" -> {
                boolean all = true;
                for (JsonNode item : argument) {
                    all &= bool(item, where);
                }
                yield all;
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (JsonNode item : argument) {
                    any |= bool(item, where);
                }
                yield any;
            }
            case "Condition" -> condition(argument.asText());
            default -> {
                JsonNode resolved = resolve(definition, where);
                if (resolved == null || !(resolved.isBoolean() || resolved.isTextual())) {
                    throw new IllegalArgumentException(where + ": " + definition + " is not a condition");
                }
                yield resolved.isBoolean() ? resolved.asBoolean() : Boolean.parseBoolean(resolved.asText());
            }
        };
    }
}
