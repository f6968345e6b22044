package com.vbssharing.openapi;

import com.vbssharing.support.Api;
import com.vbssharing.support.OpenApiValidation;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check every contract test's response goes through fails on what the document does not allow. */
class OpenApiValidationTest {

    private static final String PROJECT = "0123456789abcdef0123456789abcdef";
    private static final String BACKUP = "2a4a4b6b-0f3c-4f7e-9a5e-0d3c9f1b7e21";
    private static final String GET_BACKUP = "/v3/" + PROJECT + "/backups/" + BACKUP;

    @Test
    void aConformingResponsePasses() {
        assertConforms("GET", GET_BACKUP + "?x=1", v3(200, detail("\"size\": 0", "")));
        assertConforms("GET", GET_BACKUP, v3(200, detail("\"size\": 0",
                ", \"metadata\": {\"k\": \"v\"}, \"encryption_key_id\": null,"
                        + " \"os-backup-project-attr:project_id\": \"" + PROJECT + "\", \"user_id\": \"alice\"")));
        assertConforms("GET", GET_BACKUP, v3(404, "{\"itemNotFound\": {\"code\": 404, \"message\": \"gone\"}}"));
        assertConforms("DELETE", GET_BACKUP, v3(202, ""));
    }

    @Test
    void aFieldOfTheWrongTypeFails() {
        assertFails("GET", GET_BACKUP, v3(200, detail("\"size\": \"0\"", "")));
    }

    @Test
    void aMissingRequiredFieldFails() {
        assertFails("GET", GET_BACKUP, v3(200, detail("\"size\": 0", "").replace("\"status\": \"available\",", "")));
    }

    @Test
    void anUnknownFieldFails() {
        assertFails("GET", GET_BACKUP, v3(200, detail("\"size\": 0", ", \"volume_type\": \"ssd\"")));
    }

    @Test
    void aStatusTheOperationDoesNotDeclareFails() {
        assertFails("GET", GET_BACKUP, v3(409, "{\"conflictingRequest\": {\"code\": 409, \"message\": \"x\"}}"));
    }

    @Test
    void theWrongFaultNameFails() {
        assertFails("GET", GET_BACKUP, v3(404, "{\"badRequest\": {\"code\": 404, \"message\": \"gone\"}}"));
    }

    @Test
    void aV3AnswerWithoutTheMicroversionHeadersFails() {
        assertFails("GET", GET_BACKUP, new Api.Response(200, Map.of("Content-Type", "application/json"),
                detail("\"size\": 0", "")));
    }

    @Test
    void aServiceUnavailableWithoutRetryAfterFails() {
        String body = "{\"serviceUnavailable\": {\"code\": 503, \"message\": \"later\"}}";
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        assertFails("GET", "/v2/" + PROJECT + "/os-vendor-backup-sharing/count", new Api.Response(503, headers, body));
        headers.put("Retry-After", "1");
        assertConforms("GET", "/v2/" + PROJECT + "/os-vendor-backup-sharing/count", new Api.Response(503, headers, body));
    }

    @Test
    void aRouteTheDocumentDoesNotNameIsNotChecked() {
        assertConforms("GET", "/v4/nothing", new Api.Response(404, Map.of(), "anything"));
    }

    /** The hook itself: a test that calls the API through {@link Api} fails on a response that does not conform. */
    @Test
    void theApiFailsTheCallerOnANonConformingResponse() {
        Api wrong = new Api() {
            @Override
            protected Response send(String method, String pathAndQuery, Map<String, String> headers, String body) {
                return v3(200, detail("\"size\": -1", ""));
            }
        };
        AssertionError error = assertThrows(AssertionError.class, () -> wrong.as(PROJECT).get(GET_BACKUP));
        assertTrue(error.getMessage().contains("does not match the OpenAPI document"), error.getMessage());
    }

    private static void assertConforms(String method, String path, Api.Response response) {
        var report = OpenApiValidation.validate(method, path, response);
        assertFalse(report.hasErrors(), report.getMessages().toString());
    }

    private static void assertFails(String method, String path, Api.Response response) {
        assertTrue(OpenApiValidation.validate(method, path, response).hasErrors(), response.toString());
    }

    private static Api.Response v3(int status, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("OpenStack-API-Version", "volume 3.0");
        headers.put("Vary", "OpenStack-API-Version");
        if (!body.isEmpty()) {
            headers.put("Content-Type", "application/json");
        }
        return new Api.Response(status, headers, body);
    }

    private static String detail(String size, String more) {
        String link = "http://localhost:8080/v3/" + PROJECT + "/backups/" + BACKUP;
        return "{\"backup\": {\"id\": \"" + BACKUP + "\", \"name\": \"b1\", \"status\": \"available\", " + size + ","
                + " \"object_count\": 0, \"availability_zone\": \"az1\", \"container\": null,"
                + " \"created_at\": \"2024-05-01T10:00:00.123456\", \"updated_at\": \"2024-05-01T10:00:00.123456\","
                + " \"data_timestamp\": null, \"description\": null, \"fail_reason\": null,"
                + " \"volume_id\": \"" + BACKUP + "\", \"snapshot_id\": \"" + BACKUP + "\", \"is_incremental\": false,"
                + " \"has_dependent_backups\": false, \"service_metadata\": null,"
                + " \"links\": [{\"href\": \"" + link + "\", \"rel\": \"self\"}, {\"href\": \"" + link + "\", \"rel\": \"bookmark\"}]"
                + more + "}}";
    }
}
