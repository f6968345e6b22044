package com.vbssharing.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.vbssharing.support.Api;
import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Keystone-compatible sign-in at /identity/v3; runs over HTTP and through the Lambda handler. */
abstract class IdentityContract {

    private static final String TOKENS = "/identity/v3/auth/tokens";

    protected abstract Api api();

    protected abstract String expectedBaseUrl();

    private final String project = Tokens.newProjectId();
    private final String token = Tokens.forProject(project);

    private Api.Response post(String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        headers.putAll(extraHeaders);
        return api().call("POST", TOKENS, headers, body);
    }

    private static String tokenAuth(String token, String scope) {
        return "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"" + token + "\"}}"
                + (scope == null ? "" : ",\"scope\":" + scope) + "}}";
    }

    @Test
    void aTokenScopedToItsProjectIsExchangedForAKeystoneTokenWithTheCatalog() {
        Api.Response response = post(tokenAuth(token, "{\"project\":{\"id\":\"" + project + "\"}}"), Map.of());
        assertEquals(201, response.status(), response::toString);
        assertEquals(token, response.header("X-Subject-Token"));
        JsonNode body = response.json().get("token");
        assertEquals(List.of("token"), strings(body.get("methods")));
        assertEquals("user-" + project, body.get("user").get("id").asText());
        assertEquals("default", body.get("user").get("domain").get("id").asText());
        assertEquals(project, body.get("project").get("id").asText());
        assertEquals(project, body.get("project").get("name").asText());
        assertEquals("default", body.get("project").get("domain").get("id").asText());
        assertFalse(body.get("is_domain").asBoolean());
        assertEquals("member", body.get("roles").get(0).get("name").asText());
        assertTrue(body.get("expires_at").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.000000Z"));
        assertTrue(body.get("issued_at").asText().endsWith("Z"));
        assertEquals(22, body.get("audit_ids").get(0).asText().length());
        assertCatalog(body.get("catalog"));
    }

    @Test
    void theExchangedTokenExpiresWhenThePresentedOneDoes() {
        Instant expiry = Instant.parse("2099-01-02T03:04:05Z");
        String longLived = Tokens.sign(TestApp.JWT_SECRET, Tokens.claims(project, expiry).build());
        Api.Response response = post(tokenAuth(longLived, null), Map.of());
        assertEquals(201, response.status(), response::toString);
        assertEquals("2099-01-02T03:04:05.000000Z", response.json().get("token").get("expires_at").asText());
    }

    @Test
    void withoutAScopeTheTokenIsScopedToItsOwnProjectAsKeystonesDefaultProject() {
        Api.Response response = post(tokenAuth(token, null), Map.of("X-Auth-Token", token));
        assertEquals(201, response.status(), response::toString);
        assertEquals(project, response.json().get("token").get("project").get("id").asText());
        assertCatalog(response.json().get("token").get("catalog"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unscoped\"", "{\"unscoped\":{}}"})
    void anUnscopedTokenHasNoProjectAndNoCatalog(String scope) {
        Api.Response response = post(tokenAuth(token, scope), Map.of());
        assertEquals(201, response.status(), response::toString);
        JsonNode body = response.json().get("token");
        assertNull(body.get("project"));
        assertNull(body.get("catalog"));
        assertNull(body.get("roles"));
    }

    @Test
    void scopeByProjectNameWorksWhereTheNameIsTheId() {
        Api.Response response = post(tokenAuth(token,
                "{\"project\":{\"name\":\"" + project + "\",\"domain\":{\"id\":\"default\"}}}"), Map.of());
        assertEquals(201, response.status(), response::toString);
    }

    @Test
    void nocatalogLeavesTheCatalogOut() {
        Api.Response response = api().call("POST", TOKENS + "?nocatalog", Map.of("Content-Type", "application/json"),
                tokenAuth(token, null));
        assertEquals(201, response.status(), response::toString);
        assertNull(response.json().get("token").get("catalog"));
    }

    @Test
    void anotherProjectsScopeIs401() {
        Api.Response response = post(tokenAuth(token, "{\"project\":{\"id\":\"" + Tokens.newProjectId() + "\"}}"),
                Map.of());
        assertKeystoneError(response, 401, "does not grant project");
        assertEquals("Keystone uri=\"" + expectedBaseUrl() + "/identity\"", response.header("WWW-Authenticate"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"domain\":{\"id\":\"default\"}}", "{\"system\":{\"all\":true}}",
            "{\"OS-TRUST:trust\":{\"id\":\"x\"}}"})
    void scopesOtherThanAProjectAre401(String scope) {
        assertKeystoneError(post(tokenAuth(token, scope), Map.of()), 401, "Only project scope");
    }

    @Test
    void anInvalidTokenIs401() {
        String forged = Tokens.sign("another-secret-that-is-at-least-32-bytes",
                Tokens.claims(project, Instant.now().plusSeconds(60)).build());
        assertKeystoneError(post(tokenAuth(forged, null), Map.of()), 401, "requires authentication");
        String expired = Tokens.sign(TestApp.JWT_SECRET, Tokens.claims(project, Instant.now().minusSeconds(60)).build());
        assertKeystoneError(post(tokenAuth(expired, null), Map.of()), 401, "requires authentication");
    }

    @Test
    void otherMethodsAre401SayingOnlyTokenIsSupported() {
        Api.Response response = post("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":"
                + "{\"name\":\"admin\",\"domain\":{\"id\":\"default\"},\"password\":\"secret\"}}}}}", Map.of());
        assertKeystoneError(response, 401, "only exchanges tokens");
        assertEquals(List.of("token"), strings(response.json().get("error").get("identity").get("methods")));
        assertKeystoneError(post("{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],"
                + "\"application_credential\":{\"id\":\"x\",\"secret\":\"y\"}}}}", Map.of()), 401, "only exchanges tokens");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{}", "{\"auth\":1}", "{\"auth\":{}}",
            "{\"auth\":{\"identity\":{}}}", "{\"auth\":{\"identity\":{\"methods\":[]}}}",
            "{\"auth\":{\"identity\":{\"methods\":[\"token\"]}}}",
            "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{}}}}",
            "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":5}}}}",
            "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"t\"}},\"scope\":{\"project\":{}}}}",
            "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"t\"}},\"scope\":\"everything\"}}"})
    void malformedBodiesAre400(String body) {
        assertKeystoneError(post(body, Map.of()), 400, "");
    }

    @Test
    void validatingATokenAnswersItInXSubjectTokenWithTheBody() {
        Api.Response response = api().call("GET", TOKENS, Map.of("X-Auth-Token", token, "X-Subject-Token", token), null);
        assertEquals(200, response.status(), response::toString);
        assertEquals(token, response.header("X-Subject-Token"));
        assertEquals(project, response.json().get("token").get("project").get("id").asText());
        assertCatalog(response.json().get("token").get("catalog"));
        Api.Response head = api().call("HEAD", TOKENS, Map.of("X-Auth-Token", token, "X-Subject-Token", token), null);
        assertEquals(200, head.status(), head::toString);
        assertEquals(token, head.header("X-Subject-Token"));
    }

    @Test
    void validationWithoutAValidCallerIs401AndOfAnInvalidSubject404() {
        assertKeystoneError(api().call("GET", TOKENS, Map.of("X-Subject-Token", token), null), 401, "X-Auth-Token");
        String expired = Tokens.sign(TestApp.JWT_SECRET, Tokens.claims(project, Instant.now().minusSeconds(60)).build());
        assertKeystoneError(api().call("GET", TOKENS, Map.of("X-Auth-Token", token, "X-Subject-Token", expired), null),
                404, "Could not find token");
        assertKeystoneError(api().call("GET", TOKENS, Map.of("X-Auth-Token", token), null), 400, "X-Subject-Token");
    }

    @Test
    void theCatalogAndTheProjectsOfAToken() {
        Api.Response catalog = api().call("GET", "/identity/v3/auth/catalog", Map.of("X-Auth-Token", token), null);
        assertEquals(200, catalog.status(), catalog::toString);
        assertCatalog(catalog.json().get("catalog"));
        assertEquals(expectedBaseUrl() + "/identity/v3/auth/catalog", catalog.json().get("links").get("self").asText());

        Api.Response projects = api().call("GET", "/identity/v3/auth/projects", Map.of("X-Auth-Token", token), null);
        assertEquals(200, projects.status(), projects::toString);
        assertEquals(project, projects.json().get("projects").get(0).get("id").asText());

        Api.Response own = api().call("GET", "/identity/v3/projects/" + project, Map.of("X-Auth-Token", token), null);
        assertEquals(200, own.status(), own::toString);
        assertEquals(expectedBaseUrl() + "/identity/v3/projects/" + project,
                own.json().get("project").get("links").get("self").asText());
        assertKeystoneError(api().call("GET", "/identity/v3/projects/" + Tokens.newProjectId(),
                Map.of("X-Auth-Token", token), null), 403, "not authorized");
        assertKeystoneError(api().call("GET", "/identity/v3/auth/catalog", Map.of(), null), 401, "X-Auth-Token");
    }

    @Test
    void unknownIdentityPathsAnswerInKeystonesShape() {
        Api.Response response = api().call("GET", "/identity/v3/users", Map.of("X-Auth-Token", token), null);
        assertKeystoneError(response, 404, "");
    }

    /** Bodies refused before any controller runs are refused in Keystone's shape too: Keystone's clients read it. */
    @Test
    void bodiesRefusedBeforeRoutingAnswerInKeystonesShape() {
        String huge = "{\"auth\":\"" + "x".repeat(70_000) + "\"}";
        assertKeystoneError(api().call("POST", TOKENS, Map.of("Content-Type", "application/json"), huge), 413,
                "the most this API takes");
        assertKeystoneError(api().call("POST", TOKENS, Map.of("Content-Type", "application/json; charset=latin1"),
                tokenAuth(token, null)), 415, "UTF-8");
    }

    /** The types every real client looks up, v3 first, each with public, internal and admin endpoints. */
    private void assertCatalog(JsonNode catalog) {
        List<String> types = new ArrayList<>();
        for (JsonNode service : catalog) {
            types.add(service.get("type").asText());
            List<String> interfaces = new ArrayList<>();
            for (JsonNode endpoint : service.get("endpoints")) {
                interfaces.add(endpoint.get("interface").asText());
                assertEquals("us-east-1", endpoint.get("region").asText(), "the AWS region when VBS_REGION is unset");
                assertEquals("us-east-1", endpoint.get("region_id").asText());
                String url = endpoint.get("url").asText();
                assertFalse(url.endsWith("/"), url);
                String expected = switch (service.get("type").asText()) {
                    case "volumev3", "block-storage" -> expectedBaseUrl() + "/v3/" + project;
                    case "volumev2", "vbsv2" -> expectedBaseUrl() + "/v2/" + project;
                    default -> expectedBaseUrl() + "/identity/v3";
                };
                assertEquals(expected, url);
            }
            assertEquals(List.of("public", "internal", "admin"), interfaces);
        }
        assertEquals(List.of("volumev3", "block-storage", "volumev2", "vbsv2", "identity"), types);
    }

    private static void assertKeystoneError(Api.Response response, int status, String messagePart) {
        assertEquals(status, response.status(), response::toString);
        JsonNode error = response.json().get("error");
        assertTrue(error != null && error.isObject(), response::toString);
        assertEquals(status, error.get("code").asInt());
        assertFalse(error.get("title").asText().isBlank());
        assertTrue(error.get("message").asText().contains(messagePart), response::toString);
        assertFalse(response.body().contains("Exception"), response::toString);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
