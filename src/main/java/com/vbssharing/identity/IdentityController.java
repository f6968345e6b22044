package com.vbssharing.identity;

import com.vbssharing.observability.OperationId;
import com.vbssharing.api.Ids;
import com.vbssharing.api.Links;
import com.vbssharing.auth.TokenVerifier;
import com.vbssharing.auth.VerifiedToken;
import com.vbssharing.auth.AuthenticationFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.util.List;

/**
 * Keystone v3's sign-in, for the tools that start at an {@code auth_url} (docs/identity.md). This service is no
 * identity provider: tokens still come from the configured issuer. The endpoint exchanges such a token for a
 * Keystone token response whose catalog lists this deployment, and validates tokens as Keystone does. Every
 * token is checked here with the rules that guard the API ({@link TokenVerifier}), so the routes are open to
 * everyone and refuse in Keystone's error shape.
 */
@Controller("/identity/v3")
public class IdentityController {

    static final String SUBJECT_TOKEN = "X-Subject-Token";

    private final TokenVerifier verifier;
    private final IdentityConfiguration configuration;
    private final JsonMapper json;
    private final Clock clock;

    public IdentityController(TokenVerifier verifier, IdentityConfiguration configuration, JsonMapper json,
                              Clock clock) {
        this.verifier = verifier;
        this.configuration = configuration;
        this.json = json;
        this.clock = clock;
    }

    @Serdeable
    public record CatalogDocument(List<ServiceCatalog.Service> catalog, CollectionLinks links) {
    }

    @Serdeable
    public record CollectionLinks(String self, @Nullable String previous, @Nullable String next) {
    }

    @Serdeable
    public record ProjectLinks(String self) {
    }

    @Serdeable
    public record Project(String id, String name, @com.fasterxml.jackson.annotation.JsonProperty("domain_id") String domainId,
                          String description, boolean enabled,
                          @com.fasterxml.jackson.annotation.JsonProperty("is_domain") boolean isDomain,
                          @com.fasterxml.jackson.annotation.JsonProperty("parent_id") String parentId,
                          ProjectLinks links) {
    }

    @Serdeable
    public record ProjectList(List<Project> projects, CollectionLinks links) {
    }

    @Serdeable
    public record ProjectDocument(Project project) {
    }

    /** Token exchange: 201, the token in {@code X-Subject-Token}, the Keystone token body. */
    @OperationId("IssueToken")
    @Post(value = "/auth/tokens", consumes = MediaType.ALL, processes = MediaType.APPLICATION_JSON)
    public MutableHttpResponse<KeystoneToken.Envelope> issue(@Nullable @Body String body, HttpRequest<?> request) {
        TokenRequest tokenRequest = TokenRequest.parse(body, json);
        VerifiedToken token = verifier.verify(tokenRequest.token())
                .orElseThrow(() -> IdentityException.unauthorized("The request you have made requires authentication: "
                        + "the token is not valid (expired, not signed by a trusted issuer, or without sub, "
                        + "project_id or exp)."));
        TokenRequest.Scope scope = tokenRequest.scope();
        if (scope instanceof TokenRequest.Scope.ProjectById byId) {
            requireOwnProject(token, byId.id());
        } else if (scope instanceof TokenRequest.Scope.ProjectByName byName) {
            requireOwnProject(token, byName.name());
        }
        boolean projectScoped = !(scope instanceof TokenRequest.Scope.Unscoped);
        return HttpResponse.status(HttpStatus.CREATED)
                .header(SUBJECT_TOKEN, token.token())
                .body(envelope(token, projectScoped, request));
    }

    /**
     * Validates {@code X-Subject-Token} for the caller of {@code X-Auth-Token}: 200 with the token, as Keystone.
     * {@code HEAD} (check) is this answer without its body: Micronaut answers it from this route.
     */
    @OperationId("ValidateToken")
    @Get("/auth/tokens")
    public MutableHttpResponse<KeystoneToken.Envelope> validate(HttpRequest<?> request) {
        VerifiedToken subject = subject(request);
        return HttpResponse.ok(envelope(subject, true, request)).header(SUBJECT_TOKEN, subject.token());
    }

    @OperationId("GetCatalog")
    @Get("/auth/catalog")
    public CatalogDocument catalog(HttpRequest<?> request) {
        VerifiedToken caller = caller(request);
        String base = Links.baseUrl(request);
        return new CatalogDocument(ServiceCatalog.of(base, caller.projectId(), configuration.getRegion()),
                new CollectionLinks(base + "/identity/v3/auth/catalog", null, null));
    }

    /** The projects the token may be scoped to: its own. */
    @OperationId("ListProjects")
    @Get("/auth/projects")
    public ProjectList projects(HttpRequest<?> request) {
        VerifiedToken caller = caller(request);
        String base = Links.baseUrl(request);
        return new ProjectList(List.of(project(base, caller.projectId())),
                new CollectionLinks(base + "/identity/v3/auth/projects", null, null));
    }

    @OperationId("GetProject")
    @Get("/projects/{id}")
    public ProjectDocument project(@PathVariable("id") String id, HttpRequest<?> request) {
        VerifiedToken caller = caller(request);
        if (!caller.projectId().equals(id)) {
            throw IdentityException.forbidden("You are not authorized to perform the requested action: "
                    + "identity:get_project (a token shows its own project only).");
        }
        return new ProjectDocument(project(Links.baseUrl(request), id));
    }

    private KeystoneToken.Envelope envelope(VerifiedToken token, boolean projectScoped, HttpRequest<?> request) {
        List<ServiceCatalog.Service> catalog = !projectScoped || request.getParameters().contains("nocatalog")
                ? null
                : ServiceCatalog.of(Links.baseUrl(request), token.projectId(), configuration.getRegion());
        return KeystoneToken.of(token, projectScoped, catalog, clock);
    }

    /** A name is an id here: a project's name is its id. */
    private static void requireOwnProject(VerifiedToken token, String project) {
        if (!token.projectId().equals(project)) {
            throw IdentityException.unauthorized("The token does not grant project " + Ids.abbreviated(project)
                    + ": a token of this service grants its project_id claim, " + token.projectId() + ", only.");
        }
    }

    private VerifiedToken caller(HttpRequest<?> request) {
        return verifier.verify(request.getHeaders().get(AuthenticationFilter.X_AUTH_TOKEN))
                .orElseThrow(() -> IdentityException.unauthorized(
                        "The request you have made requires authentication: send a valid token in X-Auth-Token."));
    }

    private VerifiedToken subject(HttpRequest<?> request) {
        caller(request);
        String subject = request.getHeaders().get(SUBJECT_TOKEN);
        if (subject == null || subject.isBlank()) {
            throw IdentityException.badRequest("Expecting to find X-Subject-Token in the request headers.");
        }
        return verifier.verify(subject).orElseThrow(() -> IdentityException.notFound(
                "Could not find token: " + Ids.abbreviated(subject) + "."));
    }

    private static Project project(String baseUrl, String id) {
        return new Project(id, id, "default", "", true, false, "default",
                new ProjectLinks(baseUrl + "/identity/v3/projects/" + id));
    }
}
