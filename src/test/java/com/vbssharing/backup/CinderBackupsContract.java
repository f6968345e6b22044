package com.vbssharing.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.vbssharing.support.Api;
import com.vbssharing.support.Assertions2;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.vbssharing.support.Assertions2.assertFault;
import static com.vbssharing.support.JsonLists.fieldNames;
import static com.vbssharing.support.JsonLists.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backup API at each microversion Cinder changed it (docs/microversions.md), on both sides of each boundary,
 * and the paging and incremental rules; runs over HTTP and through the Lambda handler.
 */
abstract class CinderBackupsContract {

    private static final Set<String> DETAIL_3_0 = Set.of("id", "name", "status", "size", "object_count",
            "availability_zone", "container", "created_at", "updated_at", "data_timestamp", "description",
            "fail_reason", "volume_id", "snapshot_id", "is_incremental", "has_dependent_backups",
            "service_metadata", "links");

    protected abstract Api api();

    protected abstract String expectedBaseUrl();

    private final String project = Tokens.newProjectId();
    private final String token = Tokens.forProject(project);
    private final String backups = "/v3/" + project + "/backups";

    private Api.Response call(String method, String path, String version, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Auth-Token", token);
        if (version != null) {
            headers.put("OpenStack-API-Version", "volume " + version);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return api().call(method, path, headers, body);
    }

    private String create(String version, String fields) {
        Api.Response response = call("POST", backups, version, "{\"backup\":{\"volume_id\":\"" + UUID.randomUUID()
                + "\",\"snapshot_id\":\"" + UUID.randomUUID() + "\"" + fields + "}}");
        assertEquals(202, response.status(), response::toString);
        return response.json().get("backup").get("id").asText();
    }

    private JsonNode show(String id, String version) {
        Api.Response response = call("GET", backups + "/" + id, version, null);
        assertEquals(200, response.status(), response::toString);
        return response.json().get("backup");
    }

    // --- paging: a next link positions by marker alone

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "limit=2&offset=1", "limit=3&offset=4", "limit=2&offset=1&sort=name:asc",
            "limit=2&offset=2&sort_key=display_name&sort_dir=desc", "limit=1&offset=3&name~=chain",
            "limit=2&offset=0"})
    void followingNextLinksFromAnyFirstPageReturnsEveryLaterItemOnce(String query) {
        for (int i = 0; i < 7; i++) {
            create(null, ",\"name\":\"chain-" + (char) ('a' + (i * 3) % 7) + "\"");
        }
        String version = query.contains("~") ? "3.34" : null;
        List<String> expected = ids(call("GET", backups + "?" + query.replaceAll("limit=\\d+&?", "")
                .replaceAll("offset=\\d+&?", "") + "&limit=1000", version, null).json().get("backups"));
        int offset = Integer.parseInt(query.replaceAll(".*offset=(\\d+).*", "$1"));
        List<String> seen = new ArrayList<>();
        String next = backups + "?" + query;
        int pages = 0;
        while (next != null && pages++ < 20) {
            JsonNode page = call("GET", next, version, null).json();
            seen.addAll(ids(page.get("backups")));
            JsonNode links = page.get("backups_links");
            next = links == null ? null : links.get(0).get("href").asText().substring(expectedBaseUrl().length());
            if (next != null) {
                assertFalse(next.contains("offset="), next);
            }
        }
        assertEquals(expected.subList(Math.min(offset, expected.size()), expected.size()), seen);
    }

    // --- sorting: Cinder's names for the keys

    @ParameterizedTest
    @ValueSource(strings = {"sort=display_name:asc", "sort_key=display_name&sort_dir=asc", "sort=name:asc"})
    void sortingByNameAcceptsCindersColumnName(String sort) {
        create(null, ",\"name\":\"zulu\"");
        create(null, ",\"name\":\"alpha\"");
        JsonNode listed = call("GET", backups + "/detail?" + sort, null, null).json().get("backups");
        assertEquals("alpha", listed.get(0).get("name").asText());
        assertEquals("zulu", listed.get(1).get("name").asText());
    }

    // --- 3.45 with_count

    @Test
    void withCountGivesTheNumberOfMatchesIgnoringPagingFrom345() {
        create(null, ",\"name\":\"one\"");
        create(null, ",\"name\":\"two\"");
        create(null, ",\"name\":\"other\"");
        for (String path : List.of(backups, backups + "/detail")) {
            JsonNode page = call("GET", path + "?limit=1&with_count=true&name~=o", "3.45", null).json();
            assertEquals(1, page.get("backups").size());
            assertEquals(3, page.get("count").asInt());
            assertEquals(1, call("GET", path + "?with_count=true&name=one", "3.45", null).json().get("count").asInt());
            assertNull(call("GET", path + "?with_count=false", "3.45", null).json().get("count"));
        }
        assertNull(call("GET", backups + "?with_count=true", "3.30", null).json().get("count"), "ignored below 3.31");
        assertFault(call("GET", backups + "?with_count=true", "3.44", null), 400, "badRequest", "with_count");
        assertFault(call("GET", backups + "?with_count=maybe", "3.45", null), 400, "badRequest", "not a boolean");
    }

    // --- 3.31 – 3.34 filters

    @Test
    void unknownFiltersAreIgnoredBelow331AndRefusedFrom331() {
        create(null, "");
        assertEquals(200, call("GET", backups + "?bogus=1", "3.30", null).status());
        assertFault(call("GET", backups + "?bogus=1", "3.31", null), 400, "badRequest", "Invalid filters bogus");
        assertEquals(200, call("GET", backups + "?all_tenants=1&limit=5&sort=name", "3.31", null).status());
    }

    @Test
    void likeFiltersMatchAPartFrom334() {
        create(null, ",\"name\":\"Weekly-DB\"");
        create(null, ",\"name\":\"daily\"");
        assertEquals(List.of("Weekly-DB"), names(call("GET", backups + "/detail?name~=db", "3.34", null)));
        assertFault(call("GET", backups + "/detail?name~=db", "3.33", null), 400, "badRequest", "name~");
    }

    @Test
    void resourceFiltersFrom333() {
        String path = "/v3/" + project + "/resource_filters";
        assertFault(call("GET", path, "3.32", null), 404, "itemNotFound");
        JsonNode at333 = call("GET", path + "?resource=backup", "3.33", null).json().get("resource_filters");
        assertEquals("backup", at333.get(0).get("resource").asText());
        assertEquals(List.of("name", "status", "volume_id"), strings(at333.get(0).get("filters")));
        JsonNode at334 = call("GET", path, "3.34", null).json().get("resource_filters");
        assertEquals(List.of("name", "name~", "status", "status~", "volume_id", "volume_id~"),
                strings(at334.get(0).get("filters")));
        assertEquals(0, call("GET", path + "?resource=volume", "3.34", null).json().get("resource_filters").size());
    }

    // --- the detail's fields, by version

    @Test
    void detailFieldsAppearAtTheirMicroversionsAndNotBelow() {
        String id = create("3.43", ",\"metadata\":{\"purpose\":\"demo\"}");
        assertEquals(DETAIL_3_0, fieldNames(show(id, null)));
        assertEquals(DETAIL_3_0, fieldNames(show(id, "3.17")));
        JsonNode at318 = show(id, "3.18");
        assertEquals(project, at318.get("os-backup-project-attr:project_id").asText());
        assertNull(show(id, "3.42").get("metadata"));
        assertEquals("demo", show(id, "3.43").get("metadata").get("purpose").asText());
        assertNull(show(id, "3.55").get("user_id"));
        assertEquals("user-" + project, show(id, "3.56").get("user_id").asText());
        assertFalse(show(id, "3.63").has("encryption_key_id"));
        JsonNode at364 = show(id, "3.64");
        assertTrue(at364.has("encryption_key_id") && at364.get("encryption_key_id").isNull(), at364::toString);
        JsonNode listed = call("GET", backups + "/detail", "3.64", null).json().get("backups").get(0);
        assertEquals(fieldNames(at364), fieldNames(listed), "the detail list has the show fields");
        JsonNode summary = call("GET", backups, "3.64", null).json().get("backups").get(0);
        assertEquals(Set.of("id", "name", "links"), fieldNames(summary));
    }

    // --- 3.43 metadata, 3.51 availability zone on create

    @Test
    void metadataOnCreateIsAnUnknownFieldBelow343() {
        assertFault(call("POST", backups, "3.42", "{\"backup\":{\"volume_id\":\"" + UUID.randomUUID()
                + "\",\"snapshot_id\":\"" + UUID.randomUUID() + "\",\"metadata\":{}}}"), 400, "badRequest", "metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"\":\"x\"}", "{\"k\":1}", "{\"k\":null}", "[]", "\"text\""})
    void badMetadataIs400(String metadata) {
        assertFault(call("POST", backups, "3.43", "{\"backup\":{\"volume_id\":\"" + UUID.randomUUID()
                + "\",\"snapshot_id\":\"" + UUID.randomUUID() + "\",\"metadata\":" + metadata + "}}"), 400, "badRequest");
    }

    @Test
    void theAvailabilityZoneOnCreateFrom351MustBeTheDeployments() {
        String id = create("3.51", ",\"availability_zone\":\"az1\"");
        assertEquals("az1", show(id, null).get("availability_zone").asText());
        assertFault(call("POST", backups, "3.51", "{\"backup\":{\"volume_id\":\"" + UUID.randomUUID()
                + "\",\"snapshot_id\":\"" + UUID.randomUUID() + "\",\"availability_zone\":\"az9\"}}"), 400,
                "badRequest", "offers az1");
        assertFault(call("POST", backups, "3.50", "{\"backup\":{\"volume_id\":\"" + UUID.randomUUID()
                + "\",\"snapshot_id\":\"" + UUID.randomUUID() + "\",\"availability_zone\":\"az1\"}}"), 400,
                "badRequest", "availability_zone");
    }

    // --- 3.9 update

    @Test
    void updateExistsFrom39AndAnswersTheSummary() {
        String id = create(null, ",\"name\":\"before\",\"description\":\"kept\"");
        assertFault(call("PUT", backups + "/" + id, "3.8", "{\"backup\":{\"name\":\"after\"}}"), 404, "itemNotFound");
        Api.Response updated = call("PUT", backups + "/" + id, "3.9", "{\"backup\":{\"name\":\"after\"}}");
        assertEquals(200, updated.status(), updated::toString);
        assertEquals(Set.of("id", "name", "links"), fieldNames(updated.json().get("backup")));
        assertEquals("after", updated.json().get("backup").get("name").asText());
        assertEquals("kept", show(id, null).get("description").asText());
        assertEquals(200, call("PUT", backups + "/" + id, "3.9", "{\"backup\":{}}").status());
        assertFault(call("PUT", backups + "/" + id, "3.9", "{\"backup\":{\"metadata\":{}}}"), 400, "badRequest",
                "metadata");
        Api.Response withMetadata = call("PUT", backups + "/" + id, "3.43",
                "{\"backup\":{\"metadata\":{\"a\":\"1\"},\"description\":null}}");
        assertEquals(200, withMetadata.status(), withMetadata::toString);
        JsonNode shown = show(id, "3.43");
        assertEquals("1", shown.get("metadata").get("a").asText());
        assertTrue(shown.get("description").isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"backup\":{\"name\":\"auto-x\"}}", "{\"backup\":{\"name\":\"has space\"}}",
            "{\"backup\":{\"description\":\"<b>\"}}", "{\"backup\":{\"size\":3}}", "{\"backup\":[]}", "{}", "nope"})
    void updateHoldsToTheCreateRules(String body) {
        String id = create(null, "");
        assertFault(call("PUT", backups + "/" + id, "3.9", body), 400, "badRequest");
    }

    @Test
    void updatingAnUnknownBackupIs404() {
        assertFault(call("PUT", backups + "/" + UUID.randomUUID(), "3.9", "{\"backup\":{\"name\":\"x\"}}"), 404,
                "itemNotFound");
        assertFault(call("PUT", backups + "/not-a-uuid", "3.9", "{\"backup\":{\"name\":\"x\"}}"), 404, "itemNotFound");
    }

    // --- incremental backups

    @Test
    void laterBackupsOfAVolumeAreIncrementalAndADeletedParentHandsThemOver() {
        String volume = UUID.randomUUID().toString();
        String body = "{\"backup\":{\"volume_id\":\"" + volume + "\",\"snapshot_id\":\"%s\",\"incremental\":false}}";
        String full = call("POST", backups, null, String.format(body, UUID.randomUUID())).json().get("backup").get("id").asText();
        awaitAvailable(full);
        String second = call("POST", backups, null, String.format(body, UUID.randomUUID())).json().get("backup").get("id").asText();
        assertTrue(show(second, null).get("is_incremental").asBoolean(), "whatever the request said");
        assertTrue(show(full, null).get("has_dependent_backups").asBoolean());
        assertFalse(show(full, null).get("is_incremental").asBoolean());
        awaitAvailable(second);

        assertEquals(202, call("DELETE", backups + "/" + full, null, null).status(), "a parent can be deleted");
        assertFalse(show(second, null).get("is_incremental").asBoolean(), "a dependent of a deleted full backup is full");
    }

    private void awaitAvailable(String id) {
        Assertions2.await(() -> show(id, null).get("status").asText(), "available"::equals, Duration.ofSeconds(10));
    }

    private static List<String> names(Api.Response listing) {
        List<String> names = new ArrayList<>();
        listing.json().get("backups").forEach(backup -> names.add(backup.get("name").asText()));
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
