package dev.latchkey.http.oauth;

import dev.latchkey.domain.oauth.ProtectedResources;
import java.net.URI;

/** The absolute URLs of the authorization server's endpoints, all under its issuer. */
public record OAuthEndpoints(String issuer) {
    static final String PROTECTED_RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

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

    /**
     * Where a resource's metadata lives (RFC 9728 §3.1): on the resource's own host, the
     * well-known prefix inserted before its path.
     */
    public static String protectedResourceMetadataOf(String resource) {
        URI uri = URI.create(resource);
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return origin + PROTECTED_RESOURCE_METADATA + ProtectedResources.pathOf(resource);
    }

    boolean isSecure() {
        return issuer.startsWith("https://");
    }
}
