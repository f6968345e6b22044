package com.vbssharing.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.util.Locale;

/**
 * Holds a response to the OpenAPI document ({@link OpenApiDocument}): its status must be one the
 * operation declares, its body must match that status's schema and content type, and the headers declared required
 * must be there. Every contract test's response goes through here ({@link Api#call}). A request whose path or method
 * the document does not name is the router's 404 or 405, not an operation of the API: it is not checked.
 */
public final class OpenApiValidation {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(OpenApiDocument.text())
            // The servers' URLs (local run, API Gateway stage) are not part of the paths the tests call.
            .withBasePathOverride("/")
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                    .build())
            .build();


    private OpenApiValidation() {
    }

    /** What the document says about this response; empty when it conforms or the path is no operation's. */
    public static ValidationReport validate(String method, String pathAndQuery, Api.Response response) {
        Request.Method operationMethod;
        try {
            operationMethod = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknownMethod) {
            return ValidationReport.empty();
        }
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        SimpleResponse.Builder built = SimpleResponse.Builder.status(response.status());
        response.headers().forEach(built::withHeader);
        if (response.body() != null && !response.body().isEmpty()) {
            built.withBody(response.body());
        }
        return VALIDATOR.validateResponse(path, operationMethod, built.build());
    }

    /** Fails the calling test when the response does not conform. */
    public static void assertConforms(String method, String pathAndQuery, Api.Response response) {
        ValidationReport report = validate(method, pathAndQuery, response);
        if (report.hasErrors()) {
            throw new AssertionError("The response to " + method + " " + pathAndQuery
                    + " does not match the OpenAPI document: " + report.getMessages() + "\nresponse: " + response
                    + "\nheaders: " + response.headers());
        }
    }
}
