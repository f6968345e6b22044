package com.vbssharing.sharing;

import com.vbssharing.support.Api;
import com.vbssharing.support.Fixtures;
import com.vbssharing.support.HttpApi;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.vbssharing.support.Assertions2.assertFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** For projects A, B, C: no call of C ever returns or deletes a share between A and B. */
class ShareIsolationTest {

    private final Api api = HttpApi.get();

    @Test
    void aThirdProjectNeverSeesNorDeletesOthersShares() {
        Api.Caller a = api.as(Tokens.newProjectId());
        Api.Caller b = api.as(Tokens.newProjectId());
        Api.Caller c = api.as(Tokens.newProjectId());
        String backup = Fixtures.availableBackup(a.projectId(), "private");
        String shareId = ShareApiContract.share(a, backup, b.projectId()).json().get("shared").get(0).get("id").asText();
        String cBase = ShareApiContract.sharing(c);

        for (String query : List.of("", "?share_to_me=true", "?from_project_id=" + a.projectId(),
                "?to_project_id=" + b.projectId(), "?share_to_me=true&from_project_id=" + a.projectId(),
                "?share_to_me=true&to_project_id=" + b.projectId(), "?backup_id=" + backup,
                "?share_to_me=true&backup_id=" + backup, "?name=private", "?sort_key=name")) {
            Api.Response list = c.get(cBase + "/detail" + query);
            assertEquals(200, list.status(), list::toString);
            assertEquals(0, list.json().get("shared").size(), "C lists nothing with " + query);
            assertFalse(list.body().contains(shareId));
            assertEquals(0, c.get(cBase + "/count" + query).json().get("count").asInt(), "C counts nothing with " + query);
        }
        assertFault(c.get(cBase + "/detail?marker=" + shareId), 400, "badRequest");
        assertFault(c.get(cBase + "/" + shareId), 404, "itemNotFound");
        assertFault(c.delete(cBase + "/" + shareId), 404, "itemNotFound");
        assertFault(c.delete(cBase + "/" + backup + "?is_backup_id=true"), 404, "itemNotFound");
        assertFault(ShareApiContract.share(c, backup, b.projectId()), 404, "itemNotFound");
        assertFault(c.get("/v3/" + c.projectId() + "/backups/" + backup), 404, "itemNotFound");
        assertFault(c.delete("/v3/" + c.projectId() + "/backups/" + backup), 404, "itemNotFound");

        assertEquals(200, a.get(ShareApiContract.sharing(a) + "/" + shareId).status(), "A's share is untouched");
        assertEquals(200, b.get(ShareApiContract.sharing(b) + "/" + shareId).status(), "B still sees it");
    }
}
