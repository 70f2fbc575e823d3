package dev.latchkey.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestError;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workspace.lifecycle.CreateWorkspace;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyLifecycleTest {
    private ApiKeyWorld world;
    private CreateWorkspace.Created created;
    private String workspaceId;

    @BeforeEach
    void setUp() {
        world = new ApiKeyWorld();
        created = world.createWorkspace.execute("Tattoo", ApiKeyWorld.ADMIN);
        workspaceId = created.workspace().id();
    }

    private IssuedApiKey issue(ScopeSet scopes, ScopeSet callerScopes) {
        return world.issue.execute(
                new IssueApiKey.Command(workspaceId, "agent", Optional.of(scopes), Optional.empty()),
                callerScopes,
                ApiKeyWorld.ADMIN);
    }

    @Test
    void createWorkspaceMintsAFirstKeyWithEveryScopeAndStoresOnlyItsHash() {
        ApiKey stored = world.keys.findById(created.firstKey().key().id()).orElseThrow();

        assertThat(stored.scopes()).isEqualTo(ScopeSet.ALL);
        assertThat(stored.secretHash())
                .doesNotContain(created.firstKey().secret().value());
        assertThat(stored.lookupPrefix())
                .isEqualTo(created.firstKey().secret().value().substring(0, 16));
    }

    @Test
    void issueWhenScopesOmittedThenInheritsTheCallersScopes() {
        ScopeSet caller = ScopeSet.parse(List.of("records:*", "api_keys:write"));

        IssuedApiKey issued = world.issue.execute(
                new IssueApiKey.Command(workspaceId, "child", Optional.empty(), Optional.empty()),
                caller,
                ApiKeyWorld.ADMIN);

        assertThat(issued.key().scopes()).isEqualTo(caller);
    }

    @Test
    void issueWhenAskingForMoreThanTheCallerHoldsThenInsufficientScopeNamingIt() {
        ScopeSet caller = ScopeSet.parse(List.of("records:read", "api_keys:write"));

        assertThatThrownBy(() -> issue(ScopeSet.parse(List.of("records:*", "audit:read")), caller))
                .isInstanceOfSatisfying(AuthFailure.class, f -> {
                    assertThat(f.error()).isEqualTo(AuthError.INSUFFICIENT_SCOPE);
                    assertThat(f.detail()).contains("audit:read").contains("records:*");
                });
    }

    @Test
    void issueWhenExpiryInThePastThenInvalidRequest() {
        assertThatThrownBy(() -> world.issue.execute(
                        new IssueApiKey.Command(
                                workspaceId, "late", Optional.empty(), Optional.of(world.clock.instant())),
                        ScopeSet.ALL,
                        ApiKeyWorld.ADMIN))
                .isInstanceOfSatisfying(
                        RequestRejected.class, r -> assertThat(r.error()).isEqualTo(RequestError.INVALID_REQUEST));
    }

    @Test
    void issueWhenNameBlankThenInvalidRequest() {
        assertThatThrownBy(() -> new IssueApiKey.Command(workspaceId, " ", Optional.empty(), Optional.empty()))
                .isInstanceOf(RequestRejected.class);
    }

    @Test
    void revokeWhenKeyBelongsToAnotherWorkspaceThenNotFound() {
        CreateWorkspace.Created other = world.createWorkspace.execute("Other", ApiKeyWorld.ADMIN);

        assertThatThrownBy(() ->
                        world.revoke.execute(workspaceId, other.firstKey().key().id(), ApiKeyWorld.ADMIN))
                .isInstanceOfSatisfying(
                        RequestRejected.class, r -> assertThat(r.error()).isEqualTo(RequestError.NOT_FOUND));
        assertThat(world.keys
                        .findById(other.firstKey().key().id())
                        .orElseThrow()
                        .revokedAt())
                .isEmpty();
    }

    @Test
    void revokeTwiceIsHarmlessAndAuditedOnce() {
        String keyId = created.firstKey().key().id();

        world.revoke.execute(workspaceId, keyId, ApiKeyWorld.ADMIN);
        world.revoke.execute(workspaceId, keyId, ApiKeyWorld.ADMIN);

        assertThat(world.auditLog.page(workspaceId, Optional.empty(), 50).events())
                .extracting(AuditEvent::action)
                .containsOnlyOnce("api_key.revoked");
    }

    @Test
    void rollKeepsTheOldKeyWorkingUntilTheGracePeriodEnds() {
        String oldKey = created.firstKey().secret().value();
        world.verifier.verify(new PresentedCredential.Bearer(oldKey));

        RollApiKey.Rolled rolled = world.roll.execute(
                workspaceId, created.firstKey().key().id(), Duration.ofSeconds(60), ScopeSet.ALL, ApiKeyWorld.ADMIN);
        IssuedApiKey replacement = rolled.replacement();

        assertThat(rolled.replacedKeyExpiresAt())
                .isEqualTo(world.clock.instant().plusSeconds(60));

        assertThat(replacement.key().scopes())
                .isEqualTo(created.firstKey().key().scopes());
        assertThat(replacement.key().name()).isEqualTo(created.firstKey().key().name());
        world.clock.advance(Duration.ofSeconds(59));
        assertThat(world.verifier.verify(new PresentedCredential.Bearer(oldKey)))
                .isNotNull();
        assertThat(world.verifier.verify(
                        new PresentedCredential.Bearer(replacement.secret().value())))
                .isNotNull();
        world.clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> world.verifier.verify(new PresentedCredential.Bearer(oldKey)))
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(AuthError.INVALID_API_KEY));
        assertThat(world.verifier.verify(
                        new PresentedCredential.Bearer(replacement.secret().value())))
                .isNotNull();
    }

    @Test
    void rollWhenTheKeyHoldsScopesTheCallerLacksThenInsufficientScope() {
        ScopeSet keysOnly = ScopeSet.parse(List.of("api_keys:write"));

        assertThatThrownBy(() -> world.roll.execute(
                        workspaceId, created.firstKey().key().id(), Duration.ZERO, keysOnly, ApiKeyWorld.ADMIN))
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(AuthError.INSUFFICIENT_SCOPE));
        assertThat(world.keys
                        .findById(created.firstKey().key().id())
                        .orElseThrow()
                        .expiresAt())
                .as("the refused roll changed nothing")
                .isEmpty();
    }

    @Test
    void rollTwiceThenConflictAndOneReplacement() {
        world.roll.execute(
                workspaceId, created.firstKey().key().id(), Duration.ofSeconds(60), ScopeSet.ALL, ApiKeyWorld.ADMIN);

        assertThatThrownBy(() -> world.roll.execute(
                        workspaceId,
                        created.firstKey().key().id(),
                        Duration.ofSeconds(60),
                        ScopeSet.ALL,
                        ApiKeyWorld.ADMIN))
                .isInstanceOfSatisfying(
                        RequestRejected.class, r -> assertThat(r.error()).isEqualTo(RequestError.CONFLICT));
        assertThat(world.keys.listByWorkspace(workspaceId)).hasSize(2);
    }

    @Test
    void rollWhenRevokedThenConflict() {
        world.revoke.execute(workspaceId, created.firstKey().key().id(), ApiKeyWorld.ADMIN);

        assertThatThrownBy(() -> world.roll.execute(
                        workspaceId, created.firstKey().key().id(), Duration.ZERO, ScopeSet.ALL, ApiKeyWorld.ADMIN))
                .isInstanceOfSatisfying(
                        RequestRejected.class, r -> assertThat(r.error()).isEqualTo(RequestError.CONFLICT));
    }

    @Test
    void rollWhenGraceTooLongThenInvalidRequest() {
        assertThatThrownBy(() -> world.roll.execute(
                        workspaceId,
                        created.firstKey().key().id(),
                        RollApiKey.MAX_GRACE.plusSeconds(1),
                        ScopeSet.ALL,
                        ApiKeyWorld.ADMIN))
                .isInstanceOf(RequestRejected.class);
    }

    @Test
    void auditTrailRecordsWhoDidWhatWithoutSecrets() {
        IssuedApiKey issued = issue(ScopeSet.parse(List.of("records:read")), ScopeSet.ALL);
        world.revoke.execute(workspaceId, issued.key().id(), ApiKeyWorld.ADMIN);

        List<AuditEvent> events =
                world.auditLog.page(workspaceId, Optional.empty(), 50).events();

        assertThat(events)
                .extracting(AuditEvent::action)
                .containsExactly("api_key.revoked", "api_key.created", "api_key.created", "workspace.created");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.actorId()).isEqualTo("operator:test");
            assertThat(e.details().values())
                    .noneMatch(v -> v.contains(issued.secret().value()));
            assertThat(e.details().values())
                    .noneMatch(v -> v.contains(created.firstKey().secret().value()));
        });
    }
}
