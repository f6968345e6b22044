package com.vbssharing.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Signed test tokens. */
public final class Tokens {

    private Tokens() {
    }

    public static String forProject(String projectId) {
        return sign(TestApp.JWT_SECRET, claims(projectId, Instant.now().plusSeconds(3600)).build());
    }

    public static JWTClaimsSet.Builder claims(String projectId, Instant expiry) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject("user-" + projectId);
        if (projectId != null) {
            builder.claim("project_id", projectId);
        }
        if (expiry != null) {
            builder.expirationTime(Date.from(expiry));
        }
        return builder;
    }

    public static String sign(String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh project id: 32 lowercase hex characters, like Keystone's. */
    public static String newProjectId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
