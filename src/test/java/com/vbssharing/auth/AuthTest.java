package com.vbssharing.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import com.vbssharing.support.Api;
import com.vbssharing.support.HttpApi;
import com.vbssharing.support.LambdaApi;
import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.vbssharing.support.Assertions2.assertFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens: where they are read from, what makes them valid, and which project they open. */
class AuthTest {

    static List<Api> entryPoints() {
        return List.of(HttpApi.get(), LambdaApi.get());
    }

    private static String backupsOf(String projectId) {
        return "/v3/" + projectId + "/backups";
    }

    private static Api.Response getWith(Api api, String projectId, Map<String, String> headers) {
        return api.call("GET", backupsOf(projectId), headers, null);
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void tokenIsReadFromXAuthTokenOrBearer(Api api) {
        String project = Tokens.newProjectId();
        String token = Tokens.forProject(project);
        assertEquals(200, getWith(api, project, Map.of("X-Auth-Token", token)).status());
        assertEquals(200, getWith(api, project, Map.of("Authorization", "Bearer " + token)).status());
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void missingBadOrExpiredTokensAreUnauthorized(Api api) {
        String project = Tokens.newProjectId();
        assertFault(getWith(api, project, Map.of()), 401, "unauthorized");
        assertFault(getWith(api, project, Map.of("X-Auth-Token", "not-a-jwt")), 401, "unauthorized");
        String wrongSecret = Tokens.sign("another-secret-that-is-also-32-bytes-long!",
                Tokens.claims(project, Instant.now().plusSeconds(600)).build());
        assertFault(getWith(api, project, Map.of("X-Auth-Token", wrongSecret)), 401, "unauthorized");
        String expired = Tokens.sign(TestApp.JWT_SECRET, Tokens.claims(project, Instant.now().minusSeconds(600)).build());
        assertFault(getWith(api, project, Map.of("X-Auth-Token", expired)), 401, "unauthorized");
        String noExpiry = Tokens.sign(TestApp.JWT_SECRET, Tokens.claims(project, null).build());
        assertFault(getWith(api, project, Map.of("X-Auth-Token", noExpiry)), 401, "unauthorized");
        String noProject = Tokens.sign(TestApp.JWT_SECRET, Tokens.claims(null, Instant.now().plusSeconds(600)).build());
        assertFault(getWith(api, project, Map.of("X-Auth-Token", noProject)), 401, "unauthorized");
        assertFault(api.call("POST", backupsOf(project), Map.of("Content-Type", "application/json"), "{}"),
                401, "unauthorized");
    }

    /** Claims are checked, not trusted: each of these is otherwise validly signed. */
    @ParameterizedTest
    @MethodSource("entryPoints")
    void malformedClaimsAreUnauthorized(Api api) {
        String project = Tokens.newProjectId();
        Instant later = Instant.now().plusSeconds(600);
        List<com.nimbusds.jwt.JWTClaimsSet> refused = List.of(
                Tokens.claims(project, later).claim("project_id", "a".repeat(2041)).build(),
                Tokens.claims(project, later).claim("project_id", project.substring(0, 31) + " ").build(),
                Tokens.claims(project, later).claim("project_id", project.substring(0, 31) + "#").build(),
                Tokens.claims(project, later).claim("project_id", project.substring(0, 31) + "/").build(),
                Tokens.claims(project, later).claim("project_id", project.substring(0, 31) + "\u0000").build(),
                Tokens.claims(project, later).claim("project_id", 12345).build(),
                Tokens.claims(project, later).notBeforeTime(java.util.Date.from(Instant.now().plusSeconds(3600))).build(),
                Tokens.claims(project, later).issueTime(java.util.Date.from(Instant.now().plusSeconds(3600))).build(),
                Tokens.claims(project, later).claim("sub", 42).build(),
                Tokens.claims(project, later).claim("sub", "").build(),
                Tokens.claims(project, later).claim("sub", "s".repeat(256)).build());
        for (com.nimbusds.jwt.JWTClaimsSet claims : refused) {
            Api.Response response = getWith(api, project, Map.of("X-Auth-Token", Tokens.sign(TestApp.JWT_SECRET, claims)));
            assertEquals(401, response.status(), () -> "claims " + claims + " gave " + response);
            assertFault(response, 401, "unauthorized");
        }
        String slightlyEarly = Tokens.sign(TestApp.JWT_SECRET, Tokens.claims(project, later)
                .notBeforeTime(java.util.Date.from(Instant.now().plusSeconds(20))).build());
        assertEquals(200, getWith(api, project, Map.of("X-Auth-Token", slightlyEarly)).status(), "within the clock skew");
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void differentTokensInBothHeadersAreUnauthorized(Api api) {
        String project = Tokens.newProjectId();
        String token = Tokens.forProject(project);
        String other = Tokens.forProject(project);
        assertFault(getWith(api, project, Map.of("X-Auth-Token", token, "Authorization", "Bearer " + other + "x")),
                401, "unauthorized", "different tokens");
        assertEquals(200, getWith(api, project, Map.of("X-Auth-Token", token, "Authorization", "Bearer " + token))
                .status(), "the same token twice is fine");
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void onlyTheConfiguredAlgorithmsAreAccepted(Api api) throws Exception {
        String project = Tokens.newProjectId();
        com.nimbusds.jwt.JWTClaimsSet claims = Tokens.claims(project, Instant.now().plusSeconds(600)).build();
        SignedJWT hs384 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claims);
        hs384.sign(new com.nimbusds.jose.crypto.MACSigner((TestApp.JWT_SECRET + TestApp.JWT_SECRET).getBytes(StandardCharsets.UTF_8)));
        assertFault(getWith(api, project, Map.of("X-Auth-Token", hs384.serialize())), 401, "unauthorized");
        String unsigned = new com.nimbusds.jwt.PlainJWT(claims).serialize();
        assertFault(getWith(api, project, Map.of("X-Auth-Token", unsigned)), 401, "unauthorized");
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void unknownPathsAreNotFoundEvenWithoutAToken(Api api) {
        assertFault(api.call("GET", "/v9/nothing/here", Map.of(), null), 404, "itemNotFound");
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void validTokenForAnotherProjectIsForbidden(Api api) {
        String token = Tokens.forProject(Tokens.newProjectId());
        String other = Tokens.newProjectId();
        assertFault(getWith(api, other, Map.of("X-Auth-Token", token)), 403, "forbidden");
        assertFault(api.call("POST", backupsOf(other), Map.of("X-Auth-Token", token, "Content-Type", "application/json"),
                "{}"), 403, "forbidden");
        assertFault(api.call("DELETE", backupsOf(other) + "/x", Map.of("X-Auth-Token", token), null), 403, "forbidden");
    }

    @Test
    void rs256TokensAreCheckedAgainstTheJwksUrl() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("idp-key").generate();
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        try {
            withJwksUrl("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json", api -> {
                String project = Tokens.newProjectId();
                assertEquals(200, getWith(api, project, Map.of("X-Auth-Token", rsaSigned(JWSAlgorithm.RS256, key, project)))
                        .status());
                assertEquals(200, getWith(api, project, Map.of("X-Auth-Token", Tokens.forProject(project))).status(),
                        "HS256 stays valid beside the JWKS");
                RSAKey stranger = new RSAKeyGenerator(2048).keyID("idp-key").generate();
                assertFault(getWith(api, project, Map.of("X-Auth-Token", rsaSigned(JWSAlgorithm.RS256, stranger, project))),
                        401, "unauthorized");
                // The JWKS holds an RSA key: that makes RS256 valid, not every algorithm an RSA key could sign with.
                for (JWSAlgorithm other : List.of(JWSAlgorithm.PS256, JWSAlgorithm.RS512)) {
                    assertFault(getWith(api, project, Map.of("X-Auth-Token", rsaSigned(other, key, project))), 401,
                            "unauthorized");
                }
            });
        } finally {
            jwks.stop(0);
        }
    }

    @Test
    void anIdentityProviderThatCannotBeReachedIs503() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        withJwksUrl("http://127.0.0.1:" + closedPort + "/jwks.json", api -> {
            String project = Tokens.newProjectId();
            RSAKey key = new RSAKeyGenerator(2048).keyID("idp-key").generate();
            Api.Response response = getWith(api, project, Map.of("X-Auth-Token", rsaSigned(JWSAlgorithm.RS256, key, project)));
            assertFault(response, 503, "serviceUnavailable", "identity provider");
            assertEquals("5", response.header("Retry-After"));
            assertEquals(200, getWith(api, project, Map.of("X-Auth-Token", Tokens.forProject(project))).status(),
                    "HS256 tokens need no provider");
            // The identity endpoint says the same in Keystone's shape, which its clients read.
            Api.Response exchange = api.call("POST", "/identity/v3/auth/tokens", Map.of("Content-Type", "application/json"),
                    "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\""
                            + rsaSigned(JWSAlgorithm.RS256, key, project) + "\"}}}}");
            assertEquals(503, exchange.status(), exchange::toString);
            assertEquals(503, exchange.json().path("error").path("code").asInt(), exchange::toString);
            assertTrue(exchange.json().path("error").path("message").asText().contains("identity provider"));
            assertEquals("5", exchange.header("Retry-After"));
        });
    }

    interface ApiTest {
        void run(Api api) throws Exception;
    }

    /** Runs {@code test} against an application of its own that also takes RS256 tokens of the JWKS at {@code url}. */
    private static void withJwksUrl(String url, ApiTest test) throws Exception {
        Map<String, Object> properties = new HashMap<>(TestApp.properties(TestApp.get().endpoint()));
        properties.put("vbs.auth.jwks-url", url);
        properties.put("vbs.worker.local-stream-poller.enabled", false);
        try (ApplicationContext context = ApplicationContext.builder().environments("test").properties(properties).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            test.run(new HttpApi("http://127.0.0.1:" + server.getPort()));
        }
    }

    private static String rsaSigned(JWSAlgorithm algorithm, RSAKey key, String project) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID("idp-key").build(),
                Tokens.claims(project, Instant.now().plusSeconds(600)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
