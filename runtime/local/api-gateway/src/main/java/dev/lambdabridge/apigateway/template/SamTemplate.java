package dev.lambdabridge.apigateway.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A SAM template as {@code sam local start-api} reads it: the functions ({@code AWS::Serverless::Function}, their
 * Condition honoured, {@code Globals.Function} merged in) with their Api and HttpApi events and FunctionUrlConfig,
 * and the APIs ({@code AWS::Serverless::Api}, {@code AWS::Serverless::HttpApi}, {@code Globals.Api} /
 * {@code Globals.HttpApi} merged in, and SAM's implicit ones). Parameters take their Default unless overridden.
 */
public final class SamTemplate {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Lambda's defaults when neither the function nor Globals set them. */
    static final int DEFAULT_TIMEOUT_SECONDS = 3;
    static final int DEFAULT_MEMORY_MB = 128;
    /** The function properties serve-api uses; the others (Policies, Layers, ...) are not resolved. */
    private static final List<String> READ_PROPERTIES = List.of("Handler", "CodeUri", "Runtime", "Timeout",
            "MemorySize", "Environment", "Events", "FunctionUrlConfig", "PackageType");

    private final Path file;
    private final JsonNode root;
    private final TemplateValues values;

    private SamTemplate(Path file, JsonNode root, TemplateValues values) {
        this.file = file;
        this.root = root;
        this.values = values;
    }

    /**
     * @param overrides parameter values, as {@code sam --parameter-overrides Key=Value}
     * @throws IllegalArgumentException naming the file and what is wrong in it
     */
    public static SamTemplate read(Path file, Map<String, String> overrides) throws IOException {
        JsonNode root = CloudFormationYaml.parse(Files.readString(file), file.toString());
        if (!root.path("Resources").isObject()) {
            throw new IllegalArgumentException(file + " has no Resources");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        root.path("Parameters").properties().forEach(p -> {
            JsonNode value = p.getValue().get("Default");
            if (value != null && value.isValueNode()) {
                parameters.put(p.getKey(), value.asText());
            }
        });
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            if (!root.path("Parameters").has(override.getKey())) {
                throw new IllegalArgumentException("--parameter-overrides " + override.getKey() + "=...: " + file
                        + " has no such parameter (it has " + iterable(root.path("Parameters").fieldNames()) + ")");
            }
            parameters.put(override.getKey(), override.getValue());
        }
        Set<String> resources = new HashSet<>(iterable(root.path("Resources").fieldNames()));
        resources.add(ApiResource.IMPLICIT_REST_API);
        resources.add(ApiResource.IMPLICIT_HTTP_API);
        return new SamTemplate(file, root, new TemplateValues(parameters, root.path("Conditions"),
                root.path("Mappings"), resources));
    }

    /**
     * The functions served over HTTP (an Api or HttpApi event, or a FunctionUrlConfig) whose Condition (if any)
     * holds, in the template's order. Only their properties are read, so that what the others hold (a container
     * image, inline code, an intrinsic function that needs a stack) does not matter here.
     */
    public List<SamFunction> functions() {
        List<SamFunction> functions = new ArrayList<>();
        root.path("Resources").properties().forEach(r -> {
            JsonNode props = merged(root.path("Globals").path("Function"), r.getValue().path("Properties"));
            if (r.getValue().path("Type").asText().equals("AWS::Serverless::Function") && servedOverHttp(props)
                    && included(r.getValue())) {
                functions.add(function(r.getKey(), props));
            }
        });
        return functions;
    }

    private static boolean servedOverHttp(JsonNode props) {
        if (props.has("FunctionUrlConfig")) {
            return true;
        }
        for (JsonNode event : props.path("Events")) {
            String type = event.path("Type").asText();
            if (type.equals("Api") || type.equals("HttpApi")) {
                return true;
            }
        }
        return false;
    }

    /** The API of that logical id: a template resource, or SAM's implicit one. */
    public ApiResource api(String id, SamFunction.ApiType type) {
        JsonNode resource = root.path("Resources").path(id);
        boolean implicit = resource.isMissingNode() && (id.equals(ApiResource.IMPLICIT_REST_API)
                || id.equals(ApiResource.IMPLICIT_HTTP_API));
        SamFunction.ApiType declared = ApiResource.types().get(resource.path("Type").asText());
        if (!implicit && declared != type) {
            throw new IllegalArgumentException(file + ": an " + (type == SamFunction.ApiType.REST ? "Api" : "HttpApi")
                    + " event names " + id + ", which is not an " + (type == SamFunction.ApiType.REST
                    ? "AWS::Serverless::Api" : "AWS::Serverless::HttpApi") + " of the template");
        }
        ApiResource defaults = ApiResource.implicit(type);
        String where = "Resources." + id + ".Properties";
        JsonNode props = values.resolve(merged(root.path("Globals").path(type == SamFunction.ApiType.REST ? "Api"
                : "HttpApi"), resource.path("Properties")), where);
        List<String> cognito = new ArrayList<>();
        List<String> others = new ArrayList<>();
        props.path("Auth").path("Authorizers").properties().forEach(a -> (type == SamFunction.ApiType.REST
                && a.getValue().has("UserPoolArn") ? cognito : others).add(a.getKey()));
        List<String> binary = new ArrayList<>();
        props.path("BinaryMediaTypes").forEach(t -> binary.add(t.asText().replace("~1", "/")));
        String stage = props.path("StageName").asText(defaults.stage());
        return new ApiResource(id, type, stage, cognito, others, text(props.path("Auth").get("DefaultAuthorizer")),
                binary);
    }

    public Path file() {
        return file;
    }

    private boolean included(JsonNode resource) {
        JsonNode condition = resource.get("Condition");
        return condition == null || values.condition(condition.asText());
    }

    private SamFunction function(String name, JsonNode rawProps) {
        String where = "Resources." + name + ".Properties";
        ObjectNode read = NODES.objectNode();
        for (String property : READ_PROPERTIES) {
            if (rawProps.has(property)) {
                read.set(property, rawProps.get(property));
            }
        }
        JsonNode props = values.resolve(read, where);
        if (props.path("PackageType").asText("Zip").equals("Image")) {
            throw new IllegalArgumentException(file + ": function " + name + " is a container image (PackageType "
                    + "Image), which serve-api does not run");
        }
        JsonNode codeUri = props.get("CodeUri");
        if (codeUri == null || !codeUri.isTextual()) {
            throw new IllegalArgumentException(file + ": function " + name + " needs a CodeUri that is a local "
                    + "directory, got " + codeUri);
        }
        Map<String, String> env = new LinkedHashMap<>();
        props.path("Environment").path("Variables").properties().forEach(v -> env.put(v.getKey(), v.getValue().asText()));
        List<SamFunction.ApiEvent> events = new ArrayList<>();
        props.path("Events").properties().forEach(e -> {
            SamFunction.ApiEvent event = event(name, e.getKey(), e.getValue());
            if (event != null) {
                events.add(event);
            }
        });
        return new SamFunction(name, props.path("Handler").asText(""),
                file.toAbsolutePath().getParent().resolve(codeUri.asText()).normalize(),
                props.path("Runtime").asText(null),
                Duration.ofSeconds(props.path("Timeout").asInt(DEFAULT_TIMEOUT_SECONDS)),
                props.path("MemorySize").asInt(DEFAULT_MEMORY_MB), env, events, functionUrl(name, props));
    }

    private SamFunction.ApiEvent event(String function, String name, JsonNode event) {
        String type = event.path("Type").asText();
        if (!type.equals("Api") && !type.equals("HttpApi")) {
            return null;
        }
        JsonNode props = event.path("Properties");
        boolean http = type.equals("HttpApi");
        String path = text(props.get("Path"));
        String method = text(props.get("Method"));
        if (!http && (path == null || method == null)) {
            throw new IllegalArgumentException(file + ": function " + function + ", event " + name
                    + ": an Api event needs Path and Method");
        }
        String api = text(props.get(http ? "ApiId" : "RestApiId"));
        String format = http ? props.path("PayloadFormatVersion").asText("2.0") : "1.0";
        if (!format.equals("1.0") && !format.equals("2.0")) {
            throw new IllegalArgumentException(file + ": function " + function + ", event " + name
                    + ": PayloadFormatVersion must be \"1.0\" or \"2.0\", got \"" + format + "\"");
        }
        String authorizer = text(props.path("Auth").get("Authorizer"));
        return new SamFunction.ApiEvent(name, http ? SamFunction.ApiType.HTTP : SamFunction.ApiType.REST,
                api != null ? api : http ? ApiResource.IMPLICIT_HTTP_API : ApiResource.IMPLICIT_REST_API,
                path, method == null ? "ANY" : method.toUpperCase(Locale.ROOT).replace("X-AMAZON-APIGATEWAY-ANY-METHOD",
                "ANY"), format, authorizer, props.has("TimeoutInMillis") ? props.get("TimeoutInMillis").asInt() : null);
    }

    private SamFunction.FunctionUrl functionUrl(String function, JsonNode props) {
        JsonNode config = props.get("FunctionUrlConfig");
        if (config == null || !config.isObject()) {
            return null;
        }
        String mode = config.path("InvokeMode").asText("BUFFERED");
        try {
            return new SamFunction.FunctionUrl(config.path("AuthType").asText("NONE"),
                    SamFunction.InvokeMode.valueOf(mode));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": function " + function + ": FunctionUrlConfig.InvokeMode "
                    + "must be BUFFERED or RESPONSE_STREAM, got " + mode);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }

    /**
     * Globals merged under a resource's properties, as SAM merges them: maps key by key (recursively), lists
     * appended to, anything else the resource's value.
     */
    static JsonNode merged(JsonNode globals, JsonNode properties) {
        if (globals == null || globals.isMissingNode()) {
            return properties.isMissingNode() ? NODES.objectNode() : properties;
        }
        if (properties == null || properties.isMissingNode()) {
            return globals;
        }
        if (globals.isObject() && properties.isObject() && !isIntrinsic(properties)) {
            ObjectNode merged = globals.deepCopy();
            properties.properties().forEach(p -> merged.set(p.getKey(), merged(globals.get(p.getKey()), p.getValue())));
            return merged;
        }
        if (globals.isArray() && properties.isArray()) {
            ArrayNode merged = globals.deepCopy();
            merged.addAll((ArrayNode) properties);
            return merged;
        }
        return properties;
    }

    private static boolean isIntrinsic(JsonNode node) {
        if (node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    private static <T> List<T> iterable(java.util.Iterator<T> items) {
        List<T> list = new ArrayList<>();
        items.forEachRemaining(list::add);
        return list;
    }
}
