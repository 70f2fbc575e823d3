package dev.latchkey.domain.oauth;

import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The scope words OAuth clients really send, read as RFC 6749 §3.3 allows: the ones this server
 * offers are kept and the rest dropped, rather than failing the whole request. Clients send words
 * of other protocols and of their own ({@code offline_access}, {@code openid}, {@code profile},
 * {@code email}, Claude.ai's {@code claudeai}); the response's {@code scope} says what was granted.
 * Refresh tokens are issued with every grant, so {@code offline_access} needs no word of its own.
 */
final class ScopeWords {
    private ScopeWords() {}

    /**
     * The offered scopes among {@code text}'s words.
     *
     * @throws IllegalArgumentException for a text over {@link ScopeSet#MAX_TEXT} characters
     */
    static ScopeSet offered(String text, ScopeSet offered) {
        if (text.length() > ScopeSet.MAX_TEXT) {
            throw new IllegalArgumentException("at most " + ScopeSet.MAX_TEXT + " characters of scopes");
        }
        List<Scope> kept = new ArrayList<>();
        for (String word : text.strip().split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            try {
                Scope scope = Scope.parse(word);
                if (offered.covers(scope)) {
                    kept.add(scope);
                }
            } catch (IllegalArgumentException notOurs) {
                // a word of another protocol or of the client's own: dropped
            }
        }
        return kept.size() > ScopeSet.MAX_SCOPES
                ? ScopeSet.of(kept.subList(0, ScopeSet.MAX_SCOPES))
                : ScopeSet.of(kept);
    }

    /**
     * The part of {@code allowed} a token request asks for ({@code scope}, RFC 6749 §3.3): all of it
     * when it names none; words that are no scope ({@code offline_access}, {@code openid}) are dropped.
     *
     * @throws OAuthFailure {@code invalid_scope} for a scope beyond {@code allowed}, with {@code refusal}
     */
    static ScopeSet within(ScopeSet allowed, Optional<String> scope, String refusal) {
        String text = scope.map(String::strip).orElse("");
        if (text.isEmpty()) {
            return allowed;
        }
        List<String> known = Arrays.stream(text.split(" +"))
                .filter(word -> word.equals("*") || word.indexOf(':') > 0)
                .toList();
        ScopeSet requested;
        try {
            requested = ScopeSet.parse(known);
        } catch (IllegalArgumentException e) {
            throw new OAuthFailure(OAuthError.INVALID_SCOPE, "scope is not a list of scopes");
        }
        if (!allowed.coversAll(requested)) {
            throw new OAuthFailure(OAuthError.INVALID_SCOPE, refusal);
        }
        return requested.isEmpty() ? allowed : requested;
    }
}
