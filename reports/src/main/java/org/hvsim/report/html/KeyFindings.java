package org.hvsim.report.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hvsim.core.result.Metric;
import org.hvsim.core.result.RunSummary;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.report.metric.MetricCatalog;
import org.hvsim.report.metric.MetricDisplay;
import org.hvsim.report.metric.MetricDisplay.Preference;
import org.hvsim.report.metric.Scopes;
import org.hvsim.core.result.Sla;
import org.hvsim.report.sweep.ComparisonPoint;

/**
 * The report's key findings: one sentence each, written for a decision. Per VM: whether the
 * architectures carry the same throughput at the same offered load; which hypervisor gives the
 * lowest mean and p95 response time and by how much; what each costs against native. For the host:
 * how much CPU each architecture burns beyond the guests' own work. In a one-parameter sweep with
 * an SLA: how far each architecture can go within the SLA and how many more requests that serves.
 *
 * <p>Statistics: each comparison says whether the two 95 % confidence intervals overlap. Overlap is
 * called "not significant"; that is conservative (the runs use common random numbers, and a paired
 * test on the replications could separate closer means), so "significant" is never claimed wrongly.
 * Plain text; the caller escapes it.
 */
public final class KeyFindings {

    /** Response-time metrics compared per VM, in order. */
    public static final List<String> RESPONSE_TIMES = List.of(Metric.RESPONSE_TIME_P95.name(), Metric.RESPONSE_TIME_MEAN.name());

    /** Metrics of later issues compared with the generic sentence, per scope. */
    public static final List<String> OTHER_COMPARED = List.of(Metric.AVAILABILITY.name(), Metric.MAX_VMS_PER_HOST.name(), Metric.HOSTS_NEEDED.name(),
            Metric.COST_PER_VM.name());

    /** Host CPU that is not guest work and not idle: the cost of virtualizing. */
    public static final List<String> OVERHEAD = List.of(Metric.CPU_UTIL_VIRTUALIZATION.name(), Metric.CPU_UTIL_HYPERVISOR.name(),
            Metric.CPU_UTIL_PARENT.name(), Metric.CPU_UTIL_MANAGEMENT.name());

    /** True for an architecture without virtualization (of the native family), a baseline of comparisons. */
    static boolean isBaseline(ExperimentResult result, String architecture) {
        return RunSummary.NATIVE.equals(result.run().familyOf(architecture));
    }

    /** The first architecture of the native family, if the run has one. */
    static Optional<String> baseline(ExperimentResult result) {
        return result.architectures().stream().filter(a -> isBaseline(result, a)).findFirst();
    }

    private KeyFindings() {
    }

    /** A comparison's winner and its sentence. */
    public record Comparison(String best, String worst, String sentence) {
    }

    /** All findings, in a stable order. */
    public static List<String> of(ExperimentResult result) {
        List<String> findings = new ArrayList<>();
        if (!result.isSweep()) {
            return atOnePoint(result);
        }
        slaCapacity(result).ifPresent(findings::add);
        Map<String, String> point = ComparisonPoint.of(result);
        String where = " at " + ExperimentResult.describe(point) + ": ";
        for (String finding : atOnePoint(result.atPoint(point))) {
            // every finding starts "scope: "; the point goes right after the scope
            int colon = finding.indexOf(": ");
            findings.add(colon < 0 ? finding : finding.substring(0, colon) + where + finding.substring(colon + 2));
        }
        return findings;
    }

    /** The findings of a result without sweep (or of one sweep point). */
    static List<String> atOnePoint(ExperimentResult result) {
        List<String> findings = new ArrayList<>();
        for (String scope : Scopes.vmScopesWith(result, Metric.THROUGHPUT.name())) {
            throughput(result, scope).ifPresent(findings::add);
        }
        for (String metric : RESPONSE_TIMES) {
            for (String scope : Scopes.vmScopesWith(result, metric)) {
                amongHypervisors(result, scope, metric).ifPresent(c -> findings.add(c.sentence()));
                againstNative(result, scope, metric).ifPresent(findings::add);
            }
        }
        overhead(result, Scopes.HOST).ifPresent(findings::add);
        for (String metric : OTHER_COMPARED) {
            for (String scope : scopesWith(result, metric)) {
                compare(result, scope, metric, result.architectures()).ifPresent(c -> findings.add(c.sentence()));
            }
        }
        // a comparison of a VM that fell behind its arrivals compares run lengths, not architectures
        return findings.stream().map(f -> withInstabilityCaveat(result, f)).toList();
    }

