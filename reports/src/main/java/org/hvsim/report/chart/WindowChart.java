package org.hvsim.report.chart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.core.result.Sla;
import org.hvsim.report.metric.MetricCatalog;
import org.hvsim.report.metric.MetricDisplay;
import org.hvsim.report.metric.Scopes;

/**
 * Response time against the time of day: a VM's figures by window of its rate profile
 * ({@code VM@window} scopes, in the profile's order), one line per architecture with 95 % interval
 * bars across replications, and the SLA when it is stated on one of the windows.
 */
public final class WindowChart {

    private WindowChart() {
    }

    /** The VM templates that have figures by window, in order of first appearance. */
    public static List<String> vms(ExperimentResult result) {
        Set<String> vms = new LinkedHashSet<>();
        for (Figure f : result.figures()) {
            if (Scopes.isWindow(f.scope())) {
                vms.add(f.scope().substring(0, f.scope().indexOf('@')));
            }
        }
        return new ArrayList<>(vms);
    }

    /** The window scopes of {@code vm} that have {@code metric}, in the profile's order. */
    static List<String> windows(ExperimentResult result, String vm, String metric) {
        Set<String> scopes = new LinkedHashSet<>();
        for (Figure f : result.figures()) {
            if (f.scope().startsWith(vm + "@") && f.metric().equals(metric)) {
                scopes.add(f.scope());
            }
        }
        return new ArrayList<>(scopes);
    }

    /** The SLA stated on a window of {@code vm} for {@code metric}, if any. */
    public static Optional<Sla> sla(ExperimentResult result, String vm, String metric) {
        return result.run().slas().stream()
                .filter(s -> s.scope().startsWith(vm + "@") && s.metric().equals(metric)).findFirst();
    }

    public static JFreeChart create(ExperimentResult result, String vm, String metric, ArchitecturePalette palette) {
        MetricDisplay display = MetricCatalog.forChart(metric, result);
        List<String> scopes = windows(result, vm, metric);
        String[] labels = scopes.stream().map(s -> s.substring(vm.length() + 1)).toArray(String[]::new);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (String architecture : result.architectures()) {
            YIntervalSeries series = new YIntervalSeries(architecture);
            for (int i = 0; i < scopes.size(); i++) {
                Optional<Figure> f = result.find(architecture, scopes.get(i), metric);
                if (f.isPresent() && Double.isFinite(f.get().estimate().mean())) {
                    SweepCurveChart.add(series, i, f.get().estimate(), display);
                }
            }
            if (series.getItemCount() > 0) {
                data.addSeries(series);
            }
        }
        // Windows of a rate profile, or a cluster's stretches between scripted faults: both in hh:mm of the
        // simulated day. No alternating grid bands: on a time chart they read as the shaded warm-up.
        SymbolAxis x = new SymbolAxis("Window (hh:mm of the simulated day)", labels);
        x.setGridBandsVisible(false);
        x.setLabelFont(ChartStyle.LABEL_FONT);
        x.setTickLabelFont(ChartStyle.TICK_FONT);
        x.setVerticalTickLabels(labels.length > 8);
        Optional<Sla> sla = sla(result, vm, metric);
        String on = sla.map(s -> " (SLA on " + s.scope().substring(vm.length() + 1) + ")").orElse("");
        return SweepCurveChart.curves(data, x, display, sla, display.label() + " of " + vm + " by time of day" + on,
                palette);
    }
}
