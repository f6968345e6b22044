package com.vbssharing.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.vbssharing.api.JsonBodies;
import com.vbssharing.api.Link;
import com.vbssharing.api.Links;
import com.vbssharing.api.QueryParameters;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;
import java.util.function.BiFunction;

/** The native OpenStack v3 backups API: create, show, list (summary and detail), delete. */
@Controller("/v3/{project_id}/backups")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
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

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Listing(List<?> backups, @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> backupsLinks) {
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<SummaryEnvelope> create(@PathVariable("project_id") String projectId,
                                                @Nullable @Body String body, HttpRequest<?> request) {
        NewBackup newBackup = NewBackup.from(jsonBodies.envelope(body, "backup", NewBackup.FIELDS), projectId);
        Backup backup = service.create(projectId, newBackup);
        return HttpResponse.accepted()
                .body(new SummaryEnvelope(BackupView.summary(backup, links(Links.baseUrl(request), backup))));
    }

    @Get("/{backup_id}")
    public DetailEnvelope show(@PathVariable("project_id") String projectId,
                               @PathVariable("backup_id") String backupId, HttpRequest<?> request) {
        Backup backup = service.get(projectId, backupId);
        return new DetailEnvelope(BackupView.detail(backup, links(Links.baseUrl(request), backup)));
    }

    @Get
    public Listing list(@PathVariable("project_id") String projectId, HttpRequest<?> request) {
        return listing(projectId, request, BackupView::summary);
    }

    @Get("/detail")
    public Listing detail(@PathVariable("project_id") String projectId, HttpRequest<?> request) {
        return listing(projectId, request, BackupView::detail);
    }

    @Delete("/{backup_id}")
    public HttpResponse<Void> delete(@PathVariable("project_id") String projectId,
                                     @PathVariable("backup_id") String backupId) {
        service.delete(projectId, backupId);
        return HttpResponse.accepted();
    }

    private Listing listing(String projectId, HttpRequest<?> request, BiFunction<Backup, List<Link>, ?> view) {
        BackupListQuery query = BackupListQuery.from(new QueryParameters(request.getParameters()));
        List<Backup> page = service.list(projectId, query);
        String baseUrl = Links.baseUrl(request);
        List<?> items = page.stream().map(backup -> view.apply(backup, links(baseUrl, backup))).toList();
        List<Link> next = query.page().isFull(page.size())
                ? Links.next(request, page.get(page.size() - 1).id())
                : null;
        return new Listing(items, next);
    }

    private static List<Link> links(String baseUrl, Backup backup) {
        return Links.selfAndBookmark(baseUrl, "v3", backup.projectId(), "backups", backup.id());
    }
}
