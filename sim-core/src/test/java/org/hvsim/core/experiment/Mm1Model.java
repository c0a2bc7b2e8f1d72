package org.hvsim.core.experiment;

import java.util.ArrayDeque;

import org.apache.commons.math3.random.RandomGenerator;
import org.hvsim.core.engine.ReplicationModel;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.Simulation;
import org.hvsim.core.stats.LatencyRecorder;
import org.hvsim.core.stats.TimeWeighted;

/** A plain M/M/1 FCFS queue written against the engine API only, for experiment-level tests. */
final class Mm1Model implements ReplicationModel {
    private final double lambda;
    private final double meanService;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final TimeWeighted inSystem = new TimeWeighted();
    private final ArrayDeque<Double> queue = new ArrayDeque<>();
    private Simulation sim;
    private RandomGenerator arrivals;
    private RandomGenerator service;

    Mm1Model(double lambda, double meanService) {
        this.lambda = lambda;
        this.meanService = meanService;
    }

    @Override
    public void construct(Simulation simulation) {
        sim = simulation;
        arrivals = sim.random().stream("arrivals");
        service = sim.random().stream("service");
        sim.onWarmup(latency);
        sim.onWarmup(inSystem);
        sim.schedule(gap(), this::arrive);
    }

    private double gap() {
        return -Math.log(1 - arrivals.nextDouble()) / lambda;
    }

    private void arrive() {
        queue.addLast(sim.now());
        inSystem.set(sim.now(), queue.size());
        if (queue.size() == 1) {
            sim.schedule(-meanService * Math.log(1 - service.nextDouble()), this::depart);
        }
        sim.schedule(gap(), this::arrive);
    }

    private void depart() {
        latency.record(sim.now() - queue.pollFirst());
        inSystem.set(sim.now(), queue.size());
        if (!queue.isEmpty()) {
            sim.schedule(-meanService * Math.log(1 - service.nextDouble()), this::depart);
        }
    }

    @Override
    public void collect(Simulation s, ReplicationOutput out) {
        out.put("q", "response_time_mean", latency.mean());
        out.put("q", "response_time_p95", latency.quantile(0.95));
        out.put("q", "number_in_system", inSystem.mean(s.now()));
        out.put("q", "throughput", latency.count() / (s.now() - s.warmupTime()));
        out.putDistribution("q", "response_time", latency.histogram().copy());
    }
}
