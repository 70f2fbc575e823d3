package dev.latchkey.domain.usage;

import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Limits per workspace: a rate limit for every credential kind, and a usage cap per
 * billing period that meters agent traffic (API keys, OAuth tokens, workload tokens, provider keys)
 * and exempts people's JWTs, so a customer over the cap can still sign in and upgrade or cancel.
 */
public final class UsageGate {
    static final Set<CredentialKind> METERED = EnumSet.of(
            CredentialKind.API_KEY,
            CredentialKind.OAUTH_ACCESS_TOKEN,
            CredentialKind.WORKLOAD_TOKEN,
            CredentialKind.WORKOS_API_KEY);

    /** A workspace's standing in its current billing period, for its admins. */
    public record Usage(Plan plan, Instant periodStart, Instant periodEnd, long metered) {
        public long remaining() {
            return plan.usageCap() == 0 ? Long.MAX_VALUE : Math.max(0, plan.usageCap() - metered);
        }
    }

    /** What the caller may still do, for the RateLimit-* response headers. */
    public record Allowance(int limit, long remaining, Duration reset) {}

    private final UsageCounters counters;
    private final Function<String, Plan> planOf;
    private final Clock clock;

    public UsageGate(UsageCounters counters, Function<String, Plan> planOf, Clock clock) {
        this.counters = counters;
        this.planOf = planOf;
        this.clock = clock;
    }

    /**
     * Counts one request of the principal's workspace.
     *
     * @throws AuthFailure {@code rate_limited} or {@code usage_cap_exceeded}, with when to retry
     */
    public Allowance admit(Principal principal) {
        String tenant =
                principal.tenantId().orElse("no-tenant:" + principal.actor().id());
        Plan plan = planOf.apply(tenant);
        Instant now = clock.instant();
        UsageCounters.Take take = counters.takeToken("rate:" + tenant, plan.burst(), plan.requestsPerMinute(), now);
        Duration untilNext = Duration.between(now, take.nextTokenAt()).isNegative()
                ? Duration.ZERO
                : Duration.between(now, take.nextTokenAt());
        if (!take.allowed()) {
            throw new AuthFailure(
                    AuthError.RATE_LIMITED,
                    "Workspace rate limit of " + plan.requestsPerMinute() + " requests per minute reached",
                    untilNext);
        }
        if (plan.usageCap() > 0 && METERED.contains(principal.credentialKind())) {
            Instant periodStart = periodStart(plan, now);
            Instant periodEnd = periodStart.plus(plan.period());
            long used = counters.increment(usageKey(tenant, periodStart), now, periodEnd);
            if (used > plan.usageCap()) {
                throw new AuthFailure(
                        AuthError.USAGE_CAP_EXCEEDED,
                        "Workspace usage cap of " + plan.usageCap()
                                + " metered requests this period reached; people can still sign in to upgrade or cancel",
                        Duration.between(now, periodEnd));
            }
        }
        return new Allowance(plan.burst(), take.remaining(), untilNext);
    }

    /** The workspace's metered requests so far this period (counted only while it has a cap). */
    public Usage usageOf(String workspaceId) {
        Plan plan = planOf.apply(workspaceId);
        Instant now = clock.instant();
        Instant periodStart = periodStart(plan, now);
        return new Usage(
                plan,
                periodStart,
                periodStart.plus(plan.period()),
                counters.read(usageKey(workspaceId, periodStart), now));
    }

    private static Instant periodStart(Plan plan, Instant now) {
        return Instant.ofEpochSecond(
                now.getEpochSecond() - now.getEpochSecond() % plan.period().toSeconds());
    }

    private static String usageKey(String tenant, Instant periodStart) {
        return "usage:" + tenant + ":" + periodStart.getEpochSecond();
    }
}
