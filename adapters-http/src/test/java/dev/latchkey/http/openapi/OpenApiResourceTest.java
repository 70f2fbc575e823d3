package dev.latchkey.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.usage.InMemoryUsageCounters;
import dev.latchkey.domain.usage.Plan;
import dev.latchkey.domain.usage.UsageGate;
import dev.latchkey.http.system.HealthResource;
import dev.latchkey.http.system.UsageResource;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The OpenAPI document describes the resources registered beside it, each with its declared posture. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiResourceTest {
    static final ResourceExtension API = ResourceExtension.builder()
            .addResource(new OpenApiResource("https://latchkey.example", "9.9.9", java.util.List.of()))
            .addResource(new HealthResource())
            .addResource(new UsageResource(new UsageGate(
                    new InMemoryUsageCounters(),
                    tenant -> new Plan("default", 60, 10, 0, Duration.ofDays(30)),
                    Clock.systemUTC())))
            .build();

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> operations(Map<String, Object> document, String path) {
        return ((Map<String, Map<String, Map<String, Object>>>) document.get("paths")).get(path);
    }

    @Test
    void eachRegisteredRouteIsListedWithItsPostureAndScopes() {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = API.target("/openapi.json").request().get(Map.class);

        assertThat(document).containsEntry("openapi", "3.1.0");
        assertThat(document.get("servers")).isEqualTo(List.of(Map.of("url", "https://latchkey.example")));
        assertThat(operations(document, "/usage").get("get"))
                .containsEntry("x-latchkey-scopes", List.of("usage:read"))
                .containsEntry("security", List.of(Map.of("bearer", List.of()), Map.of("apiKey", List.of())));
        assertThat(operations(document, "/health").get("get")).containsEntry("security", List.of());
        assertThat(operations(document, "/api-keys"))
                .as("only the routes registered")
                .isNull();
    }
}
