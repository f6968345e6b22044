package com.vbssharing.sharing;

import com.vbssharing.api.BadRequestException;
import com.vbssharing.api.SortOrder.Key;
import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static com.vbssharing.support.QueryStrings.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShareListQueryUnitTest {

    private static final String CALLER = "17fbda95add24720a4038ba4b1c705ed";
    private static final String OTHER = "91d687759aed45d28b5f6084bc2fa8ad";
    private static final String BACKUP_ID = "87566ed6-72cb-4053-aa6e-6f6216b3d507";
    private static final String VOLUME_ID = "5024a06e-6990-4f12-9dcc-8fe26b01a710";

    private static final Share SHARE = new Share("ac0fb374-a288-4399-ac63-cc080a13a2ee", BACKUP_ID, CALLER, OTHER,
            "2017-08-10T12:25:40.480424", "2017-08-10T12:25:40.480424");

    private static ShareListQuery from(String queryString) {
        return ShareListQuery.from(query(queryString));
    }

    private static Backup backup(String name, BackupStatus status, String zone) {
        String at = "2017-08-10T12:25:40.480424";
        return Backup.builder().id(BACKUP_ID).projectId(CALLER).name(name).status(status).size(10)
                .availabilityZone(zone).volumeId(VOLUME_ID).snapshotId("a704c75f-f0d1-4efa-9fd6-7557fe1ee8d3")
                .createdAt(at).updatedAt(at).dataTimestamp(at).shareCount(1).build();
    }

    private static final Backup BACKUP = backup("c2c-test-Backup", BackupStatus.AVAILABLE, "eu-de-01");

    @Test
    void readsEveryFilter() {
        ShareListQuery query = from("backup_id=" + BACKUP_ID + "&volume_id=" + VOLUME_ID + "&name=c2c&status=available"
                + "&from_project_id=" + CALLER + "&to_project_id=" + OTHER + "&availability_zone=eu-de-01");

        assertEquals(Optional.of(BACKUP_ID), query.backupId());
        assertEquals(Optional.of(VOLUME_ID), query.volumeId());
        assertEquals(Optional.of("c2c"), query.name());
        assertEquals(Optional.of("available"), query.status());
        assertEquals(Optional.of(CALLER), query.fromProjectId());
        assertEquals(Optional.of(OTHER), query.toProjectId());
        assertEquals(Optional.of("eu-de-01"), query.availabilityZone());
    }

    @Test
    void noParametersMeansSharedByTheCallerWithNoFilters() {
        ShareListQuery query = from("");

        assertFalse(query.shareToMe());
        assertEquals(ShareRepository.Side.SHARED_BY, query.side());
        assertEquals(Optional.empty(), query.backupId());
        assertEquals(Optional.empty(), query.availabilityZone());
        assertEquals(1000, query.page().limit());
    }

    @Test
    void shareToMeSelectsTheReceivingSide() {
        ShareListQuery query = from("share_to_me=true");

        assertTrue(query.shareToMe());
        assertEquals(ShareRepository.Side.SHARED_WITH, query.side());
    }

    @Test
    void invalidShareToMeIsRejected() {
        assertThrows(BadRequestException.class, () -> from("share_to_me=yes"));
    }

    @Test
    void acceptsTheSpecPagesMisspelledAvailabilityZone() {
        assertEquals(Optional.of("eu-de-02"), from("avalilability_zone=eu-de-02").availabilityZone());
    }

    @Test
    void correctlySpelledAvailabilityZoneWinsOverTheMisspelledOne() {
        assertEquals(Optional.of("eu-de-01"),
                from("avalilability_zone=eu-de-02&availability_zone=eu-de-01").availabilityZone());
    }

    @Test
    void emptyAvailabilityZoneFallsBackToTheMisspelledOne() {
        assertEquals(Optional.of("eu-de-02"),
                from("availability_zone=&avalilability_zone=eu-de-02").availabilityZone());
    }

    @Test
    void readsSortDirAndPaging() {
        ShareListQuery query = from("sort_key=size&sort_dir=asc&limit=5&offset=2&marker=" + SHARE.id());

        assertEquals(List.of(new Key("size", true)), query.sort().keys());
        assertEquals(5, query.page().limit());
        assertEquals(2, query.page().offset());
        assertEquals(Optional.of(SHARE.id()), query.page().marker());
    }

    @Test
    void ignoresTheCombinedSortStyle() {
        assertEquals(List.of(new Key("created_at", false)), from("sort=name:asc").sort().keys());
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "status", "size", "id", "created_at", "updated_at", "container_format", "disk_format"})
    void acceptsTheSpecsSortKeys(String key) {
        assertEquals(key, from("sort_key=" + key).sort().primary().name());
    }

    @Test
    void rejectsAnUnknownSortKey() {
        assertThrows(BadRequestException.class, () -> from("sort_key=volume_id"));
    }

    @Test
    void sortsByCreationOnlyWithCreatedAtAlone() {
        assertTrue(from("").sortsByCreation());
        assertTrue(from("sort_dir=asc").sortsByCreation());
        assertFalse(from("sort_key=name").sortsByCreation());
        assertFalse(from("sort_key=created_at,name").sortsByCreation());
    }

    @Test
    void excludesCallerWhenTheOwnSideFilterNamesAnotherProject() {
        assertTrue(from("from_project_id=" + OTHER).excludesCaller(CALLER));
        assertTrue(from("share_to_me=true&to_project_id=" + OTHER).excludesCaller(CALLER));
    }

    @Test
    void doesNotExcludeCallerWhenTheOwnSideFilterNamesTheCaller() {
        assertFalse(from("from_project_id=" + CALLER).excludesCaller(CALLER));
        assertFalse(from("share_to_me=true&to_project_id=" + CALLER).excludesCaller(CALLER));
    }

    @Test
    void doesNotExcludeCallerForAFilterOnTheOtherSide() {
        assertFalse(from("to_project_id=" + OTHER).excludesCaller(CALLER));
        assertFalse(from("share_to_me=true&from_project_id=" + OTHER).excludesCaller(CALLER));
        assertFalse(from("").excludesCaller(CALLER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"volume_id=v", "name=n", "status=available", "availability_zone=az", "avalilability_zone=az"})
    void filtersOnBackupForBackupAttributes(String queryString) {
        assertTrue(from(queryString).filtersOnBackup());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "backup_id=b", "from_project_id=p", "to_project_id=p", "share_to_me=true", "name="})
    void doesNotFilterOnBackupForShareAttributesAlone(String queryString) {
        assertFalse(from(queryString).filtersOnBackup());
    }

    @Test
    void shareFilterMatchesOnBackupAndProjects() {
        assertTrue(from("").shareFilter().test(SHARE));
        assertTrue(from("backup_id=" + BACKUP_ID + "&from_project_id=" + CALLER + "&to_project_id=" + OTHER)
                .shareFilter().test(SHARE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"backup_id=other", "from_project_id=" + OTHER, "to_project_id=" + CALLER,
            "backup_id=" + BACKUP_ID + "&to_project_id=" + CALLER})
    void shareFilterRejectsAnyMismatch(String queryString) {
        assertFalse(from(queryString).shareFilter().test(SHARE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"c2c-test-backup", "TEST", "backup", "C2C-Test-BACKUP"})
    void nameFilterIsACaseInsensitiveSubstring(String name) {
        assertTrue(from("name=" + name).backupFilter().test(BACKUP));
    }

    @ParameterizedTest
    @ValueSource(strings = {"c2c-test-backups", "c2ctest", "xyz"})
    void nameFilterRejectsNamesThatDoNotContainIt(String name) {
        assertFalse(from("name=" + name).backupFilter().test(BACKUP));
    }

    @Test
    void nameFilterRejectsBackupsWithoutName() {
        Backup unnamed = backup(null, BackupStatus.AVAILABLE, "eu-de-01");

        assertFalse(from("name=a").backupFilter().test(unnamed));
        assertTrue(from("").backupFilter().test(unnamed));
    }

    @Test
    void backupFilterMatchesVolumeStatusAndZoneExactly() {
        assertTrue(from("volume_id=" + VOLUME_ID + "&status=available&availability_zone=eu-de-01")
                .backupFilter().test(BACKUP));
        assertFalse(from("volume_id=5024a06e").backupFilter().test(BACKUP));
        assertFalse(from("status=error").backupFilter().test(BACKUP));
        assertFalse(from("availability_zone=eu-de").backupFilter().test(BACKUP));
        assertFalse(from("avalilability_zone=eu-de-02").backupFilter().test(BACKUP));
    }
}
