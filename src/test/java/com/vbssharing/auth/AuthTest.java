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
        Map<String, Object> properties = new HashMap<>(TestApp.properties(TestApp.get().endpoint()));
        properties.put("vbs.auth.jwks-url", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json");
        properties.put("vbs.worker.local-stream-poller.enabled", false);
        try (ApplicationContext context = ApplicationContext.builder().environments("test").properties(properties).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            Api api = new HttpApi("http://127.0.0.1:" + server.getPort());
            String project = Tokens.newProjectId();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("idp-key").build(),
                    Tokens.claims(project, Instant.now().plusSeconds(600)).build());
            jwt.sign(new RSASSASigner(key));
            assertEquals(200, getWith(api, project, Map.of("X-Auth-Token", jwt.serialize())).status());
            assertEquals(200, getWith(api, project, Map.of("X-Auth-Token", Tokens.forProject(project))).status(),
                    "HS256 stays valid beside the JWKS");
            RSAKey stranger = new RSAKeyGenerator(2048).keyID("idp-key").generate();
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("idp-key").build(),
                    Tokens.claims(project, Instant.now().plusSeconds(600)).build());
            forged.sign(new RSASSASigner(stranger));
            assertFault(getWith(api, project, Map.of("X-Auth-Token", forged.serialize())), 401, "unauthorized");
        } finally {
            jwks.stop(0);
        }
    }
}
