package org.hvsim.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hvsim.scenario.load.ListNode;
import org.hvsim.scenario.load.MapNode;
import org.hvsim.scenario.load.Node;
import org.hvsim.scenario.load.Problems;
import org.hvsim.scenario.load.ScalarNode;
import org.hvsim.scenario.load.YamlTree;
import org.hvsim.scenario.schema.ScenarioSchema;

/**
 * Resolves {@code include:}: partial scenario files (a shared host, say) read before the file that
 * names them. The including file's values win; mappings are merged key by key, lists and scalars are
 * replaced whole. Paths are relative to the file that names them; included files may include others.
 * Every node keeps its own file and position, so a mistake in an included file is reported there.
 */
final class Includes {

    /** Deepest chain of includes: far beyond any sensible layout, and it stops runaway recursion. */
    static final int MAX_DEPTH = 16;

    private Includes() {
    }

    /** The tree with every include merged in; problems for includes that cannot be read. */
    static Node resolve(Node root, Problems problems) {
        return resolve(root, problems, new HashSet<>(), 0);
    }

    private static Node resolve(Node root, Problems problems, Set<Path> active, int depth) {
        if (!(root instanceof MapNode map)) {
            return root;
        }
        Optional<MapNode.Entry> include = map.entry(ScenarioSchema.INCLUDE.name());
        if (include.isEmpty()) {
            return root;
        }
        List<ScalarNode> names = new ArrayList<>();
        Node value = include.get().value();
        List<Node> items = value instanceof ListNode l ? l.items() : List.of(value);
        for (Node item : items) {
            if (item instanceof ScalarNode s && !s.isNull() && !s.text().isBlank()) {
                names.add(s);
            } else {
                problems.add(item.location(), "include: expected a file name such as 'shared/host.yaml', found "
                        + item.describe());
            }
        }
        MapNode merged = new MapNode(map.location(), List.of());
        for (ScalarNode name : names) {
            Optional<MapNode> part = read(name, problems, active, depth);
            if (part.isPresent()) {
                merged = merge(merged, part.get());
            }
        }
        return merge(merged, map);
    }

    private static Optional<MapNode> read(ScalarNode name, Problems problems, Set<Path> active, int depth) {
        String from = name.location().file();
        if (from.startsWith("(built-in)")) {
            problems.add(name.location(), "include: the built-in scenario cannot include files");
            return Optional.empty();
        }
        Path file = Path.of(from).resolveSibling(name.text().strip()).normalize();
        Path key = file.toAbsolutePath().normalize();
        if (depth >= MAX_DEPTH) {
            problems.add(name.location(), "include: more than " + MAX_DEPTH + " files included one inside another");
            return Optional.empty();
        }
        if (active.contains(key)) {
            problems.add(name.location(), "include: '" + file + "' includes itself (directly or through other files)");
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            problems.add(name.location(), "include: file '" + file + "' not found"
                    + (Files.isDirectory(file) ? " (it is a directory)" : ""));
            return Optional.empty();
        }
        Optional<Node> tree = YamlTree.parse(file, problems);
        if (tree.isEmpty()) {
            return Optional.empty();
        }
        if (!(tree.get() instanceof MapNode)) {
            problems.add(tree.get().location(), "an included file must hold a mapping ('key: value' lines), found "
                    + tree.get().describe());
            return Optional.empty();
        }
        active.add(key);
        Node resolved = resolve(tree.get(), problems, active, depth + 1);
        active.remove(key);
        return Optional.of((MapNode) resolved);
    }

    /** {@code over} on top of {@code base}: mappings merged key by key, anything else replaced. */
    static MapNode merge(MapNode base, MapNode over) {
        Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
        for (MapNode.Entry e : base.entries()) {
            entries.put(e.key(), e);
        }
        for (MapNode.Entry e : over.entries()) {
            MapNode.Entry previous = entries.get(e.key());
            if (previous != null && previous.value() instanceof MapNode a && e.value() instanceof MapNode b) {
                entries.put(e.key(), new MapNode.Entry(e.key(), e.keyLocation(), merge(a, b)));
            } else {
                entries.put(e.key(), e);
            }
        }
        return new MapNode(over.location(), new ArrayList<>(entries.values()));
    }
}
