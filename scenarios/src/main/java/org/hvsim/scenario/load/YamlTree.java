package org.hvsim.scenario.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;

/**
 * Parses a YAML file into a tree of {@link Node}s that remember their line and column, from the
 * events of SnakeYAML's parser ({@link Yaml#parse}), whose marks give each value's position.
 *
 * <p>Nothing but problems added to a {@link Problems} ever comes out of here, whatever the input: a
 * missing file, binary data, invalid UTF-8, a YAML syntax error, absurd nesting or size all become
 * {@link Problem}s with a plain message.
 *
 * <p>Rules beyond plain YAML:
 * <ul>
 *   <li>The file must hold exactly one YAML document, and must not be empty.</li>
 *   <li>At most {@value #MAX_BYTES} bytes (8 MiB) and {@value #MAX_DEPTH} levels of nesting.</li>
 *   <li>Text must be UTF-8 (a byte-order mark is skipped; a UTF-16 byte-order mark is honoured).</li>
 *   <li>Repeated keys in one mapping are an error at the second key; the first value is kept so
 *       that reading can go on and find further problems.</li>
 *   <li>Anchors and aliases are <b>resolved</b>: {@code *name} stands for the value marked
 *       {@code &name} earlier in the file (the same {@link Node}, with the anchor's location). An alias
 *       to an anchor not yet complete or never defined is an error. Merge keys ({@code <<}) are not
 *       supported; such a key is just an ordinary (and probably unknown) key.</li>
 * </ul>
 */
public final class YamlTree {

