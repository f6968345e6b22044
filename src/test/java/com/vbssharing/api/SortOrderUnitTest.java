package com.vbssharing.api;

import com.vbssharing.api.SortOrder.Key;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static com.vbssharing.support.QueryStrings.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SortOrderUnitTest {

    private static final Set<String> KEYS = Set.of("created_at", "name", "size", "id");

    private static List<Key> keys(String queryString) {
        return SortOrder.parse(query(queryString), KEYS, true).keys();
    }

    private static BadRequestException rejected(String queryString) {
        return assertThrows(BadRequestException.class, () -> SortOrder.parse(query(queryString), KEYS, true));
    }

    @Test
    void defaultsToCreatedAtDescending() {
        SortOrder order = SortOrder.parse(query(""), KEYS, true);

        assertEquals(List.of(new Key("created_at", false)), order.keys());
        assertTrue(order.isDefault());
    }

    @Test
    void explicitCreatedAtAscendingIsNotTheDefault() {
        assertFalse(SortOrder.parse(query("sort=created_at:asc"), KEYS, true).isDefault());
    }

    @Test
    void parsesCombinedStyleWithSeveralKeys() {
        assertEquals(List.of(new Key("name", true), new Key("size", false)), keys("sort=name:asc,size:desc"));
    }

    @Test
    void combinedKeyWithoutDirectionIsDescending() {
        assertEquals(List.of(new Key("name", false), new Key("id", true)), keys("sort=name,id:asc"));
    }

    @Test
    void combinedStyleTrimsSpacesAndIgnoresDirectionCase() {
        assertEquals(List.of(new Key("name", true), new Key("size", false)), keys("sort=%20name:ASC,%20size:Desc"));
    }

    @Test
    void parsesSeparateStyle() {
        SortOrder order = SortOrder.parse(query("sort_key=name&sort_dir=asc"), KEYS, true);

        assertEquals(List.of(new Key("name", true)), order.keys());
        assertEquals(new Key("name", true), order.primary());
    }

    @Test
    void parsesCommaListsInSeparateStyle() {
        assertEquals(List.of(new Key("name", true), new Key("size", false)),
                keys("sort_key=name,size&sort_dir=asc,desc"));
    }

    @Test
    void separateKeysWithoutMatchingDirectionAreDescending() {
        assertEquals(List.of(new Key("name", true), new Key("size", false)), keys("sort_key=name,size&sort_dir=asc"));
    }

    @Test
    void sortDirAloneAppliesToCreatedAt() {
        assertEquals(List.of(new Key("created_at", true)), keys("sort_dir=asc"));
    }

    @Test
    void moreDirectionsThanKeysIsRejected() {
        assertTrue(rejected("sort_key=name&sort_dir=asc,desc").getMessage().contains("asc,desc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sort=name:asc&sort_key=size", "sort=name&sort_dir=asc", "sort=name&sort_key=name&sort_dir=asc"})
    void bothStylesAtOnceAreRejected(String queryString) {
        assertEquals("Use either sort or sort_key/sort_dir, not both.", rejected(queryString).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sort=colour:asc", "sort=name:asc,colour", "sort_key=colour", "sort_key=name,colour&sort_dir=asc"})
    void unknownKeyIsRejectedAndNamed(String queryString) {
        String message = rejected(queryString).getMessage();

        assertTrue(message.contains("'colour'"), message);
        assertTrue(message.contains("created_at, id, name, size"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sort=name:sideways", "sort_key=name&sort_dir=sideways", "sort_dir=sideways"})
    void unknownDirectionIsRejectedAndNamed(String queryString) {
        assertEquals("Invalid sort direction 'sideways': use asc or desc.", rejected(queryString).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sort=", "sort=name:asc:desc", "sort=name:asc,", "sort_key="})
    void malformedSortIsRejected(String queryString) {
        rejected(queryString);
    }

    @Test
    void combinedStyleIsIgnoredWhenNotAllowed() {
        SortOrder order = SortOrder.parse(query("sort=name:asc"), KEYS, false);

        assertEquals(List.of(new Key("created_at", false)), order.keys());
    }

    @Test
    void combinedStyleBesideSeparateStyleIsNotAConflictWhenNotAllowed() {
        SortOrder order = SortOrder.parse(query("sort=colour&sort_key=size&sort_dir=asc"), KEYS, false);

        assertEquals(List.of(new Key("size", true)), order.keys());
    }
}
