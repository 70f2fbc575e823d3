package dev.latchkey.http.openapi;

import dev.latchkey.http.auth.Authenticated;
import dev.latchkey.http.auth.Public;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * An OpenAPI 3.1 document built from Jersey's live resource model: every route Latchkey serves is
 * in it, with its declared posture as the security requirement and its scopes, because it is read
 * from the same annotations the auth filter obeys — it cannot drift from the code.
 */
final class OpenApiDocument {
    private static final String JERSEY_INTERNALS = "org.glassfish.jersey.";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{\\s*([A-Za-z0-9_]+)\\s*(?::[^}]*)?}");

    private OpenApiDocument() {}

    static Map<String, Object> of(
            ResourceModel model, List<ServletRoute> servletRoutes, String serverUrl, String version) {
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (Resource resource : model.getRootResources()) {
            collect(resource, "", paths);
        }
        servletRoutes.forEach(route -> collect(route, paths));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put(
                "info",
                Map.of(
                        "title",
                        "Latchkey",
                        "version",
                        version,
                        "description",
                        "Authentication and authorization for APIs whose callers are people, machines and AI agents. "
                                + "Failures are application/problem+json with a stable code; OAuth endpoints answer "
                                + "RFC 6749 error objects."));
        document.put("servers", List.of(Map.of("url", serverUrl)));
        document.put("paths", paths);
        document.put("components", components(serverUrl));
        return document;
    }

    private static void collect(Resource resource, String parentPath, Map<String, Map<String, Object>> paths) {
        String path = join(parentPath, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            Method java = method.getInvocable().getHandlingMethod();
            if (java.getDeclaringClass().getName().startsWith(JERSEY_INTERNALS)) {
                continue;
            }
            paths.computeIfAbsent(openApiPath(path), p -> new TreeMap<>())
                    .put(method.getHttpMethod().toLowerCase(Locale.ROOT), operation(method, java, path));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, paths);
        }
    }

    private static void collect(ServletRoute route, Map<String, Map<String, Object>> paths) {
        for (String method : route.methods()) {
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("operationId", route.tag() + "." + method.toLowerCase(Locale.ROOT) + "." + route.path());
            operation.put("tags", List.of(route.tag()));
            List<Map<String, Object>> parameters = pathParameters(route.path());
            if (!parameters.isEmpty()) {
                operation.put("parameters", parameters);
            }
            operation.put("security", List.of());
            if (!route.consumes().isEmpty()) {
                Map<String, Object> content = new LinkedHashMap<>();
                route.consumes().forEach(type -> content.put(type, Map.of("schema", Map.of("type", "object"))));
                operation.put("requestBody", Map.of("content", content));
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            responses.put(
                    "2XX",
                    route.produces().isEmpty()
                            ? Map.of("description", "Success")
                            : Map.of(
                                    "description",
                                    "Success",
                                    "content",
                                    content(route.produces().stream()
                                            .map(MediaType::valueOf)
                                            .toList())));
            responses.put("4XX", Map.of("$ref", "#/components/responses/Problem"));
            responses.put("5XX", Map.of("$ref", "#/components/responses/Problem"));
            operation.put("responses", responses);
            paths.computeIfAbsent(route.path(), p -> new TreeMap<>()).put(method.toLowerCase(Locale.ROOT), operation);
        }
    }

    private static Map<String, Object> operation(ResourceMethod method, Method java, String path) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put(
                "operationId",
                java.getDeclaringClass().getSimpleName() + "." + java.getName() + "."
                        + method.getHttpMethod().toLowerCase(Locale.ROOT));
        operation.put("tags", List.of(java.getDeclaringClass().getSimpleName().replace("Resource", "")));
        List<Map<String, Object>> parameters = pathParameters(path);
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        Authenticated authenticated = java.getAnnotation(Authenticated.class);
        if (authenticated != null) {
            operation.put("security", List.of(Map.of("bearer", List.of()), Map.of("apiKey", List.of())));
            operation.put("x-latchkey-scopes", Arrays.asList(authenticated.scopes()));
        } else if (java.isAnnotationPresent(Public.class)) {
            operation.put("security", List.of());
        }
        List<MediaType> consumed = method.getConsumedTypes();
        if (!consumed.isEmpty()
                && !method.getHttpMethod().equals("GET")
                && !method.getHttpMethod().equals("DELETE")) {
            Map<String, Object> content = new LinkedHashMap<>();
            consumed.forEach(type -> content.put(type.toString(), Map.of("schema", Map.of("type", "object"))));
            operation.put("requestBody", Map.of("content", content));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("2XX", Map.of("description", "Success", "content", content(method.getProducedTypes())));
        responses.put("4XX", Map.of("$ref", "#/components/responses/Problem"));
        if (authenticated != null) {
            responses.put("401", Map.of("$ref", "#/components/responses/Unauthenticated"));
            responses.put("429", Map.of("$ref", "#/components/responses/Throttled"));
        }
        responses.put("5XX", Map.of("$ref", "#/components/responses/Problem"));
        operation.put("responses", responses);
        return operation;
    }

    /** Each {@code {name}} (or Jersey's {@code {name: regex}}) of a path, as an OpenAPI path parameter. */
    private static List<Map<String, Object>> pathParameters(String path) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        Matcher names = PATH_PARAMETER.matcher(path);
        while (names.find()) {
            parameters.add(
                    Map.of("name", names.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        return parameters;
    }

    private static Map<String, Object> content(List<MediaType> produced) {
        Map<String, Object> content = new LinkedHashMap<>();
        List<MediaType> types = produced.isEmpty() ? List.of(MediaType.APPLICATION_JSON_TYPE) : produced;
        types.forEach(type -> content.put(
                type.toString(),
                Map.of("schema", type.isCompatible(MediaType.TEXT_HTML_TYPE) ? Map.of("type", "string") : Map.of())));
        return content;
    }

    private static Map<String, Object> components(String serverUrl) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "object");
        problem.put("required", List.of("type", "title", "status", "code"));
        problem.put(
                "properties",
                Map.of(
                        "type", Map.of("type", "string", "description", "urn:latchkey:problem:<code>"),
                        "title", Map.of("type", "string"),
                        "status", Map.of("type", "integer"),
                        "detail", Map.of("type", "string"),
                        "code", Map.of("type", "string", "description", "The stable error code (README: Errors)")));
        Map<String, Object> problemContent =
                Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("Problem", Map.of("description", "A problem document", "content", problemContent));
        responses.put(
                "Unauthenticated",
                Map.of(
                        "description",
                        "No, or no valid, credential",
                        "headers",
                        Map.of("WWW-Authenticate", Map.of("schema", Map.of("type", "string"))),
                        "content",
                        problemContent));
        responses.put(
                "Throttled",
                Map.of(
                        "description",
                        "rate_limited or usage_cap_exceeded",
                        "headers",
                        Map.of("Retry-After", Map.of("schema", Map.of("type", "integer"))),
                        "content",
                        problemContent));
        Map<String, Object> oauthFlow = new LinkedHashMap<>();
        oauthFlow.put("authorizationUrl", serverUrl + "/oauth/authorize");
        oauthFlow.put("tokenUrl", serverUrl + "/oauth/token");
        oauthFlow.put("refreshUrl", serverUrl + "/oauth/token");
        oauthFlow.put("scopes", Map.of());
        Map<String, Object> schemes = new LinkedHashMap<>();
        schemes.put(
                "bearer",
                Map.of(
                        "type",
                        "http",
                        "scheme",
                        "bearer",
                        "description",
                        "An API key (sk_live_…), a user or workload token, an OAuth access token, or a trusted issuer's JWT"));
        schemes.put("apiKey", Map.of("type", "apiKey", "in", "header", "name", "X-API-Key"));
        schemes.put(
                "oauth2",
                Map.of(
                        "type",
                        "oauth2",
                        "description",
                        "Authorization code with PKCE (S256)",
                        "flows",
                        Map.of("authorizationCode", oauthFlow)));
        return Map.of("schemas", Map.of("Problem", problem), "responses", responses, "securitySchemes", schemes);
    }

    private static String join(String parent, String path) {
        if (path == null || path.isEmpty()) {
            return parent.isEmpty() ? "/" : parent;
        }
        String joined = (parent.endsWith("/") ? parent.substring(0, parent.length() - 1) : parent)
                + (path.startsWith("/") ? path : "/" + path);
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** {@code /x/{id: [0-9]+}} becomes {@code /x/{id}}. */
    static String openApiPath(String jerseyPath) {
        return PATH_PARAMETER.matcher(jerseyPath).replaceAll("{$1}");
    }
}
