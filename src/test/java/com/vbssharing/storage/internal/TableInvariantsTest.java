package com.vbssharing.storage.internal;

import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.sharing.Share;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker itself: a whole table holds, and each kind of breakage is reported. */
class TableInvariantsTest {

    private static final String OWNER = "0123456789abcdef0123456789abcdef";
    private static final String TARGET = "fedcba9876543210fedcba9876543210";

    @Test
    void aConsistentTableHasNoViolations() {
        Backup backup = backup(1);
        Share share = share(backup);
        assertEquals(List.of(), TableInvariants.check(items(backup, share)));
    }

    @Test
    void aShareWithoutItsLookupIsReported() {
        Backup backup = backup(1);
        Share share = share(backup);
        List<Map<String, AttributeValue>> items = items(backup, share);
        items.remove(ShareCodec.lookupItem(share));
        assertReported(items, "has no lookup item");
    }

    @Test
    void aLookupWhoseShareWasReplacedIsReported() {
        Backup backup = backup(1);
        Share old = share(backup);
        Share newer = new Share(UUID.randomUUID().toString(), backup.id(), OWNER, TARGET, "2020-01-02T00:00:00.000000",
                "2020-01-02T00:00:00.000000");
        List<Map<String, AttributeValue>> items = items(backup, newer);
        items.add(ShareCodec.lookupItem(old));
        assertReported(items, "has no share behind it");
    }

    @Test
    void aShareCountThatDiffersFromTheSharesIsReported() {
        Backup backup = backup(2);
        assertReported(items(backup, share(backup)), "share_count 2 but 1 share items");
    }

    @Test
    void aShareOfAMissingBackupIsReported() {
        Backup backup = backup(1);
        List<Map<String, AttributeValue>> items = items(backup, share(backup));
        items.remove(BackupCodec.toItem(backup));
        assertReported(items, "points at a missing backup");
    }

    @Test
    void aBrokenChainIsReported() {
        Backup parent = backup(0).toBuilder().dependentIds(java.util.Set.of("not-there")).build();
        Backup orphan = backup(0).toBuilder().volumeId(parent.volumeId()).parentId(UUID.randomUUID().toString()).build();
        List<Map<String, AttributeValue>> items = new ArrayList<>(List.of(BackupCodec.toItem(parent),
                BackupCodec.toItem(orphan)));
        assertReported(items, "incremental on a missing backup");
        assertReported(items, "lists not-there as a dependent, which does not exist");
    }

    @Test
    void anAvailableBackupNewerThanItsVolumesHeadOrWithoutOneIsReported() {
        Backup named = backup(0);
        Backup newer = backup(0).toBuilder().volumeId(named.volumeId()).createdAt("2020-01-02T00:00:00.000000").build();
        List<Map<String, AttributeValue>> items = new ArrayList<>(List.of(BackupCodec.toItem(named), head(named),
                BackupCodec.toItem(newer)));
        assertReported(items, "is newer than its volume's head");
        items.remove(head(named));
        assertReported(items, "has no volume head");
    }

    private static void assertReported(List<Map<String, AttributeValue>> items, String expected) {
        List<String> violations = TableInvariants.check(items);
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), violations::toString);
    }

    private static List<Map<String, AttributeValue>> items(Backup backup, Share share) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.add(BackupCodec.toItem(backup));
        items.add(head(backup));
        items.add(ShareCodec.shareItem(share));
        items.add(ShareCodec.lookupItem(share));
        return items;
    }

    /** The volume head naming this backup, as VolumeHeads writes it. */
    private static Map<String, AttributeValue> head(Backup backup) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(VolumeHeads.key(backup.projectId(), backup.volumeId()));
        item.put(ItemType.ATTRIBUTE, ItemType.VOLUME_HEAD.attributeValue());
        item.put(VolumeHeads.BACKUP_ID, AttributeValue.fromS(backup.id()));
        item.put(VolumeHeads.NEWEST, AttributeValue.fromS(Keys.createdOrder(backup.createdAt(), backup.id())));
        return item;
    }

    private static Backup backup(int shareCount) {
        String at = "2020-01-01T00:00:00.000000";
        return Backup.builder().id(UUID.randomUUID().toString()).projectId(OWNER).name("b")
                .status(BackupStatus.AVAILABLE).size(1).availabilityZone("az1").volumeId(UUID.randomUUID().toString())
                .snapshotId(UUID.randomUUID().toString()).createdAt(at).updatedAt(at).dataTimestamp(at)
                .shareCount(shareCount).build();
    }

    private static Share share(Backup backup) {
        return new Share(UUID.randomUUID().toString(), backup.id(), OWNER, TARGET, "2020-01-01T00:00:00.000000",
                "2020-01-01T00:00:00.000000");
    }
}
