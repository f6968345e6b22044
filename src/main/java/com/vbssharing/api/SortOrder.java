package com.vbssharing.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A list of (key, direction) pairs parsed from {@code sort=key:dir[,key:dir]} or the older
 * {@code sort_key}/{@code sort_dir}. Giving both styles, an unknown key or an unknown direction is a 400.
 */
public record SortOrder(List<Key> keys) {

    public record Key(String name, boolean ascending) {
    }

    public static final String DEFAULT_KEY = "created_at";

    public static SortOrder parse(QueryParameters query, Set<String> allowedKeys, boolean allowCombinedStyle) {
        boolean combined = allowCombinedStyle && query.has("sort");
        boolean separate = query.has("sort_key") || query.has("sort_dir");
        if (combined && separate) {
            throw new BadRequestException("Use either sort or sort_key/sort_dir, not both.");
        }
        List<Key> keys = combined
                ? parseCombined(query.raw().get("sort"), allowedKeys)
                : parseSeparate(query.raw().get("sort_key"), query.raw().get("sort_dir"), allowedKeys);
        return new SortOrder(List.copyOf(keys));
    }

    /** The default order: newest first. */
    public static SortOrder byDefault() {
        return new SortOrder(List.of(new Key(DEFAULT_KEY, false)));
    }

    public Key primary() {
        return keys.get(0);
    }

    public boolean isDefault() {
        return keys.size() == 1 && keys.get(0).name().equals(DEFAULT_KEY) && !keys.get(0).ascending();
    }

    private static List<Key> parseCombined(String sort, Set<String> allowedKeys) {
        List<Key> keys = new ArrayList<>();
        for (String part : sort.split(",", -1)) {
            String[] keyAndDir = part.trim().split(":", -1);
            if (keyAndDir.length > 2) {
                throw new BadRequestException("Invalid sort '" + sort + "': use key:dir[,key:dir].");
            }
            keys.add(key(keyAndDir[0], keyAndDir.length == 2 ? keyAndDir[1] : null, allowedKeys));
        }
        return keys;
    }

    private static List<Key> parseSeparate(String sortKey, String sortDir, Set<String> allowedKeys) {
        String[] names = sortKey == null ? new String[]{DEFAULT_KEY} : sortKey.split(",", -1);
        String[] dirs = sortDir == null ? new String[0] : sortDir.split(",", -1);
        if (dirs.length > names.length) {
            throw new BadRequestException("Invalid sort_dir '" + sortDir + "': more directions than sort keys.");
        }
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            keys.add(key(names[i], i < dirs.length ? dirs[i] : null, allowedKeys));
        }
        return keys;
    }

    private static Key key(String name, String dir, Set<String> allowedKeys) {
        String trimmed = name.trim();
        if (!allowedKeys.contains(trimmed)) {
            throw new BadRequestException("Invalid sort key '" + trimmed + "': use one of "
                    + String.join(", ", allowedKeys.stream().sorted().toList()) + ".");
        }
        if (dir == null || dir.isBlank()) {
            return new Key(trimmed, false);
        }
        return switch (dir.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "asc" -> new Key(trimmed, true);
            case "desc" -> new Key(trimmed, false);
            default -> throw new BadRequestException("Invalid sort direction '" + dir.trim() + "': use asc or desc.");
        };
    }
}
