package org.hvsim.scenario.load;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A value whose single key names its kind, the usual shape for alternatives with their own settings:
 * {@code { exponential: { mean: 5 ms } }}, {@code { xen-credit: { slice: 30 ms } }}. A plain name
 * ({@code ps}) is accepted as the kind without settings.
 */
public final class Variant {

    private final String name;
    private final SourceLocation nameLocation;
    private final Node value;
    private final String path;
    private final Problems problems;

    private Variant(String name, SourceLocation nameLocation, Node value, String path, Problems problems) {
        this.name = name;
        this.nameLocation = nameLocation;
        this.value = value;
        this.path = path;
        this.problems = problems;
    }

    /**
     * Reads {@code node} as a variant. Records a problem and returns empty if it is not a one-key
     * mapping or a plain name, or if the name is not among {@code names} (unless {@code names} is empty,
     * which accepts any name).
     *
     * @param path how to name the node in messages, e.g. "host.disks[0].service"
     */
    public static Optional<Variant> of(Node node, Problems problems, String path, Collection<String> names) {
        String where = path == null || path.isEmpty() ? "the top level" : path;
        String expected = names.isEmpty() ? "a kind" : ObjectReader.alternatives(List.copyOf(names));
        if (node instanceof ScalarNode s && !s.isNull()) {
            String name = s.text().strip();
            if (!accepted(name, names, s.location(), problems, where, expected)) {
                return Optional.empty();
            }
            MapNode none = new MapNode(s.location(), List.of());
            return Optional.of(new Variant(name, s.location(), none, path, problems));
        }
        if (!(node instanceof MapNode m) || m.isEmpty()) {
            problems.add(node.location(), where + ": expected " + expected
                    + " written as 'kind: { settings }', found " + node.describe());
            return Optional.empty();
        }
        List<MapNode.Entry> entries = m.entries();
        if (entries.size() > 1) {
            problems.add(entries.get(1).keyLocation(), where + ": expected " + expected + " but found both '"
                    + entries.get(0).key() + "' and '" + entries.get(1).key() + "'; give exactly one");
            return Optional.empty();
        }
        MapNode.Entry only = entries.get(0);
        if (!accepted(only.key(), names, only.keyLocation(), problems, where, expected)) {
            return Optional.empty();
        }
        return Optional.of(new Variant(only.key(), only.keyLocation(), only.value(), path, problems));
    }

    private static boolean accepted(String name, Collection<String> names, SourceLocation at, Problems problems,
                                    String where, String expected) {
        if (names.isEmpty() || names.contains(name)) {
            return true;
        }
        problems.add(at, where + ": unknown kind " + Excerpt.quote(name) + ObjectReader.suggestion(name, names)
                + " (expected " + expected + ")");
        return false;
    }

    /** The kind, e.g. "exponential". */
    public String name() {
        return name;
    }

    /** Where the kind is written. */
    public SourceLocation location() {
        return nameLocation;
    }

    /** The settings as written (an empty mapping for the plain-name form). */
    public Node value() {
        return value;
    }

    /** The path of the settings in messages: "host.disks[0].service.exponential". */
    public String path() {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    /** The settings as a mapping; a problem if they are something else. */
    public ObjectReader settings() {
        return ObjectReader.of(value, problems, path());
    }
}
