package org.equityadvisor.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Null-tolerant defensive copies for record constructors. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <K extends Comparable<K>, V> Map<K, V> copy(Map<K, V> map) {
        return map == null ? new TreeMap<>() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
