package com.vbssharing.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.vbssharing.support.Api;
import com.vbssharing.support.Backups;
import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.vbssharing.support.Assertions2.assertFault;
import static com.vbssharing.support.Assertions2.assertTimestamp;
import static com.vbssharing.support.JsonLists.fieldNames;
import static com.vbssharing.support.JsonLists.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule of the v3 backups API; runs once over HTTP and once through the Lambda handler. */
abstract class BackupApiContract {

    private static final Set<String> DETAIL_FIELDS = Set.of("id", "name", "status", "size", "object_count",
            "availability_zone", "container", "created_at", "updated_at", "data_timestamp", "description",
            "fail_reason", "volume_id", "snapshot_id", "is_incremental", "has_dependent_backups",
            "service_metadata", "links");

    protected abstract Api api();

    /** The base URL links should start with when called through this entry point. */
    protected abstract String expectedBaseUrl();

    private Api.Caller newProject() {
        return api().as(Tokens.newProjectId());
    }

    private static String backups(Api.Caller caller) {
        return "/v3/" + caller.projectId() + "/backups";
    }

    @Test
    void createAnswers202WithIdNameAndAbsoluteLinks() {
        Api.Caller owner = newProject();
        Api.Response response = owner.post(backups(owner), """
                {"backup":{"volume_id":"c5834fe1-577f-462e-9bf3-1b158e1dde9c",
                 "snapshot_id":"251f910a-a2bd-443e-a77a-90a3dbd26b7b","name":"backup1","description":"Backup_Demo"}}""");
        assertEquals(202, response.status(), response::toString);
        JsonNode backup = response.json().get("backup");
        assertEquals(Set.of("id", "name", "links"), fieldNames(backup));
        String id = backup.get("id").asText();
        assertEquals(id, UUID.fromString(id).toString());
        assertEquals("backup1", backup.get("name").asText());
        JsonNode links = backup.get("links");
        assertEquals(expectedBaseUrl() + "/v3/" + owner.projectId() + "/backups/" + id, links.get(0).get("href").asText());
        assertEquals("self", links.get(0).get("rel").asText());
        assertEquals(expectedBaseUrl() + "/" + owner.projectId() + "/backups/" + id, links.get(1).get("href").asText());
        assertEquals("bookmark", links.get(1).get("rel").asText());
    }

    @Test
    void openstack4jStyleBodyWithIncrementalForceAndContainerIsAccepted() {
        Api.Caller owner = newProject();
        Api.Response response = owner.post(backups(owner), """
                {"backup":{"volume_id":"c5834fe1-577f-462e-9bf3-1b158e1dde9c","snapshot_id":"251f910a-a2bd-443e-a77a-90a3dbd26b7b",
                 "incremental":false,"force":false,"container":"ignored","project_id":"%s"}}""".formatted(owner.projectId()));
        assertEquals(202, response.status(), response::toString);
        assertTrue(response.json().get("backup").get("name").isNull());
    }

    @Test
    void newBackupBecomesAvailableThroughTheWorkerWithFullDetail() {
        Api.Caller owner = newProject();
        String id = Backups.create(owner, "lifecycle");
        assertEquals("available", Backups.awaitStatus(owner, id, "available"));
        Api.Response response = owner.get(backups(owner) + "/" + id);
        assertEquals(200, response.status());
        JsonNode backup = response.json().get("backup");
        assertEquals(DETAIL_FIELDS, fieldNames(backup));
        assertEquals(id, backup.get("id").asText());
        assertEquals(0, backup.get("size").asInt());
        assertEquals(0, backup.get("object_count").asInt());
        assertFalse(backup.get("is_incremental").asBoolean());
        assertTrue(backup.get("is_incremental").isBoolean());
        assertTrue(backup.get("has_dependent_backups").isBoolean());
        assertTrue(backup.get("fail_reason").isNull());
        assertTimestamp(backup.get("created_at"));
        assertTimestamp(backup.get("updated_at"));
        assertTimestamp(backup.get("data_timestamp"));
    }

    @Test
    void backupOfAnotherProjectOrNoneIsNotFound() {
        Api.Caller owner = newProject();
        Api.Caller other = newProject();
        String id = Backups.create(owner, null);
        assertFault(other.get(backups(other) + "/" + id), 404, "itemNotFound", id);
        assertFault(owner.get(backups(owner) + "/" + UUID.randomUUID()), 404, "itemNotFound");
        assertFault(other.delete(backups(other) + "/" + id), 404, "itemNotFound");
    }

