package com.vbssharing.sharing;

import com.vbssharing.observability.OperationId;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.vbssharing.api.JsonBodies;
import com.vbssharing.api.Link;
import com.vbssharing.api.Links;
import com.vbssharing.api.QueryParameters;
import com.vbssharing.backup.BackupView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import com.vbssharing.auth.Authenticated;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** The VBS backup-sharing API: create, query, count, get and delete shares. */
@Controller("/v2/{project_id}/os-vendor-backup-sharing")
@Authenticated
public class ShareController {

    private final ShareService service;
    private final JsonBodies jsonBodies;

    public ShareController(ShareService service, JsonBodies jsonBodies) {
        this.service = service;
        this.jsonBodies = jsonBodies;
    }

    @Serdeable
    public record Created(List<ShareView.Plain> shared) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Listing(List<ShareView.WithBackup> shared,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> sharedLinks) {
    }

    @Serdeable
    public record One(ShareView.WithBackup shared) {
    }

    @Serdeable
    public record Count(int count) {
    }

    @OperationId("CreateShares")
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public Created create(@PathVariable("project_id") String projectId, @Nullable @Body String body) {
        NewShares request = NewShares.from(jsonBodies.envelope(body, "shared", NewShares.FIELDS), projectId);
        return new Created(service.create(projectId, request).stream().map(ShareView::plain).toList());
    }

    @OperationId("QueryShares")
    @Get("/detail")
    public Listing detail(@PathVariable("project_id") String projectId, HttpRequest<?> request) {
        ShareListQuery query = ShareListQuery.from(new QueryParameters(request.getParameters()));
        List<SharedBackup> page = service.list(projectId, query);
        String baseUrl = Links.baseUrl(request);
        List<ShareView.WithBackup> items = page.stream().map(shared -> view(shared, baseUrl)).toList();
        List<Link> next = query.page().isFull(page.size())
                ? Links.next(request, page.get(page.size() - 1).share().id())
                : null;
        return new Listing(items, next);
    }

    @OperationId("CountShares")
    @Get("/count")
    public Count count(@PathVariable("project_id") String projectId, HttpRequest<?> request) {
        return new Count(service.count(projectId, ShareListQuery.from(new QueryParameters(request.getParameters()))));
    }

    @OperationId("GetShare")
    @Get("/{id}")
    public One show(@PathVariable("project_id") String projectId, @PathVariable("id") String shareId,
                    HttpRequest<?> request) {
        return new One(view(service.get(projectId, shareId), Links.baseUrl(request)));
    }

    @OperationId("DeleteShares")
    @Delete("/{id}")
    public HttpResponse<Void> delete(@PathVariable("project_id") String projectId, @PathVariable("id") String id,
                                     HttpRequest<?> request) {
        boolean byBackupId = new QueryParameters(request.getParameters()).bool("is_backup_id");
        service.delete(projectId, id, byBackupId);
        return HttpResponse.ok();
    }

    private static ShareView.WithBackup view(SharedBackup shared, String baseUrl) {
        var backup = shared.backup();
        List<Link> links = Links.selfAndBookmark(baseUrl, "v3", backup.projectId(), "backups", backup.id());
        return ShareView.withBackup(shared.share(), BackupView.detail(backup, links));
    }
}
