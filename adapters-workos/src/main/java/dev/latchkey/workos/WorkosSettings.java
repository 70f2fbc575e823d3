package dev.latchkey.workos;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where WorkOS is and how Latchkey proves itself to it: the API base URL, the environment's secret
 * key ({@code sk_…}), the AuthKit client id, the {@code iss} values accepted on access tokens (the
 * forms differ between environments, and a custom auth domain adds one), and the audiences accepted
 * when a token carries one — always including the client id, which AuthKit puts in {@code aud}.
 */
public record WorkosSettings(
        URI baseUrl, String apiKey, String clientId, List<String> issuers, List<String> audiences) {

    public WorkosSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(clientId, "clientId");
        if (apiKey.isBlank() || clientId.isBlank()) {
            throw new IllegalArgumentException("workos.apiKey and workos.clientId are required in WorkOS mode");
        }
        issuers = issuers.stream().filter(i -> !i.isBlank()).distinct().toList();
        audiences = java.util.stream.Stream.concat(java.util.stream.Stream.of(clientId), audiences.stream())
                .filter(a -> !a.isBlank())
                .distinct()
                .toList();
    }

    /** The issuer forms WorkOS uses for an environment, when none are configured. */
    public static List<String> defaultIssuers(URI baseUrl, String clientId) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return List.of(base, base + "/", base + "/user_management/" + clientId);
    }

    @Override
    public String toString() {
        return "WorkosSettings[" + baseUrl + ", client " + clientId + ", apiKey=redacted]";
    }
}
