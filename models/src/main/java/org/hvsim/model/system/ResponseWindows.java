package org.hvsim.model.system;

import java.util.List;

import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.core.engine.Simulation;
import org.hvsim.core.engine.Warmup;
import org.hvsim.core.stats.LatencyRecorder;
import org.hvsim.model.workload.RateProfile;

/**
 * Response times of one VM template by window of its rate profile (time of day, folded over the
 * profile's period): each request counts in the window it arrived in. Reported in every replication
 * under the scope {@code VM@window} (docs/metrics.md), so each window's figures carry an interval
 * across replications like any other.
 */
final class ResponseWindows implements Warmup {
    /** The profile's period to fold instants into, or 0 for windows of the run itself. */
    private final double period;
    private final List<RateProfile.Window> windows;
    private final LatencyRecorder[] responses;
    private final long[] arrived;
    private final double[] starts;

    ResponseWindows(Simulation sim, RateProfile profile) {
        this(sim, profile.windows(), profile.period());
    }

    /**
     * Windows of the run between the given instants (0, then each of {@code bounds} in order, the last
     * open-ended): in a cluster, before and after each scripted failure and repair.
     */
    static ResponseWindows between(Simulation sim, List<Double> bounds) {
        List<RateProfile.Window> windows = new java.util.ArrayList<>();
        double from = 0;
        for (double b : bounds) {
            windows.add(new RateProfile.Window(from, b));
            from = b;
        }
        windows.add(new RateProfile.Window(from, Double.POSITIVE_INFINITY));
        return new ResponseWindows(sim, windows, 0);
    }

    private ResponseWindows(Simulation sim, List<RateProfile.Window> windows, double period) {
        this.period = period;
        this.windows = windows;
        this.responses = new LatencyRecorder[windows.size()];
        this.arrived = new long[windows.size()];
        this.starts = windows.stream().mapToDouble(RateProfile.Window::from).toArray();
        for (int i = 0; i < responses.length; i++) {
            responses[i] = new LatencyRecorder();
            sim.onWarmup(responses[i]);
        }
        sim.onWarmup(this);
    }

    private int index(double t) {
        double x = period > 0 ? t % period : t;
        int i = java.util.Arrays.binarySearch(starts, x);
        return i >= 0 ? i : -i - 2;
    }

    void arrive(double now) {
        arrived[index(now)]++;
    }

    void completed(double arrival, double response) {
        responses[index(arrival)].record(response);
    }

    @Override
    public void reset(double now) {
        java.util.Arrays.fill(arrived, 0);
    }

    void report(String vm, ReplicationOutput out) {
        for (int i = 0; i < windows.size(); i++) {
            String scope = windows.get(i).scope(vm);
            out.put(scope, Metrics.REQUESTS_ARRIVED, arrived[i]);
            out.put(scope, Metrics.RESPONSE_TIME_MEAN, responses[i].mean());
            out.put(scope, Metrics.RESPONSE_TIME_P95, responses[i].quantile(0.95));
        }
    }
}
