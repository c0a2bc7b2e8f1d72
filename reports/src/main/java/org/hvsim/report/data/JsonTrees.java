package org.hvsim.report.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hvsim.core.result.Metric;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.core.result.Unstable;

/**
 * Builds the JSON tree of {@code results.json}. The tree is built by hand rather than by Jackson's
 * bean mapping so that the field names are exactly the contract's, NaN and infinities become null
 * (JSON has no NaN), and any odd value in the resolved scenario (a Duration, an enum) becomes its
 * text instead of failing the whole run at the last step.
 */
public final class JsonTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** A pretty-printing mapper; shared because ObjectMapper is thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The whole {@code results.json} document. */
    public static ObjectNode results(ExperimentResult result) {
        ObjectNode root = NODES.objectNode();
        root.put("name", result.name());
        root.put("description", result.description());
        root.put("seed", result.seed());
        ArrayNode architectures = root.putArray("architectures");
        result.architectures().forEach(architectures::add);
        List<String> parameters = result.parameters();
        if (!parameters.isEmpty()) {
            ArrayNode names = root.putArray("parameters");
            parameters.forEach(names::add);
        }
        ArrayNode unstable = root.putArray("unstable");
        for (Unstable u : result.unstable()) {
            ObjectNode node = unstable.addObject();
            if (!u.parameters().isEmpty()) {
                ObjectNode point = node.putObject("parameters");
                u.parameters().forEach(point::put);
            }
            node.put("architecture", u.architecture());
            node.put("scope", u.scope());
            node.set(Metric.ARRIVAL_RATE.name(), number(u.arrivalRate()));
            node.set(Metric.THROUGHPUT.name(), number(u.throughput()));
        }
        ArrayNode figures = root.putArray("figures");
        for (Figure f : result.figures()) {
            figures.add(figure(f, result.unstableFor(f).isPresent()));
        }
        if (!result.marks().isEmpty()) {
            // each fault's onset and repair in the first replication (where the time series come from)
            ArrayNode marks = root.putArray("marks");
            for (ExperimentResult.Mark m : result.marks()) {
                ObjectNode node = marks.addObject();
                node.put("architecture", m.architecture());
                node.set("time", number(m.time()));
                node.put("component", m.component());
                node.put("what", m.what());
            }
        }
        root.set("run", RunSummaryJson.write(result.run()));
        root.set("scenario", value(result.resolvedScenario()));
        return root;
    }

    /**
     * One figure with the contract's field names; in a sweep, first a {@code parameters} object of
     * the point's values as written (strings), in parameter order. {@code unstable} marks a figure of
     * a scope that could not keep up with its arrivals.
     */
    public static ObjectNode figure(Figure f, boolean unstable) {
        Estimate e = f.estimate();
        ObjectNode node = NODES.objectNode();
        if (!f.parameters().isEmpty()) {
            ObjectNode parameters = node.putObject("parameters");
            f.parameters().forEach(parameters::put);
        }
        node.put("architecture", f.architecture());
        node.put("scope", f.scope());
        node.put("metric", f.metric());
        node.set("mean", number(e.mean()));
        node.set("ci_low", number(e.ciLow()));
        node.set("ci_high", number(e.ciHigh()));
        node.put("replications", e.replications());
        // replications that gave NaN and are not in the interval (0 normally)
        node.put("nan_replications", e.nanReplications());
        // its scope fell behind its arrivals: the figure describes a growing backlog, not a steady state
        node.put("unstable", unstable);
        return node;
    }

    /** The resolved scenario as pretty JSON text, for humans. */
    public static String scenarioText(Map<String, Object> resolvedScenario) {
        try {
            return MAPPER.writeValueAsString(value(resolvedScenario));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // a tree of plain nodes always serializes; reaching here is a bug
            throw new IllegalStateException(e);
        }
    }

    /** Converts a plain tree of maps, lists, arrays, strings, numbers and booleans to JSON. */
    public static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                node.set(String.valueOf(e.getKey()), value(e.getValue()));
            }
            return node;
        }
        if (value instanceof Iterable<?> items) {
            ArrayNode node = NODES.arrayNode();
            for (Object item : items) {
                node.add(value(item));
            }
            return node;
        }
        if (value instanceof Object[] items) {
            ArrayNode node = NODES.arrayNode();
            for (Object item : items) {
                node.add(value(item));
            }
            return node;
        }
        if (value instanceof double[] items) {
            ArrayNode node = NODES.arrayNode();
            for (double item : items) {
                node.add(number(item));
            }
            return node;
        }
        if (value instanceof int[] items) {
            ArrayNode node = NODES.arrayNode();
            for (int item : items) {
                node.add(item);
            }
            return node;
        }
        if (value instanceof long[] items) {
            ArrayNode node = NODES.arrayNode();
            for (long item : items) {
                node.add(item);
            }
            return node;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        if (value instanceof BigDecimal big) {
            return NODES.numberNode(big);
        }
        if (value instanceof Number n) {
            return number(n.doubleValue());
        }
        if (value instanceof Enum<?> e) {
            return NODES.textNode(e.name());
        }
        return NODES.textNode(value.toString());
    }

    /** A double, or null when it is not finite. */
    public static JsonNode number(double value) {
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.nullNode();
    }
}
