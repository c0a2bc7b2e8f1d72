package org.hvsim.scenario.load;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A value whose single key names its kind, the shape of alternatives that have settings of their own:
 * {@code { exponential: { mean: 5 ms } }}, a phase {@code - cpu: { exponential: 8 ms }}.
 *
 * @param kind     the key, e.g. "exponential"
 * @param location where the kind is written
 * @param settings the key's value as written
 */
public record Variant(String kind, SourceLocation location, Node settings) {

    /**
     * Reads {@code node} as a variant. Records a problem and returns empty if it is not a mapping with
     * exactly one key, or if that key is not one of {@code kinds}.
     *
     * @param path  how messages name the node, e.g. "host.disks[0].service"
     * @param noun  what a kind is, for "unknown distribution 'x'"
     * @param forms the right forms, for "expected …" when the shape is wrong
     */
    public static Optional<Variant> of(Node node, Problems problems, String path, String noun,
            Collection<String> kinds, String forms) {
        if (!(node instanceof MapNode m) || m.size() != 1) {
            String found = node instanceof MapNode several && !several.isEmpty() ? several.size() + " keys" : node.describe();
            problems.add(node, path + ": expected " + forms + "; found " + found);
            return Optional.empty();
        }
        MapNode.Entry only = m.entries().get(0);
        if (!kinds.contains(only.key())) {
            problems.add(only.keyLocation(), path + ": unknown " + noun + " " + Excerpt.quote(only.key())
                    + ObjectReader.suggestion(only.key(), kinds) + " (expected "
                    + ObjectReader.alternatives(List.copyOf(kinds)) + ")");
            return Optional.empty();
        }
        return Optional.of(new Variant(only.key(), only.keyLocation(), only.value()));
    }
}
