package com.vbssharing.sharing;

import com.vbssharing.api.BadRequestException;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.IntStream;

import static com.vbssharing.support.JsonTrees.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewSharesUnitTest {

    private static final String CALLER = "17fbda95add24720a4038ba4b1c705ed";
    private static final String TARGET = "91d687759aed45d28b5f6084bc2fa8ad";
    private static final String OTHER = "A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6";
    private static final String BACKUP = "87566ed6-72cb-4053-aa6e-6f6216b3d507";

    private static NewShares read(Object targets) {
        return NewShares.from(object("backup_id", BACKUP, "to_project_ids", targets), CALLER);
    }

    private static String rejection(JsonNode shared) {
        return assertThrows(BadRequestException.class, () -> NewShares.from(shared, CALLER)).getMessage();
    }

    private static String rejection(Object targets) {
        return rejection(object("backup_id", BACKUP, "to_project_ids", targets));
    }

    private static List<String> projects(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "p" + String.format("%031d", i)).toList();
    }

    @Test
    void readsBackupAndTargetsInOrder() {
        assertEquals(new NewShares(BACKUP, List.of(TARGET, OTHER)), read(List.of(TARGET, OTHER)));
    }

    @Test
    void backupIdIsRequiredAndAString() {
        assertEquals("Field 'backup_id' is required.", rejection(object("to_project_ids", List.of(TARGET))));
        assertEquals("Field 'backup_id' is required.",
                rejection(object("backup_id", null, "to_project_ids", List.of(TARGET))));
        assertEquals("Field 'backup_id' must be a string.",
                rejection(object("backup_id", 7, "to_project_ids", List.of(TARGET))));
    }

    @Test
    void targetsAreRequired() {
        assertEquals("Field 'to_project_ids' is required.", rejection(object("backup_id", BACKUP)));
        assertEquals("Field 'to_project_ids' is required.", rejection((Object) null));
    }

    @Test
    void targetsMustBeAListOfStrings() {
        assertEquals("Field 'to_project_ids' must be a list of strings.", rejection(TARGET));
        assertEquals("Field 'to_project_ids' must be a list of strings.", rejection(List.of(TARGET, 5)));
        assertEquals("Field 'to_project_ids' must be a list of strings.", rejection(List.of(List.of(TARGET))));
    }

    @Test
    void targetsMustNotBeEmpty() {
        assertEquals("Field 'to_project_ids' must list at least one project.", rejection(List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91d687759aed45d28b5f6084bc2fa8a",
            "91d687759aed45d28b5f6084bc2fa8adf",
            "12345678901234567890123456789012",
            "91d68775-9aed-45d2-8b5f-6084bc2fa8ad",
            "91d687759aed45d28b5f6084bc2fa8_d",
            "91d687759aed45d28b5f6084bc2fa8 d",
            "",
    })
    void rejectsTargetsThatAreNotProjectIds(String target) {
        assertEquals("Invalid project id '" + target
                        + "' in to_project_ids: it must be 32 letters or digits, and not digits only.",
                rejection(List.of(TARGET, target)));
    }

    @Test
    void acceptsProjectIdsOfLettersOnlyOrMixedCase() {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEF";

        assertEquals(List.of(letters, OTHER), read(List.of(letters, OTHER)).toProjectIds());
    }

    @Test
    void rejectsSharingWithTheCallersOwnProject() {
        assertEquals("Project " + CALLER + " in to_project_ids is the backup's own project.",
                rejection(List.of(TARGET, CALLER)));
    }

    @Test
    void rejectsDuplicateTargets() {
        assertEquals("Project " + TARGET + " appears more than once in to_project_ids.",
                rejection(List.of(TARGET, OTHER, TARGET)));
    }

    @Test
    void acceptsTenTargets() {
        assertEquals(projects(10), read(projects(10)).toProjectIds());
    }

    @Test
    void rejectsMoreThanTenTargets() {
        assertEquals("A backup can be shared with at most 10 projects; the request lists 11.", rejection(projects(11)));
    }

    @Test
    void targetListIsImmutable() {
        List<String> targets = read(List.of(TARGET)).toProjectIds();

        assertThrows(UnsupportedOperationException.class, () -> targets.add(OTHER));
    }

    @Test
    void invalidTargetIsReportedEvenInAnOverlongList() {
        List<String> targets = new java.util.ArrayList<>(projects(11));
        targets.set(3, "bad");

        assertTrue(rejection(targets).startsWith("Invalid project id 'bad'"));
    }
}
