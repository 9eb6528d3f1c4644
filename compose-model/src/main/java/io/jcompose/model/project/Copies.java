package io.jcompose.model.project;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies for record components: immutable, document order kept, {@code null} collections turned into
 * empty ones. Map values may be {@code null} (environment maps need it), which {@code Map.copyOf} refuses.
 */
final class Copies {
    private Copies() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** For {@code command}/{@code entrypoint}: {@code null} stays {@code null} because it means "unset". */
    static <T> List<T> listOrNull(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    /** Empty maps are {@code Collections.emptyMap()}, which, like the non-empty copies, answers null queries. */
    static <K, V> Map<K, V> map(Map<K, V> map) {
        if (map == null || map.isEmpty()) return Collections.emptyMap();
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** A map whose values are lists: both levels become immutable. */
    static <K, V> Map<K, List<V>> mapOfLists(Map<K, List<V>> map) {
        if (map == null || map.isEmpty()) return Collections.emptyMap();
        LinkedHashMap<K, List<V>> copy = new LinkedHashMap<>();
        for (Map.Entry<K, List<V>> e : map.entrySet()) copy.put(e.getKey(), list(e.getValue()));
        return Collections.unmodifiableMap(copy);
    }
}
