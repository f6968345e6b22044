package com.vbssharing.backup;

import com.vbssharing.api.BadRequestException;
import com.vbssharing.api.JsonBodies;
import io.micronaut.json.tree.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules for a backup's writable fields, shared by create and update. */
final class BackupFields {

    /** The VBS rule: 1–64 letters, digits, '_' and '-' (and not starting with "auto", checked apart). */
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    private static final int MAX_DESCRIPTION = 255;
    /**
     * Cinder's metadata keys ({@code ^[a-zA-Z0-9-_:. /]{1,255}$}, where Python reads {@code 9-_} as the range
     * from '9' to '_', so also {@code ; < = > ? @ [ \ ] ^}); values are strings of at most 255 characters.
     */
    private static final Pattern METADATA_KEY = Pattern.compile("^[a-zA-Z0-9:;<=>?@\\[\\\\\\]^_. /-]{1,255}$");
    private static final int MAX_METADATA_VALUE = 255;
    /** Cinder sets no count; one item holds a backup, so this service does (docs/decisions.md). */
    static final int MAX_METADATA_ENTRIES = 50;

    private BackupFields() {
    }

    static String name(JsonNode object) {
        String name = JsonBodies.optionalString(object, "name");
        if (name == null) {
            return null;
        }
        if (!NAME.matcher(name).matches()) {
            throw new BadRequestException("Field 'name' must be 1 to 64 letters, digits, '_' or '-', got '"
                    + abbreviated(name) + "'.");
        }
        if (name.startsWith("auto")) {
            throw new BadRequestException("Field 'name' must not start with 'auto', got '" + name + "'.");
        }
        return name;
    }

    static String description(JsonNode object) {
        String description = JsonBodies.optionalString(object, "description");
        if (description == null) {
            return null;
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new BadRequestException("Field 'description' must be at most 255 characters, got "
                    + description.length() + ".");
        }
        if (description.indexOf('<') >= 0 || description.indexOf('>') >= 0) {
            throw new BadRequestException("Field 'description' must not contain '<' or '>'.");
        }
        return description;
    }

    /** A metadata object (null or absent: none); every key and value held to Cinder's limits. */
    static Map<String, String> metadata(JsonNode object) {
        JsonNode metadata = object.get("metadata");
        if (metadata == null || metadata.isNull()) {
            return Map.of();
        }
        if (!metadata.isObject()) {
            throw new BadRequestException("Field 'metadata' must be an object of strings.");
        }
        if (metadata.size() > MAX_METADATA_ENTRIES) {
            throw new BadRequestException("Field 'metadata' may hold at most " + MAX_METADATA_ENTRIES
                    + " entries, got " + metadata.size() + ".");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var entry : metadata.entries()) {
            String key = entry.getKey();
            if (!METADATA_KEY.matcher(key).matches()) {
                throw new BadRequestException("Invalid metadata key '" + abbreviated(key) + "': 1 to 255 letters, "
                        + "digits or any of - _ : . / space ; < = > ? @ [ \\ ] ^.");
            }
            JsonNode value = entry.getValue();
            if (!value.isString()) {
                throw new BadRequestException("Metadata value of '" + abbreviated(key) + "' must be a string.");
            }
            if (value.getStringValue().length() > MAX_METADATA_VALUE) {
                throw new BadRequestException("Metadata value of '" + abbreviated(key)
                        + "' must be at most 255 characters, got " + value.getStringValue().length() + ".");
            }
            values.put(key, value.getStringValue());
        }
        return values;
    }

    static String abbreviated(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
