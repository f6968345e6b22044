package com.vbssharing.support;

import io.micronaut.json.tree.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request-body trees built from plain Java values, as the JSON reader would produce them. */
public final class JsonTrees {

    /** Passed to {@link #with} to leave a field out. */
    public static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "<absent>";
        }
    };

    private JsonTrees() {
    }

    /** An object from alternating field names and values; a null value becomes a JSON null. */
    public static JsonNode object(Object... namesAndValues) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], node(namesAndValues[i + 1]));
        }
        return JsonNode.createObjectNode(fields);
    }

    /** The object with one field set to a value (or removed, when {@code value} is {@link #ABSENT}). */
    public static JsonNode with(JsonNode object, String name, Object value) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (var entry : object.entries()) {
            fields.put(entry.getKey(), entry.getValue());
        }
        if (value == ABSENT) {
            fields.remove(name);
        } else {
            fields.put(name, node(value));
        }
        return JsonNode.createObjectNode(fields);
    }

    public static JsonNode node(Object value) {
        if (value == null) {
            return JsonNode.nullNode();
        }
        if (value instanceof JsonNode json) {
            return json;
        }
        if (value instanceof String text) {
            return JsonNode.createStringNode(text);
        }
        if (value instanceof Boolean bool) {
            return JsonNode.createBooleanNode(bool);
        }
        if (value instanceof Integer number) {
            return JsonNode.createNumberNode(number);
        }
        if (value instanceof Long number) {
            return JsonNode.createNumberNode(number);
        }
        if (value instanceof Double number) {
            return JsonNode.createNumberNode(number);
        }
        if (value instanceof List<?> list) {
            return JsonNode.createArrayNode(list.stream().map(JsonTrees::node).toList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put((String) k, node(v)));
            return JsonNode.createObjectNode(fields);
        }
        throw new IllegalArgumentException("No JSON form for " + value.getClass());
    }
}
