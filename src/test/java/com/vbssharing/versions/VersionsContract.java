package com.vbssharing.versions;

import com.fasterxml.jackson.databind.JsonNode;
import com.vbssharing.support.Api;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static com.vbssharing.support.Assertions2.assertFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Version discovery and microversion negotiation; runs over HTTP and through the Lambda handler. */
abstract class VersionsContract {

    protected abstract Api api();

    protected abstract String expectedBaseUrl();

    private Api.Response get(String path, Map<String, String> headers) {
        return api().call("GET", path, headers, null);
    }

    private Api.Response get(String path) {
        return get(path, Map.of("Accept", "application/json"));
    }

    @Test
    void theRootIsCindersVersionsDocumentWithoutAToken() {
        Api.Response response = get("/");
        assertEquals(300, response.status(), response::toString);
        assertBlockStorageVersions(response.json());
    }

    /** cinderclient 9.1 sends its own maximum when it discovers ours; a version document must not refuse it. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/v3", "/v3/"})
    void versionDocumentsAnswerWhateverVersionTheClientSends(String path) {
        Api.Response response = get(path, Map.of("OpenStack-API-Version", "volume 3.70", "Accept", "application/json"));
        assertEquals(path.equals("/") ? 300 : 200, response.status(), response::toString);
        assertBlockStorageVersions(response.json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v3", "/v3/"})
    void theV3DocumentIsTheSameListWith200(String path) {
        Api.Response response = get(path);
        assertEquals(200, response.status(), response::toString);
        assertBlockStorageVersions(response.json());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v2", "/v2/"})
    void theV2DocumentDescribesTheVbsApi(String path) {
        Api.Response response = get(path);
        assertEquals(200, response.status(), response::toString);
        JsonNode version = response.json().get("versions").get(0);
        assertEquals("v2.0", version.get("id").asText());
        assertEquals("CURRENT", version.get("status").asText());
        assertEquals(expectedBaseUrl() + "/v2/", self(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/identity", "/identity/"})
    void theIdentityRootIsKeystonesVersionsDocument(String path) {
        Api.Response response = get(path);
        assertEquals(300, response.status(), response::toString);
        JsonNode version = response.json().get("versions").get("values").get(0);
        assertIdentityVersion(version);
        assertEquals(expectedBaseUrl() + "/identity/v3/", response.header("Location"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/identity/v3", "/identity/v3/"})
    void theIdentityV3DocumentIsKeystones(String path) {
        Api.Response response = get(path);
        assertEquals(200, response.status(), response::toString);
        assertIdentityVersion(response.json().get("version"));
    }

    // --- microversions

    @Test
    void noHeaderMeans30AndEveryAnswerSaysSo() {
        Api.Caller caller = api().as(Tokens.newProjectId());
        Api.Response response = caller.get("/v3/" + caller.projectId() + "/backups");
        assertEquals(200, response.status(), response::toString);
        assertVersionHeaders(response, "volume 3.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"volume 3.5", "volumev3 3.5", "compute 2.1, volume 3.5", "VOLUME 3.5"})
    void theVolumeEntryOfTheHeaderIsNegotiated(String header) {
        Api.Caller caller = api().as(Tokens.newProjectId());
        Api.Response response = api().call("GET", "/v3/" + caller.projectId() + "/backups",
                Map.of("X-Auth-Token", Tokens.forProject(caller.projectId()), "OpenStack-API-Version", header), null);
        assertEquals(200, response.status(), response::toString);
        assertVersionHeaders(response, "volume 3.5");
    }

    @Test
    void latestIsTheMaximum() {
        Api.Caller caller = api().as(Tokens.newProjectId());
        Api.Response response = api().call("GET", "/v3/" + caller.projectId() + "/backups",
                Map.of("X-Auth-Token", Tokens.forProject(caller.projectId()), "OpenStack-API-Version", "volume latest"),
                null);
        assertVersionHeaders(response, "volume " + BackupApiVersions.MAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"volume 9.99", "volume 3.999", "volume 2.0", "volume 4.0"})
    void aVersionOutsideTheRangeIs406NamingTheRange(String header) {
        Api.Response response = get("/v3/" + Tokens.newProjectId() + "/backups", Map.of("OpenStack-API-Version", header));
        assertFault(response, 406, "computeFault", "Minimum is 3.0 and maximum is " + BackupApiVersions.MAX);
        assertVersionHeaders(response, header.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"volume bogus", "volume 3.x", "volume 3", "volume 03.1", "volume", "volume 3.1 3.2",
            "volume -3.1", "volume Latest"})
    void aMalformedVersionIs400(String header) {
        Api.Response response = get("/v3/" + Tokens.newProjectId() + "/backups", Map.of("OpenStack-API-Version", header));
        assertFault(response, 400, "badRequest");
        assertVersionHeaders(response, "volume 3.0");
    }

    @Test
    void errorsOfTheSecurityFilterAndTheRouterCarryTheHeadersToo() {
        String project = Tokens.newProjectId();
        Api.Response unauthorized = get("/v3/" + project + "/backups", Map.of("OpenStack-API-Version", "volume 3.2"));
        assertFault(unauthorized, 401, "unauthorized");
        assertVersionHeaders(unauthorized, "volume 3.2");
        Api.Response notFound = api().call("GET", "/v3/" + project + "/nothing-here",
                Map.of("X-Auth-Token", Tokens.forProject(project)), null);
        assertEquals(404, notFound.status(), notFound::toString);
        assertVersionHeaders(notFound, "volume 3.0");
    }

    @Test
    void theVbsApiHasNoMicroversions() {
        Api.Caller caller = api().as(Tokens.newProjectId());
        Api.Response response = caller.get("/v2/" + caller.projectId() + "/os-vendor-backup-sharing/count");
        assertEquals(200, response.status(), response::toString);
        assertNull(response.header("OpenStack-API-Version"));
        Api.Response malformedHeader = api().call("GET", "/v2/" + caller.projectId() + "/os-vendor-backup-sharing/count",
                Map.of("X-Auth-Token", Tokens.forProject(caller.projectId()), "OpenStack-API-Version", "volume 3.x"), null);
        assertEquals(200, malformedHeader.status(), malformedHeader::toString);
        assertNull(malformedHeader.header("OpenStack-API-Version"));
        Api.Response notV3 = api().call("GET", "/v30/" + caller.projectId() + "/backups",
                Map.of("X-Auth-Token", Tokens.forProject(caller.projectId()), "OpenStack-API-Version", "volume 3.x"), null);
        assertEquals(404, notV3.status(), notV3::toString);
        assertNull(notV3.header("OpenStack-API-Version"));
    }

    private void assertBlockStorageVersions(JsonNode body) {
        assertEquals(1, body.get("versions").size(), body::toString);
        JsonNode version = body.get("versions").get(0);
        assertEquals("v3.0", version.get("id").asText());
        assertEquals("CURRENT", version.get("status").asText());
        assertEquals(BackupApiVersions.MAX.toString(), version.get("version").asText());
        assertEquals("3.0", version.get("min_version").asText());
        assertTrue(version.get("updated").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
        assertEquals(expectedBaseUrl() + "/v3/", self(version));
        assertEquals("application/vnd.openstack.volume+json;version=3",
                version.get("media-types").get(0).get("type").asText());
    }

    private void assertIdentityVersion(JsonNode version) {
        assertEquals("v3.14", version.get("id").asText());
        assertEquals("stable", version.get("status").asText());
        assertEquals(expectedBaseUrl() + "/identity/v3/", self(version));
    }

    private static String self(JsonNode version) {
        for (JsonNode link : version.get("links")) {
            if (link.get("rel").asText().equals("self")) {
                return link.get("href").asText();
            }
        }
        throw new AssertionError("no self link in " + version);
    }

    private static void assertVersionHeaders(Api.Response response, String expected) {
        assertEquals(expected, response.header("OpenStack-API-Version"), response::toString);
        assertEquals("OpenStack-API-Version", response.header("Vary"), response::toString);
    }
}
