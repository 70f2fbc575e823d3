package dev.latchkey.http.oauth;

/** The absolute URLs of the authorization server's endpoints, all under its issuer. */
public record OAuthEndpoints(String issuer) {

    String authorization() {
        return issuer + "/oauth/authorize";
    }

    /** Also what a private_key_jwt assertion's {@code aud} names (RFC 7523 §3). */
    public String token() {
        return issuer + "/oauth/token";
    }

    String registration() {
        return issuer + "/oauth/register";
    }

    String revocation() {
        return issuer + "/oauth/revoke";
    }

    String introspection() {
        return issuer + "/oauth/introspect";
    }

    /** Every key Latchkey signs with, JWT access tokens' included (RFC 8414 {@code jwks_uri}). */
    String jwks() {
        return issuer + "/.well-known/jwks.json";
    }

    boolean isSecure() {
        return issuer.startsWith("https://");
    }
}
