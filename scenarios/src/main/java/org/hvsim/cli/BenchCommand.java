package org.hvsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hvsim.core.bench.EngineBaseline;
import org.hvsim.core.bench.StockDsol;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.ReplicationRunner;
import org.hvsim.core.engine.ReplicationSpec;
import org.hvsim.core.random.Distribution;
import org.hvsim.model.arch.ArchitectureProfile;
import org.hvsim.model.arch.Architectures;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.system.VmSpec;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.system.HostModel;
import org.hvsim.model.system.SystemSpec;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.Phase;
import org.hvsim.model.workload.RequestClass;
import org.hvsim.model.workload.Workload;
import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.load.ScenarioException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Events per second of the full model on an M/M/1-style scenario and, in the same run, of bare DSOL
 * scheduling and of a bare PriorityQueue loop, each the median of several rounds, plus the ratios.
 * With {@code --scenario}, one replication of that scenario per architecture instead: wall time,
 * events (per request and by kind), allocation per event and peak heap, beside bare DSOL's rate.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure events per second of the full model, of bare DSOL and of a bare PriorityQueue loop.",
                "With --scenario FILE: one replication of FILE per architecture (its duration and warm-up), "
                        + "with wall time, events per request and by kind, bytes allocated per event and peak heap."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Benchmark this scenario (the first point of a sweep) instead of the M/M/1 model.")
    Path scenario;

    @Option(names = "--architecture", paramLabel = "NAME",
            description = "With --scenario: only this architecture (repeatable; default: all of the scenario's).")
    List<String> architectures;

    @Option(names = "--scaling", description = "Run the scaling study (VMs 10-1000, simulated time, threads) and "
            + "write performance.md and its charts to --out.")
    boolean scaling;

    @Option(names = "--parallel", description = "Time the scaling study's parallel case alone (4 replications of "
            + "200 VMs on one thread, then two) for --rounds rounds and print the median speed-up.")
    boolean parallel;

    @Option(names = "--out", paramLabel = "DIR", description = "With --scaling: where to write (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("out", "performance");

    @Option(names = "--quick", description = "With --scaling: a smaller grid (about a minute).")
    boolean quick;

    @Option(names = "--kinds", description = "With --scenario: how many event kinds to list (default: ${DEFAULT-VALUE}).")
    int kinds = 12;

    @Option(names = "--events", description = "Events per measurement (default: ${DEFAULT-VALUE}).")
    long events = 3_000_000;

    @Option(names = "--rounds", description = "Measured rounds; the median is reported (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    /** Utilization of the benchmark's M/M/1 queue. */
    private static final double RHO = 0.9;

    @Override
    public Integer call() {
        if (scaling) {
            try {
                new ScalingStudy(quick).run(out);
            } catch (ScenarioException e) {
                return ScenarioSource.report(e);
            } catch (java.io.IOException e) {
                System.err.println("hvsim bench: cannot write " + out + ": " + e.getMessage());
                return Main.INTERNAL_ERROR;
            }
            System.err.println("hvsim: scaling study written to " + out.resolve("performance.md"));
            return Main.OK;
        }
        if (parallel) {
            if (rounds < 1) {
                System.err.println("hvsim bench: --rounds must be >= 1");
                return Main.BAD_INPUT;
            }
            try {
                ScalingStudy.parallel(rounds);
            } catch (ScenarioException e) {
                return ScenarioSource.report(e);
            }
            return Main.OK;
        }
        if (scenario != null) {
            return scenarioBench();
        }
        if (events < 10_000 || rounds < 1) {
            System.err.println("hvsim bench: --events must be >= 10000 and --rounds >= 1");
            return Main.BAD_INPUT;
        }
        // JIT warm-up, not measured.
        model(events / 5);
        EngineBaseline.dsol(events / 5, 2, seed);
        EngineBaseline.dsolDefault(events / 5, 2, seed);
        EngineBaseline.priorityQueue(events / 5, 2, seed);
        StockDsol.eventsPerSecond(events / 5, 2, seed, StockDsol.EventList.PRIORITY_QUEUE);

        double[] model = new double[rounds];
        double[] dsol = new double[rounds];
        double[] dsolDefault = new double[rounds];
        double[] pq = new double[rounds];
        double[] bare = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            System.err.printf(Locale.ROOT, "bench: round %d of %d%n", r + 1, rounds);
            model[r] = model(events);
            long roundSeed = seed + r;
            dsol[r] = rate(() -> EngineBaseline.dsol(events, 2, roundSeed));
            dsolDefault[r] = rate(() -> EngineBaseline.dsolDefault(events, 2, roundSeed));
            bare[r] = StockDsol.eventsPerSecond(events, 2, roundSeed, StockDsol.EventList.PRIORITY_QUEUE);
            long t0 = System.nanoTime();
            double check = EngineBaseline.priorityQueue(events, 2, roundSeed);
            pq[r] = events / ((System.nanoTime() - t0) / 1e9);
            if (Double.isNaN(check)) {
                throw new IllegalStateException("unreachable; keeps the loop's result alive");
            }
        }
        double m = median(model);
        double d = median(dsol);
        double p = median(pq);
        double dd = median(dsolDefault);
        double b = median(bare);
        System.out.printf(Locale.ROOT, "model_events_per_s=%.0f%n", m);
        System.out.printf(Locale.ROOT, "dsol_events_per_s=%.0f%n", d);
        System.out.printf(Locale.ROOT, "dsol_default_path_events_per_s=%.0f%n", dd);
        System.out.printf(Locale.ROOT, "engine_vs_dsol_default_path=%.3f%n", d / dd);
        System.out.printf(Locale.ROOT, "bare_dsol_events_per_s=%.0f%n", b);
        System.out.printf(Locale.ROOT, "engine_vs_bare_dsol=%.3f%n", d / b);
        System.out.printf(Locale.ROOT, "model_vs_bare_dsol=%.3f%n", m / b);
        System.out.printf(Locale.ROOT, "priority_queue_events_per_s=%.0f%n", p);
        System.out.printf(Locale.ROOT, "model_vs_dsol=%.3f%n", m / d);
        System.out.printf(Locale.ROOT, "dsol_vs_priority_queue=%.3f%n", d / p);
        System.out.printf(Locale.ROOT, "rounds=%d%n", rounds);
        System.out.printf(Locale.ROOT, "events_per_round=%d%n", events);
        System.out.printf(Locale.ROOT, "peak_heap_mb=%.1f%n", Measurement.peakHeapBytes() / 1048576.0);
        return Main.OK;
    }

    /** One replication of native M/M/1 (FCFS, exponential demand of 1 s) sized to about {@code n} events. */
    private double model(long n) {
        HostSpec host = new HostSpec(1, 1.0, 4L << 30, List.of(), List.of());
        VmSpec vm = new VmSpec("bench", 1, 1, 1L << 30, true, GuestDiscipline.FCFS, 0.1,
                new Workload(Arrivals.Open.poisson(RHO), List.of(new RequestClass("request", 1,
                        List.of(new Phase.Cpu(new Distribution.Exponential(1.0)))))));
        SystemSpec spec = new SystemSpec(host, List.of(vm), Architectures.byName("native").orElseThrow());
        double runLength = n / (2 * RHO); // an arrival and a completion per request
        long t0 = System.nanoTime();
        ReplicationOutput out = ReplicationRunner.run(new HostModel(spec), ReplicationSpec.of(seed, 0, 0, runLength));
        return out.events() / ((System.nanoTime() - t0) / 1e9);
    }

    /** One replication per architecture of {@link #scenario}, measured, then bare DSOL on as many events. */
    private int scenarioBench() {
        Scenario s;
        try {
            s = ScenarioSource.load(scenario).first();
        } catch (ScenarioException e) {
            return ScenarioSource.report(e);
        }
        List<ArchitectureProfile> chosen = new ArrayList<>();
        for (ArchitectureProfile a : s.architectures()) {
            if (architectures == null || architectures.contains(a.name())) {
                chosen.add(a);
            }
        }
        if (chosen.isEmpty()) {
            System.err.println("hvsim bench: the scenario has none of the architectures " + architectures
                    + "; it has " + s.architectures().stream().map(ArchitectureProfile::name).toList());
            return Main.BAD_INPUT;
        }
        System.out.printf(Locale.ROOT, "scenario=%s%n", s.name());
        System.out.printf(Locale.ROOT, "simulated_s=%s%n", num(s.duration()));
        long most = 0;
        Map<String, Double> rates = new java.util.LinkedHashMap<>();
        Map<String, Integer> pending = new java.util.LinkedHashMap<>();
        for (ArchitectureProfile a : chosen) {
            System.err.printf(Locale.ROOT, "bench: %s, one replication of %s simulated seconds%n", a.name(),
                    num(s.duration()));
            Measurement m = Measurement.of(s, a);
            most = Math.max(most, m.events());
            rates.put(a.name(), m.eventsPerSecond());
            pending.put(a.name(), (int) Math.max(2, Math.round(m.meanPendingEvents())));
            String p = a.name() + ".";
            System.out.printf(Locale.ROOT, "%swall_s=%.2f%n", p, m.wallSeconds());
            System.out.printf(Locale.ROOT, "%scpu_s=%.2f%n", p, m.cpuSeconds());
            System.out.printf(Locale.ROOT, "%sevents=%d%n", p, m.events());
            System.out.printf(Locale.ROOT, "%sevents_per_s=%.0f%n", p, m.eventsPerSecond());
            System.out.printf(Locale.ROOT, "%srequests_after_warmup=%.0f%n", p, m.requests());
            System.out.printf(Locale.ROOT, "%sevents_per_request=%.2f%n", p, m.eventsPerRequest(s));
            System.out.printf(Locale.ROOT, "%sallocated_bytes_per_event=%.1f%n", p, m.bytesPerEvent());
            System.out.printf(Locale.ROOT, "%speak_heap_mb=%.1f%n", p, m.peakHeapMb());
            System.out.printf(Locale.ROOT, "%sretained_heap_mb_at_end=%.1f%n", p, m.liveHeapMbAtEnd());
            System.out.printf(Locale.ROOT, "%smean_pending_events=%.1f%n", p, m.meanPendingEvents());
            int listed = 0;
            for (Map.Entry<String, Long> k : m.scheduledByKind().entrySet()) {
                if (listed++ == kinds) {
                    break;
                }
                System.out.printf(Locale.ROOT, "%sscheduled.%s=%d%n", p, k.getKey().replace(' ', '_'), k.getValue());
            }
            listed = 0;
            for (Map.Entry<String, Long> k : m.ranByKind().entrySet()) {
                if (listed++ == kinds) {
                    break;
                }
                System.out.printf(Locale.ROOT, "%sran.%s=%d%n", p, k.getKey().replace(' ', '_'), k.getValue());
            }
        }
        long n = Math.max(100_000, Math.min(most, 20_000_000));
        // Every baseline: one run to warm the JIT, then the median of BASELINE_ROUNDS (DSOL's own loop in
        // particular moves by +-30 % from run to run in one JVM).
        EngineBaseline.dsol(n / 5, 2, seed);
        double dsol = medianOf(() -> rate(() -> EngineBaseline.dsol(n, 2, seed)));
        // DSOL's scheduling call (scheduleEventRel: a lock and a trace string per event) on the engine's list
        // and loop
        // at most 3 M events per baseline run: with three rounds each and a same-list pair per profile the
        // baselines stay within about a minute of the benchmark's time
        long nd = Math.min(n, 3_000_000);
        EngineBaseline.dsolDefault(nd / 5, 2, seed);
        double dsolDefault = medianOf(() -> rate(() -> EngineBaseline.dsolDefault(nd, 2, seed)));
        // Bare DSOL as shipped (StockDsol): DSOL's own run loop and event list and scheduleEventRel; issue 13's
        // "bare DSOL" (DevsSimulator on EventListPriorityQueue, as hvsim's engine was when it was filed)
        StockDsol.eventsPerSecond(nd / 5, 2, seed, StockDsol.EventList.PRIORITY_QUEUE);
        double bare = medianOf(() -> StockDsol.eventsPerSecond(nd, 2, seed, StockDsol.EventList.PRIORITY_QUEUE));
        StockDsol.eventsPerSecond(nd / 5, 2, seed, StockDsol.EventList.RED_BLACK_TREE);
        double bareTree = medianOf(() -> StockDsol.eventsPerSecond(nd, 2, seed, StockDsol.EventList.RED_BLACK_TREE));
        System.out.printf(Locale.ROOT, "dsol_events_per_s=%.0f%n", dsol);
        System.out.printf(Locale.ROOT, "dsol_default_path_events_per_s=%.0f%n", dsolDefault);
        System.out.printf(Locale.ROOT, "bare_dsol_events_per_s=%.0f%n", bare);
        System.out.printf(Locale.ROOT, "bare_dsol_red_black_tree_events_per_s=%.0f%n", bareTree);
        // The figures above hold two events in the list; the model holds hundreds, and every event's removal
        // and insertion sifts through them. The same list at the same size with empty events (as many
        // self-rescheduling chains as the model's list held on average) is the like-for-like baseline.
        Map<Integer, double[]> atSize = new java.util.HashMap<>();
        for (Map.Entry<String, Integer> e : pending.entrySet()) {
            String name = e.getKey();
            double rate = rates.get(name);
            double[] same = atSize.computeIfAbsent(e.getValue(), c -> new double[] {
                    medianOf(() -> rate(() -> EngineBaseline.dsolDefault(nd, c, seed))),
                    medianOf(() -> StockDsol.eventsPerSecond(nd, c, seed, StockDsol.EventList.PRIORITY_QUEUE))});
            String p = name + ".";
            System.out.printf(Locale.ROOT, "%smodel_vs_dsol=%.3f%n", p, rate / dsol);
            System.out.printf(Locale.ROOT, "%smodel_vs_dsol_default_path=%.3f%n", p, rate / dsolDefault);
            System.out.printf(Locale.ROOT, "%sdsol_default_path_same_list_events_per_s=%.0f%n", p, same[0]);
            System.out.printf(Locale.ROOT, "%smodel_vs_dsol_default_path_same_list=%.3f%n", p, rate / same[0]);
            System.out.printf(Locale.ROOT, "%smodel_vs_bare_dsol=%.3f%n", p, rate / bare);
            System.out.printf(Locale.ROOT, "%smodel_vs_bare_dsol_red_black_tree=%.3f%n", p, rate / bareTree);
            System.out.printf(Locale.ROOT, "%sbare_dsol_same_list_events_per_s=%.0f%n", p, same[1]);
            System.out.printf(Locale.ROOT, "%smodel_vs_bare_dsol_same_list=%.3f%n", p, rate / same[1]);
        }
        return Main.OK;
    }


    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }


    /** Rounds of each baseline in {@code bench --scenario}; the median is reported. */
    private static final int BASELINE_ROUNDS = 3;

    private static double medianOf(java.util.function.DoubleSupplier measure) {
        double[] v = new double[BASELINE_ROUNDS];
        for (int r = 0; r < v.length; r++) {
            v[r] = measure.getAsDouble();
        }
        return median(v);
    }

    /** Events per second of wall time of {@code run}, which returns the events it ran. */
    private static double rate(java.util.function.LongSupplier run) {
        long t0 = System.nanoTime();
        long done = run.getAsLong();
        return done / ((System.nanoTime() - t0) / 1e9);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int k = s.length / 2;
        return s.length % 2 == 1 ? s[k] : (s[k - 1] + s[k]) / 2;
    }

}
