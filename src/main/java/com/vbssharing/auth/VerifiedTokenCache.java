package com.vbssharing.auth;

import io.micronaut.core.util.clhm.ConcurrentLinkedHashMap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens this instance verified lately, so that a caller's next request skips the signature and the claims
 * (docs/decisions.md, "Verified tokens are remembered"). Keyed by the whole token: a token that differs in any
 * character is verified afresh. An entry is used until the earlier of the token's expiry (with the clock skew
 * {@link TokenVerifier} allows) and {@code maxAge} after its verification, so a key the identity provider
 * withdraws stops opening requests within {@code maxAge}. Only accepted tokens are kept; a refused one is checked
 * again each time. Bounded: the least recently used entry makes room.
 */
final class VerifiedTokenCache {

    private record Entry(VerifiedToken token, Instant usableUntil) {
    }

    private final Clock clock;
    private final Duration maxAge;
    private final Duration clockSkew;
    private final Map<String, Entry> entries;

    VerifiedTokenCache(Clock clock, Duration maxAge, Duration clockSkew, int maxEntries) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.clockSkew = clockSkew;
        this.entries = new ConcurrentLinkedHashMap.Builder<String, Entry>()
                .maximumWeightedCapacity(maxEntries)
                .build();
    }

    Optional<VerifiedToken> get(String token) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(entry.usableUntil())) {
            entries.remove(token, entry);
            return Optional.empty();
        }
        return Optional.of(entry.token());
    }

    void put(VerifiedToken verified) {
        Instant expiry = verified.expiresAt().plus(clockSkew);
        Instant maxAgeEnd = clock.instant().plus(maxAge);
        entries.put(verified.token(), new Entry(verified, expiry.isBefore(maxAgeEnd) ? expiry : maxAgeEnd));
    }

    int size() {
        return entries.size();
    }
}
