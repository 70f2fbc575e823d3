package dev.latchkey.http.user;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.token.AccessToken;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** The RFC 6749 §5.1 token response shape: {@code access_token}, {@code token_type}, {@code expires_in}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {

    static TokenResponse of(AccessToken token) {
        return new TokenResponse(token.value(), "Bearer", token.expiresIn().toSeconds());
    }

    /** Tokens must not be cached by anything in between (RFC 6749 §5.1). */
    static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        return cache;
    }

    static Response.ResponseBuilder ok(Response.ResponseBuilder builder, Object entity) {
        return builder.entity(entity).cacheControl(noStore()).header("Pragma", "no-cache");
    }
}