    /** Largest accepted file, in bytes. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** Deepest accepted nesting of mappings and lists; the top-level value is level 1. */
    public static final int MAX_DEPTH = 64;

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private YamlTree() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        // SnakeYAML's default limit (3 MiB of code points) is below ours; the byte limit is enforced here,
        // and so is the depth limit (the parser itself does not recurse).
        options.setCodePointLimit(Integer.MAX_VALUE);
        return options;
    }

    /**
     * Parses a file, adding every problem to {@code problems}. Returns a tree whenever the YAML could be
     * read at all, even if problems were found (repeated keys, bad aliases), so that the caller can go
     * on checking the content and report everything at once; empty if the file could not be read.
     */
    public static Optional<Node> parse(Path file, Problems problems) {
        String name = String.valueOf(file);
        SourceLocation start = SourceLocation.startOf(name);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Bounded read: a device or a pipe may claim any size, or none.
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            problems.add(start, "file not found");
            return Optional.empty();
        } catch (AccessDeniedException e) {
            problems.add(start, "permission denied: cannot read the file");
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            problems.add(start, "cannot read the file: " + plain(e.getMessage()));
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES) {
            problems.add(start, tooLarge());
            return Optional.empty();
        }
        Optional<String> text = decode(name, bytes, problems);
        return text.flatMap(t -> parse(name, t, problems));
    }

    /** As {@link #parse(Path, Problems)}, for text already in memory. */
    public static Optional<Node> parse(String fileName, String text, Problems problems) {
        String name = String.valueOf(fileName);
        if (text == null) {
            text = "";
        }
        if (utf8Length(text) > MAX_BYTES) {
            problems.add(SourceLocation.startOf(name), tooLarge());
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!allPrintable(name, text, problems)) {
            return Optional.empty();
        }
        try {
            return new Builder(name, text, problems).document();
        } catch (StackOverflowError e) {
            // Unreachable with the depth limit, but a stack trace must never reach a user.
            problems.add(SourceLocation.startOf(name), "the file is nested too deeply to read");
            return Optional.empty();
        }
    }

    private static String tooLarge() {
        return "the file is larger than " + (MAX_BYTES / (1024 * 1024))
                + " MiB, the limit for scenario files; is it really a scenario?";
    }

    private static long utf8Length(String text) {
        if (text.length() > MAX_BYTES) {
            return text.length(); // each char is at least one byte: too large either way
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 2; // with its low surrogate: 4
            } else {
                bytes += Character.isLowSurrogate(c) ? 2 : 3;
            }
        }
        return bytes;
    }

    /** Strict decoding, so that a binary or mis-encoded file is reported, not silently mangled. */
    private static Optional<String> decode(String name, byte[] bytes, Problems problems) {
        int offset = 0;
        var charset = StandardCharsets.UTF_8;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            String before = out.toString();
            int bad = in.position();
            problems.add(endOf(name, before), String.format(
                    "the file is not valid %s text (byte 0x%02X at offset %d); is it a binary file?",
                    charset == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16", bytes[Math.min(bad, bytes.length - 1)] & 0xFF,
                    bad));
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }

    /**
     * The characters YAML allows (and SnakeYAML enforces, with a less helpful message and no reliable
     * position); checked first so that binary data gets a plain explanation.
     */
    private static boolean allPrintable(String name, String text, Problems problems) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean printable = (c >= 0x20 && c <= 0x7E) || c == 0x9 || c == 0xA || c == 0xD || c == 0x85
                    || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!printable) {
                String what = c == 0 ? "a NUL byte" : String.format("the control character U+%04X", c);
                if (c >= 0xD800 && c <= 0xDFFF) {
                    what = String.format("an unpaired surrogate U+%04X", c);
                }
                problems.add(endOf(name, text.substring(0, i)),
                        "the file contains " + what + ", which YAML does not allow; is it a binary file?");
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** The location just after {@code before}, counting lines and columns as SnakeYAML does. */
    private static SourceLocation endOf(String name, String before) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < before.length(); ) {
            int c = before.codePointAt(i);
            i += Character.charCount(c);
            boolean crlf = c == '\r' && i < before.length() && before.charAt(i) == '\n';
            if (c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029 || (c == '\r' && !crlf)) {
                line++;
                column = 1;
            } else if (!crlf) {
                column++;
            }
        }
        return new SourceLocation(name, line, column);
    }

    /** Builds the tree from SnakeYAML's parser events, recursing at most {@link #MAX_DEPTH} levels. */
    private static final class Builder {
        private final String name;
        private final String text;
        private final Problems problems;
        private final Map<String, Anchored> anchors = new HashMap<>();
        /** Levels of mappings and lists in the node last built (0 for a scalar). */
        private int height;
        private Iterator<Event> events;
        /** The last event read, for a problem without a mark of its own. */
        private Event current;
        /** Where the last value or key started, for a problem that has no better place. */
        private SourceLocation last;

        Builder(String name, String text, Problems problems) {
            this.name = name;
            this.text = text;
            this.problems = problems;
            this.last = SourceLocation.startOf(name);
        }

        Optional<Node> document() {
            try {
                events = new Yaml(loaderOptions()).parse(new StringReader(text)).iterator();
                Event first = next();
                if (first == null) {
                    problems.add(SourceLocation.startOf(name),
                            "the file is empty (or holds only comments); expected a YAML mapping");
                    return Optional.empty();
                }
                Node root = node(first, 1, "");
                Event extra = next();
                if (extra != null) {
                    problems.add(start(extra), "a second YAML document starts here; a scenario file must hold "
                            + "exactly one (remove the '---' line or split the file)");
                }
                return Optional.of(root);
            } catch (TooDeep e) {
                problems.add(e.at, "the values are nested more than " + MAX_DEPTH + " levels deep");
            } catch (MarkedOnly e) {
                problems.add(e.at, e.getMessage());
            } catch (MarkedYAMLException e) {
                syntax(e);
            } catch (YAMLException | NumberFormatException e) {
                SourceLocation at = current == null ? last : at(current.getEndMark());
                problems.add(at, "YAML syntax error: " + plain(e.getMessage()));
            } catch (RuntimeException e) {
                problems.add(last, "cannot read the YAML: " + plain(e.getMessage()));
            }
            return Optional.empty();
        }

        /** The next event of a value (stream and document boundaries skipped); null at the end of the file. */
        private Event next() {
            while (events.hasNext()) {
                current = events.next();
                if (current instanceof StreamEndEvent) {
                    return null;
                }
                if (!(current instanceof StreamStartEvent || current instanceof DocumentStartEvent
                        || current instanceof DocumentEndEvent)) {
                    return current;
                }
            }
            return null;
        }

        private Node node(Event event, int depth, String path) {
            if (event == null) {
                throw new MarkedOnly(last, "unexpected end of the file");
            }
            SourceLocation at = start(event);
            if (event instanceof CollectionStartEvent collection) {
                if (depth > MAX_DEPTH) {
                    throw new TooDeep(at);
                }
                Node built = event instanceof MappingStartEvent ? mapping(at, depth, path) : list(at, depth, path);
                remember(collection, built);
                return built;
            }
            if (event instanceof AliasEvent alias) {
                String anchor = alias.getAnchor();
                Anchored target = anchors.get(anchor);
                height = 0;
                if (target == null) {
                    problems.add(at, "alias '*" + anchor + "' does not refer to an anchor ('&" + anchor
                            + "') completed earlier in the file");
                    return new ScalarNode(at, null, false);
                }
                // Aliases share nodes, so they cannot blow up memory, but they could stack anchored
                // values deeper than the limit that protects recursive readers of the tree.
                if (depth - 1 + target.height() > MAX_DEPTH) {
                    problems.add(at, "alias '*" + anchor + "' would nest the values more than " + MAX_DEPTH
                            + " levels deep");
                    return new ScalarNode(at, null, false);
                }
                height = target.height();
                return target.node();
            }
            if (!(event instanceof ScalarEvent se)) {
                throw new MarkedOnly(at, "unexpected " + kind(event));
            }
            boolean plain = se.isPlain();
            boolean untagged = se.getTag() == null || se.getImplicit().canOmitTagInPlainScalar();
            String value = plain && untagged && NULLS.contains(se.getValue()) ? null : se.getValue();
            ScalarNode scalar = new ScalarNode(at, value, !plain);
            height = 0;
            remember(se, scalar);
            return scalar;
        }

        private MapNode mapping(SourceLocation at, int depth, String path) {
            List<MapNode.Entry> entries = new ArrayList<>();
            Map<String, SourceLocation> seen = new HashMap<>();
            int deepest = 0;
            for (Event e = next(); !(e instanceof MappingEndEvent); e = next()) {
                if (!(e instanceof ScalarEvent keyEvent)) {
                    throw e == null ? new MarkedOnly(last, "expected a key, found the end of the file")
                            : new MarkedOnly(at(e.getEndMark()), "a mapping key must be a plain value, found "
                                    + kind(e));
                }
                SourceLocation keyAt = start(e);
                String key = keyEvent.getValue();
                String childPath = path.isEmpty() ? key : path + "." + key;
                Node value = node(next(), depth + 1, childPath);
                deepest = Math.max(deepest, height);
                SourceLocation first = seen.putIfAbsent(key, keyAt);
                if (first != null) {
                    problems.add(keyAt, "duplicate key " + Excerpt.quote(key)
                            + (path.isEmpty() ? " at the top level" : " in " + path) + " (first given at line " + first.line()
                            + ", column " + first.column() + ")");
                } else {
                    entries.add(new MapNode.Entry(key, keyAt, value));
                }
            }
            height = deepest + 1;
            return new MapNode(at, entries);
        }

        private ListNode list(SourceLocation at, int depth, String path) {
            List<Node> items = new ArrayList<>();
            int deepest = 0;
            for (Event e = next(); !(e instanceof SequenceEndEvent); e = next()) {
                items.add(node(e, depth + 1, path + "[" + items.size() + "]"));
                deepest = Math.max(deepest, height);
            }
            height = deepest + 1;
            return new ListNode(at, items);
        }

        private void remember(NodeEvent event, Node node) {
            if (event.getAnchor() != null) {
                anchors.put(event.getAnchor(), new Anchored(node, height));
            }
        }

        /** Where {@code event} starts; also remembered as the last place reached. */
        private SourceLocation start(Event event) {
            last = at(event.getStartMark());
            return last;
        }

        private SourceLocation at(Mark mark) {
            return mark == null ? SourceLocation.startOf(name)
                    : new SourceLocation(name, mark.getLine() + 1, mark.getColumn() + 1);
        }

        private static String kind(Event event) {
            if (event instanceof SequenceStartEvent) {
                return "a list";
            }
            if (event instanceof MappingStartEvent) {
                return "a mapping";
            }
            return event instanceof AliasEvent ? "an alias" : "something else";
        }

        private void syntax(MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(mark == null ? last : at(mark), describe(e));
        }

        private static String describe(MarkedYAMLException e) {
            String problem = e.getProblem() == null ? "" : e.getProblem();
            if (problem.contains("\\t(TAB)") || problem.contains("'\t'")) {
                return "a tab character is not allowed here; YAML indentation must use spaces";
            }
            StringBuilder out = new StringBuilder("YAML syntax error: ").append(friendly(problem));
            if (problem.startsWith("mapping values are not allowed")) {
                out.append(" (a value containing ': ' must be quoted, or the line needs a line break or indentation)");
            }
            if (e.getContext() != null && !e.getContext().isBlank()) {
                out.append(" (").append(friendly(e.getContext()));
                Mark c = e.getContextMark();
                if (c != null) {
                    out.append(" that starts at line ").append(c.getLine() + 1).append(", column ").append(c.getColumn() + 1);
                }
                out.append(')');
            }
            return out.toString();
        }
    }

    /** SnakeYAML's token names, in words. */
    private static String friendly(String snakeYaml) {
        return plain(snakeYaml)
                .replace("'<stream end>'", "the end of the file")
                .replace("<stream end>", "the end of the file")
                .replace("'<block end>'", "the end of the indented block")
                .replace("<block end>", "the end of the indented block")
                .replace("'<block mapping start>'", "a new indented mapping")
                .replace("'<block sequence start>'", "a new indented list")
                .replace("'<document start>'", "a new document")
                .replace("'<document end>'", "the end of the document")
                .replace("found '?'", "found a key"); // SnakeYAML's name for the token that starts a key
    }

    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?::\\s*)?");

    /** A library message made fit for a user: first line only, no Java class names. */
    static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String first = message.strip().lines().findFirst().orElse("").strip();
        String cleaned = CLASS_NAME.matcher(first).replaceAll("").strip();
        return cleaned.isEmpty() ? "unknown error" : cleaned;
    }

    private record Anchored(Node node, int height) {
    }

    /** Aborts the walk: the problem is fully described by its location and message. */
    private static final class MarkedOnly extends RuntimeException {
        final SourceLocation at;

        MarkedOnly(SourceLocation at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private static final class TooDeep extends RuntimeException {
        final SourceLocation at;

        TooDeep(SourceLocation at) {
            super(null, null, false, false);
            this.at = at;
        }
    }
}
