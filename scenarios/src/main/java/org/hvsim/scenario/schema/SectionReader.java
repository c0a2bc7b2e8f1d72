package org.hvsim.scenario.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hvsim.scenario.load.Node;
import org.hvsim.scenario.load.ObjectReader;
import org.hvsim.scenario.load.Problems;
import org.hvsim.scenario.load.SourceLocation;
import org.hvsim.scenario.load.Sweeps;
import org.hvsim.scenario.load.UnitException;
import org.hvsim.scenario.load.Units;

/**
 * Reads one mapping of a scenario file through its {@link Section}'s key definitions: ranges,
 * defaults and "required" come from the definition, never from the caller, and every value's source
 * (the file position, or the default and its reason) is recorded in the {@link ReadTrace}.
 *
 * <p>Asking for a key of another section is a programming error and throws; that keeps the loader
 * from reading a key that the docs and the JSON Schema do not know.
 */
public final class SectionReader {

    private final Section section;
    private final ObjectReader reader;
    private final ReadTrace trace;

    private SectionReader(Section section, ObjectReader reader, ReadTrace trace) {
        this.section = section;
        this.reader = reader;
        this.trace = trace;
    }

    /** A reader of {@code node}, which should be a mapping of {@code section}'s keys. */
    public static SectionReader of(Section section, Node node, Problems problems, String path, Sweeps sweeps,
            ReadTrace trace) {
        return new SectionReader(section, ObjectReader.of(node, problems, path, sweeps), trace);
    }

    private static SectionReader over(Section section, ObjectReader reader, ReadTrace trace) {
        return new SectionReader(section, reader, trace);
    }

    /** The underlying reader, for checks that span keys (its messages, locations). */
    public ObjectReader raw() {
        return reader;
    }

    public Problems problems() {
        return reader.problems();
    }

    private Key use(Key k) {
        if (k.section() != section) {
            throw new IllegalArgumentException("key " + k + " read from section " + section.id());
        }
        trace.read(k);
        return k;
    }

    private void traced(Key k) {
        String path = reader.pathOf(k.name());
        if (reader.map().containsKey(k.name())) {
            trace.source(path, (reader.isSweep(k.name()) ? "sweep at " : "") + reader.locationOf(k.name()));
        } else if (k.defaultText().isPresent()) {
            trace.source(path, "default: " + k.defaultSource().orElse(""));
        }
    }

    private void requireIfRequired(Key k) {
        if (k.isRequired()) {
            reader.require(k.name());
        }
    }

    // ------------------------------------------------------------------ scalars

    public String text(Key k) {
        use(k);
        traced(k);
        return reader.string(k.name(), k.isRequired() ? null : k.defaultText().map(SectionReader::unquote).orElse(""));
    }

    /** Text whose default is computed by the caller. */
    public String text(Key k, String computedDefault) {
        use(k);
        traced(k);
        return reader.string(k.name(), computedDefault);
    }

    public int integer(Key k) {
        use(k);
        traced(k);
        requireIfRequired(k);
        long lo = (long) Math.max(k.min(), Integer.MIN_VALUE);
        long hi = (long) Math.min(k.max(), Integer.MAX_VALUE);
        return (int) reader.longInteger(k.name(), (long) staticDefault(k, lo), lo, hi);
    }

    public long longInteger(Key k) {
        use(k);
        traced(k);
        requireIfRequired(k);
        long lo = k.min() == Double.NEGATIVE_INFINITY ? Long.MIN_VALUE : (long) k.min();
        long hi = k.max() == Double.POSITIVE_INFINITY ? Long.MAX_VALUE : (long) k.max();
        long def = k.defaultText().map(Long::parseLong).orElse(Math.max(lo, Math.min(hi, 1L)));
        return reader.longInteger(k.name(), def, lo, hi);
    }

    public double decimal(Key k) {
        use(k);
        traced(k);
        requireIfRequired(k);
        return reader.decimal(k.name(), staticDefault(k, k.min()), k.min(), k.max());
    }

    public double decimal(Key k, double computedDefault) {
        use(k);
        traced(k);
        requireIfRequired(k);
        return reader.decimal(k.name(), computedDefault, k.min(), k.max());
    }

    /** A quantity in SI units (seconds, bytes, bytes per second, per second). */
    public double quantity(Key k) {
        use(k);
        traced(k);
        requireIfRequired(k);
        return reader.quantity(k.name(), k.quantity(), staticDefault(k, Math.max(k.min(), 0)), k.min(), k.max());
    }

