package com.vbssharing.sharing;

import com.vbssharing.backup.Backup;

/** A share together with the backup it shares, as the query and get answers show it. */
public record SharedBackup(Share share, Backup backup) {
}
