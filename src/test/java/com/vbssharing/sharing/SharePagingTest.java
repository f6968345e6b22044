package com.vbssharing.sharing;

import com.fasterxml.jackson.databind.JsonNode;
import com.vbssharing.support.Api;
import com.vbssharing.support.Fixtures;
import com.vbssharing.support.HttpApi;
import com.vbssharing.support.TestApp;
import com.vbssharing.support.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 2,500 shares read page by page through shared_links: every share exactly once, in order. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharePagingTest {

    private static final int BACKUPS = 250;

    private final Api api = HttpApi.get();
    private Api.Caller owner;
    /** share id -> [created_at, backup name] */
    private final Map<String, String[]> shares = new HashMap<>();

    @BeforeAll
    void shareTwoThousandFiveHundred() {
        owner = api.as(Tokens.newProjectId());
        for (int i = 0; i < BACKUPS; i++) {
            String name = (i % 2 == 0 ? "even-" : "odd-") + String.format("%03d", i);
            String backup = Fixtures.availableBackup(owner.projectId(), name);
            String[] targets = new String[10];
            for (int t = 0; t < 10; t++) {
                targets[t] = Tokens.newProjectId();
            }
            Api.Response response = ShareApiContract.share(owner, backup, targets);
            assertEquals(200, response.status(), response::toString);
            for (JsonNode share : response.json().get("shared")) {
                shares.put(share.get("id").asText(), new String[]{share.get("created_at").asText(), name});
            }
        }
        assertEquals(2500, shares.size());
    }

    @ParameterizedTest(name = "{0} {1} filter={2}")
    @CsvSource({
            "created_at, desc, ''",
            "created_at, asc, ''",
            "created_at, desc, even",
            "created_at, asc, EVEN",
            "name, asc, ''",
            "name, desc, odd"})
    void everyShareExactlyOnceInOrder(String sortKey, String sortDir, String nameFilter) {
        String query = "?limit=100&sort_key=" + sortKey + "&sort_dir=" + sortDir
                + (nameFilter.isEmpty() ? "" : "&name=" + nameFilter);
        List<String> seen = new ArrayList<>();
        String next = ShareApiContract.sharing(owner) + "/detail" + query;
        int pages = 0;
        while (next != null) {
            JsonNode page = owner.get(next).json();
            page.get("shared").forEach(share -> seen.add(share.get("id").asText()));
            JsonNode links = page.get("shared_links");
            next = links == null ? null : relative(links.get(0).get("href").asText());
            pages++;
            assertTrue(pages <= 40, "paging terminates");
        }
        List<String> expected = expectedOrder(sortKey, sortDir.equals("asc"), nameFilter);
        assertEquals(new HashSet<>(expected).size(), new HashSet<>(seen).size(), "no share twice");
        assertEquals(expected, seen);
    }

    private List<String> expectedOrder(String sortKey, boolean ascending, String nameFilter) {
        Comparator<String> primary = sortKey.equals("name")
                ? Comparator.comparing(id -> shares.get(id)[1])
                : Comparator.comparing(id -> shares.get(id)[0]);
        Comparator<String> order = primary.thenComparing(Comparator.naturalOrder());
        Set<String> ids = shares.keySet();
        return ids.stream()
                .filter(id -> nameFilter.isEmpty() || shares.get(id)[1].contains(nameFilter.toLowerCase()))
                .sorted(ascending ? order : order.reversed())
                .toList();
    }

    private static String relative(String href) {
        String base = TestApp.get().baseUrl();
        assertTrue(href.startsWith(base), href);
        return href.substring(base.length());
    }
}
