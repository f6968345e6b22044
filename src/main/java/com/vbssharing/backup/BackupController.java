package com.vbssharing.backup;

import com.vbssharing.observability.OperationId;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.vbssharing.api.JsonBodies;
import com.vbssharing.api.Link;
import com.vbssharing.api.Links;
import com.vbssharing.api.NotFoundException;
import com.vbssharing.api.QueryParameters;
import com.vbssharing.versions.ApiVersion;
import com.vbssharing.versions.BackupFeature;
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
import io.micronaut.http.annotation.Put;
import com.vbssharing.auth.Authenticated;
import com.vbssharing.auth.Caller;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;
import java.util.function.Function;

/**
 * The Block Storage v3 backups API: create, show, update (3.9), list (summary and detail), delete. Each answer
 * has the shape of the microversion the request negotiated ({@link ApiVersion}).
 */
@Controller("/v3/{project_id}/backups")
@Authenticated
public class BackupController {

    private final BackupService service;
    private final JsonBodies jsonBodies;

    public BackupController(BackupService service, JsonBodies jsonBodies) {
        this.service = service;
        this.jsonBodies = jsonBodies;
    }

    @Serdeable
    public record SummaryEnvelope(BackupView.Summary backup) {
    }

    @Serdeable
    public record DetailEnvelope(BackupView.Detail backup) {
    }

    /** {@code backups_links} only when a page is full, {@code count} only when asked for (3.45). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Listing(List<?> backups, @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> backupsLinks,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer count) {
    }

    @OperationId("CreateBackup")
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<SummaryEnvelope> create(@PathVariable("project_id") String projectId,
                                                @Nullable @Body String body, ApiVersion version,
                                                Caller caller, HttpRequest<?> request) {
        NewBackup newBackup = NewBackup.from(jsonBodies.envelope(body, "backup", NewBackup.fields(version)), projectId);
        Backup backup = service.create(projectId, caller.subject(), newBackup);
        return HttpResponse.accepted()
                .body(new SummaryEnvelope(BackupView.summary(backup, links(Links.baseUrl(request), backup))));
    }

    @OperationId("GetBackup")
    @Get("/{backup_id}")
    public DetailEnvelope show(@PathVariable("project_id") String projectId,
                               @PathVariable("backup_id") String backupId, ApiVersion version, HttpRequest<?> request) {
        Backup backup = service.get(projectId, backupId);
        return new DetailEnvelope(BackupView.detail(backup, links(Links.baseUrl(request), backup), version));
    }

    /** 3.9: name and description (3.43: metadata); 200 with the summary, as Cinder answers. */
    @OperationId("UpdateBackup")
    @Put("/{backup_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SummaryEnvelope update(@PathVariable("project_id") String projectId,
                                  @PathVariable("backup_id") String backupId, @Nullable @Body String body,
                                  ApiVersion version, HttpRequest<?> request) {
        if (!version.supports(BackupFeature.UPDATE)) {
            throw new NotFoundException("The resource could not be found: updating a backup needs microversion "
                    + BackupFeature.UPDATE.since() + " or later.");
        }
        BackupChanges changes = BackupChanges.from(jsonBodies.envelope(body, "backup", BackupChanges.fields(version)));
        Backup backup = service.update(projectId, backupId, changes);
        return new SummaryEnvelope(BackupView.summary(backup, links(Links.baseUrl(request), backup)));
    }

    @OperationId("ListBackups")
    @Get
    public Listing list(@PathVariable("project_id") String projectId, ApiVersion version, HttpRequest<?> request) {
        return listing(projectId, request, version, null);
    }

    @OperationId("ListBackupsDetail")
    @Get("/detail")
    public Listing detail(@PathVariable("project_id") String projectId, ApiVersion version, HttpRequest<?> request) {
        return listing(projectId, request, version, version);
    }

    @OperationId("DeleteBackup")
    @Delete("/{backup_id}")
    public HttpResponse<Void> delete(@PathVariable("project_id") String projectId,
                                     @PathVariable("backup_id") String backupId) {
        service.delete(projectId, backupId);
        return HttpResponse.accepted();
    }

    /** The summary list when {@code detailAt} is null, else the detail list at that version. */
    private Listing listing(String projectId, HttpRequest<?> request, ApiVersion version, ApiVersion detailAt) {
        BackupListQuery query = BackupListQuery.from(new QueryParameters(request.getParameters()), version);
        BackupPage page = service.list(projectId, query);
        String baseUrl = Links.baseUrl(request);
        Function<Backup, Object> view = detailAt == null
                ? backup -> BackupView.summary(backup, links(baseUrl, backup))
                : backup -> BackupView.detail(backup, links(baseUrl, backup), detailAt);
        List<Backup> backups = page.backups();
        List<Link> next = query.page().isFull(backups.size())
                ? Links.next(request, backups.get(backups.size() - 1).id())
                : null;
        return new Listing(backups.stream().map(view).toList(), next,
                page.count().isPresent() ? page.count().getAsInt() : null);
    }

    private static List<Link> links(String baseUrl, Backup backup) {
        return Links.selfAndBookmark(baseUrl, "v3", backup.projectId(), "backups", backup.id());
    }
}