    /** {@code finding} ("scope: …"), with a caution when its scope is unstable under some architecture. */
    static String withInstabilityCaveat(ExperimentResult result, String finding) {
        int colon = finding.indexOf(": ");
        if (colon < 0) {
            return finding;
        }
        String scope = finding.substring(0, colon);
        List<String> under = result.unstable().stream()
                .filter(u -> scope.equals(u.scope()) || scope.startsWith(u.scope() + "/") || scope.startsWith(u.scope() + "@"))
                .map(org.hvsim.core.result.Unstable::architecture).distinct().toList();
        return under.isEmpty() ? finding : finding + " Caution: " + scope + " is unstable under "
                + String.join(", ", under) + " (offered more than it served), so its figures there describe a "
                + "growing backlog, not a steady state.";
    }

    /**
     * Whether the architectures complete the same requests per second at the same offered load
     * ("web: every architecture completes 240 requests/s …"), or which completes the most.
     */
    public static Optional<String> throughput(ExperimentResult result, String scope) {
        List<Figure> figures = figures(result, scope, Metric.THROUGHPUT.name(), result.architectures());
        if (figures.size() < 2) {
            return Optional.empty();
        }
        MetricDisplay display = MetricCatalog.describe(Metric.THROUGHPUT.name());
        if (allOverlap(figures)) {
            double low = figures.stream().mapToDouble(f -> f.estimate().mean()).min().orElseThrow();
            double high = figures.stream().mapToDouble(f -> f.estimate().mean()).max().orElseThrow();
            String amount = display.format(low).equals(display.format(high)) ? display.formatWithUnit(low)
                    : display.format(low) + "–" + display.formatWithUnit(high);
            return Optional.of(scope + ": every architecture completes the same " + amount
                    + " at the same offered load (differences not significant: the 95 % confidence intervals "
                    + "overlap), so they differ in response time and CPU cost, not in the work done.");
        }
        return compare(result, scope, Metric.THROUGHPUT.name(), result.architectures()).map(c -> c.sentence()
                .replace(" has the highest throughput", " completes the most requests at the same offered load"));
    }

    /**
     * The best and worst hypervisor (every architecture but native; all of them without native) on a
     * response time: "web: of the hypervisors, microkernel gives the lowest p95 response time, 3.8 %
     * below hosted (35.76 ms vs 37.19 ms); significant: …".
     */
    public static Optional<Comparison> amongHypervisors(ExperimentResult result, String scope, String metric) {
        List<String> hypervisors = result.architectures().stream().filter(a -> !isBaseline(result, a)).toList();
        boolean withBaseline = hypervisors.size() < result.architectures().size();
        List<String> compared = withBaseline ? hypervisors : result.architectures();
        List<Figure> figures = figures(result, scope, metric, compared);
        if (figures.size() < 2) {
            return Optional.empty();
        }
        MetricDisplay display = MetricCatalog.describe(metric);
        String group = withBaseline ? "of the hypervisors" : "of the architectures";
        Figure best = figures.stream().min(Comparator.comparingDouble(f -> f.estimate().mean())).orElseThrow();
        Figure worst = figures.stream().max(Comparator.comparingDouble(f -> f.estimate().mean())).orElseThrow();
        String label = lowerCaseFirst(display.label());
        if (allOverlap(figures)) {
            return Optional.of(new Comparison(best.architecture(), worst.architecture(), scope + ": " + group
                    + ", none gives a clearly lower " + label + " — from " + display.formatWithUnit(best.estimate().mean())
                    + " (" + best.architecture() + ") to " + display.formatWithUnit(worst.estimate().mean()) + " ("
                    + worst.architecture() + "); not significant: the 95 % confidence intervals overlap."));
        }
        return Optional.of(new Comparison(best.architecture(), worst.architecture(), scope + ": " + group + ", "
                + best.architecture() + " gives the lowest " + label + ", "
                + percent(relative(best.estimate().mean(), worst.estimate().mean())) + " below " + worst.architecture()
                + " (" + display.formatWithUnit(best.estimate().mean()) + " vs "
                + display.formatWithUnit(worst.estimate().mean()) + "); "
                + significance(best.estimate(), worst.estimate()) + "."));
    }

