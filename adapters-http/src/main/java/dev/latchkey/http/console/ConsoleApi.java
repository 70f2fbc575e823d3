package dev.latchkey.http.console;

import dev.latchkey.http.console.LatchkeyApiClient.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Everything the console asks of Latchkey's API, one method per operation, for one signed-in
 * person's token. The paths live here and nowhere else in the console.
 *
 * <p>Deliberately a client of the public API rather than of the use cases: the console can then do
 * nothing the same token could not do with curl — the API's postures, scopes, validation, rate
 * limits and audit apply unchanged, and there is no second enforcement path to keep in step. The
 * price is a loopback call per read or action (a page makes at most seven, one at a time, so it
 * holds one more request thread while they run; Jetty's pool is far larger than the console's
 * concurrency).
 */
final class ConsoleApi {
    private final LatchkeyApiClient http;
    private final String token;

    ConsoleApi(LatchkeyApiClient http, String token) {
        this.http = http;
        this.token = token;
    }

    private Answer get(String path) {
        return http.call("GET", path, token, null);
    }

    private Answer post(String path, Object body) {
        return http.call("POST", path, token, body);
    }

    private Answer put(String path, Object body) {
        return http.call("PUT", path, token, body);
    }

    private Answer delete(String path) {
        return http.call("DELETE", path, token, null);
    }

    private static String id(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    Answer whoAmI() {
        return get("/whoami");
    }

    Answer currentWorkspace() {
        return get("/workspaces/current");
    }

    Answer usage() {
        return get("/usage");
    }

    Answer auditEvents(int limit) {
        return get("/audit-events?limit=" + limit);
    }

    Answer apiKeys() {
        return get("/api-keys");
    }

    Answer createApiKey(Map<String, Object> request) {
        return post("/api-keys", request);
    }

    Answer revokeApiKey(String keyId) {
        return delete("/api-keys/" + id(keyId));
    }

    Answer rollApiKey(String keyId) {
        return post("/api-keys/" + id(keyId) + "/roll", Map.of());
    }

    Answer machineClients() {
        return get("/oauth/clients");
    }

    Answer createMachineClient(Map<String, Object> request) {
        return post("/oauth/clients", request);
    }

    Answer deleteMachineClient(String clientId) {
        return delete("/oauth/clients/" + id(clientId));
    }

    Answer members() {
        return get("/members");
    }

    Answer invite(String email, String role) {
        return post("/members", Map.of("email", email, "role", role));
    }

    Answer changeRole(String userId, String role) {
        return put("/members/" + id(userId), Map.of("role", role));
    }

    Answer removeMember(String userId) {
        return delete("/members/" + id(userId));
    }

    Answer workloads() {
        return get("/internal/auth/workloads");
    }

    Answer registerWorkload(String name) {
        return post("/internal/auth/workloads", Map.of("name", name));
    }

    Answer proposedPolicies() {
        return get("/internal/auth/workload-policies");
    }

    Answer proposePolicy(String workloadId, List<String> scopes) {
        return post("/internal/auth/workload-policies", Map.of("workload_id", workloadId, "scopes", scopes));
    }

    /** @param decision {@code approve} or {@code reject} */
    Answer decidePolicy(String policyId, String decision) {
        return post("/internal/auth/workload-policies/" + id(policyId) + "/" + decision, Map.of());
    }

    Answer pendingApprovals() {
        return get("/internal/auth/approvals");
    }

    /**
     * @param decision {@code approve} or {@code reject}
     * @param reason what the workload is told with the decision; blank: nothing
     */
    Answer decideApproval(String approvalId, String decision, String reason) {
        return post(
                "/internal/auth/approvals/" + id(approvalId) + "/" + decision,
                reason.isBlank() ? Map.of() : Map.of("reason", reason));
    }

    Answer grants() {
        return get("/internal/auth/delegation-grants");
    }

    Answer createGrant(String workloadId, List<String> scopes) {
        return post("/internal/auth/delegation-grants", Map.of("workload_id", workloadId, "scopes", scopes));
    }

    Answer revokeGrant(String grantId) {
        return delete("/internal/auth/delegation-grants/" + id(grantId));
    }

    Answer explainGrant(String grantId) {
        return get("/internal/auth/delegation-grants/" + id(grantId) + "/explain");
    }

    Answer connections() {
        return get("/oauth/connections");
    }

    Answer disconnect(String clientId) {
        return delete("/oauth/connections/" + id(clientId));
    }

    Answer actorMappings() {
        return get("/actor-mappings");
    }

    Answer saveMapping(Map<String, Object> request) {
        return put("/actor-mappings", request);
    }
}
