package com.vbssharing.clients;

import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.api.storage.BlockVolumeBackupService;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.identity.v3.Service;
import org.openstack4j.model.storage.block.VolumeBackup;
import org.openstack4j.openstack.OSFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * openstack4j 3.12 (openstack4j-core with the okhttp connector, test dependencies): the token exchange with a
 * project scope, then {@code os.blockStorage().backups()} on the catalog's volumev3 endpoint. openstack4j's
 * backup service sends {@code snapshot_id} ({@code VolumeBackupCreateBuilder.snapshotId}); its list does not
 * follow next links and takes paging as filter parameters ({@code limit}, {@code marker}, {@code offset}).
 *
 * <p>What openstack4j 3.12's {@code BlockVolumeBackupService} has: {@code list()} ({@code GET …/backups/detail}),
 * {@code list(Map<String, String>)} (the same, each entry a query parameter, sent as given), {@code get},
 * {@code create}, {@code delete}, {@code restore}; no update, and no microversion header (every request is served
 * at 3.0). {@code VolumeBackups} reads only {@code backups}: {@code backups_links} (and {@code count}) are ignored,
 * so a caller pages by itself, with {@code marker} = the last id of the page it has.
 *
 * <p>{@code scopeToProject} is required: with {@code .token(t)} alone openstack4j sends no scope, the service
 * answers (as Keystone does for a user with a default project) with a token scoped to the token's project, and
 * openstack4j 3.12 then fails on its own side ({@code NullPointerException} at
 * {@code OSAuthenticator.authenticateV3}, line 207: it re-reads the project from the scope it did not send).
 */
class Openstack4jIT {

    private static final String VOLUME_ID = "c5834fe1-577f-462e-9bf3-1b158e1dde9c";

    private static OSClientV3 signIn(String token, String project) {
        return OSFactory.builderV3()
                .endpoint(LocalRun.get().authUrl())
                .token(token)
                .scopeToProject(Identifier.byId(project))
                .authenticate()
                .useRegion(LocalRun.REGION);
    }

    @Test
    void signsInAndCreatesGetsPagesFromAMarkerAndAnOffsetAndDeletesBackups() throws InterruptedException {
        String project = Tokens.newProjectId();
        OSClientV3 os = signIn(LocalRun.token(project), project);

        assertEquals(project, os.getToken().getProject().getId());
        Service volumev3 = os.getToken().getCatalog().stream().filter(s -> s.getType().equals("volumev3")).findFirst()
                .orElseThrow();
        assertEquals(LocalRun.get().baseUrl() + "/v3/" + project, volumev3.getEndpoints().get(0).getUrl().toString());

        BlockVolumeBackupService backups = os.blockStorage().backups();
        String prefix = "os4j-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> created = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            String name = String.format("%s-%02d", prefix, i);
            VolumeBackup backup = backups.create(Builders.volumeBackupCreate()
                    .volumeId(VOLUME_ID)
                    .snapshotId(UUID.randomUUID().toString())
                    .name(name)
                    .description("openstack4j " + i)
                    .build());
            assertNotNull(backup, "create " + name);
            assertEquals(name, backup.getName());
            created.put(backup.getId(), name);
        }
        for (String id : created.keySet()) {
            awaitAvailable(backups, id);
        }

        String first = created.keySet().iterator().next();
        VolumeBackup got = backups.get(first);
        assertEquals(first, got.getId());
        assertEquals(created.get(first), got.getName());
        assertEquals(VOLUME_ID, got.getVolumeId());
        assertEquals(VolumeBackup.Status.AVAILABLE, got.getStatus());
        assertNotNull(got.getSnapshotId());
        assertNotNull(got.getCreated(), "created_at parsed");
        assertEquals("openstack4j 0", got.getDescription());

        // Paging through filter parameters: limit, then marker = the last id of the page.
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        while (true) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("limit", "5");
            if (marker != null) {
                query.put("marker", marker);
            }
            List<? extends VolumeBackup> page = backups.list(query);
            pages++;
            assertTrue(page.size() <= 5, "page " + pages + " has " + page.size());
            if (page.isEmpty()) {
                break;
            }
            page.forEach(b -> seen.add(b.getId()));
            marker = page.get(page.size() - 1).getId();
            if (pages > 10) {
                fail("paging does not end: " + seen);
            }
        }
        assertEquals(12, seen.size(), seen.toString());
        assertEquals(created.keySet(), new HashSet<>(seen));
        assertEquals(4, pages);

        // From an offset: {offset, limit} first, then {limit, marker} = the last id seen, until an empty page.
        List<String> order = backups.list().stream().map(VolumeBackup::getId).toList();
        assertEquals(12, order.size(), order.toString());
        List<String> fromOffset = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("offset", "3");
        query.put("limit", "5");
        while (true) {
            List<? extends VolumeBackup> page = backups.list(query);
            sizes.add(page.size());
            assertTrue(page.size() <= 5, "page " + sizes.size() + " has " + page.size());
            if (page.isEmpty()) {
                break;
            }
            page.forEach(b -> fromOffset.add(b.getId()));
            query = new LinkedHashMap<>();
            query.put("limit", "5");
            query.put("marker", page.get(page.size() - 1).getId());
            if (sizes.size() > 10) {
                fail("paging from an offset does not end: " + fromOffset);
            }
        }
        // Every backup after the first 3, once each and in the order of the whole listing: 5, 4, then an empty page.
        assertEquals(order.subList(3, 12), fromOffset);
        assertEquals(List.of(5, 4, 0), sizes);

        Set<String> listed = new HashSet<>();
        backups.list().forEach(b -> listed.add(b.getId()));
        assertEquals(created.keySet(), listed);

        for (String id : created.keySet()) {
            ActionResponse response = backups.delete(id);
            assertTrue(response.isSuccess(), id + ": " + response);
            assertEquals(202, response.getCode());
        }
        for (String id : created.keySet()) {
            assertNull(backups.get(id), id + " after its delete");
        }
        assertTrue(backups.list().stream().noneMatch(b -> created.containsKey(b.getId())));
    }

    @Test
    void aTokenScopedToAnotherProjectIsRefused() {
        String project = Tokens.newProjectId();
        String other = Tokens.newProjectId();

        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> signIn(LocalRun.token(project), other));

        assertEquals(401, refused.getStatus());
    }

    private static void awaitAvailable(BlockVolumeBackupService backups, String id) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            VolumeBackup backup = backups.get(id);
            assertNotNull(backup, id);
            if (backup.getStatus() == VolumeBackup.Status.AVAILABLE) {
                return;
            }
            if (backup.getStatus() == VolumeBackup.Status.ERROR || System.nanoTime() > deadline) {
                fail(id + " is " + backup.getStatus() + ", not available");
            }
            Thread.sleep(200);
        }
    }
}
