package org.hvsim.report.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.report.metric.MetricCatalog;
import org.hvsim.report.metric.MetricDisplay;
import org.hvsim.report.metric.MetricDisplay.Preference;
import org.hvsim.report.metric.Scopes;

/**
 * One-sentence findings computed from the figures: per scope, which architecture is best on a
 * headline metric and by how much relative to the worst, and whether the 95 % confidence intervals
 * separate them; and how much host CPU each architecture spends on anything but guest work.
 * Plain text; the caller escapes it.
 */
public final class KeyFindings {

    /** Metrics compared per scope, in the order findings are listed. */
    public static final List<String> COMPARED = List.of("response_time_mean", "response_time_p95",
            "availability", "max_vms_per_host", "hosts_needed", "cost_per_vm");

    /** Host CPU that is not guest work and not idle: the cost of virtualizing. */
    public static final List<String> OVERHEAD = List.of("cpu_util_virtualization", "cpu_util_hypervisor",
            "cpu_util_parent", "cpu_util_management");

    /** The architecture without virtualization, the baseline of every comparison. */
    public static final String BASELINE = "native";

    private KeyFindings() {
    }

    /** A comparison's winner and its sentence. */
    public record Comparison(String best, String worst, String sentence) {
    }

    /** All findings, in a stable order. */
    public static List<String> of(ExperimentResult result) {
        List<String> findings = new ArrayList<>();
        List<String> virtualized = result.architectures().stream().filter(a -> !BASELINE.equals(a)).toList();
        for (String metric : COMPARED) {
            for (String scope : scopesWith(result, metric)) {
                Optional<Comparison> all = compare(result, scope, metric, result.architectures());
                all.ifPresent(c -> findings.add(c.sentence()));
                // native winning says little about the question asked: which hypervisor design is best
                if (all.isPresent() && BASELINE.equals(all.get().best()) && virtualized.size() >= 2) {
                    compare(result, scope, metric, virtualized)
                            .ifPresent(c -> findings.add(c.sentence().replaceFirst(
                                    ": ", ": among the virtualized architectures, ")));
                }
            }
        }
        overhead(result, Scopes.HOST).ifPresent(findings::add);
        return findings;
    }

    /**
     * The best and worst architecture on {@code metric} in {@code scope}, e.g. "web: monolithic has
     * the lowest mean response time, 31 % lower than hosted (12.3 ms vs 17.8 ms). …". Empty when
     * fewer than two architectures have a finite mean or the metric has no better direction.
     */
    public static Optional<String> compare(ExperimentResult result, String scope, String metric) {
        return compare(result, scope, metric, result.architectures()).map(Comparison::sentence);
    }

    /** As {@link #compare(ExperimentResult, String, String)}, among {@code architectures} only. */
    public static Optional<Comparison> compare(ExperimentResult result, String scope, String metric,
                                               List<String> architectures) {
        MetricDisplay display = MetricCatalog.describe(metric);
        if (display.preference() == Preference.NEUTRAL) {
            return Optional.empty();
        }
        boolean lowerIsBetter = display.preference() == Preference.LOWER_IS_BETTER;
        Figure best = null;
        Figure worst = null;
        int compared = 0;
        for (String architecture : architectures) {
            Figure f = result.find(architecture, scope, metric).orElse(null);
            if (f == null || !Double.isFinite(f.estimate().mean())) {
                continue;
            }
            compared++;
            double mean = f.estimate().mean();
            if (best == null || (lowerIsBetter ? mean < best.estimate().mean() : mean > best.estimate().mean())) {
                best = f;
            }
            if (worst == null || (lowerIsBetter ? mean > worst.estimate().mean() : mean < worst.estimate().mean())) {
                worst = f;
            }
        }
        if (compared < 2) {
            return Optional.empty();
        }
        String label = lowerCaseFirst(display.label());
        double b = best.estimate().mean();
        double w = worst.estimate().mean();
        if (b == w) {
            return Optional.of(new Comparison(best.architecture(), worst.architecture(),
                    scope + ": " + label + " is " + display.formatWithUnit(b) + " under every architecture."));
        }
        StringBuilder s = new StringBuilder();
        s.append(scope).append(": ").append(best.architecture()).append(" has the ")
                .append(lowerIsBetter ? "lowest " : "highest ").append(label);
        if (w != 0.0) {
            double relative = Math.abs(b - w) / Math.abs(w) * 100.0;
            s.append(", ").append(MetricDisplay.formatNumber(relative, 2)).append(" % ")
                    .append(lowerIsBetter ? "lower" : "higher").append(" than ").append(worst.architecture());
        } else {
            s.append(", against ").append(worst.architecture());
        }
        s.append(" (").append(display.formatWithUnit(b)).append(" vs ").append(display.formatWithUnit(w))
                .append("). ").append(significance(best.estimate(), worst.estimate()));
        return Optional.of(new Comparison(best.architecture(), worst.architecture(), s.toString()));
    }

    /**
     * Whether two estimates' intervals overlap. Overlap is a conservative test: with common random
     * numbers a paired comparison may still separate them, so the wording says "not shown".
     */
    static String significance(Estimate a, Estimate b) {
        if (!Double.isFinite(a.ciLow()) || !Double.isFinite(a.ciHigh())
                || !Double.isFinite(b.ciLow()) || !Double.isFinite(b.ciHigh())) {
            return "There is no confidence interval (too few replications), so significance is unknown.";
        }
        boolean overlap = a.ciLow() <= b.ciHigh() && b.ciLow() <= a.ciHigh();
        return overlap
                ? "The 95 % confidence intervals overlap, so the difference is not significant."
                : "The 95 % confidence intervals do not overlap.";
    }

    /** Host CPU spent on virtualization overhead per architecture, lowest first. */
    public static Optional<String> overhead(ExperimentResult result, String scope) {
        record Share(String architecture, double share) {
        }
        List<Share> shares = new ArrayList<>();
        for (String architecture : result.architectures()) {
            double sum = 0;
            boolean any = false;
            for (String metric : OVERHEAD) {
                var f = result.find(architecture, scope, metric);
                if (f.isPresent() && Double.isFinite(f.get().estimate().mean())) {
                    sum += f.get().estimate().mean();
                    any = true;
                }
            }
            if (any) {
                shares.add(new Share(architecture, sum));
            }
        }
        if (shares.isEmpty()) {
            return Optional.empty();
        }
        shares.sort(Comparator.comparingDouble(Share::share));
        StringBuilder s = new StringBuilder(scope)
                .append(": CPU spent on virtualization, hypervisor, parent and management (mean share of capacity): ");
        for (int i = 0; i < shares.size(); i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(shares.get(i).architecture()).append(' ')
                    .append(MetricDisplay.formatNumber(shares.get(i).share() * 100.0, 3)).append(" %");
        }
        return Optional.of(s.append('.').toString());
    }

    private static List<String> scopesWith(ExperimentResult result, String metric) {
        Set<String> scopes = new LinkedHashSet<>();
        for (Figure f : result.figures()) {
            if (f.metric().equals(metric)) {
                scopes.add(f.scope());
            }
        }
        return new ArrayList<>(scopes);
    }

    private static String lowerCaseFirst(String label) {
        // "Mean response time" reads as "the lowest mean response time"; keep acronyms like "CPU"
        if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1))) {
            return Character.toLowerCase(label.charAt(0)) + label.substring(1);
        }
        return label;
    }
}
