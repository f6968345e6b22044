package com.vbssharing;

import com.vbssharing.api.JsonBodies;
import com.vbssharing.api.Link;
import com.vbssharing.backup.BackupView;
import com.vbssharing.backup.NewBackup;
import com.vbssharing.sharing.ShareView;
import com.vbssharing.storage.Keys;
import com.vbssharing.storage.TableConfiguration;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming. Lambda snapshots the function after init; whatever ran before the snapshot is warm in
 * every restored copy. Before the checkpoint this exercises the paths every request takes: the DynamoDB
 * client (signing, HTTP, marshalling), the JSON codecs for our request and response shapes.
 * On a JVM without CRaC (local runs, tests) the registration is a no-op.
 */
@Context
@Requires(property = "vbs.snapstart.priming", notEquals = "false")
public class SnapStartPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final DynamoDbClient dynamoDb;
    private final TableConfiguration table;
    private final JsonMapper jsonMapper;
    private final JsonBodies jsonBodies;

    public SnapStartPriming(DynamoDbClient dynamoDb, TableConfiguration table, JsonMapper jsonMapper, JsonBodies jsonBodies) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.jsonMapper = jsonMapper;
        this.jsonBodies = jsonBodies;
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: the SDK re-resolves credentials from the restored environment on first use.
    }

    /** Runs once; failures are logged, never fatal: a cold path is slower, not broken. */
    public void prime() {
        try {
            dynamoDb.getItem(b -> b.tableName(table.getName()).consistentRead(true).key(Map.of(
                    Keys.PK, AttributeValue.fromS("PRIMING"), Keys.SK, AttributeValue.fromS("PRIMING"))));
        } catch (RuntimeException e) {
            LOG.warn("Priming the DynamoDB client failed: {}", e.toString());
        }
        try {
            String body = "{\"backup\":{\"volume_id\":\"c5834fe1-577f-462e-9bf3-1b158e1dde9c\","
                    + "\"snapshot_id\":\"251f910a-a2bd-443e-a77a-90a3dbd26b7b\",\"name\":\"priming\"}}";
            NewBackup.from(jsonBodies.envelope(body, "backup", NewBackup.FIELDS), "primingproject");
            List<Link> links = List.of(new Link("https://example/v3/p/backups/b", "self"));
            BackupView.Detail detail = new BackupView.Detail("b", "n", "available", 0, 0, "az", null,
                    "2020-01-01T00:00:00.000000", "2020-01-01T00:00:00.000000", null, null, null, "v", "s",
                    false, false, null, links);
            jsonMapper.writeValueAsBytes(detail);
            jsonMapper.writeValueAsBytes(ShareView.withBackup(
                    new com.vbssharing.sharing.Share("s", "b", "f", "t", "2020-01-01T00:00:00.000000",
                            "2020-01-01T00:00:00.000000"), detail));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Priming the JSON codecs failed: {}", e.toString());
        }
    }
}
