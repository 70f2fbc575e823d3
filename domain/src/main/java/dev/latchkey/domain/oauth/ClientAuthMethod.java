package dev.latchkey.domain.oauth;

import java.util.Arrays;
import java.util.Optional;

/** How a client proves itself at the token endpoint (RFC 7591 §2 {@code token_endpoint_auth_method}). */
public enum ClientAuthMethod {
    /** A public client: PKCE alone binds the code to it. */
    NONE("none"),
    /** {@code client_id} and {@code client_secret} in the form body. */
    CLIENT_SECRET_POST("client_secret_post"),
    /** HTTP Basic with the client id and secret. */
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** A JWT signed with the client's own key (RFC 7523 §2.2), checked against the keys it registered. */
    PRIVATE_KEY_JWT("private_key_jwt");

    private final String wireName;

    ClientAuthMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean usesSecret() {
        return this == CLIENT_SECRET_POST || this == CLIENT_SECRET_BASIC;
    }

    public static Optional<ClientAuthMethod> fromWire(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }
}
