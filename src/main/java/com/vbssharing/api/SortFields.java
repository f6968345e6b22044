package com.vbssharing.api;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The sortable fields of one resource, and the comparator a {@link SortOrder} asks for.
 * Every order ends with the id, so equal sort values still have one stable order across pages.
 */
public final class SortFields<T> {

    private final Map<String, Function<T, ? extends Comparable<?>>> fields = new LinkedHashMap<>();
    private final Function<T, String> id;

    public SortFields(Function<T, String> id) {
        this.id = id;
    }

    public SortFields<T> with(String name, Function<T, ? extends Comparable<?>> extractor) {
        fields.put(name, extractor);
        return this;
    }

    public Set<String> names() {
        return fields.keySet();
    }

    public Comparator<T> comparator(SortOrder order) {
        Comparator<T> result = null;
        boolean lastAscending = false;
        boolean hasId = false;
        for (SortOrder.Key key : order.keys()) {
            Comparator<T> next = field(key.name());
            next = key.ascending() ? next : next.reversed();
            result = result == null ? next : result.thenComparing(next);
            lastAscending = key.ascending();
            hasId |= key.name().equals("id");
        }
        if (!hasId) {
            Comparator<T> byId = Comparator.comparing(id);
            result = result.thenComparing(lastAscending ? byId : byId.reversed());
        }
        return result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparator<T> field(String name) {
        Function<T, Comparable> extractor = (Function) fields.get(name);
        return Comparator.comparing(extractor, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}
