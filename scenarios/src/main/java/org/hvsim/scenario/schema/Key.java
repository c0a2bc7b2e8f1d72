package org.hvsim.scenario.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hvsim.scenario.load.Quantity;

/**
 * The definition of one scenario key: its name, type, unit, default and where that default comes
 * from, allowed range, meaning and an example value. Declared once in {@link ScenarioSchema}, read by
 * the loader through {@link SectionReader}, and written out as docs/scenario-format.md and
 * docs/scenario.schema.json.
 *
 * <p>Keys are built by a {@link Section}'s factory methods and finished with the fluent setters below
 * while {@link ScenarioSchema} initialises; they are not changed afterwards.
 */
public final class Key {

    private final Section section;
    private final String name;
    private final KeyType type;
    private final Quantity quantity;
    private final List<String> choices;
    private final Section child;
    private boolean required;
    private String defaultText;
    private String defaultSource;
    private boolean computedDefault;
    private double min = Double.NEGATIVE_INFINITY;
    private double max = Double.POSITIVE_INFINITY;
    private String rangeText;
    private String description = "";
    private String example;
    private String unitText;
    private final List<String> requires = new ArrayList<>();

    Key(Section section, String name, KeyType type, Quantity quantity, List<String> choices, Section child) {
        this.section = Objects.requireNonNull(section);
        this.name = Objects.requireNonNull(name);
        this.type = type;
        this.quantity = quantity;
        this.choices = choices;
        this.child = child;
    }

    // ------------------------------------------------------------------ declaration (fluent)

    /** The key must be given. */
    public Key required() {
        this.required = true;
        return this;
    }

    /**
     * The value used when the key is absent, written as a user would write it ("100 ms", "1", "ps"),
     * and why it is that value (a citation or a reason), for the docs and for {@code hvsim explain}.
     */
    public Key byDefault(String text, String source) {
        this.defaultText = Objects.requireNonNull(text);
        this.defaultSource = Objects.requireNonNull(source);
        return this;
    }

    /** A default computed from other values ("10 % of duration"); the loader supplies the number. */
    public Key computedDefault(String text, String source) {
        byDefault(text, source);
        this.computedDefault = true;
        return this;
    }

    Key range(double lo, double hi) {
        this.min = lo;
        this.max = hi;
        return this;
    }

    /** The range as the docs should say it, when the plain numbers would read badly ("> 0"). */
    public Key rangeText(String text) {
        this.rangeText = text;
        return this;
    }

    public Key doc(String text) {
        this.description = Objects.requireNonNull(text);
        return this;
    }

    /** An example value as YAML ("8", "'4 GB'", "{ exponential: { mean: 5 ms } }"). */
    public Key example(String yaml) {
        this.example = yaml;
        return this;
    }

    /** The unit of a plain number, for the docs ("bytes"); quantities name their units themselves. */
    public Key unit(String text) {
        this.unitText = text;
        return this;
    }

    /** When this key is given, {@code other} (of the same section) must be given too. */
    public Key requires(String other) {
        requires.add(other);
        return this;
    }

    // ------------------------------------------------------------------ reading

    public Section section() {
        return section;
    }

    public String name() {
        return name;
    }

    public KeyType type() {
        return type;
    }

    /** The quantity of a {@link KeyType#QUANTITY} or {@link KeyType#DISTRIBUTION} key; null otherwise. */
    public Quantity quantity() {
        return quantity;
    }

    /** The allowed names of a {@link KeyType#CHOICE} or {@link KeyType#NAME_OR_MAPPING_LIST} key. */
    public List<String> choices() {
        return choices;
    }

    /** The section of a mapping's or list item's keys; null for scalar keys. */
    public Section child() {
        return child;
    }

    public boolean isRequired() {
        return required;
    }

    /** The default as written, or empty for a required key or one whose absence just means "none". */
    public Optional<String> defaultText() {
        return Optional.ofNullable(defaultText);
    }

    /** Why the default is what it is. */
    public Optional<String> defaultSource() {
        return Optional.ofNullable(defaultSource);
    }

    public boolean hasComputedDefault() {
        return computedDefault;
    }

    /** Smallest allowed value in SI units (seconds, bytes …); −∞ when unbounded. */
    public double min() {
        return min;
    }

    /** Largest allowed value in SI units; +∞ when unbounded. */
    public double max() {
        return max;
    }

    public Optional<String> rangeText() {
        return Optional.ofNullable(rangeText);
    }

    public String description() {
        return description;
    }

    public Optional<String> example() {
        return Optional.ofNullable(example);
    }

    public Optional<String> unitText() {
        return Optional.ofNullable(unitText);
    }

    public List<String> requiredWith() {
        return Collections.unmodifiableList(requires);
    }

    @Override
    public String toString() {
        return section.id() + "." + name;
    }
}
