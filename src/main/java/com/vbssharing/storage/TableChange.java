package com.vbssharing.storage;

import com.vbssharing.backup.Backup;
import com.vbssharing.sharing.Share;

import java.time.Instant;
import java.util.Optional;

/**
 * One change of the table, from its stream, decoded into what changed: a backup (before and after), a share
 * (created or revoked), or an item no consumer cares about (share id lookups). Built by {@link TableChanges}.
 */
public sealed interface TableChange {

    enum Kind { INSERT, MODIFY, REMOVE }

    /** The stream record's id: stable across redeliveries, so consumers can drop repeats. */
    String eventId();

    Kind kind();

    /** When the change happened, to the second (DynamoDB Streams' precision); null when the record has none. */
    Instant time();

    record BackupChange(String eventId, Kind kind, Instant time, Optional<Backup> before, Optional<Backup> after)
            implements TableChange {

        /** The backup as last seen: after the change, or before a removal. */
        public Backup latest() {
            return after.or(() -> before).orElseThrow();
        }
    }

    /** Shares are created and revoked, never modified in place. */
    record ShareChange(String eventId, Kind kind, Instant time, Share share) implements TableChange {
    }

    record OtherChange(String eventId, Kind kind, Instant time) implements TableChange {
    }
}
