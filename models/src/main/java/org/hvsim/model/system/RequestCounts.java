package org.hvsim.model.system;

import org.hvsim.core.engine.Warmup;

/**
 * Request counts of one VM template: plain counters bumped on the event path (no allocation), with
 * the statistics' warm-up reset and one snapshot at the middle of the measured interval, so that a
 * backlog can be seen growing through the run and not just at its end.
 */
final class RequestCounts implements Warmup {
    /** Arrivals and completions since the warm-up. */
    long arrived;
    long completed;
    /** Requests present now, waiting or in service; not reset (they are still there after the warm-up). */
    long inSystem;
    /** Arrivals and completions between the warm-up and the middle of the measured interval. */
    long arrivedFirstHalf;
    long completedFirstHalf;
    long lostFirstHalf;
    /** Requests lost to faults since the warm-up: in flight when their VM went down, or sent to it while down. */
    long lost;
    /** Requests present at the warm-up instant: arrived = completed + lost + in flight − this. */
    long inSystemAtWarmup;

    void arrive() {
        arrived++;
        inSystem++;
    }

    void complete() {
        completed++;
        inSystem--;
    }

    void lose(long n) {
        lost += n;
        inSystem -= n;
    }

    @Override
    public void reset(double now) {
        arrived = 0;
        completed = 0;
        lost = 0;
        inSystemAtWarmup = inSystem;
    }

    /** At the middle of the measured interval. */
    void markMiddle() {
        arrivedFirstHalf = arrived;
        completedFirstHalf = completed;
        lostFirstHalf = lost;
    }
}
