package com.vbssharing.api;

import io.micronaut.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** The OpenStack fault body: {@code {"<name>": {"code": <status>, "message": "<text>"}}}. */
public final class Fault {

    private Fault() {
    }

    /** No answer echoes input without bound: a message is cut to this many characters (docs/reliability.md). */
    public static final int MAX_MESSAGE = 1024;

    public static Map<String, Object> body(HttpStatus status, String message) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", status.getCode());
        detail.put("message", bounded(message));
        return Map.of(name(status), detail);
    }

    /** Under this path Keystone's clients answer, and read Keystone's error shape (docs/identity.md). */
    public static final String IDENTITY_PATH = "/identity";

    /** The error body a request's clients read: Keystone's under {@link #IDENTITY_PATH}, the OpenStack fault elsewhere. */
    public static Map<String, Object> bodyFor(String path, HttpStatus status, String message) {
        return path.equals(IDENTITY_PATH) || path.startsWith(IDENTITY_PATH + "/")
                ? keystoneBody(status, message)
                : body(status, message);
    }

    /** Keystone's error body: {@code {"error": {"code": <status>, "title": "<reason>", "message": "<text>"}}}. */
    public static Map<String, Object> keystoneBody(HttpStatus status, String message) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", status.getCode());
        detail.put("title", status.getReason());
        detail.put("message", bounded(message));
        return Map.of("error", detail);
    }

    private static String bounded(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
    }

    /** The fault name OpenStack clients expect for a status (clients.md section 4). */
    public static String name(HttpStatus status) {
        return switch (status.getCode()) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 409 -> "conflictingRequest";
            case 413 -> "overLimit";
            case 415 -> "badMediaType";
            case 501 -> "notImplemented";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }
}
