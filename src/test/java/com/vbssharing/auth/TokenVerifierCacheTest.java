package com.vbssharing.auth;

import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Remembered tokens: what is remembered, for how long, and that expiry still applies to them. */
class TokenVerifierCacheTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";

    private final SettableClock clock = new SettableClock(START);

    private TokenVerifier verifier(int cacheSeconds) {
        AuthConfiguration configuration = new AuthConfiguration();
        configuration.setJwtSecret(TestApp.JWT_SECRET);
        configuration.setClockSkewSeconds(60);
        configuration.setVerifiedTokenCacheSeconds(cacheSeconds);
        return new TokenVerifier(configuration, clock);
    }

    private static String tokenExpiringAt(Instant expiry) {
        return Tokens.sign(TestApp.JWT_SECRET, Tokens.claims(PROJECT, expiry).issueTime(Date.from(START)).build());
    }

    @Test
    void anAcceptedTokenIsRememberedUntilTheMaximumAgeThenCheckedAgain() {
        TokenVerifier verifier = verifier(300);
        String token = tokenExpiringAt(START.plus(Duration.ofHours(8)));

        VerifiedToken first = verifier.verify(token).orElseThrow();
        clock.set(START.plusSeconds(300));
        assertSame(first, verifier.verify(token).orElseThrow(), "remembered: the check is skipped");

        clock.set(START.plusSeconds(301));
        VerifiedToken again = verifier.verify(token).orElseThrow();
        assertNotSame(first, again, "past the maximum age the token is checked again");
        assertEquals(first, again);
    }

    @Test
    void aRememberedTokenStillExpires() {
        TokenVerifier verifier = verifier(3600);
        String token = tokenExpiringAt(START.plusSeconds(120));

        assertTrue(verifier.verify(token).isPresent());
        clock.set(START.plusSeconds(120 + 60));
        assertTrue(verifier.verify(token).isPresent(), "within the clock skew after exp");
        clock.set(START.plusSeconds(120 + 61));
        assertEquals(Optional.empty(), verifier.verify(token));
    }

    @Test
    void aRefusedTokenIsCheckedEveryTime() {
        TokenVerifier verifier = verifier(300);
        // Not valid yet: refused now, accepted once its time has come. Had the refusal been remembered, it would
        // still be refused.
        String notYet = Tokens.sign(TestApp.JWT_SECRET, Tokens.claims(PROJECT, START.plus(Duration.ofHours(1)))
                .notBeforeTime(Date.from(START.plusSeconds(600))).build());

        assertEquals(Optional.empty(), verifier.verify(notYet));
        clock.set(START.plusSeconds(600));
        assertTrue(verifier.verify(notYet).isPresent());
    }

    @Test
    void aTokenThatDiffersInOneCharacterIsNotTheRememberedOne() {
        TokenVerifier verifier = verifier(300);
        String token = tokenExpiringAt(START.plus(Duration.ofHours(1)));
        assertTrue(verifier.verify(token).isPresent());

        // Not the last character: its low bits are padding that base64 decoding may ignore.
        int at = token.length() - 5;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertEquals(Optional.empty(), verifier.verify(tampered));
    }

    @Test
    void withoutACacheEveryRequestIsChecked() {
        TokenVerifier verifier = verifier(0);
        String token = tokenExpiringAt(START.plus(Duration.ofHours(1)));

        assertNotSame(verifier.verify(token).orElseThrow(), verifier.verify(token).orElseThrow());
    }

    @Test
    void theCacheKeepsTheMostRecentlyUsedTokensWithinItsBound() {
        VerifiedTokenCache cache = new VerifiedTokenCache(clock, Duration.ofMinutes(5), Duration.ofMinutes(1), 2);
        Instant expiry = START.plus(Duration.ofHours(1));
        VerifiedToken a = new VerifiedToken("a", "user", PROJECT, START, expiry);
        VerifiedToken b = new VerifiedToken("b", "user", PROJECT, START, expiry);
        VerifiedToken c = new VerifiedToken("c", "user", PROJECT, START, expiry);

        cache.put(a);
        cache.put(b);
        assertTrue(cache.get("a").isPresent());
        cache.put(c);

        assertEquals(2, cache.size());
        assertEquals(Optional.of(a), cache.get("a"));
        assertEquals(Optional.empty(), cache.get("b"), "the least recently used made room");
        assertEquals(Optional.of(c), cache.get("c"));
    }

    private static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
