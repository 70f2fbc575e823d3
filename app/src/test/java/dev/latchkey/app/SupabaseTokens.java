package dev.latchkey.app;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;

/** Access tokens as Supabase Auth signs them: HS256 with the project's JWT secret, audience "authenticated". */
final class SupabaseTokens {
    static final String ISSUER = "https://project.supabase.co/auth/v1";
    static final String SECRET = "super-secret-jwt-token-with-at-least-32-characters";

    private SupabaseTokens() {}

    static String token(String subject, String email) {
        return token(subject, email, Instant.now().plusSeconds(600), SECRET);
    }

    static String token(String subject, String email, Instant expiresAt, String secret) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(ISSUER);
            claims.setAudience("authenticated");
            claims.setSubject(subject);
            claims.setClaim("email", email);
            claims.setClaim("role", "authenticated");
            claims.setIssuedAtToNow();
            claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            return jws.getCompactSerialization();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
