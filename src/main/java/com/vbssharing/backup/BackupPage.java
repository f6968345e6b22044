package com.vbssharing.backup;

import java.util.List;
import java.util.OptionalInt;

/** One page of a backup listing, and the number of matching backups when it was asked for. */
public record BackupPage(List<Backup> backups, OptionalInt count) {
}
