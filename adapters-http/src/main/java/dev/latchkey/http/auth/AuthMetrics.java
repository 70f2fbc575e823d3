package dev.latchkey.http.auth;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import dev.latchkey.domain.auth.AuthenticationListener;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    /**
     * The counters by kind and outcome, found once: naming one and looking it up in the registry
     * built a string on every decision. Outcomes are the stable error codes, a closed set.
     */
    private final Map<String, Map<String, Counter>> counters = new ConcurrentHashMap<>();

    public AuthMetrics(MetricRegistry registry) {
        this.registry = registry;
        this.authentication = registry.timer("latchkey.auth.authenticate");
    }

    Timer.Context timeAuthentication() {
        return authentication.time();
    }

    @Override
    public void authenticated(Principal principal) {
        counter(principal.credentialKind().wireName(), "ok").inc();
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
        counter(kindName, error.code()).inc();
        LOG.debug("rejected kind={} code={}", kindName, error.code());
    }

    @Override
    public void denied(Principal principal, AuthError error) {
        counter(principal.credentialKind().wireName(), error.code()).inc();
        LOG.debug(
                "denied kind={} credential={} code={}",
                principal.credentialKind().wireName(),
                principal.credentialId(),
                error.code());
    }

    private Counter counter(String kind, String outcome) {
        Map<String, Counter> byOutcome = counters.get(kind);
        if (byOutcome == null) {
            byOutcome = counters.computeIfAbsent(kind, any -> new ConcurrentHashMap<>());
        }
        Counter counter = byOutcome.get(outcome);
        return counter != null
                ? counter
                : byOutcome.computeIfAbsent(
                        outcome, any -> registry.counter(MetricRegistry.name("latchkey.auth", kind, outcome)));
    }
}
