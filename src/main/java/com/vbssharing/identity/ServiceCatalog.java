package com.vbssharing.identity;

import io.micronaut.serde.annotation.Serdeable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * This deployment's endpoints, under every service type the real clients look up (docs/identity.md): Cinder v3
 * first (openstack4j and gophercloud take the first match), then VBS v2, then identity. One endpoint per
 * interface, concrete URLs without a trailing slash.
 */
public final class ServiceCatalog {

    private ServiceCatalog() {
    }

    @Serdeable
    public record Endpoint(String id, @com.fasterxml.jackson.annotation.JsonProperty("interface") String facing,
                           String region, @com.fasterxml.jackson.annotation.JsonProperty("region_id") String regionId,
                           String url) {
    }

    @Serdeable
    public record Service(String id, String type, String name, List<Endpoint> endpoints) {
    }

    private record Entry(String type, String name, String path) {
    }

    private static final List<String> INTERFACES = List.of("public", "internal", "admin");

    /** {@code <base>/v3/<project>}: Cinder v3; {@code <base>/v2/<project>}: VBS v2. */
    public static List<Service> of(String baseUrl, String projectId, String region) {
        List<Entry> entries = List.of(
                new Entry("volumev3", "cinderv3", "/v3/" + projectId),        // cinderclient, gophercloud 1, openstack4j
                new Entry("block-storage", "cinder", "/v3/" + projectId),     // openstacksdk, gophercloud 2
                new Entry("volumev2", "cinderv2", "/v2/" + projectId),        // OTC/Huawei SDKs' NewVBS
                new Entry("vbsv2", "vbsv2", "/v2/" + projectId),              // NewVBSV2, NewVBSServiceV2
                new Entry("identity", "keystone", "/identity/v3"));
        List<Service> services = new ArrayList<>();
        for (Entry entry : entries) {
            List<Endpoint> endpoints = INTERFACES.stream()
                    .map(facing -> new Endpoint(id(entry.type() + facing + region), facing, region, region,
                            baseUrl + entry.path()))
                    .toList();
            services.add(new Service(id(entry.type()), entry.type(), entry.name(), endpoints));
        }
        return services;
    }

    /** A stable id (Keystone's are 32 hex digits); nothing reads it, but tools print it. */
    private static String id(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
