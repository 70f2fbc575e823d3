package dev.latchkey.domain.workloadtoken;

import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.external.ExternalClaims;
import dev.latchkey.domain.external.ExternalTokenVerifier;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadStatus;
import dev.latchkey.domain.workload.WorkloadStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A workload proving itself before it gets any token: with its own secret (or, during a rotation's
 * overlap, the one it replaced), or with its platform's token from a configured trusted issuer whose
 * subject was pinned at registration. An unknown or deleted workload costs the same hashing as a
 * known one and gets the same answer; "disabled" is said only once the workload is proven.
 */
public final class WorkloadProof {
    private final WorkloadStore workloads;
    private final SecretHasher hasher;
    private final ExternalTokenVerifier platforms;
    private final Clock clock;
    private final String dummyHash;

    public WorkloadProof(WorkloadStore workloads, SecretHasher hasher, ExternalTokenVerifier platforms, Clock clock) {
        this.workloads = workloads;
        this.hasher = hasher;
        this.platforms = platforms;
        this.clock = clock;
        this.dummyHash = hasher.hash("latchkey workload timing equaliser");
    }

    /**
     * @throws AuthFailure {@code invalid_credentials} or {@code workload_disabled}; for a platform
     *     token also {@code invalid_jwt}, or {@code identity_provider_unavailable} when its issuer's
     *     keys cannot be had
     */
    public Workload prove(WorkloadCredential credential) {
        Workload proven = credential instanceof WorkloadCredential.Secret secret
                ? bySecret(secret)
                : byPlatformToken((WorkloadCredential.PlatformToken) credential);
        if (!proven.isActive()) {
            throw new AuthFailure(AuthError.WORKLOAD_DISABLED, "Workload " + proven.id() + " is disabled");
        }
        return proven;
    }

    /**
     * Whether the secret proves a workload as remembered from an earlier proof — against the secret
     * hashes read then, a retiring one only until its overlap ends — and that workload was active.
     */
    boolean stillProves(Workload remembered, WorkloadCredential.Secret credential) {
        return remembered.isActive()
                && remembered.id().equals(credential.workloadId())
                && remembered.proves(credential.secret(), hasher, clock.instant());
    }

    private Workload bySecret(WorkloadCredential.Secret credential) {
        Instant now = clock.instant();
        Optional<Workload> workload =
                workloads.findById(credential.workloadId()).filter(w -> w.status() != WorkloadStatus.DELETED);
        boolean proven = workload.map(w -> w.proves(credential.secret(), hasher, now))
                .orElseGet(() -> {
                    hasher.verify(dummyHash, credential.secret());
                    return false;
                });
        if (!proven) {
            throw new AuthFailure(AuthError.INVALID_CREDENTIALS, "The workload id or secret is incorrect");
        }
        return workload.get();
    }

    private Workload byPlatformToken(WorkloadCredential.PlatformToken credential) {
        String issuer = platforms
                .identify(credential.token())
                .map(ExternalTokenVerifier.TrustedIssuer::name)
                .orElseThrow(() -> new AuthFailure(
                        AuthError.INVALID_CREDENTIALS, "The token is not from a workload issuer Latchkey trusts"));
        ExternalClaims claims = platforms.verify(issuer, credential.token());
        Workload workload = workloads
                .findByFederation(issuer, claims.subject())
                .filter(w -> w.status() != WorkloadStatus.DELETED)
                .orElseThrow(() -> new AuthFailure(
                        AuthError.INVALID_CREDENTIALS, "No workload is registered for this " + issuer + " identity"));
        if (credential.workloadId().filter(id -> !id.equals(workload.id())).isPresent()) {
            throw new AuthFailure(AuthError.INVALID_CREDENTIALS, "The token proves another workload");
        }
        return workload;
    }
}
