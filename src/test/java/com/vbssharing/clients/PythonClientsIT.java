package com.vbssharing.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vbssharing.support.Tokens;
import com.vbssharing.versions.BackupApiVersions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Python clients from Debian (python3-cinderclient 9.1, python3-openstackclient 6.0, python3-openstacksdk
 * 0.101, all on keystoneauth1 5.0), signed in with the v3 token plugin: the cinder and openstack CLIs, the
 * cinderclient library ({@code clients/python/cinderclient_backups.py}) and openstacksdk
 * ({@code clients/python/openstacksdk_backups.py}). Debian's interpreter is called by its path: the first
 * {@code python3} on PATH may be another one, without these packages.
 *
 * <p>The CLIs cannot create a backup here: {@code cinder backup-create} and {@code openstack volume backup create}
 * look the volume up first ({@code GET /v3/<p>/volumes/<id>}), and this service has no volumes API. Backups for the
 * CLI tests are created through the cinderclient library, as the CLIs would create them.
 *
 * <p>What later microversions add (the service speaks up to {@link BackupApiVersions#MAX}): update of name and
 * description (3.9), metadata on create and update (3.43), {@code with_count} (3.45), sorting by name (cinderclient
 * sends {@code display_name}), and the incremental flags of a chain of backups of one volume. cinderclient (its
 * library and the cinder CLI) does all of it as is. openstacksdk 0.101 sends a microversion only when one is
 * configured ({@code block_storage_default_microversion}), and cannot update a backup nor ask for
 * {@code with_count}: {@code clients/python/openstacksdk_backups.py} shows both limits and does those two through
 * the SDK's own adapter (see its docstring).
 */
class PythonClientsIT {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String CINDER = "/usr/bin/cinder";
    private static final String OPENSTACK = "/usr/bin/openstack";
    private static final String DIST_PACKAGES = "/usr/lib/python3/dist-packages/";
    private static final String CINDERCLIENT_SCRIPT = "clients/python/cinderclient_backups.py";
    private static final String OPENSTACKSDK_SCRIPT = "clients/python/openstacksdk_backups.py";
    private static final String VOLUME_ID = "c5834fe1-577f-462e-9bf3-1b158e1dde9c";
    private static final Pattern CREATED = Pattern.compile("(?m)^created ([0-9a-f-]{36}) (\\S+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> environment(String project) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OS_AUTH_URL", LocalRun.get().authUrl());
        environment.put("OS_TOKEN", LocalRun.token(project));
        environment.put("OS_PROJECT_ID", project);
        environment.put("OS_REGION_NAME", LocalRun.REGION);
        return environment;
    }

    /** Backups created through the cinderclient library, available: id → name. */
    private static Map<String, String> createBackups(Map<String, String> environment, int count) {
        String output = RealClients.succeed(List.of(PYTHON, CINDERCLIENT_SCRIPT, "create", Integer.toString(count),
                "cli-" + UUID.randomUUID().toString().substring(0, 8)), environment, null, 60);
        Map<String, String> created = new LinkedHashMap<>();
        Matcher matcher = CREATED.matcher(output);
        while (matcher.find()) {
            created.put(matcher.group(1), matcher.group(2));
        }
        assertEquals(count, created.size(), output);
        return created;
    }

    /** A value of the cinder CLI's property table ({@code backup-show}): {@code | name | value |}. */
    private static String property(String table, String name) {
        Matcher matcher = Pattern.compile("(?m)^\\| " + Pattern.quote(name) + " +\\| (.*?) +\\|$").matcher(table);
        assertTrue(matcher.find(), name + " not in\n" + table);
        return matcher.group(1);
    }

    /** A flat Python dict of strings as the cinder CLI prints it ({@code {'k': 'v', 'k2': 'v2'}}), in any order. */
    private static Map<String, String> dict(String printed) {
        assertTrue(printed.matches("\\{.*}"), printed);
        Map<String, String> entries = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("'([^']*)': '([^']*)'").matcher(printed);
        while (entry.find()) {
            entries.put(entry.group(1), entry.group(2));
        }
        return entries;
    }

    /** The names in a cinder CLI list table, top to bottom, of the backups given. */
    private static List<String> namesInOrder(String table, Map<String, String> backups) {
        List<String> names = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| ([0-9a-f-]{36}) \\| [^|]+\\| [^|]+\\| (\\S+) +\\|").matcher(table);
        while (row.find()) {
            if (backups.containsKey(row.group(1))) {
                names.add(row.group(2));
            }
        }
        return names;
    }

    private static void requireCinderclient() {
        RealClients.requireInstalled(PYTHON, "apt-get install python3");
        RealClients.requirePresent(DIST_PACKAGES + "cinderclient", "apt-get install python3-cinderclient");
    }

    @Test
    void cinderclientLibraryNegotiatesCreatesGetsPagesAndDeletes() {
        requireCinderclient();
        String project = Tokens.newProjectId();

        String output = RealClients.succeed(List.of(PYTHON, CINDERCLIENT_SCRIPT, "scenario", "12", "5"),
                environment(project), null, 90);

        // cinderclient 9.1 asks for 3.70 and settles on the server's maximum.
        assertTrue(output.contains("negotiated microversion " + BackupApiVersions.MAX), output);
        assertTrue(output.contains("endpoint " + LocalRun.get().baseUrl() + "/v3/" + project), output);
        Matcher matcher = CREATED.matcher(output);
        int created = 0;
        while (matcher.find()) {
            created++;
        }
        assertEquals(12, created, output);
        // Pages of 5: 5, 5, 2, then an empty page ends the marker walk.
        assertTrue(output.contains("listed 12 backups in 4 pages of 5"), output);
        assertTrue(output.contains("deleted 12 backups"), output);
        assertTrue(output.strip().endsWith("OK cinderclient"), output);
    }

    /**
     * The cinder CLI. Its auth type is given as {@code --os-auth-type v3token}, not as env OS_AUTH_TYPE: with
     * OS_AUTH_TYPE=v3token, cinderclient 9.1's shell registers the plugin's {@code --os-token} option next to its
     * own and argparse stops with "argument --os-token: conflicting option string: --os-token" before any request
     * (a client bug: keystoneauth's register_argparse_arguments reads OS_AUTH_TYPE/OS_AUTH_PLUGIN and adds the
     * plugin's options, then cinderclient's shell adds its own --os-token). The command-line option, or env
     * OS_AUTH_SYSTEM=v3token (read by cinderclient alone), avoids it.
     */
    @Test
    void cinderCliListsShowsAndDeletesBackups() {
        requireCinderclient();
        RealClients.requireInstalled(CINDER, "apt-get install python3-cinderclient");
        String project = Tokens.newProjectId();
        Map<String, String> environment = environment(project);
        Map<String, String> created = createBackups(environment, 3);
        List<String> ids = new ArrayList<>(created.keySet());

        String list = RealClients.succeed(List.of(CINDER, "--os-auth-type", "v3token", "backup-list"), environment, null, 60);
        for (String id : ids) {
            assertTrue(Pattern.compile("\\| " + id + " \\| " + VOLUME_ID + " \\| available \\| " + created.get(id) + " ")
                    .matcher(list).find(), list);
        }
        // The negotiation: 3.70 asked for, the server's maximum used.
        assertTrue(list.contains("downgrading to " + BackupApiVersions.MAX + " based on server support"), list);

        String limited = RealClients.succeed(List.of(CINDER, "--os-auth-type", "v3token", "backup-list", "--limit", "2"),
                environment, null, 60);
        assertEquals(2, ids.stream().filter(limited::contains).count(), limited);

        String show = RealClients.succeed(List.of(CINDER, "--os-auth-type", "v3token", "backup-show", ids.get(0)),
                environment, null, 60);
        assertTrue(Pattern.compile("\\| id +\\| " + ids.get(0) + " +\\|").matcher(show).find(), show);
        assertTrue(Pattern.compile("\\| name +\\| " + created.get(ids.get(0)) + " +\\|").matcher(show).find(), show);
        assertTrue(Pattern.compile("\\| status +\\| available +\\|").matcher(show).find(), show);
        assertTrue(Pattern.compile("\\| snapshot_id +\\| [0-9a-f-]{36} +\\|").matcher(show).find(), show);
        // By name: GET /backups/<name> is 404, then the CLI searches the detail listing by name.
        String byName = RealClients.succeed(List.of(CINDER, "--os-auth-type", "v3token", "backup-show", created.get(ids.get(1))),
                environment, null, 60);
        assertTrue(Pattern.compile("\\| id +\\| " + ids.get(1) + " +\\|").matcher(byName).find(), byName);

        List<String> delete = new ArrayList<>(List.of(CINDER, "--os-auth-type", "v3token", "backup-delete"));
        delete.addAll(ids);
        String deleted = RealClients.succeed(delete, environment, null, 60);
        for (String id : ids) {
            assertTrue(deleted.contains("Request to delete backup " + id + " has been accepted."), deleted);
        }

        String after = RealClients.succeed(List.of(CINDER, "--os-auth-type", "v3token", "backup-list"), environment, null, 60);
        assertTrue(ids.stream().noneMatch(after::contains), after);
    }

    @Test
    void cinderclientLibraryUpdatesCountsSortsAndFollowsAnIncrementalChain() {
        requireCinderclient();
        String project = Tokens.newProjectId();

        String output = RealClients.succeed(List.of(PYTHON, CINDERCLIENT_SCRIPT, "features"), environment(project), null, 90);

        assertTrue(output.contains("negotiated microversion " + BackupApiVersions.MAX), output);
        assertTrue(output.contains("metadata on create: [('index', '0'), ('made-by', 'cinderclient')]"), output);
        assertTrue(output.contains("parent: is_incremental False, has_dependent_backups True"), output);
        assertTrue(output.contains("middle: is_incremental True, has_dependent_backups True"), output);
        assertTrue(output.contains("last: is_incremental True, has_dependent_backups False"), output);
        assertTrue(Pattern.compile("updated [0-9a-f-]{36}: name cf-[0-9a-f]{8}-d, description 'updated by cinderclient', "
                + "metadata \\[\\('k', 'v'\\)\\]").matcher(output).find(), output);
        assertTrue(output.contains("with_count: count 3; with limit 1: 1 backup, count 3"), output);
        assertTrue(Pattern.compile("sorted by name: (cf-[0-9a-f]{8})-a \\1-b \\1-d").matcher(output).find(), output);
        assertTrue(output.contains("after the parent's delete, middle: is_incremental False, has_dependent_backups True"),
                output);
        assertTrue(output.contains("after the parent's delete, last: is_incremental True, has_dependent_backups False"),
                output);
        assertTrue(output.contains("after the last's delete, middle: is_incremental False, has_dependent_backups False"),
                output);
        assertTrue(output.strip().endsWith("OK cinderclient features"), output);
    }

    /**
     * The cinder CLI on what later microversions add, at the version it negotiates ({@link BackupApiVersions#MAX})
     * unless told otherwise: {@code backup-show} of a chain (is_incremental, has_dependent_backups, metadata),
     * {@code backup-update --name --description --metadata} (3.9, 3.43), {@code backup-list --sort name:asc}
     * (sent as {@code sort=display_name:asc}), {@code --os-volume-api-version 3.45 backup-list --with-count}, and
     * the chain after its parent is deleted with {@code backup-delete}. The chain itself is created through the
     * library ({@code chain}), one backup after the other, with metadata.
     */
    @Test
    void cinderCliUpdatesCountsSortsAndShowsAnIncrementalChain() {
        requireCinderclient();
        RealClients.requireInstalled(CINDER, "apt-get install python3-cinderclient");
        String project = Tokens.newProjectId();
        Map<String, String> environment = environment(project);
        String prefix = "ch-" + UUID.randomUUID().toString().substring(0, 8);
        // Created in the order c, a, b: sorting by name differs from the order of creation (and from newest first).
        String output = RealClients.succeed(List.of(PYTHON, CINDERCLIENT_SCRIPT, "chain", prefix + "-c", prefix + "-a",
                prefix + "-b"), environment, null, 60);
        Map<String, String> chain = new LinkedHashMap<>();
        Matcher matcher = CREATED.matcher(output);
        while (matcher.find()) {
            chain.put(matcher.group(1), matcher.group(2));
        }
        assertEquals(List.of(prefix + "-c", prefix + "-a", prefix + "-b"), new ArrayList<>(chain.values()), output);
        List<String> ids = new ArrayList<>(chain.keySet());
        String parent = ids.get(0);
        String middle = ids.get(1);
        String last = ids.get(2);

        String shown = cinder(environment, "backup-show", parent);
        assertEquals("False", property(shown, "is_incremental"), shown);
        assertEquals("True", property(shown, "has_dependent_backups"), shown);
        assertEquals(Map.of("made-by", "cinderclient", "index", "0"), dict(property(shown, "metadata")), shown);
        shown = cinder(environment, "backup-show", middle);
        assertEquals("True", property(shown, "is_incremental"), shown);
        assertEquals("True", property(shown, "has_dependent_backups"), shown);
        shown = cinder(environment, "backup-show", last);
        assertEquals("True", property(shown, "is_incremental"), shown);
        assertEquals("False", property(shown, "has_dependent_backups"), shown);

        String renamed = prefix + "-d";
        String updated = cinder(environment, "backup-update", parent, "--name", renamed, "--description",
                "updated by the cinder CLI", "--metadata", "k=v", "k2=v2");
        assertTrue(updated.contains("Request to update backup '" + parent + "' has been accepted."), updated);
        shown = cinder(environment, "backup-show", parent);
        assertEquals(renamed, property(shown, "name"), shown);
        assertEquals("updated by the cinder CLI", property(shown, "description"), shown);
        assertEquals(Map.of("k", "v", "k2", "v2"), dict(property(shown, "metadata")), shown);
        chain.put(parent, renamed);

        String sorted = cinder(environment, "backup-list", "--sort", "name:asc");
        assertEquals(List.of(prefix + "-a", prefix + "-b", renamed), namesInOrder(sorted, chain), sorted);

        String counted = cinder(environment, "--os-volume-api-version", "3.45", "backup-list", "--with-count");
        assertEquals(3, namesInOrder(counted, chain).size(), counted);
        assertTrue(counted.contains("Backup in total: 3"), counted);
        // The count is the total, whatever the page.
        String limited = cinder(environment, "--os-volume-api-version", "3.45", "backup-list", "--with-count",
                "--limit", "1");
        assertEquals(1, namesInOrder(limited, chain).size(), limited);
        assertTrue(limited.contains("Backup in total: 3"), limited);

        // The parent (full) deleted: the middle one becomes full and keeps its dependent.
        String deleted = cinder(environment, "backup-delete", parent);
        assertTrue(deleted.contains("Request to delete backup " + parent + " has been accepted."), deleted);
        shown = cinder(environment, "backup-show", middle);
        assertEquals("False", property(shown, "is_incremental"), shown);
        assertEquals("True", property(shown, "has_dependent_backups"), shown);

        deleted = cinder(environment, "backup-delete", last, middle);
        assertTrue(deleted.contains("Request to delete backup " + last + " has been accepted."), deleted);
        assertTrue(deleted.contains("Request to delete backup " + middle + " has been accepted."), deleted);
    }

    private static String cinder(Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(CINDER, "--os-auth-type", "v3token"));
        command.addAll(List.of(arguments));
        return RealClients.succeed(command, environment, null, 60);
    }

    /**
     * The openstack CLI (OS_AUTH_TYPE=v3token). {@code volume backup list} first lists volumes
     * ({@code GET /v3/<p>/volumes/detail}) to show volume names; this service answers 404 and the CLI, which
     * ignores any failure there, shows the volume ids instead.
     */
    @Test
    void openstackCliIssuesTokenListsShowsAndDeletesBackups() throws IOException {
        requireCinderclient();
        RealClients.requireInstalled(OPENSTACK, "apt-get install python3-openstackclient");
        String project = Tokens.newProjectId();
        Map<String, String> environment = environment(project);
        environment.put("OS_AUTH_TYPE", "v3token");
        Map<String, String> created = createBackups(environment, 3);
        List<String> ids = new ArrayList<>(created.keySet());

        JsonNode token = JSON.readTree(RealClients.succeed(List.of(OPENSTACK, "token", "issue", "-f", "json"),
                environment, null, 60));
        assertEquals(project, token.path("project_id").asText(), token.toString());
        assertFalse(token.path("id").asText().isEmpty(), token.toString());

        JsonNode list = JSON.readTree(RealClients.succeed(List.of(OPENSTACK, "volume", "backup", "list", "--long", "-f", "json"),
                environment, null, 60));
        Set<String> listed = new HashSet<>();
        for (JsonNode backup : list) {
            listed.add(backup.path("ID").asText());
            assertEquals(created.get(backup.path("ID").asText()), backup.path("Name").asText(), list.toString());
            assertEquals("available", backup.path("Status").asText(), list.toString());
            assertEquals(VOLUME_ID, backup.path("Volume").asText(), list.toString());
        }
        assertEquals(created.keySet(), listed, list.toString());

        JsonNode show = JSON.readTree(RealClients.succeed(List.of(OPENSTACK, "volume", "backup", "show", ids.get(0), "-f", "json"),
                environment, null, 60));
        assertEquals(ids.get(0), show.path("id").asText(), show.toString());
        assertEquals(created.get(ids.get(0)), show.path("name").asText(), show.toString());
        assertEquals("available", show.path("status").asText(), show.toString());
        assertEquals(VOLUME_ID, show.path("volume_id").asText(), show.toString());
        assertTrue(show.path("snapshot_id").asText().matches("[0-9a-f-]{36}"), show.toString());

        List<String> delete = new ArrayList<>(List.of(OPENSTACK, "volume", "backup", "delete"));
        delete.addAll(ids);
        RealClients.succeed(delete, environment, null, 60);

        JsonNode after = JSON.readTree(RealClients.succeed(List.of(OPENSTACK, "volume", "backup", "list", "-f", "json"),
                environment, null, 60));
        assertTrue(after.findValuesAsText("ID").stream().noneMatch(ids::contains), after.toString());
    }

    @Test
    void openstacksdkCreatesWaitsGetsPagesAndDeletes() {
        RealClients.requireInstalled(PYTHON, "apt-get install python3");
        RealClients.requirePresent(DIST_PACKAGES + "openstack", "apt-get install python3-openstacksdk");
        String project = Tokens.newProjectId();

        String output = RealClients.succeed(List.of(PYTHON, OPENSTACKSDK_SCRIPT, "12", "5"), environment(project), null, 90);

        assertTrue(output.contains("endpoint " + LocalRun.get().baseUrl() + "/v3/" + project), output);
        assertTrue(Pattern.compile("created 12 backups:( [0-9a-f-]{36}){12}").matcher(output).find(), output);
        // limit=5, then the backups_links next links: 5, 5, 2; with no next link after a page the SDK asks once more
        // with the last id as marker (openstack/resource.py _get_next_link) and gets an empty page.
        assertTrue(output.contains("listed 12 backups in 4 requests of limit 5"), output);
        assertTrue(output.contains("deleted 12 backups"), output);
        assertTrue(output.strip().endsWith("OK openstacksdk"), output);
    }

    /**
     * openstacksdk with {@code block_storage_default_microversion} = {@link BackupApiVersions#MAX}: metadata on
     * create, a chain's flags (get_backup and the detail listing), sort by name (sort_key/sort_dir), the chain after
     * its parent's delete; the update and with_count through the SDK's adapter, after showing that 0.101's
     * resource layer cannot do them (Backup.commit: MethodNotSupported; backups(with_count=True):
     * InvalidResourceQuery).
     */
    @Test
    void openstacksdkUpdatesCountsSortsAndFollowsAnIncrementalChain() {
        RealClients.requireInstalled(PYTHON, "apt-get install python3");
        RealClients.requirePresent(DIST_PACKAGES + "openstack", "apt-get install python3-openstacksdk");
        String project = Tokens.newProjectId();
        String microversion = BackupApiVersions.MAX.toString();

        String output = RealClients.succeed(List.of(PYTHON, OPENSTACKSDK_SCRIPT, "features", microversion),
                environment(project), null, 90);

        assertTrue(output.contains("default microversion " + microversion), output);
        assertTrue(output.contains("metadata on create: [('index', '0'), ('made-by', 'openstacksdk')]"), output);
        assertTrue(output.contains("parent: is_incremental False, has_dependent_backups True"), output);
        assertTrue(output.contains("middle: is_incremental True, has_dependent_backups True"), output);
        assertTrue(output.contains("last: is_incremental True, has_dependent_backups False"), output);
        assertTrue(output.contains("detail listing: the same flags and metadata"), output);
        assertTrue(output.contains("Backup.commit: MethodNotSupported"), output);
        assertTrue(Pattern.compile("updated [0-9a-f-]{36}: name sdkf-[0-9a-f]{8}-d, description 'updated by openstacksdk', "
                + "metadata \\[\\('k', 'v'\\)\\]").matcher(output).find(), output);
        assertTrue(output.contains("backups(with_count=True): InvalidResourceQuery"), output);
        assertTrue(output.contains("with_count: count 3 with limit 1"), output);
        assertTrue(Pattern.compile("sorted by name: (sdkf-[0-9a-f]{8})-a \\1-b \\1-d").matcher(output).find(), output);
        assertTrue(output.contains("after the parent's delete, middle: is_incremental False, has_dependent_backups True"),
                output);
        assertTrue(output.contains("after the parent's delete, last: is_incremental True, has_dependent_backups False"),
                output);
        assertTrue(output.strip().endsWith("OK openstacksdk features"), output);
    }
}
