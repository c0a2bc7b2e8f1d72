package org.hvsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved scenario as YAML, every value followed by where it came from: the file position, the
 * default and its reason, or the profile and its citation. What {@code hvsim explain} prints.
 */
public final class ScenarioExplanation {

    /** Column at which the source comments start, unless a value is longer. */
    private static final int COMMENT_COLUMN = 44;

    private final Map<String, String> sources;
    private final Map<String, Sweep.Axis> axes = new HashMap<>();
    private final List<String[]> lines = new ArrayList<>();

    private ScenarioExplanation(Sweep sweep) {
        this.sources = sweep.first().sources();
        for (Sweep.Axis a : sweep.axes()) {
            axes.put(a.path(), a);
        }
    }

    /** The explanation of the first point, with swept keys showing all their values. */
    public static String of(Sweep sweep) {
        ScenarioExplanation e = new ScenarioExplanation(sweep);
        Scenario s = sweep.first();
        Map<String, Object> tree = new java.util.LinkedHashMap<>(s.resolved());
        e.mapping(tree, "", 0, null);
        StringBuilder out = new StringBuilder();
        out.append("# ").append(s.name()).append(", resolved from ").append(s.source()).append('\n');
        out.append("# every value with its source: file:line:column, the default and its reason, or the profile\n");
        if (sweep.isSweep()) {
            out.append("# sweep of ").append(sweep.points().size()).append(" points over ")
                    .append(String.join(", ", sweep.parameterNames())).append('\n');
        }
        for (String[] line : e.lines) {
            if (line[1] == null || line[1].isEmpty()) {
                out.append(line[0]).append('\n');
            } else {
                out.append(String.format("%-" + COMMENT_COLUMN + "s # %s%n", line[0], line[1]));
            }
        }
        return out.toString();
    }

    private void mapping(Map<?, ?> map, String path, int indent, String firstPrefix) {
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals("sources") && path.startsWith("architectures[")) {
                continue; // shown as the comments of the profile's values
            }
            String childPath = path.isEmpty() ? key : path + "." + key;
            String lead = first && firstPrefix != null ? firstPrefix : " ".repeat(indent);
            first = false;
            value(lead + key + ":", e.getValue(), childPath, indent);
        }
    }

    private void value(String lead, Object v, String path, int indent) {
        Sweep.Axis axis = axes.getOrDefault(path, axes.get(path.replaceAll("\\.constant\\.value$", "")));
        if (axis != null && !(v instanceof Map) && !(v instanceof List)) {
            lines.add(new String[] {lead + " " + inline(axis.values()), source(path)});
            return;
        }
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                lines.add(new String[] {lead + " {}", source(path)});
                return;
            }
            lines.add(new String[] {lead, null});
            mapping(m, path, indent + 2, null);
        } else if (v instanceof List<?> l) {
            if (l.isEmpty() || l.stream().noneMatch(x -> x instanceof Map || x instanceof List)) {
                lines.add(new String[] {lead + " " + inline(l), source(path)});
                return;
            }
            lines.add(new String[] {lead, null});
            for (int i = 0; i < l.size(); i++) {
                Object item = l.get(i);
                String itemPath = path + "[" + i + "]";
                String dash = " ".repeat(indent + 2) + "- ";
                if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                    mapping(m, itemPath, indent + 4, dash);
                } else {
                    value(dash.stripTrailing(), item, itemPath, indent + 4);
                }
            }
        } else {
            lines.add(new String[] {lead + " " + scalar(v), source(path)});
        }
    }

    /** The source of a value, or of the nearest enclosing value that has one. */
    private String source(String path) {
        String p = path;
        while (!p.isEmpty()) {
            String s = sources.get(p);
            if (s != null) {
                return s;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return "";
    }

    private static String inline(List<?> l) {
        List<String> parts = new ArrayList<>();
        for (Object o : l) {
            parts.add(scalar(o));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static String scalar(Object v) {
        if (v == null) {
            return "null";
        }
        String s = String.valueOf(v);
        if (v instanceof String && (s.isEmpty() || s.contains(": ") || s.contains(" #") || s.contains("\n")
                || "-[]{}&*!|>'\"%@`#,?:".indexOf(s.charAt(0)) >= 0 || s.equals("true") || s.equals("false"))) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }
        return s;
    }
}
