package com.vbssharing.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One way of calling the API (over HTTP, or through the Lambda handler with API Gateway events), so the same
 * contract tests run through both entry points.
 */
public abstract class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    public record Response(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Sends the request; the response must conform to the OpenAPI document (else the calling test fails). */
    public final Response call(String method, String pathAndQuery, Map<String, String> headers, String body) {
        Response response = send(method, pathAndQuery, headers, body);
        OpenApiValidation.assertConforms(method, pathAndQuery, response);
        return response;
    }

    protected abstract Response send(String method, String pathAndQuery, Map<String, String> headers, String body);

    /** A caller holding a valid token for {@code projectId}. */
    public Caller as(String projectId) {
        return new Caller(projectId, Tokens.forProject(projectId));
    }

    public final class Caller {
        private final String projectId;
        private final String token;

        Caller(String projectId, String token) {
            this.projectId = projectId;
            this.token = token;
        }

        public String projectId() {
            return projectId;
        }

        public Response get(String path) {
            return call("GET", path, headers(null), null);
        }

        public Response post(String path, String body) {
            return call("POST", path, headers("application/json"), body);
        }

        public Response delete(String path) {
            return call("DELETE", path, headers(null), null);
        }

        private Map<String, String> headers(String contentType) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Auth-Token", token);
            headers.put("Accept", "application/json");
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return headers;
        }
    }
}
