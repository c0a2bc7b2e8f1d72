package org.hvsim.scenario.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.hvsim.core.experiment.Progress;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.chart.ArchitecturePalette;
import org.hvsim.report.chart.TimeSeriesChart;
import org.hvsim.report.data.JsonResultReader;
import org.hvsim.report.data.JsonResultWriter;
import org.hvsim.scenario.Fixtures;
import org.hvsim.scenario.ScenarioLoader;
import org.hvsim.scenario.ScenarioRunner;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fault's onset and repair go from the model into the results and onto the response-time chart. */
class FaultMarksTest {

    @TempDir
    Path out;

    private static final String SCENARIO = Fixtures.nativeRun("marks", 4, 2, "0 s", "100 s") + """
            host: { cpus: 2, memory: 4 GB }
            vms:
              - name: web
                count: 2
                memory: 1 GB
            %s
            faults:
              - { name: web0-crash, component: guest, vm: web#0, at: 30 s, repair: 10 s }
              - { name: late, component: guest, vm: web#1, at: 95 s, repair: 1 h }
            fault_settings: { boot: 0 s }
            """.formatted(Fixtures.workload().indent(4));

    @Test
    void onsetsAndRepairsWithinTheRunAreMarkedAndKept() throws Exception {
        ExperimentResult r = ScenarioRunner.run(ScenarioLoader.load("s.yaml", SCENARIO), 1, Progress.NONE);
        List<ExperimentResult.Mark> marks = r.marks();
        // web0-crash at 30 s and back at 40 s; late at 95 s, its repair after the end left out
        assertEquals(List.of(new ExperimentResult.Mark("native", 30, "guest", "web0-crash fails"),
                new ExperimentResult.Mark("native", 40, "guest", "web0-crash repaired"),
                new ExperimentResult.Mark("native", 95, "guest", "late fails")), marks);
        assertFalse(TimeSeriesChart.seriesOf(r, "web", "response_time_mean").isEmpty(),
                "a scenario with faults records the response time over time");

        new JsonResultWriter().write(r, out);
        assertEquals(marks, JsonResultReader.read(out.resolve(JsonResultWriter.FILE_NAME)).marks());

        XYPlot plot = TimeSeriesChart.responseTime(r, "web", ArchitecturePalette.of(r), Optional.empty()).getXYPlot();
        Collection<?> lines = plot.getDomainMarkers(Layer.BACKGROUND);
        assertEquals(3, lines.size());
        assertTrue(lines.stream().anyMatch(m -> ((ValueMarker) m).getValue() == 40
                && "web0-crash repaired".equals(((ValueMarker) m).getLabel())));
    }

    @Test
    void withoutFaultsThereIsNoResponseTimeSeriesAndNoMark() throws Exception {
        String text = SCENARIO.substring(0, SCENARIO.indexOf("faults:"));
        ExperimentResult r = ScenarioRunner.run(ScenarioLoader.load("s.yaml", text), 1, Progress.NONE);
        assertTrue(r.marks().isEmpty());
        assertTrue(TimeSeriesChart.responseTimeScopes(r).isEmpty());
    }
}
