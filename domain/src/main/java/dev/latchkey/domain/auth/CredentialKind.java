package dev.latchkey.domain.auth;

/** Every kind of credential Latchkey verifies, with the name used on the wire and in metrics. */
public enum CredentialKind {
    API_KEY("api_key"),
    USER_JWT("jwt"),
    EXTERNAL_JWT("external_jwt"),
    WORKOS_ACCESS_TOKEN("workos_access_token"),
    WORKOS_API_KEY("workos_api_key"),
    OAUTH_ACCESS_TOKEN("oauth"),
    WORKLOAD_TOKEN("workload_token");

    private final String wireName;

    CredentialKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
