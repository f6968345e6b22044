package com.vbssharing.api;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PagesUnitTest {

    private static final List<String> LETTERS = List.of("a", "b", "c", "d", "e", "f", "g");
    private static final Comparator<String> ORDER = Comparator.naturalOrder();

    private static List<String> slice(List<String> sorted, String marker, int offset, int limit) {
        return Pages.slice(sorted, ORDER, Optional.ofNullable(marker), offset, limit);
    }

    @Test
    void withoutMarkerStartsAtTheBeginning() {
        assertEquals(List.of("a", "b", "c"), slice(LETTERS, null, 0, 3));
    }

    @Test
    void startsRightAfterTheMarker() {
        assertEquals(List.of("d", "e", "f"), slice(LETTERS, "c", 0, 3));
    }

    @Test
    void markerMissingFromTheListStillPlacesThePageBySortPosition() {
        List<String> sparse = List.of("a", "c", "e", "g");

        assertEquals(List.of("e", "g"), slice(sparse, "d", 0, 5));
    }

    @Test
    void markerBeforeEveryItemGivesTheWholeList() {
        assertEquals(List.of("b", "d"), slice(List.of("b", "d"), "a", 0, 10));
    }

    @Test
    void markerOnTheLastItemGivesAnEmptyPage() {
        assertEquals(List.of(), slice(LETTERS, "g", 0, 3));
    }

    @Test
    void markerAfterEveryItemGivesAnEmptyPage() {
        assertEquals(List.of(), slice(LETTERS, "z", 0, 3));
    }

    @Test
    void offsetSkipsItems() {
        assertEquals(List.of("c", "d"), slice(LETTERS, null, 2, 2));
    }

    @Test
    void offsetCountsFromTheMarker() {
        assertEquals(List.of("f", "g"), slice(LETTERS, "c", 2, 2));
    }

    @Test
    void limitBeyondTheEndGivesTheRest() {
        assertEquals(List.of("f", "g"), slice(LETTERS, null, 5, 100));
    }

    @Test
    void offsetBeyondTheEndGivesAnEmptyPage() {
        assertEquals(List.of(), slice(LETTERS, null, 7, 3));
        assertEquals(List.of(), slice(LETTERS, "b", 10, 3));
    }

    @Test
    void limitZeroGivesAnEmptyPage() {
        assertEquals(List.of(), slice(LETTERS, null, 0, 0));
    }

    @Test
    void hugeOffsetAndLimitDoNotOverflow() {
        assertEquals(List.of(), slice(LETTERS, "a", Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals(List.of("g"), slice(LETTERS, "f", 0, Integer.MAX_VALUE));
    }

    @Test
    void emptyListGivesAnEmptyPage() {
        assertEquals(List.of(), slice(List.of(), "a", 0, 10));
    }
}