    @Test
    void listsSummaryAndDetailNewestFirst() {
        Api.Caller owner = newProject();
        String first = Backups.create(owner, "first");
        String second = Backups.create(owner, "second");
        JsonNode summary = owner.get(backups(owner)).json().get("backups");
        assertEquals(List.of(second, first), ids(summary));
        assertEquals(Set.of("id", "name", "links"), fieldNames(summary.get(0)));
        JsonNode detail = owner.get(backups(owner) + "/detail").json();
        assertEquals(List.of(second, first), ids(detail.get("backups")));
        assertEquals(DETAIL_FIELDS, fieldNames(detail.get("backups").get(0)));
        assertNull(detail.get("backups_links"), "no next link on a page that is not full");
    }

    @Test
    void filtersByNameStatusAndVolume() {
        Api.Caller owner = newProject();
        String alpha = Backups.createAvailable(owner, "alpha");
        Backups.createAvailable(owner, "beta");
        assertEquals(List.of(alpha), ids(owner.get(backups(owner) + "?name=alpha").json().get("backups")));
        assertEquals(2, owner.get(backups(owner) + "/detail?status=available").json().get("backups").size());
        assertEquals(0, owner.get(backups(owner) + "/detail?status=error").json().get("backups").size());
        String volume = owner.get(backups(owner) + "/" + alpha).json().get("backup").get("volume_id").asText();
        assertEquals(List.of(alpha), ids(owner.get(backups(owner) + "/detail?volume_id=" + volume).json().get("backups")));
    }

    @Test
    void sortsBothStylesWithTiesById() {
        Api.Caller owner = newProject();
        String b = Backups.create(owner, "b");
        String a = Backups.create(owner, "a");
        String c = Backups.create(owner, "c");
        assertEquals(List.of(a, b, c), ids(owner.get(backups(owner) + "?sort=name:asc").json().get("backups")));
        assertEquals(List.of(c, b, a), ids(owner.get(backups(owner) + "?sort_key=name&sort_dir=desc").json().get("backups")));
        assertEquals(List.of(b, a, c), ids(owner.get(backups(owner) + "?sort=created_at:asc").json().get("backups")));
        List<String> bySize = ids(owner.get(backups(owner) + "?sort=size:asc").json().get("backups"));
        List<String> sortedIds = new ArrayList<>(List.of(a, b, c));
        sortedIds.sort(null);
        assertEquals(sortedIds, bySize, "equal sizes are ordered by id");
    }

