package com.vbssharing.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The local run's OpenAPI document ({@code /openapi.yml}) and a Swagger UI page to browse it ({@code /openapi}), from
 * the swagger-ui webjar (a provided-scope dependency, like the rest of the local run: neither ships to Lambda). Not
 * {@code @Authenticated}: no token needed.
 */
@Controller
@Requires(env = "local")
public class OpenApiController {

    static final String DOCUMENT = "openapi/vbs-sharing.yml";
    static final String YAML = "application/yaml";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    /** The only webjar files the page loads; nothing else of the classpath is served. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "text/javascript",
            "favicon-32x32.png", "image/png");
    // Relative URLs: the page works under any path prefix.
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="UTF-8">
              <title>vbs-sharing API</title>
              <link rel="stylesheet" href="openapi/swagger-ui.css">
              <link rel="icon" type="image/png" href="openapi/favicon-32x32.png">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="openapi/swagger-ui-bundle.js"></script>
              <script>
                window.ui = SwaggerUIBundle({url: "openapi.yml", dom_id: "#swagger-ui"});
              </script>
            </body>
            </html>
            """;

    private final byte[] document;
    private final String webjarRoot;

    public OpenApiController() {
        document = read(DOCUMENT);
        Properties webjar = new Properties();
        try (InputStream in = resource(WEBJAR_VERSION)) {
            webjar.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        webjarRoot = WEBJAR + webjar.getProperty("version") + "/";
    }

    @Get(value = "/openapi.yml", produces = YAML)
    public HttpResponse<byte[]> document() {
        return HttpResponse.ok(document).contentType(YAML);
    }

    @Get(value = "/openapi", produces = MediaType.TEXT_HTML)
    public String page() {
        return PAGE;
    }

    @Get("/openapi/{asset}")
    public HttpResponse<byte[]> asset(@PathVariable("asset") String asset) {
        String contentType = ASSETS.get(asset);
        if (contentType == null) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(read(webjarRoot + asset)).contentType(contentType);
    }

    private static byte[] read(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the local run's classpath");
        }
        return in;
    }
}
