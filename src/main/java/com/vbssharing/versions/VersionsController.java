package com.vbssharing.versions;

import com.vbssharing.observability.OperationId;
import com.vbssharing.api.Links;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * Version discovery, no token needed: what cinderclient, openstacksdk and keystoneauth read before their first
 * request. Links are absolute and keep any path prefix (an API Gateway stage), as {@link Links} builds them.
 */
@Controller
public class VersionsController {

    /** Cinder's root: 300 Multiple Choices, the v3 document. */
    @OperationId("ListApiVersions")
    @Get("/")
    public HttpResponse<VersionDocuments.VersionList> root(HttpRequest<?> request) {
        return HttpResponse.<VersionDocuments.VersionList>status(HttpStatus.MULTIPLE_CHOICES)
                .body(VersionDocuments.blockStorage(Links.baseUrl(request)));
    }

    @OperationId("GetBlockStorageV3")
    @Get("/v3")
    public VersionDocuments.VersionList blockStorage(HttpRequest<?> request) {
        return VersionDocuments.blockStorage(Links.baseUrl(request));
    }

    @OperationId("GetVbsV2")
    @Get("/v2")
    public VersionDocuments.VersionList vbs(HttpRequest<?> request) {
        return VersionDocuments.vbs(Links.baseUrl(request));
    }

    /** Keystone's root: 300, with the v3 document's address in Location. */
    @OperationId("ListIdentityVersions")
    @Get("/identity")
    public HttpResponse<VersionDocuments.IdentityVersions> identityRoot(HttpRequest<?> request) {
        VersionDocuments.IdentityVersion v3 = VersionDocuments.identity(Links.baseUrl(request));
        return HttpResponse.<VersionDocuments.IdentityVersions>status(HttpStatus.MULTIPLE_CHOICES)
                .header("Location", v3.links().get(0).href())
                .body(new VersionDocuments.IdentityVersions(new VersionDocuments.IdentityValues(java.util.List.of(v3))));
    }

    @OperationId("GetIdentityV3")
    @Get("/identity/v3")
    public VersionDocuments.IdentityVersionDocument identity(HttpRequest<?> request) {
        return new VersionDocuments.IdentityVersionDocument(VersionDocuments.identity(Links.baseUrl(request)));
    }
}
