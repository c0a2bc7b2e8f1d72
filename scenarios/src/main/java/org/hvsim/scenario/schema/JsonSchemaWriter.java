package org.hvsim.scenario.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.hvsim.scenario.load.Quantity;
import org.hvsim.scenario.load.Units;

/**
 * Builds the JSON Schema (draft-07, the draft editors support best) of scenario files from
 * {@link ScenarioSchema}, so that VS Code's YAML extension and IntelliJ complete and check files as
 * people type. Quantities are strings checked by a pattern of the accepted units; ranges of quantities
 * are only described (the loader checks them), ranges of plain numbers are enforced.
 *
 * <p>Two variants: the full schema for scenario files, and one for files that are only included
 * ({@code include:}), where nothing is required because the including file completes them.
 */
public final class JsonSchemaWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = new YAMLMapper();
    /** The number grammar of {@link Units}, non-negative. */
    private static final String NUMBER = "[+]?(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d+)?";

    private final boolean partial;

    private JsonSchemaWriter(boolean partial) {
        this.partial = partial;
    }

    /** The schema of whole scenario files. */
    public static ObjectNode scenario() {
        return new JsonSchemaWriter(false).build("hvsim scenario",
                "A scenario file of hvsim; every key is described in docs/scenario-format.md.");
    }

    /** The schema of files meant only to be included: the same keys, none required. */
    public static ObjectNode includedPart() {
        return new JsonSchemaWriter(true).build("hvsim scenario part (for include:)",
                "A partial scenario, merged into the files that include it; nothing is required here.");
    }

    private ObjectNode build(String title, String description) {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("title", title);
        root.setAll(section(ScenarioSchema.ROOT));
        root.put("description", description + " Generated from org.hvsim.scenario.schema.ScenarioSchema by "
                + "SchemaWriter; do not edit.");
        ObjectNode defs = root.putObject("definitions");
        for (Section s : ScenarioSchema.sections()) {
            if (s != ScenarioSchema.ROOT) {
                defs.set(s.id(), section(s));
            }
        }
        defs.set("distribution", distribution());
        for (Quantity q : Quantity.values()) {
            defs.set(q.name().toLowerCase(java.util.Locale.ROOT), quantity(q));
        }
        return root;
    }

    private ObjectNode section(Section s) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "object");
        node.put("description", s.description());
        ObjectNode props = node.putObject("properties");
        List<String> required = new ArrayList<>();
        ObjectNode dependencies = NODES.objectNode();
        for (Key k : s.keys()) {
            props.set(k.name(), key(k));
            if (k.isRequired()) {
                required.add(k.name());
            }
            if (!k.requiredWith().isEmpty()) {
                ArrayNode a = dependencies.putArray(k.name());
                k.requiredWith().forEach(a::add);
            }
        }
        node.put("additionalProperties", false);
        if (!partial) {
            if (!required.isEmpty()) {
                ArrayNode a = node.putArray("required");
                required.forEach(a::add);
            }
            if (!dependencies.isEmpty()) {
                node.set("dependencies", dependencies);
            }
            if (!s.exactlyOneOf().isEmpty()) {
                ArrayNode all = NODES.arrayNode();
                for (List<String> group : s.exactlyOneOf()) {
                    ObjectNode one = NODES.objectNode();
                    ArrayNode choices = one.putArray("oneOf");
                    for (String name : group) {
                        choices.addObject().putArray("required").add(name);
                    }
                    all.add(one);
                }
                if (all.size() == 1) {
                    node.setAll((ObjectNode) all.get(0));
                } else {
                    node.set("allOf", all);
                }
            }
        }
        return node;
    }

    private ObjectNode key(Key k) {
        ObjectNode node = switch (k.type()) {
            case TEXT -> typed("string", "number");
            case INTEGER -> sweepable(plainNumber("integer", k));
            case DECIMAL -> sweepable(plainNumber("number", k));
            case QUANTITY -> sweepable(ref(quantityName(k.quantity())));
            case BOOLEAN -> typed("boolean");
            case CHOICE -> choices(k.choices());
            case DISTRIBUTION -> ref("distribution");
            case MAPPING -> ref(k.child().id());
            case LIST -> {
                ObjectNode a = typed("array");
                a.set("items", ref(k.child().id()));
                if (k.isRequired() && !partial) {
                    a.put("minItems", 1);
                }
                yield a;
            }
            case NAME_OR_MAPPING_LIST -> {
                ObjectNode item = NODES.objectNode();
                item.putArray("anyOf").add(choices(k.choices())).add(ref(k.child().id()));
                ObjectNode list = typed("array");
                list.set("items", item);
                list.put("minItems", 1);
                ObjectNode n = NODES.objectNode();
                n.putArray("anyOf").add(choices(k.choices())).add(list);
                yield n;
            }
            case FILE -> typed("string");
            case FILES -> {
                ObjectNode list = typed("array");
                list.set("items", typed("string"));
                ObjectNode n = NODES.objectNode();
                n.putArray("anyOf").add(typed("string")).add(list);
                yield n;
            }
        };
        node.put("description", FormatReference.summary(k));
        node.put("markdownDescription", FormatReference.summary(k));
        defaultValue(k).ifPresent(v -> node.set("default", v));
        k.example().flatMap(JsonSchemaWriter::yaml).ifPresent(v -> node.putArray("examples").add(v));
        return node;
    }

    private static ObjectNode plainNumber(String type, Key k) {
        ObjectNode n = typed(type);
        // Bounds beyond ±2^53 are the 64-bit range of seeds: no bound worth stating in JSON.
        if (Double.isFinite(k.min()) && Math.abs(k.min()) < 9e15) {
            putNumber(n, "minimum", k.min());
        }
        if (Double.isFinite(k.max()) && Math.abs(k.max()) < 9e15) {
            putNumber(n, "maximum", k.max());
        }
        return n;
    }

    private static void putNumber(ObjectNode n, String field, double v) {
        if (v == Math.rint(v)) {
            n.put(field, (long) v);
        } else {
            n.put(field, v);
        }
    }

    /** A value, a list of values (a sweep) or a {from, to, step} range of them. */
    private static ObjectNode sweepable(ObjectNode single) {
        ObjectNode list = typed("array");
        list.set("items", single.deepCopy());
        list.put("minItems", 1);
        list.put("description", "a sweep: the run covers every value");
        ObjectNode range = typed("object");
        range.put("description", "a sweep: from, to (included) and step");
        ObjectNode props = range.putObject("properties");
        for (String end : List.of("from", "to", "step")) {
            props.set(end, single.deepCopy());
        }
        range.putArray("required").add("from").add("to").add("step");
        range.put("additionalProperties", false);
        ObjectNode n = NODES.objectNode();
        n.putArray("anyOf").add(single).add(list).add(range);
        return n;
    }

    private ObjectNode distribution() {
        ObjectNode families = typed("object");
        families.put("description", "a distribution family with its settings, e.g. { exponential: { mean: 5 ms } }, or a "
                + "one-parameter family with its parameter, e.g. { exponential: 5 ms }");
        ObjectNode props = families.putObject("properties");
        ScenarioSchema.families().forEach((name, section) -> {
            if (section.keys().size() == 1 && section.keys().get(0).type() == KeyType.QUANTITY) {
                // The short form: the one parameter as a plain value ({ exponential: 5 ms }).
                ObjectNode either = NODES.objectNode();
                either.putArray("anyOf").add(ref(section.id()))
                        .add(sweepable(ref(quantityName(section.keys().get(0).quantity()))));
                props.set(name, either);
            } else {
                props.set(name, ref(section.id()));
            }
        });
        families.put("minProperties", 1);
        families.put("maxProperties", 1);
        families.put("additionalProperties", false);
        ObjectNode constant = sweepable(ref(quantityName(Quantity.DURATION)));
        ObjectNode n = NODES.objectNode();
        n.put("description", "a duration (a constant), or one distribution family with its settings");
        n.putArray("anyOf").add(constant).add(families);
        return n;
    }

    private static ObjectNode quantity(Quantity q) {
        Set<String> units = new LinkedHashSet<>(Units.unitsOf(q));
        List<String> alternatives = new ArrayList<>();
        for (String u : units) {
            // Unit spellings hold no regex metacharacters but '/', spaces and letters.
            alternatives.add(u.replace(" ", "\\s+").replace("/", "\\s*/\\s*"));
        }
        String unitPart = "(?:" + String.join("|", alternatives) + ")";
        String pattern = "^\\s*" + NUMBER + "\\s*" + (q.unitRequired() ? unitPart : "(?:" + unitPart + ")?") + "\\s*$";
        ObjectNode text = typed("string");
        text.put("pattern", pattern);
        ObjectNode zero = NODES.objectNode();
        zero.put("const", 0);
        ObjectNode n = NODES.objectNode();
        n.put("description", q.noun() + " with a unit, such as " + q.examples()
                + "; units: " + String.join(", ", units));
        if (q.unitRequired()) {
            n.putArray("anyOf").add(text).add(zero);
        } else {
            ObjectNode number = typed("number");
            number.put("minimum", 0);
            n.putArray("anyOf").add(text).add(number);
        }
        return n;
    }

    static String quantityName(Quantity q) {
        return q.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static ObjectNode ref(String definition) {
        ObjectNode n = NODES.objectNode();
        // draft-07 ignores the siblings of $ref, so descriptions go on a wrapper.
        n.putArray("allOf").addObject().put("$ref", "#/definitions/" + definition);
        return n;
    }

    private static ObjectNode typed(String... types) {
        ObjectNode n = NODES.objectNode();
        if (types.length == 1) {
            n.put("type", types[0]);
        } else {
            ArrayNode a = n.putArray("type");
            for (String t : types) {
                a.add(t);
            }
        }
        return n;
    }

    private static ObjectNode choices(List<String> names) {
        ObjectNode n = NODES.objectNode();
        ArrayNode a = n.putArray("enum");
        names.forEach(a::add);
        return n;
    }

    private static java.util.Optional<JsonNode> defaultValue(Key k) {
        if (k.defaultText().isEmpty() || k.hasComputedDefault()) {
            return java.util.Optional.empty();
        }
        return yaml(k.defaultText().get());
    }

    private static java.util.Optional<JsonNode> yaml(String text) {
        try {
            return java.util.Optional.ofNullable(YAML.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("example or default is not YAML: " + text, e);
        }
    }
}
