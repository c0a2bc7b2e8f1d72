package org.hvsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.math3.random.RandomGenerator;
import org.hvsim.core.stats.Tally;
import org.hvsim.core.stats.TimeWeighted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/** The runner against the DSOL pitfalls it claims to handle (docs/method.md, "Engine"). */
@Timeout(60)
class ReplicationRunnerTest {

    private static final String WORKER_PREFIX = "hvsim-sim-";

    // --- helpers ---------------------------------------------------------------------------------

    private static List<Thread> workerThreads() {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(WORKER_PREFIX)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Joins every hvsim worker with a short timeout, then asserts none is alive. */
    private static void assertNoWorkerAlive() throws InterruptedException {
        for (Thread t : workerThreads()) {
            t.join(2000);
        }
        List<String> alive = new ArrayList<>();
        for (Thread t : workerThreads()) {
            if (t.isAlive()) {
                alive.add(t.getName() + " " + t.getState());
            }
        }
        assertTrue(alive.isEmpty(), "worker threads still alive: " + alive);
    }

    private static void assertGone(Thread worker) throws InterruptedException {
        assertNotNull(worker, "no event ran on a worker thread");
        assertTrue(worker.getName().startsWith(WORKER_PREFIX), worker.getName());
        worker.join(2000);
        assertFalse(worker.isAlive(), "worker " + worker.getName() + " still alive: " + worker.getState());
    }

    private static ReplicationSpec spec(double warmup, double end, double wallTimeout) {
        return new ReplicationSpec(42, 0, warmup, end, wallTimeout);
    }

    /** A model that throws {@code t} from an event at t = 5 and records the worker thread. */
    private static ReplicationModel throwingAt5(Throwable t, AtomicReference<Thread> worker) {
        return LambdaModel.of(sim -> sim.schedule(5.0, () -> {
            worker.set(Thread.currentThread());
            sneakyThrow(t);
        }));
    }

    /**
     * Runs a model whose events record their thread in {@code worker} and one of which fails; returns
     * the failure, once it has surfaced within 5 s (the wall limit is 30 s) and the worker is gone.
     */
    private static SimulationFailure failsQuickly(ReplicationModel model, AtomicReference<Thread> worker)
            throws InterruptedException {
        long start = System.nanoTime();
        SimulationFailure f = assertThrows(SimulationFailure.class,
                () -> ReplicationRunner.run(model, spec(0, 100, 30)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 5, "failure took " + seconds + " s to surface (wall limit 30 s)");
        assertGone(worker.get());
        return f;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    private static int recurse(int depth) {
        return depth == Integer.MIN_VALUE ? 0 : 1 + recurse(depth + 1);
    }

    // --- waiting for the end, no worker left behind ------------------------------------

    @Test
    void returnsTheOutputAtTheEndAndLeavesNoWorkerThread() throws InterruptedException {
        AtomicReference<Thread> worker = new AtomicReference<>();
        long[] ticks = new long[1];
        ReplicationModel model = new LambdaModel(sim -> {
            Executable[] tick = new Executable[1];
            tick[0] = () -> {
                worker.set(Thread.currentThread());
                ticks[0]++;
                sim.schedule(1.0, tick[0]);
            };
            sim.schedule(1.0, tick[0]);
        }, (sim, out) -> {
            out.put("m", "ticks", ticks[0]);
            out.put("m", "now", sim.now());
        });

        ReplicationOutput out = ReplicationRunner.run(model, spec(0, 100, 30));

        // ticks at 1, 2, ..., 100: the one at exactly the end time runs too
        assertEquals(100.0, out.get("m", "ticks"));
        assertEquals(100.0, out.get("m", "now"));
        assertNotSame(Thread.currentThread(), worker.get(), "events must run on DSOL's worker");
        assertGone(worker.get());
        assertNoWorkerAlive();
    }

    // --- exceptions inside events -----------------------------------------------------

    @Test
    void exceptionInAnEventSurfacesQuicklyAsSimulationFailureWithThatCause() throws InterruptedException {
        IllegalStateException boom = new IllegalStateException("boom at t=5");
        AtomicReference<Thread> worker = new AtomicReference<>();
        assertSame(boom, failsQuickly(throwingAt5(boom, worker), worker).getCause());
    }

    @Test
    void assertionErrorInAnEventSurfacesQuicklyAsSimulationFailureWithThatCause() throws InterruptedException {
        AssertionError error = new AssertionError("invariant broken");
        AtomicReference<Thread> worker = new AtomicReference<>();
        assertSame(error, failsQuickly(throwingAt5(error, worker), worker).getCause());
    }

    @Test
    void stackOverflowInAnEventSurfacesQuicklyAsSimulationFailure() throws InterruptedException {
        AtomicReference<Thread> worker = new AtomicReference<>();
        ReplicationModel model = LambdaModel.of(sim -> sim.schedule(3.0, () -> {
            worker.set(Thread.currentThread());
            recurse(0);
        }));
        assertInstanceOf(StackOverflowError.class, failsQuickly(model, worker).getCause());
    }

    @Test
    void exceptionInConstructIsASimulationFailureWithThatCause() throws InterruptedException {
        IllegalArgumentException bad = new IllegalArgumentException("bad model");
        ReplicationModel model = LambdaModel.of(sim -> {
            throw bad;
        });
        SimulationFailure f = assertThrows(SimulationFailure.class,
                () -> ReplicationRunner.run(model, spec(0, 100, 30)));
        assertSame(bad, f.getCause());
        assertNoWorkerAlive();
    }

    @Test
    void errorInConstructIsASimulationFailureWithThatCause() throws InterruptedException {
        // The runner's contract: "returns its output or throws SimulationFailure carrying the original exception".
        AssertionError bad = new AssertionError("model assertion in construct");
        ReplicationModel model = LambdaModel.of(sim -> {
            throw bad;
        });
        Throwable thrown = assertThrows(Throwable.class, () -> ReplicationRunner.run(model, spec(0, 100, 30)));
        assertNoWorkerAlive();
        assertInstanceOf(SimulationFailure.class, thrown, "an Error in construct() escaped unwrapped");
        assertSame(bad, thrown.getCause());
    }

    // --- wall-clock limit -----------------------------------------------------------------------

    @Test
    void zeroDelayLoopHitsTheWallClockLimitAndTheWorkerEnds() throws InterruptedException {
        AtomicReference<Thread> worker = new AtomicReference<>();
        AtomicLong spins = new AtomicLong();
        ReplicationModel model = LambdaModel.of(sim -> {
            Executable[] spin = new Executable[1];
            spin[0] = () -> {
                worker.set(Thread.currentThread());
                spins.incrementAndGet();
                sim.schedule(0.0, spin[0]);
            };
            sim.schedule(1.0, spin[0]);
        });
        long start = System.nanoTime();
        SimulationFailure f = assertThrows(SimulationFailure.class,
                () -> ReplicationRunner.run(model, spec(0, 100, 0.5)));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertTrue(f.getMessage().contains("wall-clock"), f.getMessage());
        assertTrue(seconds >= 0.45, "gave up after " + seconds + " s, before the 0.5 s limit");
        assertTrue(seconds < 10, "took " + seconds + " s to give up on a 0.5 s limit");
        assertTrue(spins.get() > 1, "the loop never ran");
        assertGone(worker.get());
        long after = spins.get();
        Thread.sleep(50);
        assertEquals(after, spins.get(), "events still executing after the runner returned");
    }

    // --- the end time -----------------------------------------------------------------

    @Test
    void eventAtExactlyTheEndRunsBeforeCollectAndLaterOnesNever() {
        AtomicBoolean atEnd = new AtomicBoolean();
        AtomicBoolean zeroDelayAtEnd = new AtomicBoolean();
        AtomicBoolean afterEnd = new AtomicBoolean();
        double[] seenAt = new double[1];
        ReplicationModel model = new LambdaModel(sim -> {
            sim.scheduleAt(20.0, () -> {
                seenAt[0] = sim.now();
                atEnd.set(true);
                sim.schedule(0.0, () -> zeroDelayAtEnd.set(true));
            });
            sim.scheduleAt(Math.nextUp(20.0), () -> afterEnd.set(true));
            sim.schedule(25.0, () -> afterEnd.set(true));
        }, (sim, out) -> {
            out.put("m", "atEnd", atEnd.get() ? 1 : 0);
            out.put("m", "zeroDelayAtEnd", zeroDelayAtEnd.get() ? 1 : 0);
            out.put("m", "afterEnd", afterEnd.get() ? 1 : 0);
            out.put("m", "now", sim.now());
        });
        ReplicationOutput out = ReplicationRunner.run(model, spec(5, 20, 30));
        assertEquals(1.0, out.get("m", "atEnd"), "event at exactly the end time not seen by collect()");
        assertEquals(20.0, seenAt[0]);
        assertEquals(1.0, out.get("m", "zeroDelayAtEnd"), "zero-delay event at the end time not run");
        assertEquals(0.0, out.get("m", "afterEnd"), "an event after the end time ran");
        assertFalse(afterEnd.get());
        assertEquals(20.0, out.get("m", "now"));
    }

    // --- warm-up reset keeps levels ---------------------------------------------------

    @Test
    void warmupResetsRegisteredStatisticsAtTheWarmupInstantAndKeepsLevels() {
        double[] resetAt = {Double.NaN};
        int[] resets = new int[1];
        ReplicationModel model = new ReplicationModel() {
            final TimeWeighted constant = new TimeWeighted();
            final TimeWeighted stepped = new TimeWeighted();
            final Tally tally = new Tally();

            @Override
            public void construct(Simulation sim) {
                sim.onWarmup(constant);
                sim.onWarmup(stepped);
                sim.onWarmup(tally);
                sim.onWarmup(now -> {
                    resetAt[0] = now;
                    resets[0]++;
                });
                sim.scheduleAt(0.0, () -> {
                    constant.set(sim.now(), 1.0);
                    stepped.set(sim.now(), 7.0); // before the warm-up: must not count
                });
                sim.scheduleAt(4.0, () -> stepped.set(sim.now(), 1.0));
                sim.scheduleAt(15.0, () -> stepped.set(sim.now(), 3.0));
                for (int i = 0; i < 20; i++) {
                    double t = i + 0.5;
                    sim.scheduleAt(t, () -> tally.add(t));
                }
            }

            @Override
            public void collect(Simulation sim, ReplicationOutput out) {
                out.put("m", "constant", constant.mean(sim.now()));
                out.put("m", "stepped", stepped.mean(sim.now()));
                out.put("m", "count", tally.count());
                out.put("m", "tallyMean", tally.mean());
                out.put("m", "tallyMin", tally.min());
            }
        };
        ReplicationOutput out = ReplicationRunner.run(model, spec(10, 20, 30));
        assertEquals(10.0, resetAt[0], "reset not at the warm-up instant");
        assertEquals(1, resets[0]);
        assertEquals(1.0, out.get("m", "constant"), 0.0, "level set at t=0 lost at the warm-up reset");
        assertEquals((1.0 * 5 + 3.0 * 5) / 10, out.get("m", "stepped"), 1e-12);
        assertEquals(10.0, out.get("m", "count")); // 10.5 .. 19.5
        assertEquals(15.0, out.get("m", "tallyMean"), 1e-12);
        assertEquals(10.5, out.get("m", "tallyMin"));
    }

    // --- stdout stays clean --------------------------------------------------------------

    /** Runs {@code body} with System.out redirected to a buffer; returns what was printed. */
    private static String stdoutOf(Runnable body) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void nothingIsPrintedOnStdoutDuringFailingReplications() {
        int[] failures = new int[1];
        String printed = stdoutOf(() -> {
            List<ReplicationModel> failing = List.of(
                    throwingAt5(new IllegalStateException("event failure"), new AtomicReference<>()),
                    throwingAt5(new AssertionError("event error"), new AtomicReference<>()),
                    LambdaModel.of(sim -> {
                        throw new IllegalStateException("construct failure");
                    }),
                    LambdaModel.of(sim -> sim.schedule(1.0, () -> sim.scheduleAt(0.5, () -> { })))); // in the past
            for (ReplicationModel m : failing) {
                try {
                    ReplicationRunner.run(m, spec(0, 100, 0.5));
                } catch (SimulationFailure expected) {
                    failures[0]++;
                }
            }
        });
        assertEquals(4, failures[0], "every model above must fail");
        assertEquals("", printed, "stdout must stay clean");
    }

    @Test
    void timedOutReplicationsPrintNothing() {
        int[] failures = new int[1];
        String printed = stdoutOf(() -> {
            for (int i = 0; i < 300; i++) {
                try {
                    ReplicationRunner.run(LambdaModel.of(sim -> {
                        Executable[] spin = new Executable[1];
                        spin[0] = () -> sim.schedule(0.0, spin[0]);
                        sim.schedule(1.0, spin[0]);
                    }), new ReplicationSpec(1, i, 0, 100, 0.01));
                } catch (SimulationFailure expected) {
                    failures[0]++;
                }
            }
        });
        assertEquals(300, failures[0]);
        assertEquals("", printed, "stdout must stay clean");
    }

    @Test
    void dsolLoggingStaysSilencedAfterAReplication() {
        ReplicationRunner.run(LambdaModel.of(sim -> sim.schedule(1.0, () -> { })), spec(0, 10, 30));
        String printed = stdoutOf(() -> {
            org.djutils.logger.CategoryLogger.with(nl.tudelft.simulation.dsol.logger.Cat.DSOL)
                    .warn("probe: DSOL category warning");
            org.djutils.logger.CategoryLogger.always().error("probe: CAT_ALWAYS error");
        });
        assertEquals("", printed, "DSOL's log categories print on stdout");
    }

    @Test
    void nothingIsPrintedOnStdoutWhenAWarmupListenerFails() {
        String printed = stdoutOf(() -> assertThrows(SimulationFailure.class, () -> ReplicationRunner.run(
                LambdaModel.of(sim -> sim.onWarmup(now -> {
                    throw new IllegalStateException("warm-up listener failure");
                })), spec(5, 10, 30))));
        assertEquals("", printed, "stdout must stay clean");
    }

    @Test
    void exceptionInAWarmupListenerSurfacesWithThatCause() {
        IllegalStateException boom = new IllegalStateException("warm-up listener failure");
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> ReplicationRunner.run(
                LambdaModel.of(sim -> sim.onWarmup(now -> {
                    throw boom;
                })), spec(5, 10, 30)));
        assertSame(boom, f.getCause());
    }

    // --- ids -------------------------------------------------------------------------

    /** A small random model: 30 events at exponential gaps, summing the gaps; records its worker's name. */
    private static ReplicationModel walk(Set<String> workerNames) {
        double[] sum = new double[1];
        int[] n = new int[1];
        return new LambdaModel(sim -> {
            RandomGenerator rng = sim.random().stream("walk");
            Executable[] step = new Executable[1];
            step[0] = () -> {
                if (n[0] == 0) {
                    workerNames.add(Thread.currentThread().getName());
                }
                n[0]++;
                double gap = -Math.log(1 - rng.nextDouble());
                sum[0] += gap;
                if (n[0] < 30) {
                    sim.schedule(gap, step[0]);
                }
            };
            sim.schedule(0.0, step[0]);
        }, (sim, out) -> {
            out.put("m", "sum", sum[0]);
            out.put("m", "n", n[0]);
        });
    }

    @Test
    void manyReplicationsInARowWithUniqueIds() throws InterruptedException {
        int count = 200;
        Set<String> names = new HashSet<>();
        Set<Double> sums = new HashSet<>();
        for (int i = 0; i < count; i++) {
            ReplicationOutput out = ReplicationRunner.run(walk(names), new ReplicationSpec(7, i, 0, 1e6, 30));
            assertEquals(30.0, out.get("m", "n"));
            sums.add(out.get("m", "sum"));
        }
        assertEquals(count, names.size(), "worker (simulator id) names reused in a row");
        assertEquals(count, sums.size(), "replications not independent");
        // the same replication again gives the same numbers under a new id
        ReplicationOutput again = ReplicationRunner.run(walk(names), new ReplicationSpec(7, 0, 0, 1e6, 30));
        assertTrue(sums.contains(again.get("m", "sum")));
        assertEquals(count + 1, names.size());
        assertNoWorkerAlive();
    }

    @Test
    void concurrentReplicationsAllSucceedWithUniqueIds() throws Exception {
        int threads = 4;
        int perThread = 40;
        Map<Integer, Double> expected = new java.util.HashMap<>();
        Set<String> sequentialNames = new HashSet<>();
        for (int i = 0; i < threads * perThread; i++) {
            expected.put(i, ReplicationRunner.run(walk(sequentialNames), new ReplicationSpec(7, i, 0, 1e6, 30))
                    .get("m", "sum"));
        }
        Set<String> names = ConcurrentHashMap.newKeySet();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                futures.add(pool.submit(() -> {
                    for (int i = base; i < base + perThread; i++) {
                        try {
                            ReplicationOutput out = ReplicationRunner.run(walk(names),
                                    new ReplicationSpec(7, i, 0, 1e6, 30));
                            assertEquals(expected.get(i), out.get("m", "sum"), "replication " + i);
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        if (!errors.isEmpty()) {
            fail(errors.size() + " of " + threads * perThread + " concurrent replications failed, first: "
                    + errors.get(0), errors.get(0));
        }
        assertEquals(threads * perThread, names.size(), "worker names reused concurrently");
        names.retainAll(sequentialNames);
        assertTrue(names.isEmpty(), "ids reused across runs: " + names);
        assertNoWorkerAlive();
    }

    // --- event count --------------------------------------------------------------------------------

    @Test
    void eventCountEqualsTheModelEventsExecuted() {
        long[] executed = new long[1];
        ReplicationModel model = new LambdaModel(sim -> {
            // a chain every 0.7 s; the one scheduled beyond the end stays pending
            Executable[] chain = new Executable[1];
            chain[0] = () -> {
                executed[0]++;
                sim.schedule(0.7, chain[0]);
            };
            sim.schedule(0.0, chain[0]);
            // ten events at t=5, four of them cancelled at t=1; one cancelled after it ran (no-op)
            List<SimEventInterface<Double>> five = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                five.add(sim.scheduleAt(5.0, () -> executed[0]++));
            }
            sim.scheduleAt(1.0, () -> {
                executed[0]++;
                for (int i = 0; i < 4; i++) {
                    sim.cancel(five.get(i));
                }
            });
            sim.scheduleAt(6.0, () -> {
                executed[0]++;
                sim.cancel(five.get(9));
                sim.cancel(null);
            });
            // zero-delay cascades, events at the end time and after it
            sim.scheduleAt(12.0, () -> {
                executed[0]++;
                sim.schedule(0.0, () -> {
                    executed[0]++;
                    sim.schedule(0.0, () -> executed[0]++);
                });
            });
            sim.scheduleAt(30.0, () -> {
                executed[0]++;
                sim.schedule(0.0, () -> executed[0]++);
            });
            for (int i = 1; i <= 3; i++) {
                sim.scheduleAt(30.0 + i, () -> executed[0]++);
            }
        }, (sim, out) -> out.put("m", "executed", executed[0]));

        ReplicationOutput out = ReplicationRunner.run(model, spec(10, 30, 30));
        long chain = (long) Math.floor(30 / 0.7) + 1; // t = 0, 0.7, ..., 29.4
        long expected = chain + 6 + 1 + 1 + 3 + 2;
        assertEquals(expected, (long) out.get("m", "executed"), "test model's own count");
        assertEquals(expected, out.events());
    }
}