    /**
     * What each hypervisor adds to a response time against native: "web: p95 response time against
     * native (35.72 ms): microkernel +0.1 % (not significant), monolithic +3 %, hosted +4.1 %."
     */
    public static Optional<String> againstNative(ExperimentResult result, String scope, String metric) {
        Optional<Figure> baseline = baseline(result).flatMap(b -> result.find(b, scope, metric))
                .filter(f -> Double.isFinite(f.estimate().mean()) && f.estimate().mean() != 0);
        if (baseline.isEmpty()) {
            return Optional.empty();
        }
        List<String> hypervisors = result.architectures().stream().filter(a -> !isBaseline(result, a)).toList();
        List<Figure> figures = new ArrayList<>(figures(result, scope, metric, hypervisors));
        if (figures.isEmpty()) {
            return Optional.empty();
        }
        figures.sort(Comparator.comparingDouble(f -> f.estimate().mean()));
        MetricDisplay display = MetricCatalog.describe(metric);
        Estimate base = baseline.get().estimate();
        StringBuilder s = new StringBuilder(scope).append(": ").append(lowerCaseFirst(display.label()))
                .append(" against ").append(baseline.get().architecture()).append(" (")
                .append(display.formatWithUnit(base.mean())).append("): ");
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            double change = (f.estimate().mean() - base.mean()) / Math.abs(base.mean()) * 100.0;
            s.append(i == 0 ? "" : ", ").append(f.architecture()).append(' ')
                    .append(change >= 0 ? "+" : "−").append(MetricDisplay.formatNumber(Math.abs(change), 2)).append(" %");
            String significance = significance(f.estimate(), base);
            if (!significance.startsWith("significant")) {
                s.append(" (").append(significance.substring(0, significance.indexOf(':'))).append(')');
            }
        }
        return Optional.of(s.append('.').toString());
    }

    /**
     * The best and worst architecture on {@code metric} in {@code scope} among {@code architectures}:
     * "host: monolithic has the highest VMs per host meeting every SLA, 50 % higher than hosted (12 VMs
     * vs 8 VMs); significant: …". Empty when fewer than two have a finite mean or the metric has no
     * better direction.
     */
    public static Optional<Comparison> compare(ExperimentResult result, String scope, String metric,
                                               List<String> architectures) {
        MetricDisplay display = MetricCatalog.describe(metric);
        if (display.preference() == Preference.NEUTRAL) {
            return Optional.empty();
        }
        boolean lowerIsBetter = display.preference() == Preference.LOWER_IS_BETTER;
        List<Figure> figures = figures(result, scope, metric, architectures);
        if (figures.size() < 2) {
            return Optional.empty();
        }
        Comparator<Figure> byMean = Comparator.comparingDouble(f -> f.estimate().mean());
        Figure best = lowerIsBetter ? figures.stream().min(byMean).orElseThrow() : figures.stream().max(byMean).orElseThrow();
        Figure worst = lowerIsBetter ? figures.stream().max(byMean).orElseThrow() : figures.stream().min(byMean).orElseThrow();
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
            s.append(", ").append(percent(relative(b, w))).append(' ')
                    .append(lowerIsBetter ? "lower" : "higher").append(" than ").append(worst.architecture());
        } else {
            s.append(", against ").append(worst.architecture());
        }
        s.append(" (").append(display.formatWithUnit(b)).append(" vs ").append(display.formatWithUnit(w))
                .append("); ").append(significance(best.estimate(), worst.estimate())).append('.');
        return Optional.of(new Comparison(best.architecture(), worst.architecture(), s.toString()));
    }

    /** As {@link #compare(ExperimentResult, String, String, List)} over every architecture, sentence only. */
    public static Optional<String> compare(ExperimentResult result, String scope, String metric) {
        return compare(result, scope, metric, result.architectures()).map(Comparison::sentence);
    }

    /**
     * Whether two estimates' 95 % intervals overlap, as the clause a finding ends with: "significant:
     * the 95 % confidence intervals do not overlap", "not significant: …overlap", or "significance
     * unknown: …".
     */
    static String significance(Estimate a, Estimate b) {
        if (!hasInterval(a) || !hasInterval(b)) {
            return "significance unknown: too few replications for a confidence interval";
        }
        return overlap(a, b)
                ? "not significant: the 95 % confidence intervals overlap"
                : "significant: the 95 % confidence intervals do not overlap";
    }

    /**
     * Host CPU burnt beyond the guests' own work, per architecture, dearest first: "host: beyond the
     * guests' own work (24 % of the CPU under every architecture), hosted spends 2.96 % of the CPU on
     * virtualization, hypervisor, parent and management (12 % more CPU than the work itself),
     * monolithic 0.825 % (3.4 % more), microkernel 0.105 % (0.44 % more) and native 0 % (means).".
     */
    public static Optional<String> overhead(ExperimentResult result, String scope) {
        record Share(String architecture, double share, double guest) {
        }
        List<Share> shares = new ArrayList<>();
        for (String architecture : result.architectures()) {
            double sum = 0;
            boolean any = false;
            for (String metric : OVERHEAD) {
                Optional<Figure> f = result.find(architecture, scope, metric);
                if (f.isPresent() && Double.isFinite(f.get().estimate().mean())) {
                    sum += f.get().estimate().mean();
                    any = true;
                }
            }
            if (any) {
                double guest = result.find(architecture, scope, Metric.CPU_UTIL_GUEST.name()).map(f -> f.estimate().mean())
                        .orElse(Double.NaN);
                shares.add(new Share(architecture, sum, guest));
            }
        }
        if (shares.isEmpty()) {
            return Optional.empty();
        }
        shares.sort(Comparator.comparingDouble(Share::share).reversed());
        double guest = shares.get(0).guest();
        boolean sameGuest = Double.isFinite(guest) && shares.stream().allMatch(x -> Math.abs(x.guest() - guest)
                <= 0.01 * Math.abs(guest));
        StringBuilder s = new StringBuilder(scope).append(": beyond the guests' own work");
        if (sameGuest) {
            s.append(" (").append(MetricDisplay.formatNumber(guest * 100, 3))
                    .append(" % of the CPU under every architecture)");
        }
        s.append(", ");
        for (int i = 0; i < shares.size(); i++) {
            Share x = shares.get(i);
            s.append(i == 0 ? "" : i == shares.size() - 1 ? " and " : ", ").append(x.architecture()).append(' ')
                    .append(i == 0 ? "spends " : "").append(MetricDisplay.formatNumber(x.share() * 100.0, 3))
                    .append(" %");
            if (i == 0) {
                s.append(" of the CPU on virtualization, hypervisor, parent and management");
            }
            if (Double.isFinite(x.guest()) && x.guest() > 0 && x.share() > 0) {
                s.append(" (").append(MetricDisplay.formatNumber(x.share() / x.guest() * 100.0, 2))
                        .append(i == 0 ? " % more CPU than the work itself)" : " % more)");
            }
        }
        return Optional.of(s.append(" (means).").toString());
    }

    /**
     * In a one-parameter numeric sweep with an SLA: up to which parameter value each architecture
     * meets the SLA (linear interpolation of the means between the last point that meets it and the
     * first that misses it), the throughput of the SLA's scope there, and how many more requests the
     * best hypervisor serves than the worst at the same response-time objective.
     */
    public static Optional<String> slaCapacity(ExperimentResult result) {
        List<String> names = result.parameters();
        List<Sla> slas = result.run().slas();
        if (names.size() != 1 || slas.isEmpty()) {
            return Optional.empty();
        }
        Sla sla = slas.get(0);
        List<SlaCapacity.Limit> limits = SlaCapacity.limits(result, names.get(0), sla);
        if (limits.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(SlaCapacity.sentence(names.get(0), sla, limits, a -> isBaseline(result, a)));
    }

    private static List<Figure> figures(ExperimentResult result, String scope, String metric,
                                        List<String> architectures) {
        List<Figure> figures = new ArrayList<>();
        for (String architecture : architectures) {
            result.find(architecture, scope, metric).filter(f -> Double.isFinite(f.estimate().mean()))
                    .ifPresent(figures::add);
        }
        return figures;
    }

    /** True when every pair of intervals overlaps (each has one). */
    private static boolean allOverlap(List<Figure> figures) {
        for (Figure a : figures) {
            for (Figure b : figures) {
                if (!hasInterval(a.estimate()) || !hasInterval(b.estimate()) || !overlap(a.estimate(), b.estimate())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean hasInterval(Estimate e) {
        return Double.isFinite(e.ciLow()) && Double.isFinite(e.ciHigh());
    }

    private static boolean overlap(Estimate a, Estimate b) {
        return a.ciLow() <= b.ciHigh() && b.ciLow() <= a.ciHigh();
    }

    private static double relative(double value, double reference) {
        return Math.abs(value - reference) / Math.abs(reference) * 100.0;
    }

    static String percent(double value) {
        return MetricDisplay.formatNumber(value, 2) + " %";
    }

    private static List<String> scopesWith(ExperimentResult result, String metric) {
        List<String> scopes = new ArrayList<>();
        for (Figure f : result.figures()) {
            if (f.metric().equals(metric) && !scopes.contains(f.scope())) {
                scopes.add(f.scope());
            }
        }
        return scopes;
    }

    static String lowerCaseFirst(String label) {
        // "Mean response time" reads as "the lowest mean response time"; keep acronyms like "CPU"
        if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1))) {
            return Character.toLowerCase(label.charAt(0)) + label.substring(1);
        }
        return label;
    }
}
