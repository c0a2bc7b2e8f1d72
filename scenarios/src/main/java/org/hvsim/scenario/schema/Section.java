package org.hvsim.scenario.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.hvsim.scenario.load.Quantity;

/**
 * One mapping of the scenario format (the top level, {@code host}, an item of {@code vms}, the
 * settings of one distribution …) and the keys it may hold, in documentation order.
 *
 * <p>Keys are declared by the factory methods, one line each, in {@link ScenarioSchema}; the loader
 * reads values only through them ({@link SectionReader}), and the documentation and the JSON Schema
 * are generated from them, so the three cannot drift apart.
 */
public final class Section {

    private final String id;
    private final String title;
    private final String description;
    private final List<Key> keys = new ArrayList<>();
    private final List<List<String>> exactlyOneOf = new ArrayList<>();

    /**
     * @param id          stable identifier, also the JSON Schema definition name ("host", "vm", "dist.exponential")
     * @param title       how the section is headed in the docs ("`host`", "`vms[]`")
     * @param description one paragraph for the docs and the JSON Schema
     */
    public Section(String id, String title, String description) {
        this.id = id;
        this.title = title;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<Key> keys() {
        return Collections.unmodifiableList(keys);
    }

    public Optional<Key> key(String name) {
        return keys.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** Groups of key names of which exactly one must be given (open or closed; service or latency). */
    public List<List<String>> exactlyOneOf() {
        return Collections.unmodifiableList(exactlyOneOf);
    }

    /** Declares that exactly one of {@code names} must be present. */
    public Section exactlyOne(String... names) {
        exactlyOneOf.add(List.of(names));
        return this;
    }

    Key add(Key k) {
        if (key(k.name()).isPresent()) {
            throw new IllegalStateException(id + ": key " + k.name() + " declared twice");
        }
        keys.add(k);
        return k;
    }

    // One factory per type: a new key is one line in ScenarioSchema.

    public Key text(String name) {
        return add(new Key(this, name, KeyType.TEXT, null, List.of(), null));
    }

    public Key integer(String name, long min, long max) {
        return add(new Key(this, name, KeyType.INTEGER, null, List.of(), null).range(min, max));
    }

    public Key decimal(String name, double min, double max) {
        return add(new Key(this, name, KeyType.DECIMAL, null, List.of(), null).range(min, max));
    }

    public Key quantity(String name, Quantity quantity, double min, double max) {
        return add(new Key(this, name, KeyType.QUANTITY, quantity, List.of(), null).range(min, max));
    }

    public Key bool(String name) {
        return add(new Key(this, name, KeyType.BOOLEAN, null, List.of(), null));
    }

    public Key choice(String name, List<String> choices) {
        return add(new Key(this, name, KeyType.CHOICE, null, List.copyOf(choices), null));
    }

    public Key distribution(String name) {
        return add(new Key(this, name, KeyType.DISTRIBUTION, Quantity.DURATION, List.of(), null));
    }

    public Key mapping(String name, Section child) {
        return add(new Key(this, name, KeyType.MAPPING, null, List.of(), child));
    }

    public Key list(String name, Section item) {
        return add(new Key(this, name, KeyType.LIST, null, List.of(), item));
    }

    public Key nameOrMappingList(String name, List<String> names, Section item) {
        return add(new Key(this, name, KeyType.NAME_OR_MAPPING_LIST, null, List.copyOf(names), item));
    }

    public Key file(String name) {
        return add(new Key(this, name, KeyType.FILE, null, List.of(), null));
    }

    public Key files(String name) {
        return add(new Key(this, name, KeyType.FILES, null, List.of(), null));
    }

    @Override
    public String toString() {
        return id;
    }
}
