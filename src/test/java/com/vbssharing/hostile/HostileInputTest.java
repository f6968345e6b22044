package com.vbssharing.hostile;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.vbssharing.support.Api;
import com.vbssharing.support.LambdaApi;
import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several hundred hostile requests, through the HTTP server (raw bytes over a socket) and through the Lambda
 * handler (API Gateway events): wrong types, huge and deep bodies, bogus charsets and encodings, bad percent
 * encoding, header tricks. Every answer is below 500, in the fault shape when it refuses, and bounded in size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    /** No answer to these requests echoes them back: they stay far below API Gateway's 6 MB. */
    private static final int MAX_ANSWER_BYTES = 16 * 1024;

    record Hostile(String what, String method, String target, Map<String, String> headers, byte[] body) {
    }

    private final String project = Tokens.newProjectId();
    private final String token = Tokens.forProject(project);
    private final List<Hostile> requests = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    @BeforeAll
    void generate() throws IOException {
        String backups = "/v3/" + project + "/backups";
        String sharing = "/v2/" + project + "/os-vendor-backup-sharing";
        String backup = backups + "/" + UUID.randomUUID();
        // Paths and queries
        for (String target : List.of(backups + "/a b", backups + "/%", backups + "/%zz", backups + "/%00",
                backups + "/%C3%28", backups + "/" + "x".repeat(10_000), backups + "/..%2F..%2Fetc%2Fpasswd",
                "//v3//" + project + "//backups", backups + "?limit=%", backups + "?limit=" + "9".repeat(1000),
                backups + "?sort=" + "name:asc,".repeat(2000), backups + "?marker=" + "a".repeat(5000),
                backups + "?offset=-0", backups + "?with_count=%FF", backups + "/detail?name%7E=%", backups + "/\u00fc",
                "/v3/" + "p".repeat(3000) + "/backups", sharing + "/detail?share_to_me=%zz",
                sharing + "/detail?limit=1&limit=2&marker=" + UUID.randomUUID(), sharing + "/%20", sharing + "/count?%=%",
                "/identity/v3/projects/%", "/identity/v3/auth/tokens?nocatalog=%", "/v3/%", "/%", "/v2/../v3",
                "/v3/" + project + "/resource_filters?resource=%00")) {
            add("path " + abbreviate(target), "GET", target, auth(), null);
        }
        for (String parameter : List.of("limit", "offset", "marker", "sort", "sort_key", "sort_dir", "with_count",
                "share_to_me", "backup_id", "name~")) {
            for (String value : List.of("-1", "%25", "abc", "", "99999999999999999999999", "%E2%80%8B")) {
                add("query " + parameter + "=" + value, "GET", backups + "/detail?" + parameter + "=" + value,
                        versioned("3.64"), null);
                add("share query " + parameter + "=" + value, "GET", sharing + "/detail?" + parameter + "=" + value,
                        auth(), null);
            }
        }
        // Wrong types and sizes in every field of every body
        Map<String, String> createFields = Map.of("volume_id", "\"" + UUID.randomUUID() + "\"", "snapshot_id",
                "\"" + UUID.randomUUID() + "\"");
        List<String> badValues = List.of("1", "true", "[]", "{}", "null", "-1.5e308", "\"\\u0000\"",
                "\"" + "v".repeat(100_000) + "\"", "[" .repeat(2000) + "]".repeat(2000), "\"\\ud800\"");
        for (String field : List.of("volume_id", "snapshot_id", "name", "description", "container", "incremental",
                "force", "metadata", "availability_zone", "project_id")) {
            for (String value : badValues) {
                Map<String, String> fields = new LinkedHashMap<>(createFields);
                fields.put(field, value);
                add("create " + field + "=" + abbreviate(value), "POST", backups, json(),
                        ("{\"backup\":" + object(fields) + "}").getBytes(StandardCharsets.UTF_8));
                if (List.of("name", "description", "metadata").contains(field)) {
                    add("update " + field + "=" + abbreviate(value), "PUT", backup, versioned("3.43"),
                            ("{\"backup\":{\"" + field + "\":" + value + "}}").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        for (String field : List.of("backup_id", "to_project_ids")) {
            for (String value : badValues) {
                add("share " + field + "=" + abbreviate(value), "POST", sharing, json(),
                        ("{\"shared\":{\"" + field + "\":" + value + "}}").getBytes(StandardCharsets.UTF_8));
            }
        }
        add("share 5000 targets", "POST", sharing, json(), ("{\"shared\":{\"backup_id\":\"" + UUID.randomUUID()
                + "\",\"to_project_ids\":[" + "\"0123456789abcdef0123456789abcdef\",".repeat(5000) + "\"x\"]}}")
                .getBytes(StandardCharsets.UTF_8));
        // Whole bodies
        List<byte[]> bodies = new ArrayList<>(List.of(new byte[0], b("{"), b("[]"), b("null"), b("\"text\""),
                b("{\"backup\":" + "[".repeat(10_000)), b("{\"backup\":{}}trailing"), new byte[]{(byte) 0xFF, (byte) 0xFE, 0x7B, 0x7D},
                b("\uFEFF{\"backup\":{}}"), b(" ".repeat(1_000_000) + "{}"), b("{\"backup\":{},\"backup\":{}}"),
                b("{\"backup\":{\"volume_id\":\"" + "x".repeat(5_000_000) + "\"}}")));
        for (byte[] body : bodies) {
            for (String target : List.of(backups, sharing, "/identity/v3/auth/tokens", backup)) {
                add("body " + abbreviate(new String(body, StandardCharsets.ISO_8859_1)) + " to " + target,
                        target.equals(backup) ? "PUT" : "POST", target, target.startsWith("/identity") ? json(Map.of())
                                : versioned("3.43"), body);
            }
        }
        // Media types and encodings
        byte[] valid = b("{\"backup\":{\"volume_id\":\"" + UUID.randomUUID() + "\",\"snapshot_id\":\"" + UUID.randomUUID() + "\"}}");
        for (String contentType : List.of("application/json; charset=bogus", "application/json; charset=utf-16",
                "application/json; charset=\"", "application/json;;;", "text/plain", "application/xml",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "*/*", "application/json; charset=ISO-8859-1",
                "application/json; charset=" + "x".repeat(500))) {
            for (String target : List.of(backups, sharing, "/identity/v3/auth/tokens")) {
                Map<String, String> headers = auth();
                headers.put("Content-Type", contentType);
                add("content-type " + abbreviate(contentType) + " to " + target, "POST", target, headers, valid);
            }
        }
        for (String encoding : List.of("gzip", "deflate", "x-gzip", "snappy", "br", "gzip, deflate", "compress", "zstd")) {
            for (String target : List.of(backups, sharing)) {
                Map<String, String> headers = json();
                headers.put("Content-Encoding", encoding);
                add("content-encoding " + encoding + " on a plain body to " + target, "POST", target, headers, valid);
            }
        }
        Map<String, String> gzipped = json();
        gzipped.put("Content-Encoding", "gzip");
        add("a truly gzipped body", "POST", backups, gzipped, gzip(valid));
        // Headers
        for (Map.Entry<String, String> header : List.of(Map.entry("X-Auth-Token", "t".repeat(100_000)),
                Map.entry("X-Auth-Token", "a.b.c"), Map.entry("Authorization", "Bearer "),
                Map.entry("Authorization", "Basic dXNlcjpwYXNz"), Map.entry("Authorization", "Bearer " + "e".repeat(20_000)),
                Map.entry("X-Auth-Token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."),
                Map.entry("OpenStack-API-Version", "volume " + "9".repeat(1000)),
                Map.entry("OpenStack-API-Version", ",,,, volume"), Map.entry("Accept", "application/xml"),
                Map.entry("X-Forwarded-Host", "h".repeat(5000)), Map.entry("X-Forwarded-Proto", "gopher"))) {
            Map<String, String> headers = new LinkedHashMap<>(Map.of(header.getKey(), header.getValue()));
            if (!header.getKey().equals("X-Auth-Token") && !header.getKey().equals("Authorization")) {
                headers.put("X-Auth-Token", token);
            }
            add("header " + header.getKey() + ": " + abbreviate(header.getValue()), "GET", backups, headers, null);
        }
        add("X-Auth-Token and a different Bearer", "GET", backups + "?limit=1", withDifferentBearer(), null);
        // Methods
        for (String method : List.of("PATCH", "OPTIONS", "TRACE", "PUT", "DELETE", "FOO")) {
            add("method " + method, method, backups, auth(), null);
        }
        assertTrue(requests.size() >= 300, "several hundred: " + requests.size());
    }

    @Test
    void noAnswerOverTheHttpServerIsA5xxOrUnbounded() throws IOException {
        int port = URI.create(TestApp.get().baseUrl()).getPort();
        for (Hostile request : requests) {
            RawHttp.Answer answer = RawHttp.send(port, request.method(), request.target(), request.headers(), request.body());
            check("HTTP", request, answer.status(), answer.body().length, answer.text());
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " bad answers:\n" + String.join("\n", failures));
    }

    @Test
    void noAnswerThroughTheLambdaHandlerIsA5xxOrUnbounded() {
        for (Hostile request : requests) {
            int question = request.target().indexOf('?');
            APIGatewayProxyRequestEvent event = LambdaApi.event(request.method(), "/", request.headers(), null);
            String path = question < 0 ? request.target() : request.target().substring(0, question);
            event.setPath(path);
            event.setPathParameters(Map.of("proxy", path.substring(1)));
            if (question >= 0) {
                event.setQueryStringParameters(rawQuery(request.target().substring(question + 1)));
            }
            if (request.body() != null) {
                event.setBody(new String(request.body(), StandardCharsets.UTF_8));
                event.setIsBase64Encoded(false);
            }
            Api.Response response;
            try {
                response = LambdaApi.invoke(TestApp.get().lambda(), event);
            } catch (RuntimeException e) {
                failures.add("Lambda " + request.what() + ": the handler threw " + e);
                continue;
            }
            String body = response.body() == null ? "" : response.body();
            check("Lambda", request, response.status(), body.getBytes(StandardCharsets.UTF_8).length, body);
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " bad answers:\n" + String.join("\n", failures));
    }

    private void check(String entry, Hostile request, int status, int size, String body) {
        String where = entry + " " + request.what() + " → " + status + " " + abbreviate(body);
        if (status >= 500) {
            failures.add(where);
            return;
        }
        if (status >= 400 && size > MAX_ANSWER_BYTES) {
            failures.add(where + " (" + size + " bytes)");
            return;
        }
        if (status >= 400 && !isFault(body, request.target().startsWith("/identity"))) {
            failures.add(where + " (not a fault body)");
        }
    }

    private static boolean isFault(String body, boolean keystone) {
        try {
            JsonNode json = Api.JSON.readTree(body);
            if (json == null || json.size() != 1) {
                return false;
            }
            JsonNode fault = json.elements().next();  // OpenStack's {"<name>": …} or, from Keystone paths, {"error": …}
            return fault != null && fault.has("code") && fault.get("message").isTextual();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void add(String what, String method, String target, Map<String, String> headers, byte[] body) {
        requests.add(new Hostile(what, method, target, headers, body));
    }

    private Map<String, String> auth() {
        return new LinkedHashMap<>(Map.of("X-Auth-Token", token));
    }

    private Map<String, String> json() {
        return json(auth());
    }

    private static Map<String, String> json(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return all;
    }

    private Map<String, String> versioned(String version) {
        Map<String, String> headers = json();
        headers.put("OpenStack-API-Version", "volume " + version);
        return headers;
    }

    private Map<String, String> withDifferentBearer() {
        Map<String, String> headers = auth();
        headers.put("Authorization", "Bearer " + Tokens.forProject(Tokens.newProjectId()));
        return headers;
    }

    private static Map<String, String> rawQuery(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return parameters;
    }

    private static String object(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> pairs.add("\"" + name + "\":" + value));
        return "{" + String.join(",", pairs) + "}";
    }

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.toByteArray();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("[\\r\\n]", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "…(" + text.length() + ")";
    }
}
