package dev.latchkey.http.auth;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import dev.latchkey.domain.auth.AuthenticationListener;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts decisions by credential kind and outcome ({@code latchkey.auth.<kind>.<ok|code>}), times
 * the authentication step, and logs one DEBUG line per decision with the credential id, never the
 * credential.
 */
public final class AuthMetrics implements AuthenticationListener {
    private static final Logger LOG = LoggerFactory.getLogger("dev.latchkey.decisions");
    private static final String UNRECOGNISED = "unrecognised";

    private final MetricRegistry registry;
    private final Timer authentication;

    public AuthMetrics(MetricRegistry registry) {
        this.registry = registry;
        this.authentication = registry.timer("latchkey.auth.authenticate");
    }

    Timer.Context timeAuthentication() {
        return authentication.time();
    }

    @Override
    public void authenticated(Principal principal) {
        registry.counter(name(principal.credentialKind().wireName(), "ok")).inc();
        LOG.debug(
                "authenticated kind={} credential={} actor={} tenant={}",
                principal.credentialKind().wireName(),
                principal.credentialId(),
                principal.actor().id(),
                principal.tenantId().orElse("-"));
    }

    @Override
    public void rejected(Optional<CredentialKind> kind, AuthError error) {
        String kindName = kind.map(CredentialKind::wireName).orElse(UNRECOGNISED);
        registry.counter(name(kindName, error.code())).inc();
        LOG.debug("rejected kind={} code={}", kindName, error.code());
    }

    @Override
    public void denied(Principal principal, AuthError error) {
        registry.counter(name(principal.credentialKind().wireName(), error.code()))
                .inc();
        LOG.debug(
                "denied kind={} credential={} code={}",
                principal.credentialKind().wireName(),
                principal.credentialId(),
                error.code());
    }

    private static String name(String kind, String outcome) {
        return MetricRegistry.name("latchkey.auth", kind, outcome);
    }
}
