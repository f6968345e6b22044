package com.vbssharing.local;

import io.micronaut.runtime.Micronaut;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The local run ({@code mvn mn:run}): the API on http://localhost:8080 over an embedded DynamoDB Local that
 * persists to {@code ./.vbs-data} (env {@code VBS_LOCAL_DATA_DIR}). With env {@code VBS_DYNAMODB_ENDPOINT} set,
 * it uses that DynamoDB instead and embeds nothing. In AWS the Lambda handlers are the entry points.
 */
public final class LocalApplication {

    private LocalApplication() {
    }

    public static void main(String[] args) {
        Map<String, Object> properties = new HashMap<>();
        String endpoint = System.getenv("VBS_DYNAMODB_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            String dataDir = System.getenv().getOrDefault("VBS_LOCAL_DATA_DIR", ".vbs-data");
            Path baseDir = Path.of(System.getProperty("vbs.local.base-dir", ""));
            EmbeddedDynamoDb embedded = EmbeddedDynamoDb.start(baseDir.resolve(dataDir));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded)));
            endpoint = embedded.endpoint();
        }
        properties.put("vbs.table.endpoint", endpoint);
        Micronaut.build(args)
                .mainClass(LocalApplication.class)
                .environments("local")
                .properties(properties)
                .start();
    }

    private static void closeQuietly(EmbeddedDynamoDb embedded) {
        try {
            embedded.close();
        } catch (Exception ignored) {
            // shutting down anyway
        }
    }
}
