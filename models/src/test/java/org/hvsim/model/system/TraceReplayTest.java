package org.hvsim.model.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hvsim.core.engine.ReplicationModel;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.ReplicationRunner;
import org.hvsim.core.engine.ReplicationSpec;
import org.hvsim.core.engine.Simulation;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.TraceRecord;
import org.hvsim.model.workload.TraceSource;
import org.junit.jupiter.api.Test;

/** A trace replays its records at their scaled instants with their scaled demands, one read ahead. */
class TraceReplayTest {

    private static final List<TraceRecord> RECORDS = List.of(
            new TraceRecord(0.5, 0.010, 0, 0, 0),
            new TraceRecord(1.25, 0.002, 2, 8192, 0),
            new TraceRecord(3.0, 0, 1, 0, 1500),
            new TraceRecord(4.75, 0.031, 0, 0, 64));

    /** An in-memory trace that counts what has been read from it, and how many readings are open. */
    private static final class CountingSource implements TraceSource {
        int read;
        int open;
        int maxOpen;

        @Override
        public String name() {
            return "memory";
        }

        @Override
        public Reader open() {
            open++;
            maxOpen = Math.max(maxOpen, open);
            return new Reader() {
                int next;

                @Override
                public TraceRecord next() {
                    if (next == RECORDS.size()) {
                        return null;
                    }
                    read++;
                    return RECORDS.get(next++);
                }

                @Override
                public void close() {
                    open--;
                }
            };
        }
    }

    private record Seen(double now, TraceRecord record, int readSoFar) {
    }

    private static List<Seen> replay(CountingSource source, Arrivals.Trace trace, double runLength) {
        List<Seen> seen = new ArrayList<>();
        ReplicationModel model = new ReplicationModel() {
            @Override
            public void construct(Simulation sim) {
                new TraceReplay(sim, trace, r -> seen.add(new Seen(sim.now(), r, source.read))).start();
            }

            @Override
            public void collect(Simulation sim, ReplicationOutput out) {
            }
        };
        ReplicationRunner.run(model, new ReplicationSpec(1, 0, 0, runLength, 60));
        return seen;
    }

    @Test
    void recordsArriveAtTheirScaledTimesWithTheirScaledDemands() {
        CountingSource source = new CountingSource();
        Arrivals.Trace trace = new Arrivals.Trace(source, 2.0, 3.0, 0, RECORDS.size(), 4.75, "d0", false, "n0");
        List<Seen> seen = replay(source, trace, 100);
        assertEquals(RECORDS.size(), seen.size(), "every record once, then the stream stops");
        for (int i = 0; i < RECORDS.size(); i++) {
            TraceRecord in = RECORDS.get(i);
            TraceRecord out = seen.get(i).record();
            assertEquals(in.time() * 2.0, seen.get(i).now(), 0, "arrival instant");
            assertEquals(in.time() * 2.0, out.time(), 0);
            assertEquals(in.cpu() * 3.0, out.cpu(), 0);
            assertEquals(in.diskOps(), out.diskOps());
            assertEquals(in.diskBytes() * 3.0, out.diskBytes(), 0);
            assertEquals(in.netBytes() * 3.0, out.netBytes(), 0);
            // streamed: at the i-th arrival the replay has read that record and the next one, no more
            assertEquals(Math.min(i + 2, RECORDS.size()), seen.get(i).readSoFar(), "records read at arrival " + i);
        }
        assertEquals(0, source.open, "the reading is closed at the end of the trace");
    }

    @Test
    void aRepeatedTraceStartsAgainEveryPeriodUntilTheEnd() {
        CountingSource source = new CountingSource();
        Arrivals.Trace trace = new Arrivals.Trace(source, 1.0, 1.0, 6.0, RECORDS.size(), 4.75, "d0", false, "n0");
        List<Seen> seen = replay(source, trace, 15.0);
        // passes at 0, 6 and 12 s; the third is cut at 15 s after 3.0 + 12 (an arrival at the end time is dropped)
        List<Double> expected = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            for (TraceRecord r : RECORDS) {
                if (k * 6.0 + r.time() < 15.0) {
                    expected.add(k * 6.0 + r.time());
                }
            }
        }
        assertEquals(expected, seen.stream().map(Seen::now).toList());
        assertEquals(1, source.maxOpen, "one reading open at a time");
        assertEquals(0, source.open);
        assertTrue(trace.meanRate() == RECORDS.size() / 6.0);
    }
}
