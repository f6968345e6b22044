package com.vbssharing.backup;

import com.vbssharing.api.BadRequestException;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static com.vbssharing.support.JsonTrees.ABSENT;
import static com.vbssharing.support.JsonTrees.object;
import static com.vbssharing.support.JsonTrees.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewBackupUnitTest {

    private static final String PROJECT = "648bba9ba87e4b3f8484d0fc60e2e6cc";
    private static final String VOLUME = "c5834fe1-577f-462e-9bf3-1b158e1dde9c";
    private static final String SNAPSHOT = "251f910a-a2bd-443e-a77a-90a3dbd26b7b";
    private static final JsonNode MINIMAL = object("volume_id", VOLUME, "snapshot_id", SNAPSHOT);

    private static NewBackup read(JsonNode backup) {
        return NewBackup.from(backup, PROJECT);
    }

    private static String rejection(JsonNode backup) {
        return assertThrows(BadRequestException.class, () -> read(backup)).getMessage();
    }

    @Test
    void readsAMinimalBody() {
        assertEquals(new NewBackup(VOLUME, SNAPSHOT, null, null, false, Map.of(), null), read(MINIMAL));
    }

    @Test
    void readsEveryFieldAndAcceptsTheIgnoredOnes() {
        JsonNode backup = object("volume_id", VOLUME, "snapshot_id", SNAPSHOT, "name", "backup1",
                "description", "Backup_Demo", "container", "bucket", "incremental", true, "force", true,
                "project_id", PROJECT);

        assertEquals(new NewBackup(VOLUME, SNAPSHOT, "backup1", "Backup_Demo", true, Map.of(), null), read(backup));
    }

    @Test
    void nullOptionalFieldsReadAsAbsent() {
        JsonNode backup = object("volume_id", VOLUME, "snapshot_id", SNAPSHOT, "name", null, "description", null,
                "container", null, "incremental", null, "force", null, "project_id", null);

        assertEquals(new NewBackup(VOLUME, SNAPSHOT, null, null, false, Map.of(), null), read(backup));
    }

    @Test
    void uuidsAreLowerCased() {
        JsonNode backup = object("volume_id", VOLUME.toUpperCase(), "snapshot_id", SNAPSHOT.toUpperCase());

        NewBackup read = read(backup);
        assertEquals(VOLUME, read.volumeId());
        assertEquals(SNAPSHOT, read.snapshotId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"volume_id", "snapshot_id"})
    void uuidFieldIsRequired(String field) {
        assertEquals("Field '" + field + "' is required.", rejection(with(MINIMAL, field, ABSENT)));
        assertEquals("Field '" + field + "' is required.", rejection(with(MINIMAL, field, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"volume_id", "snapshot_id"})
    void uuidFieldMustBeAUuid(String field) {
        for (String value : List.of("vol-1", "", "c5834fe1577f462e9bf31b158e1dde9c", VOLUME + "0", "g5834fe1-577f-462e-9bf3-1b158e1dde9c")) {
            assertEquals("Field '" + field + "' must be a UUID, got '" + value + "'.",
                    rejection(with(MINIMAL, field, value)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"volume_id", "snapshot_id", "name", "description", "container", "project_id"})
    void stringFieldOfAnotherTypeIsRejected(String field) {
        assertEquals("Field '" + field + "' must be a string.", rejection(with(MINIMAL, field, 12)));
        assertEquals("Field '" + field + "' must be a string.", rejection(with(MINIMAL, field, List.of("x"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"incremental", "force"})
    void booleanFieldOfAnotherTypeIsRejected(String field) {
        assertEquals("Field '" + field + "' must be a boolean (true or false).",
                rejection(with(MINIMAL, field, "true")));
        assertEquals("Field '" + field + "' must be a boolean (true or false).",
                rejection(with(MINIMAL, field, 1)));
    }

    @Test
    void projectIdMustEqualTheProjectInTheUrl() {
        String message = rejection(with(MINIMAL, "project_id", "17fbda95add24720a4038ba4b1c705ed"));

        assertEquals("Field 'project_id' must equal the project in the URL, " + PROJECT + ".", message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "backup1", "my_backup-01", "my-auto", "_auto", "0123456789"})
    void acceptsValidNames(String name) {
        assertEquals(name, read(with(MINIMAL, "name", name)).name());
    }

    @Test
    void acceptsNamesOfExactlySixtyFourCharacters() {
        String name = "n".repeat(64);

        assertEquals(name, read(with(MINIMAL, "name", name)).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "dot.name", "slash/name", "ünïcode", "tab\tname", "new\nline", "semi;colon"})
    void rejectsNamesWithOtherCharacters(String name) {
        assertEquals("Field 'name' must be 1 to 64 letters, digits, '_' or '-', got '" + name + "'.",
                rejection(with(MINIMAL, "name", name)));
    }

    @Test
    void rejectsNamesLongerThanSixtyFourCharacters() {
        String name = "n".repeat(65);

        assertTrue(rejection(with(MINIMAL, "name", name)).startsWith("Field 'name' must be 1 to 64"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "autobackup", "auto_1", "auto-x"})
    void rejectsNamesStartingWithAuto(String name) {
        assertEquals("Field 'name' must not start with 'auto', got '" + name + "'.",
                rejection(with(MINIMAL, "name", name)));
    }

    @Test
    void acceptsDescriptionsUpToTwoHundredFiftyFiveCharacters() {
        String description = "d".repeat(255);

        assertEquals(description, read(with(MINIMAL, "description", description)).description());
        assertEquals("", read(with(MINIMAL, "description", "")).description());
        assertEquals("spaces, dots. & quotes \"ok\"",
                read(with(MINIMAL, "description", "spaces, dots. & quotes \"ok\"")).description());
    }

    @Test
    void rejectsDescriptionsLongerThanTwoHundredFiftyFiveCharacters() {
        assertEquals("Field 'description' must be at most 255 characters, got 256.",
                rejection(with(MINIMAL, "description", "d".repeat(256))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>", "a < b", "a > b", ">"})
    void rejectsDescriptionsWithAngleBrackets(String description) {
        assertEquals("Field 'description' must not contain '<' or '>'.",
                rejection(with(MINIMAL, "description", description)));
    }

    @Test
    void objectValuedFieldIsRejectedAsTheWrongType() {
        assertEquals("Field 'name' must be a string.", rejection(with(MINIMAL, "name", Map.of("a", "b"))));
    }
}
