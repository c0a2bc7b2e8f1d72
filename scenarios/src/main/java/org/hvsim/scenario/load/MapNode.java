package org.hvsim.scenario.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping, entries in file order. Keys are unique: {@link YamlTree} reports a repeated key as
 * a problem and keeps the first occurrence.
 */
public final class MapNode implements Node {

    /** One {@code key: value} pair; the key keeps its own location for "unknown key" messages. */
    public record Entry(String key, SourceLocation keyLocation, Node value) {
    }

    private final SourceLocation location;
    private final Map<String, Entry> entries;

    public MapNode(SourceLocation location, List<Entry> entries) {
        this.location = location;
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (Entry e : entries) {
            byKey.putIfAbsent(e.key(), e);
        }
        this.entries = Collections.unmodifiableMap(byKey);
    }

    @Override
    public SourceLocation location() {
        return location;
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public Optional<Node> get(String key) {
        Entry e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    public boolean containsKey(String key) {
        return entries.containsKey(key);
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public String describe() {
        return entries.isEmpty() ? "an empty mapping" : "a mapping";
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Entry e : entries.values()) {
            parts.add(e.key() + ": " + e.value());
        }
        return "{" + String.join(", ", parts) + "}";
    }
}
