package org.hvsim.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jfree.chart.JFreeChart;

import org.hvsim.core.result.Metric;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.report.metric.MetricCatalog;
import org.hvsim.report.metric.MetricDisplay;

/**
 * What virtualizing costs in CPU, on a scale where it can be seen: each overhead component of the
 * host's CPU (virtualization, hypervisor, parent partition, management) as % of the host's capacity,
 * a bar per architecture with its 95 % confidence interval. In the stacked breakdown these are
 * slivers on a 0–100 % axis; here they get the whole axis. Components that are zero under every
 * architecture are left out.
 */
public final class CpuOverheadChart {

    /** The overhead components, in the breakdown's stacking order. */
    public static final List<String> COMPONENTS = List.of(Metric.CPU_UTIL_VIRTUALIZATION.name(), Metric.CPU_UTIL_HYPERVISOR.name(),
            Metric.CPU_UTIL_PARENT.name(), Metric.CPU_UTIL_MANAGEMENT.name());

    private CpuOverheadChart() {
    }

    /** Components with a non-zero mean under some architecture in {@code scope}. */
    public static List<String> componentsShown(ExperimentResult result, String scope) {
        List<String> shown = new ArrayList<>();
        for (String metric : COMPONENTS) {
            for (String architecture : result.architectures()) {
                Optional<Figure> f = result.find(architecture, scope, metric);
                if (f.isPresent() && Double.isFinite(f.get().estimate().mean()) && f.get().estimate().mean() != 0) {
                    shown.add(metric);
                    break;
                }
            }
        }
        return shown;
    }

    /** True when some architecture spends CPU on some overhead component in {@code scope}. */
    public static boolean applies(ExperimentResult result, String scope) {
        return !componentsShown(result, scope).isEmpty();
    }

    /** The chart for {@code scope} (normally {@code host}). */
    public static JFreeChart create(ExperimentResult result, String scope, ArchitecturePalette palette) {
        ConfidenceIntervalDataset data = dataset(result, scope);
        return ComparisonChart.bars(data, "Overhead component", "Share of " + scope + " CPU capacity (%)",
                "CPU overhead of virtualization (" + scope + ")", 3, palette);
    }

    /** Rows = architectures, columns = component labels, values in %. */
    public static ConfidenceIntervalDataset dataset(ExperimentResult result, String scope) {
        List<String> components = componentsShown(result, scope);
        ConfidenceIntervalDataset data = new ConfidenceIntervalDataset();
        for (String architecture : result.architectures()) {
            if (components.stream().noneMatch(m -> result.find(architecture, scope, m).isPresent())) {
                continue;
            }
            for (String metric : components) {
                MetricDisplay display = MetricCatalog.forChart(metric, result);
                String label = CpuBreakdownChart.componentLabel(metric);
                Optional<Figure> f = result.find(architecture, scope, metric);
                if (f.isPresent()) {
                    Estimate e = f.get().estimate();
                    data.add(display.toDisplay(e.mean()), display.toDisplay(e.ciLow()), display.toDisplay(e.ciHigh()),
                            architecture, label);
                } else {
                    data.addValue(null, architecture, label);
                }
            }
        }
        return data;
    }
}
