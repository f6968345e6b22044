package com.vbssharing.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test fixtures for backups through the public API. */
public final class Backups {

    private Backups() {
    }

    public static String body(String name) {
        return "{\"backup\":{\"volume_id\":\"" + UUID.randomUUID() + "\",\"snapshot_id\":\"" + UUID.randomUUID() + "\""
                + (name == null ? "" : ",\"name\":\"" + name + "\"") + "}}";
    }

    /** Creates a backup and returns its id. */
    public static String create(Api.Caller caller, String name) {
        Api.Response response = caller.post("/v3/" + caller.projectId() + "/backups", body(name));
        assertEquals(202, response.status(), response::toString);
        return response.json().get("backup").get("id").asText();
    }

    /** Creates a backup and waits for the backup worker to make it available. */
    public static String createAvailable(Api.Caller caller, String name) {
        String id = create(caller, name);
        assertEquals("available", awaitStatus(caller, id, "available"));
        return id;
    }

    public static String awaitStatus(Api.Caller caller, String backupId, String status) {
        JsonNode backup = Assertions2.await(
                () -> caller.get("/v3/" + caller.projectId() + "/backups/" + backupId).json().get("backup"),
                b -> b != null && status.equals(b.get("status").asText()),
                Duration.ofSeconds(10));
        return backup == null ? null : backup.get("status").asText();
    }
}
