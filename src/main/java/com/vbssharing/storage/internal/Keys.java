package com.vbssharing.storage.internal;

/**
 * Every key and index of the single table, in one place (docs/data-model.md).
 *
 * <pre>
 * item              pk                  sk                          gsi1pk / gsi1sk             gsi2pk / gsi2sk
 * backup            PROJECT#&lt;owner&gt;    BACKUP#&lt;backupId&gt;
 * share             PROJECT#&lt;owner&gt;    SHARE#&lt;backupId&gt;#&lt;to&gt;     SHARED_BY#&lt;owner&gt; / &lt;created_at&gt;#&lt;shareId&gt;   SHARED_WITH#&lt;to&gt; / same
 * share id lookup   SHAREID#&lt;shareId&gt;  SHAREID#&lt;shareId&gt;
 * volume head       PROJECT#&lt;owner&gt;    VOLUME#&lt;volumeId&gt;
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

    static final String BACKUP_PREFIX = "BACKUP#";
    static final String SHARE_PREFIX = "SHARE#";

    private Keys() {
    }

    static String project(String projectId) {
        return "PROJECT#" + projectId;
    }

    static String backup(String backupId) {
        return BACKUP_PREFIX + backupId;
    }

    /** The share's sort key; its uniqueness is the uniqueness of (backup, receiving project). */
    static String share(String backupId, String toProjectId) {
        return sharesOfBackup(backupId) + toProjectId;
    }

    static String sharesOfBackup(String backupId) {
        return SHARE_PREFIX + backupId + "#";
    }

    /** The item naming the volume's newest available backup in the project ({@link VolumeHeads}). */
    static String volumeHead(String volumeId) {
        return "VOLUME#" + volumeId;
    }

    static String shareId(String shareId) {
        return "SHAREID#" + shareId;
    }

    static String sharedBy(String projectId) {
        return "SHARED_BY#" + projectId;
    }

    static String sharedWith(String projectId) {
        return "SHARED_WITH#" + projectId;
    }

    /**
     * Creation time, then id: the order of shares in the indexes (stable when two share a timestamp) and of a volume's
     * backups (the newest available one is the next backup's parent).
     */
    static String createdOrder(String createdAt, String id) {
        return createdAt + "#" + id;
    }
}
