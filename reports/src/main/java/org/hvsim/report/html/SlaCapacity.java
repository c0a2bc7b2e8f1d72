package org.hvsim.report.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hvsim.core.result.Metric;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.report.metric.MetricCatalog;
import org.hvsim.report.metric.MetricDisplay;
import org.hvsim.core.result.Sla;
import org.hvsim.report.sweep.NumericValue;

/**
 * How far along a one-parameter sweep each architecture meets an SLA, and the throughput it serves
 * there. The limit is interpolated linearly between the last point that meets the SLA and the first
 * that misses it, from the means; it is an estimate between measured points, without an interval of
 * its own, and the sentence says "about".
 */
final class SlaCapacity {

    private SlaCapacity() {
    }

    /**
     * One architecture's limit: the parameter value up to which it meets the SLA, the throughput of
     * the SLA's scope there (NaN without throughput figures), how the limit was found, and the
     * parameter value of a point next to the limit whose 95 % confidence interval contains the SLA's
     * maximum, if there is one: there, meeting or missing the SLA is not statistically certain.
     */
    record Limit(String architecture, double value, double throughput, Kind kind, Optional<Double> straddling) {
    }

    /** Whether the limit lies inside the sweep, beyond its end, or before its start. */
    enum Kind { INTERPOLATED, WHOLE_SWEEP, NEVER }

    /** The limits of every architecture with figures of the SLA's metric; empty unless the parameter is numeric. */
    static List<Limit> limits(ExperimentResult result, String parameter, Sla sla) {
        List<String> values = result.values(parameter);
        if (NumericValue.commonUnit(values).isEmpty()) {
            return List.of();
        }
        List<Limit> limits = new ArrayList<>();
        for (String architecture : result.architectures()) {
            List<double[]> curve = new ArrayList<>(); // x, metric mean, throughput mean, ci low, ci high
            for (Map<String, String> point : result.points()) {
                Optional<Figure> f = result.find(point, architecture, sla.scope(), sla.metric());
                if (f.isEmpty() || !Double.isFinite(f.get().estimate().mean())) {
                    continue;
                }
                double throughput = result.find(point, architecture, sla.scope(), Metric.THROUGHPUT.name())
                        .map(t -> t.estimate().mean()).orElse(Double.NaN);
                curve.add(new double[] {NumericValue.parse(point.get(parameter)).orElseThrow().number(),
                        f.get().estimate().mean(), throughput, f.get().estimate().ciLow(), f.get().estimate().ciHigh()});
            }
            if (curve.isEmpty()) {
                continue;
            }
            curve.sort(Comparator.comparingDouble(p -> p[0]));
            limits.add(limit(architecture, curve, sla));
        }
        return limits;
    }

    private static Limit limit(String architecture, List<double[]> curve, Sla sla) {
        if (!sla.isMetBy(curve.get(0)[1])) {
            return new Limit(architecture, curve.get(0)[0], Double.NaN, Kind.NEVER, straddles(curve.get(0), sla));
        }
        for (int i = 1; i < curve.size(); i++) {
            double[] met = curve.get(i - 1);
            double[] missed = curve.get(i);
            if (!sla.isMetBy(missed[1])) {
                double f = (sla.max() - met[1]) / (missed[1] - met[1]);
                return new Limit(architecture, met[0] + f * (missed[0] - met[0]),
                        met[2] + f * (missed[2] - met[2]), Kind.INTERPOLATED,
                        straddles(missed, sla).or(() -> straddles(met, sla)));
            }
        }
        double[] last = curve.get(curve.size() - 1);
        return new Limit(architecture, last[0], last[2], Kind.WHOLE_SWEEP, straddles(last, sla));
    }

    /** The point's parameter value when its interval contains the SLA's maximum. */
    private static Optional<Double> straddles(double[] point, Sla sla) {
        double low = point[3];
        double high = point[4];
        return Double.isFinite(low) && Double.isFinite(high) && low <= sla.max() && sla.max() <= high
                ? Optional.of(point[0]) : Optional.empty();
    }

