package com.vbssharing.backup;

import com.vbssharing.observability.OperationId;
import com.vbssharing.api.NotFoundException;
import com.vbssharing.versions.ApiVersion;
import com.vbssharing.versions.BackupFeature;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import com.vbssharing.auth.Authenticated;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;

/**
 * 3.33: the filters a listing accepts, by resource. This service lists backups only; each filter also matches a
 * part of the value as {@code <name>~} from 3.34 on.
 */
@Controller("/v3/{project_id}/resource_filters")
@Authenticated
public class ResourceFiltersController {

    static final String BACKUP = "backup";

    @Serdeable
    public record ResourceFilters(String resource, List<String> filters) {
    }

    @Serdeable
    public record Listing(@com.fasterxml.jackson.annotation.JsonProperty("resource_filters") List<ResourceFilters> resourceFilters) {
    }

    @OperationId("ListResourceFilters")
    @Get
    public Listing list(@PathVariable("project_id") String projectId, @Nullable @QueryValue String resource,
                        ApiVersion version) {
        if (!version.supports(BackupFeature.RESOURCE_FILTERS)) {
            throw new NotFoundException("The resource could not be found: resource filters need microversion "
                    + BackupFeature.RESOURCE_FILTERS.since() + " or later.");
        }
        if (resource != null && !resource.equals(BACKUP)) {
            return new Listing(List.of());
        }
        List<String> filters = new ArrayList<>();
        for (String name : BackupListQuery.FILTERS.keySet().stream().sorted().toList()) {
            filters.add(name);
            if (version.supports(BackupFeature.LIKE_FILTERS)) {
                filters.add(name + "~");
            }
        }
        return new Listing(List.of(new ResourceFilters(BACKUP, filters)));
    }
}
