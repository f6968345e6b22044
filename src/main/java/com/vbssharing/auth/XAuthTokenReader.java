package com.vbssharing.auth;

import io.micronaut.security.token.reader.HttpHeaderTokenReader;
import jakarta.inject.Singleton;

/**
 * Reads the token from {@code X-Auth-Token}, the header every OpenStack client sends.
 * {@code Authorization: Bearer} is read by Micronaut's own bearer reader.
 */
@Singleton
public class XAuthTokenReader extends HttpHeaderTokenReader {

    public static final String HEADER = "X-Auth-Token";

    @Override
    protected String getPrefix() {
        return null;
    }

    @Override
    protected String getHeaderName() {
        return HEADER;
    }
}
