package dev.latchkey.http.oauth;

import dev.latchkey.domain.oauth.ClientCredentials;
import dev.latchkey.domain.oauth.OAuthError;
import dev.latchkey.domain.oauth.OAuthFailure;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads client credentials from {@code Authorization: Basic} (RFC 6749 §2.3.1: id and secret are
 * form-encoded before base64), from the form body, or as a signed assertion ({@code
 * client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer}, RFC 7523 §2.2);
 * using two at once is refused (§2.3).
 */
final class ClientCredentialsParser {
    private ClientCredentialsParser() {}

    static final String JWT_BEARER_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    static ClientCredentials parse(String authorization, MultivaluedMap<String, String> form) {
        Optional<String> formId = single(form, "client_id");
        Optional<String> formSecret = single(form, "client_secret");
        Optional<String> assertionType = single(form, "client_assertion_type");
        Optional<String> assertion = single(form, "client_assertion");
        if (assertionType.isPresent() || assertion.isPresent()) {
            if (!assertionType.filter(JWT_BEARER_ASSERTION::equals).isPresent() || assertion.isEmpty()) {
                throw new OAuthFailure(
                        OAuthError.INVALID_CLIENT,
                        "client_assertion needs client_assertion_type=" + JWT_BEARER_ASSERTION
                                + " and the other way round");
            }
            boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
            if (formSecret.isPresent() || basic) {
                throw new OAuthFailure(OAuthError.INVALID_REQUEST, "Use one client authentication method, not two");
            }
            return new ClientCredentials(formId, Optional.empty(), assertion);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new ClientCredentials(formId, formSecret);
        }
        if (formSecret.isPresent()) {
            throw new OAuthFailure(OAuthError.INVALID_REQUEST, "Use one client authentication method, not two");
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OAuthFailure(OAuthError.INVALID_CLIENT, "The Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new OAuthFailure(OAuthError.INVALID_CLIENT, "The Basic credentials lack a colon");
        }
        String id;
        String secret;
        try {
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            throw new OAuthFailure(OAuthError.INVALID_CLIENT, "The Basic credentials hold a malformed %-escape");
        }
        if (formId.isPresent() && !formId.get().equals(id)) {
            throw new OAuthFailure(OAuthError.INVALID_REQUEST, "client_id differs from the Basic credentials");
        }
        return new ClientCredentials(Optional.of(id), Optional.of(secret));
    }

    /** A form parameter sent at most once (RFC 6749 §3.2: parameters must not repeat). */
    static Optional<String> single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new OAuthFailure(OAuthError.INVALID_REQUEST, name + " must not be repeated");
        }
        return Optional.of(values.get(0)).filter(v -> !v.isEmpty());
    }
}