    public double quantity(Key k, double computedDefault) {
        use(k);
        traced(k);
        requireIfRequired(k);
        return reader.quantity(k.name(), k.quantity(), computedDefault, k.min(), k.max());
    }

    public boolean bool(Key k) {
        use(k);
        traced(k);
        return reader.bool(k.name(), k.defaultText().map(Boolean::parseBoolean).orElse(false));
    }

    /** One of the key's choices; its default when absent (the first choice stands in after a problem). */
    public String choice(Key k) {
        use(k);
        traced(k);
        return reader.oneOf(k.name(), k.isRequired() || k.hasComputedDefault() ? null : k.defaultText().orElse(null),
                k.choices());
    }

    /** One of the key's choices if present. */
    public Optional<String> optionalChoice(Key k) {
        use(k);
        traced(k);
        if (!reader.has(k.name())) {
            return Optional.empty();
        }
        return Optional.of(reader.oneOf(k.name(), null, k.choices()));
    }

    /**
     * The default of a key whose default is a plain value, in SI units; {@code placeholder} for a
     * required key (the value that stands in after a problem).
     */
    private static double staticDefault(Key k, double placeholder) {
        if (k.defaultText().isEmpty() || k.hasComputedDefault()) {
            return placeholder;
        }
        String text = k.defaultText().get();
        try {
            return k.type() == KeyType.QUANTITY ? Units.parse(k.quantity(), text, false) : Units.number(text);
        } catch (UnitException e) {
            throw new IllegalStateException("default of " + k + " is not a valid value: " + text, e);
        }
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }

    // ------------------------------------------------------------------ structure

    /** Whether the key is present. */
    public boolean has(Key k) {
        use(k);
        return reader.has(k.name());
    }

    /** Whether the key holds a sweep (a list or a range of values). */
    public boolean isSweep(Key k) {
        use(k);
        return reader.isSweep(k.name());
    }

    /** The raw value, for keys with a shape of their own (distributions, phases). */
    public Optional<Node> node(Key k) {
        use(k);
        return reader.node(k.name());
    }

    /** Records "missing required key" if absent, for keys required only in some cases. */
    public void require(Key k) {
        use(k);
        reader.require(k.name());
    }

    /** A nested mapping read through its own section; required. */
    public SectionReader object(Key k) {
        use(k);
        return over(k.child(), reader.object(k.name()), trace);
    }

    /** A nested mapping if present. */
    public Optional<SectionReader> optionalObject(Key k) {
        use(k);
        return reader.optionalObject(k.name()).map(r -> over(k.child(), r, trace));
    }

    /** The items of a list of mappings; a problem if the key is required and missing. */
    public List<SectionReader> objects(Key k) {
        use(k);
        List<ObjectReader> items = k.isRequired() ? reader.objects(k.name()) : reader.optionalObjects(k.name());
        List<SectionReader> out = new ArrayList<>(items.size());
        for (ObjectReader r : items) {
            out.add(over(k.child(), r, trace));
        }
        return out;
    }

    /** The items of a list, untyped; a problem if the key is required and missing. */
    public List<Node> list(Key k) {
        use(k);
        return k.isRequired() ? reader.list(k.name()) : reader.optionalList(k.name());
    }

    /** A reader for one item of a list key, read through the key's item section. */
    public SectionReader item(Key k, Node node, int index) {
        use(k);
        return SectionReader.of(k.child(), node, reader.problems(), reader.pathOf(k.name()) + "[" + index + "]",
                reader.sweeps(), trace);
    }

    /** Of {@code keys}, the one present; a problem if none or several are. */
    public Optional<Key> exactlyOne(Key... keys) {
        String[] names = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            names[i] = use(keys[i]).name();
        }
        Optional<String> present = reader.exactlyOne(names);
        return present.flatMap(section::key);
    }

    public void report(Key k, String message) {
        use(k);
        reader.report(k.name(), message);
    }

    public String path() {
        return reader.path();
    }

    public String pathOf(Key k) {
        return reader.pathOf(k.name());
    }

    public SourceLocation location() {
        return reader.location();
    }

    public SourceLocation locationOf(Key k) {
        return reader.locationOf(k.name());
    }

    /** Records where a value the caller derived at {@code key} came from. */
    public void source(Key k, String source) {
        trace.source(pathOf(k), source);
    }

    /** Reports the keys present that the section does not read; call once, after reading. */
    public void finish() {
        reader.finish();
    }
}
