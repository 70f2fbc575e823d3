package dev.latchkey.app;

import com.codahale.metrics.health.HealthCheck;
import dev.latchkey.workos.WorkosIdentityProvider;

/** Red once WorkOS has refused our secret key: every WorkOS API-key caller is getting 503. */
final class WorkosSecretHealthCheck extends HealthCheck {
    private final WorkosIdentityProvider workos;

    WorkosSecretHealthCheck(WorkosIdentityProvider workos) {
        this.workos = workos;
    }

    @Override
    protected Result check() {
        return workos.secretRejected()
                ? Result.unhealthy("WorkOS rejected workos.apiKey (401): fix the secret; callers get 503 meanwhile")
                : Result.healthy();
    }
}