    @Test
    void pagesWithLimitOffsetMarkerAndNextLinks() {
        Api.Caller owner = newProject();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, Backups.create(owner, "p" + i));
        }
        List<String> seen = new ArrayList<>();
        String next = backups(owner) + "?limit=2";
        int pages = 0;
        while (next != null) {
            JsonNode page = owner.get(next).json();
            page.get("backups").forEach(item -> seen.add(item.get("id").asText()));
            JsonNode links = page.get("backups_links");
            next = null;
            if (links != null) {
                assertEquals("next", links.get(0).get("rel").asText());
                String href = links.get(0).get("href").asText();
                assertTrue(href.startsWith(expectedBaseUrl() + backups(owner) + "?"), href);
                assertTrue(href.contains("limit=2"), href);
                next = href.substring(expectedBaseUrl().length());
            }
            pages++;
        }
        assertEquals(created, seen);
        assertEquals(3, pages);
        assertEquals(created.subList(2, 4), ids(owner.get(backups(owner) + "?limit=2&offset=2").json().get("backups")));
        assertEquals(created.subList(2, 5),
                ids(owner.get(backups(owner) + "?marker=" + created.get(1)).json().get("backups")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=abc", "limit=-1", "offset=-3", "offset=x", "sort=bogus:asc", "sort=name:sideways",
            "sort_key=bogus", "sort_dir=up", "sort=name:asc&sort_key=name", "sort=a:b:c"})
    void badPagingOrSortIsBadRequest(String query) {
        Api.Caller owner = newProject();
        assertFault(owner.get(backups(owner) + "?" + query), 400, "badRequest");
        assertFault(owner.get(backups(owner) + "/detail?" + query), 400, "badRequest");
    }

    @Test
    void unknownMarkerIsBadRequest() {
        Api.Caller owner = newProject();
        String marker = UUID.randomUUID().toString();
        assertFault(owner.get(backups(owner) + "?marker=" + marker), 400, "badRequest", marker);
    }

    @Test
    void limitAboveTheCapIsLowered() {
        Api.Caller owner = newProject();
        Backups.create(owner, null);
        assertEquals(200, owner.get(backups(owner) + "?limit=5000").status());
    }

    @Test
    void deleteAnswers202AndRemovesTheBackup() {
        Api.Caller owner = newProject();
        String id = Backups.createAvailable(owner, "gone");
        Api.Response response = owner.delete(backups(owner) + "/" + id);
        assertEquals(202, response.status(), response::toString);
        assertTrue(response.body() == null || response.body().isEmpty());
        assertFault(owner.get(backups(owner) + "/" + id), 404, "itemNotFound");
        assertFault(owner.delete(backups(owner) + "/" + id), 404, "itemNotFound");
    }

    @Test
    void onlyAvailableOrErrorBackupsCanBeDeleted() {
        Api.Caller owner = newProject();
        String id = UUID.randomUUID().toString();
        TestApp.get().context().getBean(BackupRepository.class).insert(Backup.builder().id(id)
                .projectId(owner.projectId()).name("busy").status(BackupStatus.RESTORING).availabilityZone("az1")
                .volumeId(UUID.randomUUID().toString()).snapshotId(UUID.randomUUID().toString())
                .createdAt("2026-01-01T00:00:00.000000").updatedAt("2026-01-01T00:00:00.000000").build());
        assertFault(owner.delete(backups(owner) + "/" + id), 400, "badRequest", "restoring");
        assertEquals(200, owner.get(backups(owner) + "/" + id).status(), "nothing was deleted");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not json", "[]", "{}", "{\"backup\":null}", "{\"backup\":[]}", "{\"backup\":{}}",
            "{\"backup\":{\"volume_id\":\"c5834fe1-577f-462e-9bf3-1b158e1dde9c\"}}",
            "{\"backup\":{\"snapshot_id\":\"251f910a-a2bd-443e-a77a-90a3dbd26b7b\"}}",
            "{\"backup\":{\"volume_id\":\"nope\",\"snapshot_id\":\"251f910a-a2bd-443e-a77a-90a3dbd26b7b\"}}",
            "{\"backup\":{\"volume_id\":42,\"snapshot_id\":\"251f910a-a2bd-443e-a77a-90a3dbd26b7b\"}}",
            "{\"backup\":{\"volume_id\":\"c5834fe1-577f-462e-9bf3-1b158e1dde9c\",\"snapshot_id\":\"x\"}}"})
    void malformedBodiesAreBadRequest(String body) {
        Api.Caller owner = newProject();
        assertFault(owner.post(backups(owner), body), 400, "badRequest");
        assertEquals(0, owner.get(backups(owner)).json().get("backups").size(), "nothing written");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"name\":\"\"->name", "\"name\":\"has space\"->name", "\"name\":\"autobackup\"->auto",
            "\"name\":\"" + "n123456789n123456789n123456789n123456789n123456789n123456789abcde" + "\"->name",
            "\"name\":7->name", "\"description\":\"<b>\"->description", "\"description\":5->description",
            "\"force\":\"yes\"->force", "\"incremental\":1->incremental", "\"container\":false->container",
            "\"project_id\":\"ffffffffffffffffffffffffffffffff\"->project_id", "\"colour\":\"red\"->colour"})
    void invalidFieldsAreBadRequestNamingTheField(String fieldAndExpected) {
        String[] parts = fieldAndExpected.split("->");
        Api.Caller owner = newProject();
        String body = "{\"backup\":{\"volume_id\":\"c5834fe1-577f-462e-9bf3-1b158e1dde9c\","
                + "\"snapshot_id\":\"251f910a-a2bd-443e-a77a-90a3dbd26b7b\"," + parts[0] + "}}";
        assertFault(owner.post(backups(owner), body), 400, "badRequest", parts[1]);
    }

    @Test
    void descriptionOfExactly255CharactersAndNameOf64AreAccepted() {
        Api.Caller owner = newProject();
        String body = "{\"backup\":{\"volume_id\":\"c5834fe1-577f-462e-9bf3-1b158e1dde9c\","
                + "\"snapshot_id\":\"251f910a-a2bd-443e-a77a-90a3dbd26b7b\",\"name\":\"" + "n".repeat(64)
                + "\",\"description\":\"" + "d".repeat(255) + "\"}}";
        assertEquals(202, owner.post(backups(owner), body).status());
        String tooLong = body.replace("d".repeat(255), "d".repeat(256));
        assertFault(owner.post(backups(owner), tooLong), 400, "badRequest", "description");
    }

    @Test
    void unknownRoutesWrongMethodsAndMediaTypesAnswerFaults() {
        Api.Caller owner = newProject();
        assertFault(owner.get("/v3/" + owner.projectId() + "/nothing-here"), 404, "itemNotFound");
        assertFault(api().call("PUT", backups(owner), java.util.Map.of("X-Auth-Token", Tokens.forProject(owner.projectId())), "{}"),
                405, "badMethod");
        assertFault(api().call("POST", backups(owner), java.util.Map.of("X-Auth-Token", Tokens.forProject(owner.projectId()),
                "Content-Type", "text/plain"), Backups.body("x")), 415, "badMediaType");
    }
}
