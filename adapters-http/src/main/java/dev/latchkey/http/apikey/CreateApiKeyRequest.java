package dev.latchkey.http.apikey;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code POST /api-keys}: a name, optionally scopes (default: the caller's) and an ISO-8601 expiry. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateApiKeyRequest(String name, List<String> scopes, String expiresAt) {}
