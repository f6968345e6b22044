package com.vbssharing.sharing.internal;

import com.vbssharing.sharing.Share;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Benchmark seeding only: the items the repository writes for each share (share item and id lookup item). */
public final class BulkShares {

    private BulkShares() {
    }

    public static List<Map<String, AttributeValue>> items(List<Share> shares) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(shares.size() * 2);
        for (Share share : shares) {
            items.add(ShareItems.shareItem(share));
            items.add(ShareItems.lookupItem(share));
        }
        return items;
    }
}
