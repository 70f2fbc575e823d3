package dev.latchkey.domain.testing;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.workloadtoken.WorkloadTokenClaims;
import dev.latchkey.domain.workloadtoken.WorkloadTokenCodec;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the RS256 codec in domain tests: a token is an opaque handle to the claims it was
 * signed with, so only tokens this codec issued verify. Expiry is the verifier's and the cache's to
 * check; the real codec has its own tests (adapters-crypto).
 */
public final class InMemoryWorkloadTokenCodec implements WorkloadTokenCodec {
    private static final String PREFIX = "test-wt.";
    private final Map<String, WorkloadTokenClaims> signed = new ConcurrentHashMap<>();

    @Override
    public String sign(WorkloadTokenClaims claims) {
        String token = PREFIX + UUID.randomUUID();
        signed.put(token, claims);
        return token;
    }

    @Override
    public WorkloadTokenClaims verify(String token) {
        return Optional.ofNullable(signed.get(token))
                .orElseThrow(() -> new AuthFailure(AuthError.INVALID_JWT, "Not a token this codec signed"));
    }

    @Override
    public boolean claimsToBeOurs(String token) {
        return token.startsWith(PREFIX);
    }

    @Override
    public String publicJwks() {
        return "{\"keys\":[]}";
    }
}
