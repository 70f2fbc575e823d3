package dev.latchkey.http.oauth;

/** The absolute URLs of the authorization server's endpoints, all under its issuer. */
public record OAuthEndpoints(String issuer) {

    String authorization() {
        return issuer + "/oauth/authorize";
    }

    String token() {
        return issuer + "/oauth/token";
    }

    String registration() {
        return issuer + "/oauth/register";
    }

    String revocation() {
        return issuer + "/oauth/revoke";
    }

    boolean isSecure() {
        return issuer.startsWith("https://");
    }
}
