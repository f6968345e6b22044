package com.vbssharing.api;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Strict reading of request bodies: the envelope object must be there, every field must have the JSON
 * type the API gives it, and unknown fields are refused. Every message names the field.
 */
@Singleton
public class JsonBodies {

    private final JsonMapper jsonMapper;

    public JsonBodies(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** The object under {@code envelope} in a body such as {@code {"backup": {...}}}. */
    public JsonNode envelope(String body, String envelope, Set<String> allowedFields) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("The request body is empty: send {\"" + envelope + "\": {...}}.");
        }
        JsonNode root;
        try {
            root = jsonMapper.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new BadRequestException("The request body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException("The request body must be a JSON object {\"" + envelope + "\": {...}}.");
        }
        JsonNode inner = root.get(envelope);
        if (inner == null || !inner.isObject()) {
            throw new BadRequestException("The request body must contain the object '" + envelope + "'.");
        }
        rejectUnknown(root, Set.of(envelope), "");
        rejectUnknown(inner, allowedFields, envelope + ".");
        return inner;
    }

    private static void rejectUnknown(JsonNode object, Set<String> allowed, String prefix) {
        for (var entry : object.entries()) {
            if (!allowed.contains(entry.getKey())) {
                throw new BadRequestException("Unknown field '" + prefix + entry.getKey() + "'.");
            }
        }
    }

    /** A string field; null or absent gives null. */
    public static String optionalString(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new BadRequestException("Field '" + field + "' must be a string.");
        }
        return value.getStringValue();
    }

    public static String requiredString(JsonNode object, String field) {
        String value = optionalString(object, field);
        if (value == null) {
            throw new BadRequestException("Field '" + field + "' is required.");
        }
        return value;
    }

    public static String requiredUuid(JsonNode object, String field) {
        String value = requiredString(object, field);
        if (!Ids.isUuid(value)) {
            throw new BadRequestException("Field '" + field + "' must be a UUID, got '" + value + "'.");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    /** A boolean field; null or absent gives false. */
    public static boolean optionalBoolean(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new BadRequestException("Field '" + field + "' must be a boolean (true or false).");
        }
        return value.getBooleanValue();
    }

    public static List<String> requiredStringList(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new BadRequestException("Field '" + field + "' is required.");
        }
        if (!value.isArray()) {
            throw new BadRequestException("Field '" + field + "' must be a list of strings.");
        }
        List<String> values = new ArrayList<>(value.size());
        for (JsonNode element : value.values()) {
            if (!element.isString()) {
                throw new BadRequestException("Field '" + field + "' must be a list of strings.");
            }
            values.add(element.getStringValue());
        }
        return values;
    }
}
