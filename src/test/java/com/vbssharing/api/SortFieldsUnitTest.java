package com.vbssharing.api;

import com.vbssharing.api.SortOrder.Key;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SortFieldsUnitTest {

    record Item(String id, String name, Long size) {
    }

    private static final SortFields<Item> FIELDS = new SortFields<>(Item::id)
            .with("name", Item::name)
            .with("size", Item::size)
            .with("id", Item::id);

    private static List<String> sortedIds(List<Item> items, Key... keys) {
        return items.stream()
                .sorted(FIELDS.comparator(new SortOrder(Arrays.asList(keys))))
                .map(Item::id)
                .toList();
    }

    private static final List<Item> TIED = List.of(
            new Item("b", "same", 1L), new Item("c", "same", 1L), new Item("a", "same", 1L));

    @Test
    void namesKeepTheOrderTheyWereDeclaredIn() {
        assertEquals(List.of("name", "size", "id"), List.copyOf(FIELDS.names()));
    }

    @Test
    void sortsBySeveralKeysInTheirOwnDirections() {
        List<Item> items = List.of(
                new Item("1", "beta", 5L), new Item("2", "alpha", 1L), new Item("3", "beta", 9L));

        assertEquals(List.of("2", "3", "1"), sortedIds(items, new Key("name", true), new Key("size", false)));
    }

    @Test
    void tiesAreBrokenByIdAscendingAfterAnAscendingKey() {
        assertEquals(List.of("a", "b", "c"), sortedIds(TIED, new Key("name", true)));
    }

    @Test
    void tiesAreBrokenByIdDescendingAfterADescendingKey() {
        assertEquals(List.of("c", "b", "a"), sortedIds(TIED, new Key("name", false)));
    }

    @Test
    void tieBreakFollowsTheDirectionOfTheLastKey() {
        assertEquals(List.of("c", "b", "a"), sortedIds(TIED, new Key("name", true), new Key("size", false)));
        assertEquals(List.of("a", "b", "c"), sortedIds(TIED, new Key("name", false), new Key("size", true)));
    }

    @Test
    void sortingByIdItselfUsesItsOwnDirection() {
        assertEquals(List.of("c", "b", "a"), sortedIds(TIED, new Key("id", false)));
    }

    @Test
    void nullValuesComeFirstWhenAscending() {
        List<Item> items = List.of(new Item("1", "beta", 2L), new Item("2", null, 3L), new Item("3", "alpha", null));

        assertEquals(List.of("2", "3", "1"), sortedIds(items, new Key("name", true)));
        assertEquals(List.of("3", "1", "2"), sortedIds(items, new Key("size", true)));
    }

    @Test
    void nullValuesComeLastWhenDescending() {
        List<Item> items = List.of(new Item("1", "beta", 2L), new Item("2", null, 3L), new Item("3", "alpha", null));

        assertEquals(List.of("1", "3", "2"), sortedIds(items, new Key("name", false)));
    }
}
