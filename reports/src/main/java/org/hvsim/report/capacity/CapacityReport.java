package org.hvsim.report.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.core.result.Metric;
import org.hvsim.core.result.RunSummary;
import org.hvsim.report.chart.ArchitecturePalette;
import org.hvsim.report.chart.CapacityChart;
import org.hvsim.report.data.CapacityCsvWriter;
import org.hvsim.report.data.CsvResultWriter;
import org.hvsim.report.data.JsonResultWriter;
import org.hvsim.report.html.HtmlReport;
import org.hvsim.report.html.ReportChart;

/**
 * The outputs of {@code hvsim capacity}: metrics.csv and results.json with the host-scope figures
 * {@code max_vms_per_host} (and {@code hosts_needed}, {@code cost_per_vm} when the scenario sizes a
 * fleet or prices it) per architecture, capacity.csv, and report.html with the capacity chart and the
 * SLA figure against the number of VMs.
 */
public final class CapacityReport {

    public static final String SECTION = "Capacity per host";
    static final int WIDTH = 900;
    static final int HEIGHT = 500;

    private CapacityReport() {
    }

    /** The figures of the search as an experiment result: one host-scope figure per architecture and metric. */
    public static ExperimentResult result(CapacityResults results, String name, String description, long seed,
            Map<String, Object> resolved, RunSummary run) {
        List<Figure> figures = new ArrayList<>();
        List<String> archs = new ArrayList<>();
        for (CapacityResults.Entry e : results.entries()) {
            archs.add(e.architecture());
            figures.add(new Figure(e.architecture(), Metric.HOST_SCOPE, Metric.MAX_VMS_PER_HOST.name(),
                    exact(e.maxVms(), e)));
            if (e.hostsNeeded() >= 0) {
                figures.add(new Figure(e.architecture(), Metric.HOST_SCOPE, Metric.HOSTS_NEEDED.name(),
                        exact(e.hostsNeeded(), e)));
            }
            if (!Double.isNaN(e.costPerVm())) {
                figures.add(new Figure(e.architecture(), Metric.HOST_SCOPE, Metric.COST_PER_VM.name(),
                        exact(e.costPerVm(), e)));
            }
        }
        return new ExperimentResult(name, description, seed, archs, figures, List.of(), resolved, run, List.of());
    }

    /** A figure the search decides rather than estimates: no interval; replications over the whole search. */
    private static Estimate exact(double value, CapacityResults.Entry e) {
        return new Estimate(value, Double.NaN, Double.NaN, e.replications());
    }

    /**
     * The SLA figure at every evaluated count, as a result swept over "TEMPLATE.count", for the curve.
     */
    public static ExperimentResult curve(CapacityResults results, ExperimentResult summary) {
        List<Figure> figures = new ArrayList<>();
        String parameter = results.template() + ".count";
        results.sla().ifPresent(sla -> {
            for (CapacityResults.Entry e : results.entries()) {
                for (CapacityResults.Point p : e.curve()) {
                    if (p.figure() != null) {
                        figures.add(new Figure(e.architecture(), sla.scope(), sla.metric(), p.figure(),
                                Map.of(parameter, Integer.toString(p.count()))));
                    }
                }
            }
        });
        return new ExperimentResult(summary.name(), summary.description(), summary.seed(), summary.architectures(),
                figures, List.of(), summary.resolvedScenario(), summary.run(), List.of());
    }

    /** The report's charts of the search. */
    public static List<ReportChart> charts(CapacityResults results, ExperimentResult summary) {
        ArchitecturePalette palette = ArchitecturePalette.of(summary);
        List<ReportChart> charts = new ArrayList<>();
        StringBuilder caption = new StringBuilder("The most " + results.template()
                + " VMs one host carries under each architecture while every constraint holds (an SLA at the upper "
                + "bound of its 95 % interval, memory admission, CPU headroom if set), labelled with what binds it.");
        for (CapacityResults.Entry e : results.entries()) {
            caption.append(' ').append(e.architecture()).append(": ").append(e.maxVms());
            if (e.hostsNeeded() >= 0) {
                caption.append(", ").append(e.hostsNeeded()).append(" hosts for the fleet");
            }
            if (!Double.isNaN(e.costPerVm())) {
                caption.append(String.format(java.util.Locale.ROOT, ", %.2f per VM per year", e.costPerVm()))
                        .append(e.edition().isEmpty() ? "" : " with " + e.edition() + " guest licences");
            }
            caption.append(", ").append(e.note()).append('.');
        }
        charts.add(new ReportChart(SECTION, "capacity-vms-per-host", caption.toString(),
                CapacityChart.create(results, palette), HEIGHT));
        ExperimentResult curve = curve(results, summary);
        if (CapacityChart.hasCurve(results) && curve.values(results.template() + ".count").size() >= 2) {
            charts.add(new ReportChart(SECTION, "capacity-curve",
                    "The SLA's figure at each count the search evaluated, a line per architecture with 95 % "
                            + "confidence intervals; the dashed red line is the SLA, a dotted line each "
                            + "architecture's chosen count.",
                    CapacityChart.curve(curve, results, palette), HEIGHT));
        }
        return charts;
    }

    /** Writes metrics.csv, results.json, capacity.csv, report.html and charts/ into {@code directory}. */
    public static void writeAll(CapacityResults results, ExperimentResult summary, Path directory) throws IOException {
        Files.createDirectories(directory);
        new CsvResultWriter().write(summary, directory);
        new JsonResultWriter().write(summary, directory);
        CapacityCsvWriter.write(results, directory);
        new HtmlReport().withLeadingCharts(charts(results, summary)).write(summary, directory);
    }
}
