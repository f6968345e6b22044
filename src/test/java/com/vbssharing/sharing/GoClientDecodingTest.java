package com.vbssharing.sharing;

import com.fasterxml.jackson.databind.JsonNode;
import com.vbssharing.support.Api;
import com.vbssharing.support.Backups;
import com.vbssharing.support.HttpApi;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decodes the answers the way the Go SDKs (gophertelekomcloud / golangsdk openstack/vbs/v2/shares) do,
 * per clients.md section 1: typed fields, {@code deleted} as a string, timestamps with Go's layout
 * {@code 2006-01-02T15:04:05.999999} (no zone), a list on create and query, an object on get.
 */
class GoClientDecodingTest {

    /** Go's 2006-01-02T15:04:05.999999: up to six fractional digits, and nothing after them. */
    private static final DateTimeFormatter GO_LAYOUT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true).optionalEnd()
            .toFormatter();

    private static final Map<String, String> SHARE_TYPES = Map.of(
            "id", "string", "backup_id", "string", "from_project_id", "string", "to_project_id", "string",
            "created_at", "time", "updated_at", "time", "deleted", "string", "deleted_at", "time");

    private static final Map<String, String> BACKUP_TYPES = Map.ofEntries(
            Map.entry("id", "string"), Map.entry("name", "string"), Map.entry("status", "string"),
            Map.entry("description", "string"), Map.entry("availability_zone", "string"),
            Map.entry("volume_id", "string"), Map.entry("snapshot_id", "string"), Map.entry("fail_reason", "string"),
            Map.entry("size", "int"), Map.entry("object_count", "int"), Map.entry("container", "string"),
            Map.entry("service_metadata", "string"), Map.entry("has_dependent_backups", "bool"),
            Map.entry("is_incremental", "bool"), Map.entry("created_at", "time"), Map.entry("updated_at", "time"),
            Map.entry("data_timestamp", "time"));

    private final Api api = HttpApi.get();

    @Test
    void createQueryAndGetDecodeWithTheGoClientRules() {
        Api.Caller owner = api.as(Tokens.newProjectId());
        String backup = Backups.createAvailable(owner, "go-client");
        Api.Response created = ShareApiContract.share(owner, backup, Tokens.newProjectId());
        JsonNode createdList = created.json().get("shared");
        assertTrue(createdList.isArray(), "create answers a list");
        decodeShare(createdList.get(0), false);

        JsonNode listed = owner.get(ShareApiContract.sharing(owner) + "/detail?backup_id=" + backup).json().get("shared");
        assertTrue(listed.isArray(), "query answers a list");
        decodeShare(listed.get(0), true);

        String shareId = createdList.get(0).get("id").asText();
        JsonNode one = owner.get(ShareApiContract.sharing(owner) + "/" + shareId).json().get("shared");
        assertTrue(one.isObject(), "get answers an object");
        decodeShare(one, true);
    }

    private static void decodeShare(JsonNode share, boolean withBackup) {
        SHARE_TYPES.forEach((field, type) -> decode(share, field, type));
        if (withBackup) {
            JsonNode backup = share.get("backup");
            assertTrue(backup.isObject());
            BACKUP_TYPES.forEach((field, type) -> decode(backup, field, type));
        }
    }

    private static void decode(JsonNode object, String field, String type) {
        JsonNode value = object.get(field);
        assertTrue(value != null, () -> "field " + field + " present");
        if (value.isNull()) {
            assertTrue(!type.equals("int") && !type.equals("bool"), () -> field + " must not be null for a Go " + type);
            return;
        }
        switch (type) {
            case "string" -> assertTrue(value.isTextual(), () -> field + " must be a JSON string: " + value);
            case "int" -> assertTrue(value.isIntegralNumber(), () -> field + " must be an integer: " + value);
            case "bool" -> assertTrue(value.isBoolean(), () -> field + " must be a boolean: " + value);
            case "time" -> {
                assertTrue(value.isTextual(), () -> field + " must be a string: " + value);
                if (!value.asText().isEmpty()) {
                    LocalDateTime parsed = assertDoesNotThrow(() -> LocalDateTime.parse(value.asText(), GO_LAYOUT),
                            () -> field + " parses with Go's layout: " + value);
                    assertEquals(value.asText().length(), 26, () -> field + " keeps microseconds: " + parsed);
                }
            }
            default -> throw new IllegalArgumentException(type);
        }
    }
}
