package dev.latchkey.domain.oauth;

import java.util.Optional;

/** The parameters of an authorization request as received; any may be missing. */
public record AuthorizationParameters(
        Optional<String> responseType,
        Optional<String> clientId,
        Optional<String> redirectUri,
        Optional<String> codeChallenge,
        Optional<String> codeChallengeMethod,
        Optional<String> state,
        Optional<String> scope,
        Optional<String> resource) {}
