package com.vbssharing.support;

import com.vbssharing.api.QueryParameters;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.simple.SimpleHttpParameters;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query parameters parsed from a query string such as {@code "limit=5&sort_dir=asc"}, without a server. */
public final class QueryStrings {

    private QueryStrings() {
    }

    public static QueryParameters query(String queryString) {
        Map<CharSequence, List<String>> values = new LinkedHashMap<>();
        if (!queryString.isEmpty()) {
            for (String pair : queryString.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                values.computeIfAbsent(decode(name), n -> new ArrayList<>()).add(decode(value));
            }
        }
        return new QueryParameters(new SimpleHttpParameters(values, ConversionService.SHARED));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