    /**
     * "Within the SLA (p95 response time of web ≤ 60 ms): hosted up to web.count ≈ 19.1 (about 763
     * requests/s); native, monolithic and microkernel over the whole sweep (to web.count = 20, 797
     * requests/s). At the same p95, monolithic serves at least 4.5 % more requests than hosted."
     */
    static String sentence(String parameter, Sla sla, List<Limit> limits) {
        MetricDisplay throughput = MetricCatalog.describe(Metric.THROUGHPUT.name());
        StringBuilder s = new StringBuilder("Within the SLA (").append(MetricCatalog.objective(sla).replaceFirst(" ≤",
                " of " + sla.scope() + " ≤")).append("): ");
        List<String> parts = new ArrayList<>();
        for (Kind kind : List.of(Kind.INTERPOLATED, Kind.WHOLE_SWEEP, Kind.NEVER)) {
            List<Limit> group = limits.stream().filter(l -> l.kind() == kind).toList();
            if (group.isEmpty()) {
                continue;
            }
            if (kind == Kind.INTERPOLATED) {
                for (Limit l : group.stream().sorted(Comparator.comparingDouble(Limit::value).reversed()).toList()) {
                    parts.add(l.architecture() + " up to " + parameter + " ≈ " + MetricDisplay.formatNumber(l.value(), 3)
                            + (Double.isFinite(l.throughput())
                                    ? " (about " + throughput.formatWithUnit(roundTo(l.throughput(), 3)) + ")" : ""));
                }
            } else if (kind == Kind.WHOLE_SWEEP) {
                Limit l = group.get(0);
                parts.add(names(group) + " over the whole sweep (to " + parameter + " = "
                        + MetricDisplay.formatNumber(l.value(), 6)
                        + (Double.isFinite(l.throughput()) ? ", " + throughput.formatWithUnit(roundTo(l.throughput(), 3))
                                : "") + ")");
            } else {
                parts.add(names(group) + " not even at " + parameter + " = "
                        + MetricDisplay.formatNumber(group.get(0).value(), 6));
            }
        }
        s.append(String.join("; ", parts)).append('.');
        comparison(limits, parameter).ifPresent(c -> s.append(' ').append(c));
        List<String> uncertain = new ArrayList<>();
        for (Limit l : limits) {
            l.straddling().ifPresent(x -> uncertain.add(l.architecture() + " at " + parameter + " = "
                    + MetricDisplay.formatNumber(x, 6)));
        }
        if (!uncertain.isEmpty()) {
            s.append(" Not certain for ").append(String.join(", ", uncertain))
                    .append(": the 95 % confidence interval there contains the SLA's limit; more replications "
                            + "would settle it.");
        }
        return s.toString();
    }

    /** "At the same p95, monolithic serves at least 4.5 % more requests than hosted (interpolated)." */
    private static Optional<String> comparison(List<Limit> limits, String parameter) {
        List<Limit> candidates = limits.stream().filter(l -> !KeyFindings.BASELINE.equals(l.architecture())
                && l.kind() != Kind.NEVER).toList();
        if (candidates.size() < 2) {
            candidates = limits.stream().filter(l -> l.kind() != Kind.NEVER).toList();
        }
        if (candidates.size() < 2) {
            return Optional.empty();
        }
        boolean byThroughput = candidates.stream().allMatch(l -> Double.isFinite(l.throughput()) && l.throughput() > 0);
        Comparator<Limit> order = Comparator.comparingDouble(l -> byThroughput ? l.throughput() : l.value());
        Limit worst = candidates.stream().min(order).orElseThrow();
        if (candidates.stream().allMatch(l -> l.kind() == Kind.WHOLE_SWEEP)) {
            return Optional.of("The sweep does not reach the SLA limit of " + names(candidates)
                    + "; extend it to compare their capacity.");
        }
        // every architecture that holds the SLA over the whole sweep is at least as good as the
        // sweep shows, and none of them can be ranked above another
        List<Limit> unbounded = candidates.stream().filter(l -> l.kind() == Kind.WHOLE_SWEEP).toList();
        List<Limit> best = unbounded.isEmpty() ? List.of(candidates.stream().max(order).orElseThrow()) : unbounded;
        double b = best.stream().mapToDouble(l -> byThroughput ? l.throughput() : l.value()).min().orElseThrow();
        double w = byThroughput ? worst.throughput() : worst.value();
        if (!(w > 0) || b <= w) {
            return Optional.empty();
        }
        String more = KeyFindings.percent((b - w) / w * 100.0);
        return Optional.of("At the same response-time objective, " + names(best) + (best.size() == 1 ? " serves " : " serve ")
                + (unbounded.isEmpty() ? "about " : "at least ") + more + " more "
                + (byThroughput ? "requests" : "of " + parameter) + " than " + worst.architecture()
                + " (limits interpolated between sweep points from the means).");
    }

    private static String names(List<Limit> limits) {
        List<String> names = limits.stream().map(Limit::architecture).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static double roundTo(double value, int digits) {
        return Double.parseDouble(MetricDisplay.formatNumber(value, digits));
    }
}
