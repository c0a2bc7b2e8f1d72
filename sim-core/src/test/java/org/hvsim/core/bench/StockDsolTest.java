package org.hvsim.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's stock-DSOL baseline does the same work as the engine's baselines: the same chains, the
 * same draws in the same event order, so exactly the same events up to the end of the run.
 */
class StockDsolTest {

    @Test
    void runsExactlyTheEventsTheEnginesBaselineRuns() {
        for (int chains : new int[] {1, 2, 37}) {
            long engine = EngineBaseline.dsolDefault(50_000, chains, 7);
            for (StockDsol.EventList list : StockDsol.EventList.values()) {
                StockDsol.Run run = StockDsol.run(50_000, chains, 7, list);
                assertEquals(engine, run.events(), chains + " chains on " + list);
                assertTrue(run.seconds() > 0 && run.eventsPerSecond() > 0);
            }
        }
    }

    @Test
    void runsAboutTheEventsAskedFor() {
        // chains x run length / mean delay events are expected: 200,000, Poisson (sd about 450)
        long ran = StockDsol.run(200_000, 10, 3, StockDsol.EventList.PRIORITY_QUEUE).events();
        assertTrue(Math.abs(ran - 200_000) < 3_000, "events " + ran);
    }

    @Test
    void refusesAnEmptyRun() {
        assertThrows(IllegalArgumentException.class, () -> StockDsol.run(0, 2, 1, StockDsol.EventList.PRIORITY_QUEUE));
        assertThrows(IllegalArgumentException.class, () -> StockDsol.run(10, 0, 1, StockDsol.EventList.PRIORITY_QUEUE));
    }
}
