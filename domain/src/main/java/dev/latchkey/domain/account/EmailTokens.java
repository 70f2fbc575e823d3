package dev.latchkey.domain.account;

import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.user.EmailToken;
import dev.latchkey.domain.user.EmailTokenStore;
import dev.latchkey.domain.user.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Issues and redeems mailed single-use tokens: 256 random bits each, stored only as a SHA-256. */
public final class EmailTokens {
    private final EmailTokenStore store;
    private final SecureRandom random;
    private final Clock clock;

    public EmailTokens(EmailTokenStore store, SecureRandom random, Clock clock) {
        this.store = store;
        this.random = random;
        this.clock = clock;
    }

    /** A new token for the user, valid for {@code lifetime}; the value is for the mail only. */
    public String issue(User user, EmailToken.Purpose purpose, Duration lifetime) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.insert(
                new EmailToken(hash(value), user.id(), purpose, clock.instant().plus(lifetime)));
        return value;
    }

    /** The user the token was issued to, once; empty for an unknown, used, expired or malformed token. */
    public Optional<String> redeem(String value, EmailToken.Purpose purpose) {
        if (value == null || value.isBlank() || value.length() > 100) {
            return Optional.empty();
        }
        return store.consume(hash(value.strip()), purpose, clock.instant()).map(EmailToken::userId);
    }

    private static String hash(String value) {
        return HexFormat.of().formatHex(VerificationCache.fingerprint(value).array());
    }
}
