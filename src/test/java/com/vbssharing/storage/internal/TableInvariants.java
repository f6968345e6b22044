package com.vbssharing.storage.internal;

import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.sharing.NewShares;
import com.vbssharing.sharing.Share;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reads the whole table and reports every broken invariant of docs/data-model.md: each share item has its
 * lookup item and the lookup points back at it; each lookup has its share; a backup's {@code share_count}
 * equals its share items (and stays within the limit); no share points at a missing backup; keys agree with
 * attributes; an incremental backup's parent exists and lists it, and every dependent a backup lists names it. Run after every concurrency test: nothing may be half-written once the requests have answered.
 */
public final class TableInvariants {

    private TableInvariants() {
    }

    /** Fails with every violation found, one per line. */
    public static void assertHold() {
        assertHold(RawTable.scan());
    }

    /** Fails with every violation found among these items (a whole table). */
    public static void assertHold(List<Map<String, AttributeValue>> items) {
        List<String> violations = check(items);
        if (!violations.isEmpty()) {
            fail(violations.size() + " broken invariants:\n" + String.join("\n", violations));
        }
    }

    public static List<String> check(List<Map<String, AttributeValue>> items) {
        Map<String, Map<String, AttributeValue>> byKey = new HashMap<>();
        Map<String, Backup> backups = new HashMap<>();
        List<Map<String, AttributeValue>> shareItems = new ArrayList<>();
        List<Map<String, AttributeValue>> lookups = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            byKey.put(key(item), item);
            switch (ItemType.of(item)) {
                case BACKUP -> backups.put(key(item), BackupCodec.fromItem(item));
                case SHARE -> shareItems.add(item);
                case SHARE_LOOKUP -> lookups.add(item);
                case VOLUME_HEAD -> { }
                default -> violations.add("item of no known type: " + key(item));
            }
        }
        Map<String, Integer> sharesPerBackup = new HashMap<>();
        for (Map<String, AttributeValue> item : shareItems) {
            Share share = ShareCodec.fromItem(item);
            if (!ShareCodec.shareItem(share).equals(item)) {
                violations.add("share item " + key(item) + " differs from the item its own attributes make: " + item);
            }
            Map<String, AttributeValue> lookup = byKey.get(key(ShareCodec.lookupKey(share.id())));
            if (lookup == null) {
                violations.add("share " + share.id() + " (" + key(item) + ") has no lookup item");
            } else if (!share.equals(ShareCodec.fromItem(lookup))) {
                violations.add("lookup of share " + share.id() + " does not point back at it: " + lookup);
            }
            String backupKey = key(BackupCodec.key(share.fromProjectId(), share.backupId()));
            if (!backups.containsKey(backupKey)) {
                violations.add("share " + share.id() + " points at a missing backup " + backupKey);
            }
            sharesPerBackup.merge(backupKey, 1, Integer::sum);
        }
        for (Map<String, AttributeValue> lookup : lookups) {
            Share share = ShareCodec.fromItem(lookup);
            if (!ShareCodec.lookupItem(share).equals(lookup)) {
                violations.add("lookup item " + key(lookup) + " differs from the item its attributes make: " + lookup);
            }
            Map<String, AttributeValue> item = byKey.get(key(ShareCodec.shareKey(share)));
            if (item == null || !Objects.equals(share.id(), Attributes.string(item, ShareCodec.SHARE_ID))) {
                violations.add("lookup " + share.id() + " has no share behind it (" + key(ShareCodec.shareKey(share))
                        + (item == null ? " is missing" : " holds share " + Attributes.string(item, ShareCodec.SHARE_ID))
                        + ")");
            }
        }
        backups.forEach((backupKey, backup) -> {
            checkChain(backup, backups, violations);
            checkHead(backup, byKey, violations);
            int shares = sharesPerBackup.getOrDefault(backupKey, 0);
            if (backup.shareCount() != shares) {
                violations.add("backup " + backupKey + " has share_count " + backup.shareCount() + " but "
                        + shares + " share items");
            }
            if (backup.shareCount() < 0 || backup.shareCount() > NewShares.MAX_PROJECTS_PER_BACKUP) {
                violations.add("backup " + backupKey + " has share_count " + backup.shareCount()
                        + ", outside 0.." + NewShares.MAX_PROJECTS_PER_BACKUP);
            }
        });
        return violations;
    }

    /**
     * A backup's parent exists in its project, is of the same volume and lists it among its dependents; each of its
     * dependents exists and names it as parent.
     */
    private static void checkChain(Backup backup, Map<String, Backup> backups, List<String> violations) {
        if (backup.parentId() != null) {
            Backup parent = backups.get(key(BackupCodec.key(backup.projectId(), backup.parentId())));
            if (parent == null) {
                violations.add("backup " + backup.id() + " is incremental on a missing backup " + backup.parentId());
            } else {
                if (!parent.dependentIds().contains(backup.id())) {
                    violations.add("backup " + backup.id() + " is incremental on " + parent.id()
                            + ", which does not list it as a dependent");
                }
                if (!Objects.equals(parent.volumeId(), backup.volumeId())) {
                    violations.add("backup " + backup.id() + " is incremental on " + parent.id() + " of another volume");
                }
            }
        }
        for (String dependentId : backup.dependentIds()) {
            Backup dependent = backups.get(key(BackupCodec.key(backup.projectId(), dependentId)));
            if (dependent == null || !backup.id().equals(dependent.parentId())) {
                violations.add("backup " + backup.id() + " lists " + dependentId + " as a dependent, which "
                        + (dependent == null ? "does not exist" : "is incremental on " + dependent.parentId()));
            }
        }
    }

    /** No available backup of a volume is newer than the one its volume head names (VolumeHeads). */
    private static void checkHead(Backup backup, Map<String, Map<String, AttributeValue>> byKey,
                                  List<String> violations) {
        if (backup.status() != BackupStatus.AVAILABLE) {
            return;
        }
        Map<String, AttributeValue> head = byKey.get(key(VolumeHeads.key(backup.projectId(), backup.volumeId())));
        String order = Keys.createdOrder(backup.createdAt(), backup.id());
        if (head == null) {
            violations.add("available backup " + backup.id() + " of volume " + backup.volumeId() + " has no volume head");
        } else if (Attributes.string(head, VolumeHeads.NEWEST).compareTo(order) < 0) {
            violations.add("available backup " + backup.id() + " is newer than its volume's head " + head);
        }
    }

    private static String key(Map<String, AttributeValue> item) {
        return item.get(Keys.PK).s() + " | " + item.get(Keys.SK).s();
    }
}
