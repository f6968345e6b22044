package com.vbssharing.clients;

import com.vbssharing.support.Tokens;
import com.vbssharing.versions.BackupApiVersions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gophercloud, the Go SDK (Debian's golang-github-gophercloud-gophercloud-dev 0.12.0, built offline in GOPATH
 * mode): {@code clients/go/vbsclient} signs in both ways gophercloud does with a token (POST with a project
 * scope, GET without one), then creates, gets, pages through and deletes backups on the volumev3 endpoint.
 *
 * <p>Paging from an offset: gophercloud 0.12's {@code backups.ListOpts} has {@code Offset} (query {@code offset})
 * beside {@code Limit} and {@code Marker}, so the first request is {@code ?limit=10&offset=7}, and the pager then
 * follows the {@code backups_links} next links. The service's next link carries the marker and drops the offset
 * (an offset kept beside the marker would skip that many backups again on every later page); every backup after
 * the offset must come exactly once, in the order of the whole listing.
 */
class GophercloudIT {

    private static final String INSTALL = "apt-get install golang-go golang-github-gophercloud-gophercloud-dev";
    private static final String GOPATH = "/usr/share/gocode";
    private static final Path BINARY = Path.of("target", "clients", "vbsclient").toAbsolutePath();

    @BeforeAll
    static void build() throws IOException {
        RealClients.requireInstalled("/usr/bin/go", INSTALL);
        RealClients.requirePresent(GOPATH + "/src/github.com/gophercloud/gophercloud/openstack/blockstorage/extensions/backups",
                INSTALL);
        Path cache = Files.createDirectories(Path.of("target", "clients", "gocache").toAbsolutePath());
        // Offline, against Debian's sources only: GOPATH mode, no module proxy. Go 1.19 ships its standard library
        // compiled with cgo, which needs a C compiler (golang-go recommends gcc); without one, build without cgo
        // (the standard library is then compiled once into GOCACHE, ~15 s instead of ~5 s).
        String cgo = Files.isExecutable(Path.of("/usr/bin/gcc")) ? "1" : "0";
        RealClients.succeed(List.of("/usr/bin/go", "build", "-o", BINARY.toString(), "."),
                Map.of("GO111MODULE", "off", "GOPATH", GOPATH, "GOFLAGS", "", "GOPROXY", "off",
                        "GOCACHE", cache.toString(), "CGO_ENABLED", cgo),
                Path.of("clients", "go", "vbsclient"), 180);
    }

    private static Map<String, String> environment(String token, String project) {
        return Map.of("OS_AUTH_URL", LocalRun.get().authUrl(), "OS_TOKEN", token, "OS_PROJECT_ID", project,
                "OS_REGION_NAME", LocalRun.REGION);
    }

    @Test
    void signsInBothWaysAndCreatesGetsPagesFromAnOffsetAndDeletesBackups() {
        String project = Tokens.newProjectId();
        String microversion = BackupApiVersions.MAX.toString();

        String output = RealClients.succeed(List.of(BINARY.toString(), "-count", "25", "-page", "10",
                        "-offset", "7", "-microversion", microversion),
                environment(LocalRun.token(project), project), null, 120);

        String endpoint = LocalRun.get().baseUrl() + "/v3/" + project + "/";
        assertTrue(output.contains("signed in (token + project scope, POST /auth/tokens): project " + project), output);
        assertTrue(output.contains("signed in (token alone, GET /auth/tokens): project " + project), output);
        assertTrue(output.contains("volumev3 endpoint " + endpoint), output);
        assertTrue(output.contains("created 25 backups, all available"), output);
        assertTrue(output.contains("listed 25 backups in 3 pages of 10, each exactly once"), output);
        assertTrue(output.contains("AllPages: 25 backups"), output);
        // 25 - 7 = 18 after the offset: a full page of 10 (with a next link), then 8.
        assertTrue(output.contains("requests from the offset: ?limit=10&offset=7 then ?limit=10&marker="), output);
        assertTrue(output.contains("listed from offset 7: 18 backups in 2 pages of 10, in order, each exactly once"),
                output);
        assertTrue(output.contains("deleted 25 backups"), output);
        assertTrue(output.strip().endsWith("OK gophercloud"), output);
    }

    @Test
    void aTokenScopedToAnotherProjectIsRefused() {
        String project = Tokens.newProjectId();
        String other = Tokens.newProjectId();

        RealClients.Result result = RealClients.run(List.of(BINARY.toString()),
                environment(LocalRun.token(project), other), null, 60);

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("FAIL: token + project scope, POST /auth/tokens: AuthenticatedClient: POST "
                + LocalRun.get().authUrl() + "/auth/tokens answered 401"), result.output());
        assertTrue(result.output().contains("The token does not grant project " + other), result.output());
    }
}
