package com.vbssharing.lambda;

import com.vbssharing.observability.ColdStart;
import com.vbssharing.observability.Invocation;
import com.vbssharing.api.JsonBodies;
import com.vbssharing.api.Link;
import com.vbssharing.backup.Backup;
import com.vbssharing.backup.BackupController;
import com.vbssharing.backup.BackupStatus;
import com.vbssharing.versions.ApiVersion;
import com.vbssharing.versions.BackupApiVersions;
import com.vbssharing.backup.BackupRepository;
import com.vbssharing.backup.BackupView;
import com.vbssharing.backup.NewBackup;
import com.vbssharing.sharing.Share;
import com.vbssharing.sharing.ShareView;
import com.vbssharing.storage.StoragePriming;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import io.micronaut.json.JsonMapper;
import com.vbssharing.auth.TokenMinter;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming. Lambda snapshots the function after init; whatever ran before the snapshot is warm in
 * every restored copy. Before the checkpoint this sends three requests, {@link #ROUNDS} times, through a Lambda
 * handler on this context (get a backup, list the shares of a project with a page of 25, share a backup), which
 * loads and runs the whole request path: routing, token check, controllers, services, the DynamoDB client
 * (signing, HTTP, marshalling) and the JSON codecs. Priming writes nothing: its project ({@link StoragePriming})
 * has no data, and the storage adapter answers its calls as if it had, so the requests run the path a successful
 * request runs (storage/internal/PrimingAnswers). The token is minted in memory for that project and never leaves
 * this process; without an HS256 secret (JWKS only) it primes the DynamoDB client and the codecs alone. On a JVM
 * without CRaC the registration is a no-op.
 */
@Context
@Requires(property = "vbs.snapstart.priming", notEquals = "false")
public class SnapStartPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    /**
     * Rounds of priming requests: enough for the compiler to have compiled most of the request path into the
     * snapshot (10 rounds left the first create share after a restore at 27-31 ms, 100 at 14-19 ms on the
     * benchmark's machine: docs/decisions.md), about 4 s once per published version there.
     */
    public static final int ROUNDS = 100;

    /** Priming stops after this even if rounds are left (a slow or throttled init), as a slower start beats none. */
    static final Duration REQUEST_BUDGET = Duration.ofSeconds(20);

    static final String PROJECT = StoragePriming.PROJECT;
    static final String TARGET = StoragePriming.TARGET;
    static final String BACKUP = StoragePriming.BACKUP;

    /** Answers are primed in their fullest shape, the maximum microversion's. */
    private static final ApiVersion LATEST = new ApiVersion(BackupApiVersions.MAX);

    /** Where the priming requests say they came in: API Gateway's default domain and a stage. */
    private static final String DOMAIN = "priming.execute-api.us-east-1.amazonaws.com";
    private static final String STAGE = "priming";

    /** Items in a primed listing page. */
    private static final int PAGE = 25;

    private final ApplicationContext context;
    /** On first use: the DynamoDB client behind it is built in parallel while the context starts. */
    private final BeanProvider<BackupRepository> backups;
    private final JsonMapper jsonMapper;
    private final JsonBodies jsonBodies;
    private final TokenMinter tokens;

    public SnapStartPriming(ApplicationContext context, BeanProvider<BackupRepository> backups, JsonMapper jsonMapper,
                            JsonBodies jsonBodies, TokenMinter tokens) {
        this.context = context;
        this.backups = backups;
        this.jsonMapper = jsonMapper;
        this.jsonBodies = jsonBodies;
        this.tokens = tokens;
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // The SDK re-resolves credentials from the restored environment on first use. The next request is the
        // first of this copy of the function: a cold start in its log line and metrics.
        ColdStart.restored();
    }

    /**
     * Failures are logged, never fatal: a cold path is slower, not broken. Returns the status of each priming
     * request (none without a token).
     */
    public List<Integer> prime() {
        primeClientAndCodecs();
        primeListings();
        List<Integer> statuses = new ArrayList<>();
        if (tokens.canMint()) {
            Invocation.prime(() -> primeRequests(statuses));
        }
        // Priming's requests are not cold starts, so they never load what marks one; the next request is one.
        ColdStart.restored();
        return statuses;
    }

    private void primeRequests(List<Integer> statuses) {
        ApiGatewayProxyRequestEventFunction handler = new ApiHandler(context);
        PrimingLambdaContext invocation = new PrimingLambdaContext();
        long deadline = System.nanoTime() + REQUEST_BUDGET.toNanos();
        for (int round = 0; round < ROUNDS && System.nanoTime() < deadline; round++) {
            for (APIGatewayProxyRequestEvent request : round(round)) {
                try {
                    APIGatewayProxyResponseEvent response = handler.handleRequest(request, invocation);
                    statuses.add(response.getStatusCode());
                    if (response.getStatusCode() >= 300 && round == 0) {
                        LOG.warn("Priming {} {} answered {}: its success path stays cold", request.getHttpMethod(),
                                request.getPath(), response.getStatusCode());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Priming {} {} failed: {}", request.getHttpMethod(), request.getPath(), e.toString());
                    return;
                }
            }
        }
    }

    /**
     * One round of priming requests. A token for each: the verifier remembers tokens it accepted, and a restored
     * function's first caller brings one it has not seen, so the full check runs on every priming request, often
     * enough for the compiler (at C1 a method is compiled after about 200 calls; 100 rounds alone are not).
     */
    List<APIGatewayProxyRequestEvent> round(int round) {
        return List.of(
                request("GET", "/v3/" + PROJECT + "/backups/" + BACKUP, token(round, 0), null),
                request("GET", "/v2/" + PROJECT + "/os-vendor-backup-sharing/detail", token(round, 1), null),
                request("POST", "/v2/" + PROJECT + "/os-vendor-backup-sharing", token(round, 2),
                        "{\"shared\":{\"backup_id\":\"" + BACKUP + "\",\"to_project_ids\":[\"" + TARGET + "\"]}}"));
    }

    private String token(int round, int request) {
        return tokens.mint("snapstart-priming-" + round + "-" + request, PROJECT, Duration.ofMinutes(5)).orElseThrow();
    }

    /** Serializes full pages of the backup listing, a shape no priming request answers. */
    private void primeListings() {
        try {
            List<Link> links = List.of(new Link("https://example/v3/p/backups/b", "self"),
                    new Link("https://example/p/backups/b", "bookmark"));
            List<BackupView.Detail> backups = new ArrayList<>();
            for (int i = 0; i < PAGE; i++) {
                backups.add(BackupView.detail(sampleBackup("b" + i), links, LATEST));
            }
            for (int round = 0; round < ROUNDS; round++) {
                jsonMapper.writeValueAsBytes(new BackupController.Listing(backups, links, PAGE));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Priming the listing codecs failed: {}", e.toString());
        }
    }

    private static Backup sampleBackup(String id) {
        String at = "2020-01-01T00:00:00.000000";
        return Backup.builder().id(id).projectId(PROJECT).userId("user").name("name").description("description")
                .status(BackupStatus.AVAILABLE).size(1).objectCount(1).availabilityZone("az1").container("c")
                .volumeId("volume").snapshotId("snapshot").parentId("parent").dependentIds(java.util.Set.of("child"))
                .metadata(Map.of("key", "value")).createdAt(at).updatedAt(at).dataTimestamp(at).build();
    }

    /**
     * An event of the shape API Gateway's REST proxy integration sends (headers both single and multi-valued, a
     * stage on the default {@code execute-api} domain, the caller's identity), so priming takes the conversions
     * and link building a real request takes.
     */
    private static APIGatewayProxyRequestEvent request(String method, String path, String token, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Auth-Token", token);
        headers.put("Host", DOMAIN);
        headers.put("Accept", "application/json");
        headers.put("User-Agent", "snapstart-priming");
        headers.put("X-Forwarded-Proto", "https");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        Map<String, List<String>> multiValueHeaders = new HashMap<>();
        headers.forEach((name, value) -> multiValueHeaders.put(name, List.of(value)));
        return new APIGatewayProxyRequestEvent().withHttpMethod(method).withPath(path).withResource("/{proxy+}")
                .withPathParameters(Map.of("proxy", path.substring(1)))
                .withHeaders(headers).withMultiValueHeaders(multiValueHeaders)
                .withBody(body).withIsBase64Encoded(false)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withHttpMethod(method).withPath("/" + STAGE + path).withStage(STAGE)
                        .withResourcePath("/{proxy+}").withDomainName(DOMAIN).withRequestId("snapstart-priming")
                        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp("127.0.0.1")
                                .withUserAgent("snapstart-priming")));
    }

    /**
     * The narrower priming alone (one GetItem through the storage adapter, our JSON shapes), without requests through the handler. Public
     * so the benchmark can show what the request priming adds (docs/performance.md).
     */
    public void primeClientAndCodecs() {
        try {
            backups.get().find(PROJECT, BACKUP);
        } catch (RuntimeException e) {
            LOG.warn("Priming the DynamoDB client failed: {}", e.toString());
        }
        try {
            String body = "{\"backup\":{\"volume_id\":\"c5834fe1-577f-462e-9bf3-1b158e1dde9c\","
                    + "\"snapshot_id\":\"251f910a-a2bd-443e-a77a-90a3dbd26b7b\",\"name\":\"priming\"}}";
            NewBackup.from(jsonBodies.envelope(body, "backup", NewBackup.fields(LATEST)), PROJECT);
            List<Link> links = List.of(new Link("https://example/v3/p/backups/b", "self"));
            BackupView.Detail detail = BackupView.detail(sampleBackup("b"), links);
            jsonMapper.writeValueAsBytes(BackupView.detail(sampleBackup("b"), links, LATEST));
            jsonMapper.writeValueAsBytes(ShareView.withBackup(new Share("s", "b", "f", "t",
                    "2020-01-01T00:00:00.000000", "2020-01-01T00:00:00.000000"), detail));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Priming the JSON codecs failed: {}", e.toString());
        }
    }
}
