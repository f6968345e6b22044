package com.vbssharing.openapi;

import com.vbssharing.deploy.ApiOperation;
import com.vbssharing.observability.OperationId;
import com.vbssharing.support.OpenApiDocument;
import com.vbssharing.support.TestApp;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document describes exactly the operations the application serves, under their operation ids. */
class OpenApiRoutesTest {

    private static final OpenAPI DOCUMENT = parse();

    @Test
    void theDocumentIsAValidOpenApiDocument() {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(OpenApiDocument.text(), null, options());
        assertEquals(java.util.List.of(), result.getMessages());
        assertTrue(DOCUMENT.getOpenapi().startsWith("3.0."), DOCUMENT.getOpenapi());
    }

    @Test
    void itsOperationsAreTheServedRoutesWithTheirOperationIds() {
        Map<String, String> served = TestApp.get().context().getBean(Router.class).uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .collect(Collectors.toMap(route -> route.getHttpMethod() + " " + route.getUriMatchTemplate(),
                        route -> route.getAnnotationMetadata().stringValue(OperationId.class).orElse("(none)"),
                        (a, b) -> a.equals(b) ? a : a + " and " + b, TreeMap::new));
        assertEquals(served, documented());
    }

    @Test
    void itsOperationIdsAreThoseOfTheOperationsTable() {
        assertEquals(Stream.of(ApiOperation.values()).map(ApiOperation::operationId).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(documented().values()));
        assertEquals(ApiOperation.values().length, documented().size());
    }

    /** HEAD is answered from the GET route (Micronaut): documented beside its GET, without an id of its own. */
    @Test
    void headIsDocumentedOnlyBesideItsGet() {
        DOCUMENT.getPaths().forEach((path, item) -> {
            if (item.getHead() != null) {
                assertNotNull(item.getGet(), "HEAD " + path + " without a GET");
                assertNull(item.getHead().getOperationId(), "HEAD " + path + " has the GET route's id");
            }
        });
    }

    private static Map<String, String> documented() {
        Map<String, String> operations = new TreeMap<>();
        DOCUMENT.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (method != PathItem.HttpMethod.HEAD) {
                operations.put(method + " " + path, idOf(operation));
            }
        }));
        return operations;
    }

    private static String idOf(Operation operation) {
        return operation.getOperationId() == null ? "(none)" : operation.getOperationId();
    }

    private static OpenAPI parse() {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(OpenApiDocument.text(), null, options());
        assertNotNull(result.getOpenAPI(), () -> "the document does not parse: " + result.getMessages());
        return result.getOpenAPI();
    }

    private static ParseOptions options() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return options;
    }
}
