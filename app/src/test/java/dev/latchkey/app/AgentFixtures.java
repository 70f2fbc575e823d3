package dev.latchkey.app;

import static dev.latchkey.app.TestApps.request;

import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The setting most agent tests start from, built over HTTP as a platform would build it. */
final class AgentFixtures {
    private AgentFixtures() {}

    /** A workspace's owner, a workload with an approved policy, the owner's grant to it, and its token. */
    record Delegated(String owner, String workloadId, String grantId, String workloadToken) {}

    /** A fresh owner who lets a new workload act for them with {@code scopes}. */
    @SuppressWarnings("unchecked")
    static Delegated workloadActingForAnOwner(DropwizardAppExtension<LatchkeyConfiguration> app, List<String> scopes) {
        String email = "o-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String token = Reply.of(request(app, "/auth/register")
                        .post(Entity.json(Map.of("email", email, "password", "correct horse battery staple"))))
                .string("access_token");
        String owner = TestApps.call(app, "POST", "/workspaces/bootstrap", token, Map.of())
                .string("access_token");
        Reply workload = TestApps.call(app, "POST", "/internal/auth/workloads", owner, Map.of("name", "release bot"));
        String policy = TestApps.call(
                        app,
                        "POST",
                        "/internal/auth/workload-policies",
                        owner,
                        Map.of("workload_id", workload.string("id"), "scopes", scopes))
                .string("id");
        TestApps.call(app, "POST", "/internal/auth/workload-policies/" + policy + "/approve", owner, Map.of());
        String grant = (String) ((Map<String, Object>) TestApps.call(
                                app,
                                "POST",
                                "/internal/auth/delegation-grants",
                                owner,
                                Map.of("workload_id", workload.string("id"), "scopes", scopes))
                        .body()
                        .get("grant"))
                .get("id");
        String workloadToken = Reply.of(request(app, "/internal/auth/workload-token")
                        .post(Entity.json(Map.of(
                                "workload_id",
                                workload.string("id"),
                                "workload_secret",
                                workload.string("secret"),
                                "grant_id",
                                grant))))
                .string("access_token");
        return new Delegated(owner, workload.string("id"), grant, workloadToken);
    }
}
