package com.vbssharing.api;

import com.vbssharing.support.Api;
import com.vbssharing.support.HttpApi;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ids too long to be DynamoDB keys are unknown ids (or match nothing as filters), never a server error. */
class OversizedIdsTest {

    @Test
    void oversizedIdsInPathsAndFiltersAreClientErrors() {
        Api.Caller caller = HttpApi.get().as(Tokens.newProjectId());
        String huge = "a".repeat(1500);
        String v3 = "/v3/" + caller.projectId() + "/backups";
        String v2 = "/v2/" + caller.projectId() + "/os-vendor-backup-sharing";
        for (Api.Response response : new Api.Response[]{
                caller.get(v3 + "/" + huge),
                caller.delete(v3 + "/" + huge),
                caller.get(v3 + "?marker=" + huge),
                caller.get(v2 + "/" + huge),
                caller.delete(v2 + "/" + huge),
                caller.delete(v2 + "/" + huge + "?is_backup_id=true"),
                caller.get(v2 + "/detail?marker=" + huge),
                caller.post(v2, "{\"shared\":{\"backup_id\":\"" + huge + "\",\"to_project_ids\":[\"" + Tokens.newProjectId() + "\"]}}")}) {
            assertTrue(response.status() >= 400 && response.status() < 500, response::toString);
        }
        assertEquals(0, caller.get(v2 + "/detail?backup_id=" + huge).json().get("shared").size());
        assertEquals(0, caller.get(v2 + "/detail?share_to_me=true&backup_id=" + huge).json().get("shared").size());
        assertEquals(0, caller.get(v2 + "/count?backup_id=" + huge).json().get("count").asInt());
    }
}
