package com.vbssharing.sharing;

/** One backup shared by one project with another. Shares are immutable: they are created and deleted. */
public record Share(String id, String backupId, String fromProjectId, String toProjectId,
                    String createdAt, String updatedAt) {

    public boolean isVisibleTo(String projectId) {
        return fromProjectId.equals(projectId) || toProjectId.equals(projectId);
    }
}
