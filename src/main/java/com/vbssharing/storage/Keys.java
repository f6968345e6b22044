package com.vbssharing.storage;

/**
 * Every key and index of the single table, in one place (see docs/data-model.md).
 *
 * <pre>
 * item              pk                  sk                          gsi1pk / gsi1sk             gsi2pk / gsi2sk
 * backup            PROJECT#&lt;owner&gt;    BACKUP#&lt;backupId&gt;
 * share             PROJECT#&lt;owner&gt;    SHARE#&lt;backupId&gt;#&lt;to&gt;     SHARED_BY#&lt;owner&gt; / &lt;created_at&gt;#&lt;shareId&gt;   SHARED_WITH#&lt;to&gt; / same
 * share id lookup   SHAREID#&lt;shareId&gt;  SHAREID#&lt;shareId&gt;
 * </pre>
 */
public final class Keys {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";

    /** Shares ordered by creation, keyed by the sharing (owner) project. */
    public static final String SHARED_BY_INDEX = "shared-by-project";
    /** Shares ordered by creation, keyed by the receiving project. */
    public static final String SHARED_WITH_INDEX = "shared-with-project";

    /** On a share item: the share's id, which names its id lookup item. */
    public static final String SHARE_ID_ATTRIBUTE = "share_id";

    /** Backup attributes that share writes condition on: the status, and how many shares the backup has. */
    public static final String BACKUP_STATUS_ATTRIBUTE = "status";
    public static final String SHARE_COUNT_ATTRIBUTE = "share_count";

    public static final String BACKUP_PREFIX = "BACKUP#";
    public static final String SHARE_PREFIX = "SHARE#";

    private Keys() {
    }

    public static String project(String projectId) {
        return "PROJECT#" + projectId;
    }

    public static String backup(String backupId) {
        return BACKUP_PREFIX + backupId;
    }

    /** The share's sort key; its uniqueness is the uniqueness of (backup, receiving project). */
    public static String share(String backupId, String toProjectId) {
        return sharesOfBackup(backupId) + toProjectId;
    }

    public static String sharesOfBackup(String backupId) {
        return SHARE_PREFIX + backupId + "#";
    }

    public static String shareId(String shareId) {
        return "SHAREID#" + shareId;
    }

    public static String sharedBy(String projectId) {
        return "SHARED_BY#" + projectId;
    }

    public static String sharedWith(String projectId) {
        return "SHARED_WITH#" + projectId;
    }

    /** Index sort key: creation time, then id, so pages are stable when two shares share a timestamp. */
    public static String createdOrder(String createdAt, String id) {
        return createdAt + "#" + id;
    }
}
