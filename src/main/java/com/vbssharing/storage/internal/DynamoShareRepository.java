package com.vbssharing.storage.internal;

import com.vbssharing.sharing.Share;
import com.vbssharing.sharing.ShareListQuery;
import com.vbssharing.sharing.ShareRepository;
import com.vbssharing.sharing.SharedBackup;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

@Singleton
public class DynamoShareRepository implements ShareRepository {

    private final SharingTransactions transactions;
    private final ShareReads reads;
    private final ShareQueries queries;

    public DynamoShareRepository(SharingTransactions transactions, ShareReads reads, ShareQueries queries) {
        this.transactions = transactions;
        this.reads = reads;
        this.queries = queries;
    }

    @Override
    public CreateOutcome createAll(String ownerProjectId, String backupId, List<Share> shares, int maxShares) {
        return transactions.share(ownerProjectId, backupId, shares, maxShares);
    }

    @Override
    public Optional<Share> findById(String shareId) {
        return reads.byId(shareId);
    }

    @Override
    public List<Share> findByBackup(String ownerProjectId, String backupId) {
        return reads.ofBackup(ownerProjectId, backupId);
    }

    @Override
    public void revoke(String ownerProjectId, String backupId, List<Share> shares) {
        transactions.revoke(ownerProjectId, backupId, shares);
    }

    @Override
    public List<SharedBackup> page(String callerProjectId, ShareListQuery query, Optional<Share> marker) {
        return queries.page(callerProjectId, query, marker);
    }

    @Override
    public int count(String callerProjectId, ShareListQuery query) {
        return queries.count(callerProjectId, query);
    }
}
