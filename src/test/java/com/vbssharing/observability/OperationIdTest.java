package com.vbssharing.observability;

import com.vbssharing.deploy.ApiOperation;
import com.vbssharing.support.TestApp;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every route is named, once, with the name the operations table (and so the OpenAPI document) gives it. */
class OperationIdTest {

    @Test
    void everyRouteCarriesTheOperationIdOfItsOperation() {
        Map<String, String> served = TestApp.get().context().getBean(Router.class).uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .collect(Collectors.toMap(OperationIdTest::route,
                        route -> route.getAnnotationMetadata().stringValue(OperationId.class).orElse("(none)"),
                        // Micronaut lists some routes twice (with and without a trailing slash); both must agree.
                        (a, b) -> a.equals(b) ? a : a + " and " + b, TreeMap::new));
        Map<String, String> expected = Stream.of(ApiOperation.values())
                .collect(Collectors.toMap(op -> op.method() + " " + op.path(), ApiOperation::operationId,
                        (a, b) -> a + " and " + b, TreeMap::new));
        assertEquals(expected, served);
        assertEquals(expected.size(), Stream.of(ApiOperation.values()).map(ApiOperation::operationId).distinct().count(),
                "operation ids are unique");
    }

    private static String route(UriRouteInfo<?, ?> route) {
        return route.getHttpMethod() + " " + route.getUriMatchTemplate();
    }
}
