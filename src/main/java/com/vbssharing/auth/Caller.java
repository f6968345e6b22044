package com.vbssharing.auth;

/** Who sent a request: the verified token's subject and project. Controllers take it as a parameter. */
public record Caller(String subject, String projectId) {
}
