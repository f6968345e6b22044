package com.vbssharing.openapi;

import com.vbssharing.clients.LocalRun;
import com.vbssharing.support.OpenApiDocument;
import com.vbssharing.support.TestApp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local run, started as README starts it, serves the document and a page to browse it, without a token. */
class OpenApiLocalRunTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void theLocalRunServesTheDocument() throws Exception {
        HttpResponse<String> response = get(LocalRun.get().baseUrl() + "/openapi.yml");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"),
                response.headers().map().toString());
        assertEquals(OpenApiDocument.text(), response.body());
    }

    @Test
    void theLocalRunServesAPageToBrowseIt() throws Exception {
        String base = LocalRun.get().baseUrl();
        HttpResponse<String> page = get(base + "/openapi");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("SwaggerUIBundle({url: \"openapi.yml\""), page.body());
        for (String asset : new String[]{"swagger-ui-bundle.js", "swagger-ui.css"}) {
            HttpResponse<String> served = get(base + "/openapi/" + asset);
            assertEquals(200, served.statusCode(), asset);
            assertTrue(served.body().length() > 10_000, asset);
        }
        assertEquals(404, get(base + "/openapi/pom.properties").statusCode());
    }

    /** The test application runs without the local environment, as Lambda does: no document there. */
    @Test
    void onlyTheLocalRunServesIt() throws Exception {
        assertEquals(404, get(TestApp.get().baseUrl() + "/openapi.yml").statusCode());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
