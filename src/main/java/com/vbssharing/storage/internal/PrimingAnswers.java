package com.vbssharing.storage.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.observability.Observations;
import com.vbssharing.sharing.Share;
import com.vbssharing.storage.StoragePriming;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.utils.AttributeMap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DynamoDB client's HTTP client, which answers SnapStart's priming requests as if the data they ask for
 * existed. Priming may write nothing, so DynamoDB refuses its share request and finds nothing for its reads; only
 * the failure paths would run before the snapshot, and the first real request after a restore would run the
 * success path cold: SDK unmarshalling of items and consumed capacity, our decoding, counters, views, lambdas
 * bootstrapped on first use (docs/decisions.md, "Priming runs the success path").
 *
 * <p>So, for a priming request ({@link Observations#servingPriming()}) and only for one, each call still goes to
 * DynamoDB (the connection, signing and the real round trip are primed), and if it is one the priming requests
 * make, about {@link StoragePriming}'s project, its answer is then replaced by a successful one of the shape
 * DynamoDB sends: items built by our codecs, and consumed capacity. The only write priming sends is its share
 * transaction, which DynamoDB refuses by its own condition (the priming backup does not exist); a single-item or
 * batch write during priming is never sent. Every call outside priming passes through untouched.
 */
final class PrimingAnswers implements SdkHttpClient {

    /** Writes without a transaction's all-or-nothing condition: never sent while priming. */
    private static final Set<String> UNGUARDED_WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem");
    private static final JsonFactory JSON = new JsonFactory();
    private static final String AT = "2020-01-01T00:00:00.000000";
    /** Shares in the primed listing page: the service's default page size for a listing. */
    private static final int PAGE = 25;

    private final SdkHttpClient delegate;
    private final String table;

    PrimingAnswers(SdkHttpClient delegate, String table) {
        this.delegate = delegate;
        this.table = table;
    }

    /** The builder the SDK builds (and later closes) the client with: {@code delegate}'s, decorated. */
    static SdkHttpClient.Builder<?> around(SdkHttpClient.Builder<?> delegate, String table) {
        return new Builder(delegate, table);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (!Observations.servingPriming()) {
            return delegate.prepareRequest(request);
        }
        String operation = request.httpRequest().firstMatchingHeader("X-Amz-Target")
                .map(target -> target.substring(target.indexOf('.') + 1)).orElse("");
        if (UNGUARDED_WRITES.contains(operation)) {
            throw SdkClientException.create("SnapStart priming never writes; refused " + operation);
        }
        byte[] answer = answer(operation, body(request));
        ExecutableHttpRequest sent = delegate.prepareRequest(request);
        if (answer == null) {
            return sent;
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                HttpExecuteResponse real = sent.call();
                discard(real);
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", Integer.toString(answer.length)).build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                        .build();
            }

            @Override
            public void abort() {
                sent.abort();
            }
        };
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Reads the real answer to its end, so that its connection is kept for the next call. */
    private static void discard(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isPresent()) {
            try (InputStream body = response.responseBody().get()) {
                body.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    private static String body(HttpExecuteRequest request) {
        if (request.contentStreamProvider().isEmpty()) {
            return "";
        }
        try (InputStream body = request.contentStreamProvider().get().newStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A successful answer to one of the priming requests' calls, or null for any other call: one about another
     * project than the priming's, or one the priming requests do not make (a Query of the table rather than of a
     * share index, a Scan).
     */
    byte[] answer(String operation, String body) {
        if (!body.contains(StoragePriming.PROJECT)) {
            return null;
        }
        return switch (operation) {
            case "GetItem" -> json(out -> {
                item(out, "Item", BackupCodec.toItem(backup(StoragePriming.BACKUP)));
                capacity(out, "ConsumedCapacity", 1.0);
            });
            case "Query" -> !body.contains("\"IndexName\"") ? null : json(out -> {
                out.writeArrayFieldStart("Items");
                for (int i = 0; i < PAGE; i++) {
                    item(out, null, ShareCodec.attributes(share(i))); // as the share reads' projection returns it
                }
                out.writeEndArray();
                out.writeNumberField("Count", PAGE);
                out.writeNumberField("ScannedCount", PAGE);
                capacity(out, "ConsumedCapacity", 1.0);
            });
            case "BatchGetItem" -> json(out -> {
                out.writeObjectFieldStart("Responses");
                out.writeArrayFieldStart(table);
                for (int i = 0; i < PAGE; i++) {
                    item(out, null, BackupCodec.toItem(backup(share(i).backupId())));
                }
                out.writeEndArray();
                out.writeEndObject();
                out.writeObjectFieldStart("UnprocessedKeys");
                out.writeEndObject();
                out.writeArrayFieldStart("ConsumedCapacity");
                capacity(out, null, 1.0);
                out.writeEndArray();
            });
            case "TransactWriteItems" -> json(out -> {
                out.writeArrayFieldStart("ConsumedCapacity");
                capacity(out, null, 2.0);
                out.writeEndArray();
            });
            default -> null;
        };
    }

    private static Share share(int i) {
        return new Share(id("5ca1ab1e-5ca1-4ab1-9ab1-", i), id("5ca1ab1e-5ca1-4ab1-8ab1-", i),
                StoragePriming.PROJECT, StoragePriming.TARGET, AT, AT);
    }

    private static String id(String prefix, int i) {
        return prefix + String.format("%012d", i);
    }

    private static Backup backup(String id) {
        return Backup.builder().id(id).projectId(StoragePriming.PROJECT).userId("priming").name("priming")
                .description("priming").status(BackupStatus.AVAILABLE).size(1).objectCount(1)
                .availabilityZone("priming").container("priming")
                .volumeId("5ca1ab1e-5ca1-4ab1-aab1-5ca1ab1e0001").snapshotId("5ca1ab1e-5ca1-4ab1-aab1-5ca1ab1e0002")
                .parentId("5ca1ab1e-5ca1-4ab1-aab1-5ca1ab1e0003").dependentIds(Set.of("5ca1ab1e-5ca1-4ab1-aab1-5ca1ab1e0004"))
                .metadata(Map.of("priming", "true")).createdAt(AT).updatedAt(AT).dataTimestamp(AT).build();
    }

    private void capacity(JsonGenerator out, String field, double units) throws IOException {
        if (field == null) {
            out.writeStartObject();
        } else {
            out.writeObjectFieldStart(field);
        }
        out.writeStringField("TableName", table);
        out.writeNumberField("CapacityUnits", units);
        out.writeEndObject();
    }

    /** An item in DynamoDB's JSON: each value an object naming its type. */
    private static void item(JsonGenerator out, String field, Map<String, AttributeValue> item) throws IOException {
        if (field == null) {
            out.writeStartObject();
        } else {
            out.writeObjectFieldStart(field);
        }
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            out.writeFieldName(attribute.getKey());
            value(out, attribute.getValue());
        }
        out.writeEndObject();
    }

    private static void value(JsonGenerator out, AttributeValue value) throws IOException {
        out.writeStartObject();
        switch (value.type()) {
            case S -> out.writeStringField("S", value.s());
            case N -> out.writeStringField("N", value.n());
            case BOOL -> out.writeBooleanField("BOOL", value.bool());
            case NUL -> out.writeBooleanField("NULL", true);
            case SS -> strings(out, "SS", value.ss());
            case NS -> strings(out, "NS", value.ns());
            case M -> item(out, "M", value.m());
            case L -> {
                out.writeArrayFieldStart("L");
                for (AttributeValue element : value.l()) {
                    value(out, element);
                }
                out.writeEndArray();
            }
            default -> throw new IllegalArgumentException("No priming answer holds a " + value.type());
        }
        out.writeEndObject();
    }

    private static void strings(JsonGenerator out, String field, List<String> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    private interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private static byte[] json(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            body.write(out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static final class Builder implements SdkHttpClient.Builder<Builder> {
        private final SdkHttpClient.Builder<?> delegate;
        private final String table;

        Builder(SdkHttpClient.Builder<?> delegate, String table) {
            this.delegate = delegate;
            this.table = table;
        }

        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return new PrimingAnswers(delegate.buildWithDefaults(serviceDefaults), table);
        }
    }
}
