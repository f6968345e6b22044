package com.vbssharing.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class RequestHeadersUnitTest {

    @Test
    void readsTheRequestsHeadersOnceAndAnswersLaterReadsFromThem() {
        CountingRequest request = new CountingRequest(HttpRequest.GET("/v2/p/backups")
                .header("X-Auth-Token", "t").header(HttpHeaders.CONTENT_TYPE, "application/json"));

        assertEquals("t", RequestHeaders.get(request, "x-auth-token"));
        assertEquals("application/json", RequestHeaders.get(request, HttpHeaders.CONTENT_TYPE));
        assertNull(RequestHeaders.get(request, HttpHeaders.AUTHORIZATION));
        assertSame(RequestHeaders.of(request), RequestHeaders.of(request));

        assertEquals(1, request.headerReads, "getHeaders() calls");
    }

    @Test
    void eachRequestHasItsOwn() {
        assertEquals("a", RequestHeaders.get(HttpRequest.GET("/").header("X-Auth-Token", "a"), "X-Auth-Token"));
        assertEquals("b", RequestHeaders.get(HttpRequest.GET("/").header("X-Auth-Token", "b"), "X-Auth-Token"));
    }

    /** As Micronaut's API Gateway request, whose every {@code getHeaders()} builds them anew. */
    private static final class CountingRequest extends HttpRequestWrapper<Object> {
        int headerReads;

        CountingRequest(HttpRequest<Object> delegate) {
            super(delegate);
        }

        @Override
        public HttpHeaders getHeaders() {
            headerReads++;
            return super.getHeaders();
        }
    }
}
