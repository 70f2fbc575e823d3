package dev.latchkey.http.apikey;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code POST /api-keys/{id}/roll}: how long the old key keeps working. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RollApiKeyRequest(Long graceSeconds) {}
