package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.domain.usage.Plan;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** One entry of {@code plans:}: the rate limit and usage cap of the workspaces on that plan. */
public final class PlanConfiguration {
    @Min(1)
    @JsonProperty
    private int requestsPerMinute = 600;

    @Min(1)
    @JsonProperty
    private int burst = 120;

    /** Metered (agent) requests per period; 0: no cap. */
    @Min(0)
    @JsonProperty
    private long usageCap = 0;

    @NotNull
    @JsonProperty
    private Duration period = Duration.days(30);

    Plan toPlan(String name) {
        return new Plan(name, requestsPerMinute, burst, usageCap, period.toJavaDuration());
    }
}
