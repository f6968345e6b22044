package com.vbssharing.auth;

import java.time.Instant;

/** A token this service accepts, and what it says: who, for which project, from when until when. */
public record VerifiedToken(String token, String subject, String projectId, Instant issuedAt, Instant expiresAt) {
}
