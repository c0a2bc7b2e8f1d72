package org.hvsim.report.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hvsim.report.metric.MetricCatalog;
import org.hvsim.report.metric.MetricDisplay;

/**
 * A service-level objective from the scenario's {@code sla: {metric, scope, max}}: the metric of the
 * scope must stay at or below {@code max}. {@code max} is stored in the metric's stored unit
 * (seconds for response times); the scenario may write it as a duration ("200 ms") or a bare number.
 */
public record Sla(String metric, String scope, double max) {

    /** The SLAs of a resolved scenario: one {@code sla} map, or a list of them; malformed entries are skipped. */
    public static List<Sla> of(Map<String, Object> resolvedScenario) {
        Object sla = resolvedScenario.get("sla");
        List<Sla> slas = new ArrayList<>();
        if (sla instanceof Map<?, ?> one) {
            parse(one).ifPresent(slas::add);
        } else if (sla instanceof List<?> many) {
            for (Object item : many) {
                if (item instanceof Map<?, ?> m) {
                    parse(m).ifPresent(slas::add);
                }
            }
        }
        return slas;
    }

    /** The SLA on {@code metric} of {@code scope}, if the scenario has one. */
    public static Optional<Sla> on(Map<String, Object> resolvedScenario, String scope, String metric) {
        return of(resolvedScenario).stream().filter(s -> s.scope().equals(scope) && s.metric().equals(metric))
                .findFirst();
    }

    /** True when {@code value} meets the objective. */
    public boolean isMetBy(double value) {
        return value <= max;
    }

    /** "p95 response time ≤ 200 ms" — for chart labels and findings. */
    public String describe() {
        MetricDisplay display = MetricCatalog.describe(metric);
        return lowerCaseFirst(display.label()) + " ≤ " + display.formatWithUnit(max);
    }

    private static Optional<Sla> parse(Map<?, ?> map) {
        Object metric = map.get("metric");
        Object scope = map.get("scope");
        if (!(metric instanceof String m) || !(scope instanceof String s)) {
            return Optional.empty();
        }
        return Durations.seconds(map.get("max")).map(max -> new Sla(m, s, max));
    }

    private static String lowerCaseFirst(String label) {
        if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1))) {
            return Character.toLowerCase(label.charAt(0)) + label.substring(1);
        }
        return label;
    }
}
