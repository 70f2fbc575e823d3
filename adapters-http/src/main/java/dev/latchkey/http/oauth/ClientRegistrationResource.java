package dev.latchkey.http.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.domain.oauth.ClientRegistration;
import dev.latchkey.domain.oauth.OAuthClient;
import dev.latchkey.domain.oauth.OAuthError;
import dev.latchkey.domain.oauth.OAuthFailure;
import dev.latchkey.domain.oauth.RegisterClient;
import dev.latchkey.domain.oauth.RegisteredClient;
import dev.latchkey.http.auth.Public;
import dev.latchkey.http.problem.OAuthErrorFormat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dynamic client registration (RFC 7591). The body is read as a tree, not bound to a class, because
 * unknown metadata must be ignored here (§2) where every other Latchkey body rejects it.
 */
@OAuthErrorFormat
@Path("/oauth/register")
public final class ClientRegistrationResource {
    private final RegisterClient registerClient;

    public ClientRegistrationResource(RegisterClient registerClient) {
        this.registerClient = registerClient;
    }

    @POST
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(JsonNode body, @Context HttpServletRequest http) {
        if (body == null || !body.isObject()) {
            throw metadata("The body must be a JSON object of client metadata");
        }
        ClientRegistration request = new ClientRegistration(
                strings(body, "redirect_uris").orElse(List.of()),
                text(body, "token_endpoint_auth_method"),
                text(body, "client_name"),
                strings(body, "grant_types"),
                strings(body, "response_types"),
                text(body, "scope"));
        RegisteredClient registered = registerClient.register(request, http.getRemoteAddr());
        return OAuthResponses.json(201, view(registered));
    }

    /** RFC 7591 §3.2.1: every registered field, absent ones omitted rather than null. */
    private static Map<String, Object> view(RegisteredClient registered) {
        OAuthClient client = registered.client();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("client_id", client.clientId());
        view.put("client_id_issued_at", client.issuedAt().getEpochSecond());
        registered.clientSecret().ifPresent(secret -> {
            view.put("client_secret", secret);
            view.put("client_secret_expires_at", 0);
        });
        view.put("redirect_uris", client.redirectUris());
        view.put("token_endpoint_auth_method", client.authMethod().wireName());
        view.put("grant_types", registered.grantTypes());
        view.put("response_types", registered.responseTypes());
        client.clientName().ifPresent(name -> view.put("client_name", name));
        client.scope().ifPresent(scope -> view.put("scope", scope));
        return view;
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw metadata(field + " must be a string");
        }
        return Optional.of(value.asText());
    }

    private static Optional<List<String>> strings(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw new OAuthFailure(
                    field.equals("redirect_uris")
                            ? OAuthError.INVALID_REDIRECT_URI
                            : OAuthError.INVALID_CLIENT_METADATA,
                    field + " must be an array of strings");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw metadata(field + " must be an array of strings");
            }
            result.add(item.asText());
        }
        return Optional.of(result);
    }

    private static OAuthFailure metadata(String description) {
        return new OAuthFailure(OAuthError.INVALID_CLIENT_METADATA, description);
    }
}
