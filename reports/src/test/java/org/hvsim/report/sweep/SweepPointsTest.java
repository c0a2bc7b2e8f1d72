package org.hvsim.report.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.report.Fixtures;

/** Sweep points of a result ({@link ExperimentResult#points()} and friends) and their numeric values. */
class SweepPointsTest {

    @Test
    void plainRunHasOneEmptyPoint() {
        ExperimentResult plain = Fixtures.standard();
        assertFalse(plain.isSweep());
        assertEquals(List.of(Map.of()), plain.points());
        assertEquals(plain.figures().size(), plain.atPoint(Map.of()).figures().size());
    }

    @Test
    void pointsInOrderOfFirstAppearance() {
        ExperimentResult sweep = Fixtures.sweep2d();
        List<Map<String, String>> points = sweep.points();
        assertEquals(6, points.size());
        assertEquals("web.count = 2, web.rate = 20 /s", ExperimentResult.describe(points.get(0)));
        assertEquals("web.count = 6, web.rate = 40 /s", ExperimentResult.describe(points.get(5)));
        assertEquals(List.of("2", "4", "6"), sweep.values("web.count"));
        assertEquals(List.of("20 /s", "40 /s"), sweep.values("web.rate"));
    }

    @Test
    void atPointKeepsOnlyThatPointsFiguresWithoutParameters() {
        ExperimentResult sweep = Fixtures.sweep2d();
        Map<String, String> point = sweep.points().get(3);
        ExperimentResult one = sweep.atPoint(point);
        assertEquals(Fixtures.standard().figures().size(), one.figures().size());
        assertTrue(one.figures().stream().allMatch(f -> f.parameters().isEmpty()));
        assertTrue(one.parameters().isEmpty());
        double expected = sweep.find(point, "hosted", "web", "response_time_mean").orElseThrow()
                .estimate().mean();
        assertEquals(expected, one.find("hosted", "web", "response_time_mean").orElseThrow().estimate().mean());
    }

    @Test
    void namesOnlyOnFiguresStillCount() {
        ExperimentResult undeclared = new ExperimentResult("u", "", 1, List.of("native"),
                List.of(new Figure("native", "web", "throughput", new Estimate(1, 1, 1, 2), Map.of("x", "1"))),
                List.of(), null, org.hvsim.core.result.RunSummary.NONE, List.of());
        assertEquals(List.of("x"), undeclared.parameters());
    }

    @Test
    void numericValuesWithAndWithoutUnits() {
        assertEquals(new NumericValue(4, ""), NumericValue.parse("4").orElseThrow());
        assertEquals(new NumericValue(40, "/s"), NumericValue.parse(" 40 /s ").orElseThrow());
        assertEquals(new NumericValue(0.5, "GB"), NumericValue.parse("0.5GB").orElseThrow());
        assertEquals(new NumericValue(1e3, "ms"), NumericValue.parse("1e3 ms").orElseThrow());
        assertEquals(Optional.empty(), NumericValue.parse("full"));
        assertEquals(Optional.empty(), NumericValue.parse("core-2"));
        assertEquals(Optional.of("/s"), NumericValue.commonUnit(List.of("20 /s", "40 /s")));
        assertEquals(Optional.of(""), NumericValue.commonUnit(List.of("2", "4")));
        assertEquals(Optional.empty(), NumericValue.commonUnit(List.of("20 /s", "4")));
        assertEquals(Optional.empty(), NumericValue.commonUnit(List.of("core", "full")));
        assertEquals(Optional.empty(), NumericValue.commonUnit(List.of()));
    }
}
