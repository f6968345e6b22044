package com.vbssharing.sharing;

import com.fasterxml.jackson.databind.JsonNode;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.support.Api;
import com.vbssharing.support.Backups;
import com.vbssharing.support.Fixtures;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule of the sharing API; runs once over HTTP and once through the Lambda handler. */
abstract class ShareApiContract {

    private static final Set<String> SHARE_FIELDS = Set.of("id", "backup_id", "from_project_id", "to_project_id",
            "created_at", "updated_at", "deleted", "deleted_at");

    protected abstract Api api();

    private Api.Caller newProject() {
        return api().as(Tokens.newProjectId());
    }

    static String sharing(Api.Caller caller) {
        return "/v2/" + caller.projectId() + "/os-vendor-backup-sharing";
    }

    static String shareBody(String backupId, String... targets) {
        StringBuilder list = new StringBuilder();
        for (String target : targets) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(target).append('"');
        }
        return "{\"shared\":{\"backup_id\":\"" + backupId + "\",\"to_project_ids\":[" + list + "]}}";
    }

    static Api.Response share(Api.Caller owner, String backupId, String... targets) {
        return owner.post(sharing(owner), shareBody(backupId, targets));
    }

    private static List<String> targets(int n) {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            targets.add(Tokens.newProjectId());
        }
        return targets;
    }

    @Test
    void createAnswers200WithOneSharePerTargetInRequestOrder() {
        Api.Caller owner = newProject();
        String backup = Backups.createAvailable(owner, "shared-one");
        List<String> to = targets(3);
        Api.Response response = share(owner, backup, to.toArray(String[]::new));
        assertEquals(200, response.status(), response::toString);
        JsonNode shared = response.json().get("shared");
        assertTrue(shared.isArray());
        assertEquals(3, shared.size());
        for (int i = 0; i < 3; i++) {
            JsonNode share = shared.get(i);
            assertEquals(SHARE_FIELDS, fieldNames(share));
            assertEquals(UUID.fromString(share.get("id").asText()).toString(), share.get("id").asText());
            assertEquals(backup, share.get("backup_id").asText());
            assertEquals(owner.projectId(), share.get("from_project_id").asText());
            assertEquals(to.get(i), share.get("to_project_id").asText());
            assertTimestamp(share.get("created_at"));
            assertTimestamp(share.get("updated_at"));
            assertTrue(share.get("deleted").isNull() || share.get("deleted").isTextual());
            assertTrue(share.get("deleted_at").isNull());
        }
    }

    @Test
    void shareIsVisibleToTheOwnerByBackupIdRightAfterCreate() {
        Api.Caller owner = newProject();
        String backup = Fixtures.availableBackup(owner.projectId(), "tf");
        String target = Tokens.newProjectId();
        String shareId = share(owner, backup, target).json().get("shared").get(0).get("id").asText();
        JsonNode listed = owner.get(sharing(owner) + "/detail?backup_id=" + backup).json().get("shared");
        assertEquals(1, listed.size());
        assertEquals(shareId, listed.get(0).get("id").asText());
        JsonNode nested = listed.get(0).get("backup");
        assertEquals(backup, nested.get("id").asText());
        assertEquals("available", nested.get("status").asText());
        assertTimestamp(nested.get("created_at"));
    }

    @Test
    void backupMustExistInTheCallersProject() {
        Api.Caller owner = newProject();
        Api.Caller other = newProject();
        String backup = Fixtures.availableBackup(owner.projectId(), "mine");
        assertFault(share(other, backup, Tokens.newProjectId()), 404, "itemNotFound", backup);
        assertFault(share(owner, UUID.randomUUID().toString(), Tokens.newProjectId()), 404, "itemNotFound");
    }

    @Test
    void backupMustBeAvailable() {
        Api.Caller owner = newProject();
        String backup = Fixtures.backup(owner.projectId(), "busy", BackupStatus.CREATING).id();
        assertFault(share(owner, backup, Tokens.newProjectId()), 400, "badRequest", "creating");
        String failed = Fixtures.backup(owner.projectId(), "failed", BackupStatus.ERROR).id();
        assertFault(share(owner, failed, Tokens.newProjectId()), 400, "badRequest", "error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "0123456789abcdef0123456789abcdef0", "01234567890123456789012345678901",
            "0123456789abcdef0123456789abcde-", ""})
    void invalidTargetProjectIsBadRequestNamingIt(String target) {
        Api.Caller owner = newProject();
        String backup = Fixtures.availableBackup(owner.projectId(), "v");
        Api.Response response = share(owner, backup, Tokens.newProjectId(), target);
        assertFault(response, 400, "badRequest", "'" + target + "'");
        assertEquals(0, owner.get(sharing(owner) + "/detail?backup_id=" + backup).json().get("shared").size());
    }

    @Test
    void ownProjectDuplicatesAndEmptyListsAreBadRequests() {
        Api.Caller owner = newProject();
        String backup = Fixtures.availableBackup(owner.projectId(), "v");
        assertFault(share(owner, backup, owner.projectId()), 400, "badRequest", owner.projectId());
        String twice = Tokens.newProjectId();
        assertFault(share(owner, backup, twice, twice), 400, "badRequest", twice);
        assertFault(share(owner, backup), 400, "badRequest", "to_project_ids");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "{}", "{\"shared\":{}}", "{\"shared\":[]}",
            "{\"shared\":{\"backup_id\":\"b\"}}", "{\"shared\":{\"to_project_ids\":[\"0123456789abcdef0123456789abcdef\"]}}",
            "{\"shared\":{\"backup_id\":5,\"to_project_ids\":[\"0123456789abcdef0123456789abcdef\"]}}",
            "{\"shared\":{\"backup_id\":\"b\",\"to_project_ids\":\"0123456789abcdef0123456789abcdef\"}}",
            "{\"shared\":{\"backup_id\":\"b\",\"to_project_ids\":[7]}}",
            "{\"shared\":{\"backup_id\":\"b\",\"to_project_ids\":[\"0123456789abcdef0123456789abcdef\"],\"x\":1}}"})
    void malformedBodiesAreBadRequest(String body) {
        Api.Caller owner = newProject();
        assertFault(owner.post(sharing(owner), body), 400, "badRequest");
    }

    @Test
    void atMostTenProjectsPerBackupCountingExistingShares() {
        Api.Caller owner = newProject();
        String backup = Fixtures.availableBackup(owner.projectId(), "limit");
        assertFault(share(owner, backup, targets(11).toArray(String[]::new)), 400, "badRequest", "10");
        assertEquals(200, share(owner, backup, targets(7).toArray(String[]::new)).status());
        assertFault(share(owner, backup, targets(4).toArray(String[]::new)), 400, "badRequest", "10");
        assertEquals(7, count(owner, "?backup_id=" + backup));
        assertEquals(200, share(owner, backup, targets(3).toArray(String[]::new)).status());
        assertFault(share(owner, backup, targets(1).toArray(String[]::new)), 400, "badRequest", "10");
    }

    @Test
    void deletingSharesFreesRoomUnderTheLimit() {
        Api.Caller owner = newProject();
        String backup = Fixtures.availableBackup(owner.projectId(), "room");
        JsonNode created = share(owner, backup, targets(10).toArray(String[]::new)).json().get("shared");
        assertEquals(200, owner.delete(sharing(owner) + "/" + created.get(0).get("id").asText()).status());
        assertEquals(200, share(owner, backup, Tokens.newProjectId()).status());
        assertEquals(200, owner.delete(sharing(owner) + "/" + backup + "?is_backup_id=true").status());
        assertEquals(200, share(owner, backup, targets(10).toArray(String[]::new)).status());
    }

    @Test
    void existingShareIsAConflictAndNothingIsWritten() {
        Api.Caller owner = newProject();
        String backup = Fixtures.availableBackup(owner.projectId(), "dup");
        String existing = Tokens.newProjectId();
        assertEquals(200, share(owner, backup, existing).status());
        String fresh = Tokens.newProjectId();
        assertFault(share(owner, backup, fresh, existing), 409, "conflictingRequest", existing);
        assertEquals(1, count(owner, "?backup_id=" + backup));
        assertEquals(0, api().as(fresh).get(sharing(api().as(fresh)) + "/detail?share_to_me=true").json().get("shared").size());
    }

    @Test
    void queryShowsSharesByMeOrWithMeWithTheFullBackup() {
        Api.Caller owner = newProject();
        Api.Caller receiver = newProject();
        String backup = Backups.createAvailable(owner, "both-sides");
        String shareId = share(owner, backup, receiver.projectId()).json().get("shared").get(0).get("id").asText();

        JsonNode mine = owner.get(sharing(owner) + "/detail").json();
        assertEquals(List.of(shareId), ids(mine.get("shared")));
        assertNull(mine.get("shared_links"));
        JsonNode received = receiver.get(sharing(receiver) + "/detail?share_to_me=true").json().get("shared");
        assertEquals(List.of(shareId), ids(received));
        JsonNode nested = received.get(0).get("backup");
        assertEquals(Set.of("id", "name", "status", "size", "object_count", "availability_zone", "container",
                "created_at", "updated_at", "data_timestamp", "description", "fail_reason", "volume_id", "snapshot_id",
                "is_incremental", "has_dependent_backups", "service_metadata", "links"), fieldNames(nested));
        assertEquals("both-sides", nested.get("name").asText());
        assertEquals(0, receiver.get(sharing(receiver) + "/detail").json().get("shared").size(), "receiver shared nothing");
        assertEquals(0, owner.get(sharing(owner) + "/detail?share_to_me=True").json().get("shared").size());
        assertEquals(1, owner.get(sharing(owner) + "/detail?share_to_me=0").json().get("shared").size());
    }

    @Test
    void filtersCombineWithAnd() {
        Api.Caller owner = newProject();
        String alpha = Fixtures.availableBackup(owner.projectId(), "Alpha-Backup");
        String beta = Fixtures.availableBackup(owner.projectId(), "beta");
        String t1 = Tokens.newProjectId();
        String t2 = Tokens.newProjectId();
        share(owner, alpha, t1, t2);
        share(owner, beta, t1);
        assertEquals(3, count(owner, ""));
        assertEquals(2, count(owner, "?name=alpha"), "case-insensitive substring");
        assertEquals(2, count(owner, "?name=KUP"));
        assertEquals(1, count(owner, "?name=alpha&to_project_id=" + t2));
        assertEquals(2, count(owner, "?to_project_id=" + t1));
        assertEquals(1, count(owner, "?backup_id=" + beta));
        assertEquals(3, count(owner, "?status=available&availability_zone=az1"));
        assertEquals(3, count(owner, "?avalilability_zone=az1"));
        assertEquals(0, count(owner, "?availability_zone=elsewhere"));
        assertEquals(0, count(owner, "?status=error"));
        assertEquals(0, count(owner, "?from_project_id=" + t1), "a filter naming another owner matches nothing");
        assertEquals(3, count(owner, "?from_project_id=" + owner.projectId()));
        String volume = owner.get("/v3/" + owner.projectId() + "/backups/" + beta).json().get("backup").get("volume_id").asText();
        assertEquals(1, count(owner, "?volume_id=" + volume));
        JsonNode filtered = owner.get(sharing(owner) + "/detail?name=alpha&to_project_id=" + t2).json().get("shared");
        assertEquals(1, filtered.size());
        assertEquals(t2, filtered.get(0).get("to_project_id").asText());
        assertEquals(1, api().as(t2).get("/v2/" + t2 + "/os-vendor-backup-sharing/count?share_to_me=true").json().get("count").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"share_to_me=yes", "share_to_me=", "limit=x", "limit=-1", "offset=-1", "sort_key=volume_id",
            "sort_dir=up", "marker=" + "00000000-0000-0000-0000-000000000000"})
    void badQueryValuesAreBadRequest(String query) {
        Api.Caller owner = newProject();
        assertFault(owner.get(sharing(owner) + "/detail?" + query), 400, "badRequest");
    }

    @Test
    void sortsBySpecKeysWithTiesById() {
        Api.Caller owner = newProject();
        String b = Fixtures.availableBackup(owner.projectId(), "b");
        String a = Fixtures.availableBackup(owner.projectId(), "a");
        String sa = share(owner, a, Tokens.newProjectId()).json().get("shared").get(0).get("id").asText();
        String sb = share(owner, b, Tokens.newProjectId()).json().get("shared").get(0).get("id").asText();
        assertEquals(List.of(sa, sb), ids(owner.get(sharing(owner) + "/detail?sort_key=name&sort_dir=asc").json().get("shared")));
        assertEquals(List.of(sb, sa), ids(owner.get(sharing(owner) + "/detail?sort_key=name").json().get("shared")));
        assertEquals(List.of(sb, sa), ids(owner.get(sharing(owner) + "/detail").json().get("shared")), "newest first");
        assertEquals(List.of(sa, sb), ids(owner.get(sharing(owner) + "/detail?sort_dir=asc").json().get("shared")));
        List<String> byId = new ArrayList<>(List.of(sa, sb));
        byId.sort(null);
        assertEquals(byId, ids(owner.get(sharing(owner) + "/detail?sort_key=disk_format&sort_dir=asc").json().get("shared")));
        assertEquals(byId, ids(owner.get(sharing(owner) + "/detail?sort_key=id&sort_dir=asc").json().get("shared")));
        assertEquals(2, ids(owner.get(sharing(owner) + "/detail?sort_key=size&sort_dir=desc").json().get("shared")).size());
    }

    @Test
    void pagesWithLimitOffsetAndMarker() {
        Api.Caller owner = newProject();
        String backup = Fixtures.availableBackup(owner.projectId(), "pages");
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(0, share(owner, backup, Tokens.newProjectId()).json().get("shared").get(0).get("id").asText());
        }
        JsonNode first = owner.get(sharing(owner) + "/detail?limit=2").json();
        assertEquals(all.subList(0, 2), ids(first.get("shared")));
        String next = first.get("shared_links").get(0).get("href").asText();
        assertEquals("next", first.get("shared_links").get(0).get("rel").asText());
        assertTrue(next.contains("marker=" + all.get(1)) && next.contains("limit=2"), next);
        assertEquals(all.subList(2, 4), ids(owner.get(sharing(owner) + "/detail?limit=2&marker=" + all.get(1)).json().get("shared")));
        assertEquals(all.subList(1, 3), ids(owner.get(sharing(owner) + "/detail?limit=2&offset=1").json().get("shared")));
        assertEquals(all.subList(3, 5), ids(owner.get(sharing(owner) + "/detail?marker=" + all.get(0) + "&offset=2").json().get("shared")));
        assertEquals(all.subList(2, 4), ids(owner.get(sharing(owner) + "/detail?limit=2&backup_id=" + backup
                + "&marker=" + all.get(1)).json().get("shared")));
        JsonNode last = owner.get(sharing(owner) + "/detail?limit=2&marker=" + all.get(3)).json();
        assertEquals(all.subList(4, 5), ids(last.get("shared")));
        assertNull(last.get("shared_links"));
    }

    /** The Go VBS SDKs follow next links: from a first request with an offset they must see every later share once. */
    @ParameterizedTest
    @ValueSource(strings = {"limit=10&offset=5", "limit=3&offset=2&sort_key=name&sort_dir=asc", "limit=4&offset=1&name=off",
            "limit=2&offset=7"})
    void followingNextLinksAfterAnOffsetSkipsNothing(String query) {
        Api.Caller owner = newProject();
        for (int b = 0; b < 4; b++) {
            String backup = Fixtures.availableBackup(owner.projectId(), "offset-" + b);
            String[] targets = new String[5];
            for (int t = 0; t < 5; t++) {
                targets[t] = Tokens.newProjectId();
            }
            assertEquals(200, share(owner, backup, targets).status());
        }
        String withoutPaging = query.replaceAll("limit=\\d+&?", "").replaceAll("offset=\\d+&?", "");
        List<String> all = ids(owner.get(sharing(owner) + "/detail?" + withoutPaging).json().get("shared"));
        int offset = Integer.parseInt(query.replaceAll(".*offset=(\\d+).*", "$1"));
        List<String> seen = new ArrayList<>();
        String next = sharing(owner) + "/detail?" + query;
        for (int pages = 0; next != null && pages < 30; pages++) {
            JsonNode page = owner.get(next).json();
            seen.addAll(ids(page.get("shared")));
            JsonNode links = page.get("shared_links");
            String href = links == null ? null : links.get(0).get("href").asText();
            next = href == null ? null : href.substring(href.indexOf("/v2/"));
        }
        assertEquals(all.subList(Math.min(offset, all.size()), all.size()), seen);
    }

    @Test
    void getOneIsAnObjectVisibleToEitherSide() {
        Api.Caller owner = newProject();
        Api.Caller receiver = newProject();
        Api.Caller stranger = newProject();
        String backup = Fixtures.availableBackup(owner.projectId(), "one");
        String shareId = share(owner, backup, receiver.projectId()).json().get("shared").get(0).get("id").asText();
        for (Api.Caller side : List.of(owner, receiver)) {
            Api.Response response = side.get(sharing(side) + "/" + shareId);
            assertEquals(200, response.status(), response::toString);
            JsonNode shared = response.json().get("shared");
            assertTrue(shared.isObject());
            assertEquals(shareId, shared.get("id").asText());
            assertEquals(backup, shared.get("backup").get("id").asText());
        }
        assertFault(stranger.get(sharing(stranger) + "/" + shareId), 404, "itemNotFound");
        assertFault(owner.get(sharing(owner) + "/" + UUID.randomUUID()), 404, "itemNotFound");
    }

    @Test
    void deleteByShareIdOnlyByTheOwner() {
        Api.Caller owner = newProject();
        Api.Caller receiver = newProject();
        Api.Caller stranger = newProject();
        String backup = Fixtures.availableBackup(owner.projectId(), "del");
        String shareId = share(owner, backup, receiver.projectId()).json().get("shared").get(0).get("id").asText();
        assertFault(receiver.delete(sharing(receiver) + "/" + shareId), 403, "forbidden");
        assertFault(stranger.delete(sharing(stranger) + "/" + shareId), 404, "itemNotFound");
        Api.Response deleted = owner.delete(sharing(owner) + "/" + shareId);
        assertEquals(200, deleted.status(), deleted::toString);
        assertTrue(deleted.body() == null || deleted.body().isEmpty(), "empty body");
        assertFault(owner.get(sharing(owner) + "/" + shareId), 404, "itemNotFound");
        assertFault(owner.delete(sharing(owner) + "/" + shareId), 404, "itemNotFound");
        assertEquals(0, receiver.get(sharing(receiver) + "/count?share_to_me=true").json().get("count").asInt());
    }

    @Test
    void deleteByBackupIdRemovesEveryShareOfTheBackup() {
        Api.Caller owner = newProject();
        Api.Caller receiver = newProject();
        Api.Caller stranger = newProject();
        String backup = Fixtures.availableBackup(owner.projectId(), "all");
        String kept = Fixtures.availableBackup(owner.projectId(), "kept");
        share(owner, backup, receiver.projectId(), Tokens.newProjectId(), Tokens.newProjectId());
        share(owner, kept, receiver.projectId());
        assertFault(receiver.delete(sharing(receiver) + "/" + backup + "?is_backup_id=true"), 403, "forbidden");
        assertFault(stranger.delete(sharing(stranger) + "/" + backup + "?is_backup_id=true"), 404, "itemNotFound");
        assertFault(owner.delete(sharing(owner) + "/" + backup + "?is_backup_id=false"), 404, "itemNotFound");
        assertEquals(200, owner.delete(sharing(owner) + "/" + backup + "?is_backup_id=true").status());
        assertEquals(0, count(owner, "?backup_id=" + backup));
        assertEquals(1, count(owner, ""));
        assertFault(owner.delete(sharing(owner) + "/" + backup + "?is_backup_id=true"), 404, "itemNotFound");
        assertFault(owner.delete(sharing(owner) + "/" + backup + "?is_backup_id=maybe"), 400, "badRequest");
    }

    @Test
    void deletingABackupDeletesItsShares() {
        Api.Caller owner = newProject();
        Api.Caller receiver = newProject();
        String backup = Backups.createAvailable(owner, "doomed");
        String shareId = share(owner, backup, receiver.projectId()).json().get("shared").get(0).get("id").asText();
        assertEquals(202, owner.delete("/v3/" + owner.projectId() + "/backups/" + backup).status());
        assertFault(receiver.get(sharing(receiver) + "/" + shareId), 404, "itemNotFound");
        assertEquals(0, count(owner, ""));
        assertEquals(0, receiver.get(sharing(receiver) + "/detail?share_to_me=true").json().get("shared").size());
    }

    @Test
    void everyCallNeedsATokenForThePathProject() {
        Api.Caller owner = newProject();
        Api.Caller other = newProject();
        assertFault(api().call("GET", sharing(owner) + "/detail", java.util.Map.of(), null), 401, "unauthorized");
        assertFault(other.get(sharing(owner) + "/detail"), 403, "forbidden");
        assertFault(other.post(sharing(owner), shareBody(UUID.randomUUID().toString(), Tokens.newProjectId())), 403, "forbidden");
    }

    private int count(Api.Caller caller, String query) {
        Api.Response response = caller.get(sharing(caller) + "/count" + query);
        assertEquals(200, response.status(), response::toString);
        int count = response.json().get("count").asInt();
        assertEquals(count, caller.get(sharing(caller) + "/detail" + query).json().get("shared").size(),
                "count agrees with the query for " + query);
        return count;
    }
}
