package org.hvsim.report.sweep;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.core.result.Sla;

/**
 * The sweep point at which a report compares architectures side by side (bars, breakdowns, tables,
 * findings): the last point, in sweep order, at which every architecture meets every SLA of the
 * scenario — the heaviest load that is still a fair comparison — or without SLAs the last point,
 * where differences are largest. When no point satisfies every SLA, the first point. Without a
 * sweep, the one empty point.
 */
public final class ComparisonPoint {

    private ComparisonPoint() {
    }

    /** The point to compare at. */
    public static Map<String, String> of(ExperimentResult result) {
        List<Map<String, String>> points = result.points();
        List<Sla> slas = result.run().slas();
        if (slas.isEmpty()) {
            return points.get(points.size() - 1);
        }
        for (int i = points.size() - 1; i >= 0; i--) {
            if (everyoneMeets(result, points.get(i), slas)) {
                return points.get(i);
            }
        }
        return points.get(0);
    }

    private static boolean everyoneMeets(ExperimentResult result, Map<String, String> point, List<Sla> slas) {
        for (String architecture : result.architectures()) {
            for (Sla sla : slas) {
                Optional<Figure> f = result.find(point, architecture, sla.scope(), sla.metric());
                if (f.isPresent() && !sla.isMetBy(f.get().estimate().mean())) {
                    return false;
                }
            }
        }
        return true;
    }
}
