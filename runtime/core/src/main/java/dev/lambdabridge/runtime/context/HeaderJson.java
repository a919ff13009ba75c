package dev.lambdabridge.runtime.context;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the JSON of the {@code Lambda-Runtime-Cognito-Identity} and {@code Lambda-Runtime-Client-Context}
 * headers into the aws-lambda-java-core types. Only loaded when a handler asks for them.
 */
final class HeaderJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HeaderJson() {
    }

    static CognitoIdentity cognitoIdentity(String json) {
        JsonNode node = parse(json, "Lambda-Runtime-Cognito-Identity");
        return new Identity(text(node, "cognitoIdentityId"), text(node, "cognitoIdentityPoolId"));
    }

    static ClientContext clientContext(String json) {
        JsonNode node = parse(json, "Lambda-Runtime-Client-Context");
        JsonNode client = node.path("client");
        return new Context(
                new AppClient(text(client, "installation_id"), text(client, "app_title"),
                        text(client, "app_version_name"), text(client, "app_version_code"),
                        text(client, "app_package_name")),
                stringMap(node.path("custom")),
                stringMap(node.path("env")));
    }

    private static JsonNode parse(String json, String header) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("The " + header + " header is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> stringMap(JsonNode node) {
        if (!node.isObject()) {
            return Collections.emptyMap();
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return Collections.unmodifiableMap(map);
    }

    private record Identity(String getIdentityId, String getIdentityPoolId) implements CognitoIdentity {
    }

    private record AppClient(String getInstallationId, String getAppTitle, String getAppVersionName,
                             String getAppVersionCode, String getAppPackageName) implements Client {
    }

    private record Context(Client getClient, Map<String, String> getCustom, Map<String, String> getEnvironment)
            implements ClientContext {
    }
}
