package org.hvsim.core.stats;

import org.hvsim.core.engine.Warmup;

/**
 * A level that changes at instants (queue length, busy vCPUs) and its time average. Updated only at
 * state changes: area += level × (now − last change); no sampling events. At the warm-up instant the
 * area restarts but the current level is kept (DSOL's SimPersistent sets it to 0 at its warm-up reset).
 */
public final class TimeWeighted implements Warmup {
    private double level;
    private double area;
    private double lastChange;
    private double start;

    public TimeWeighted(double start, double initialLevel) {
        this.start = start;
        this.lastChange = start;
        this.level = initialLevel;
    }

    public TimeWeighted() {
        this(0.0, 0.0);
    }

    /** Sets a new level from {@code now} on. */
    public void set(double now, double newLevel) {
        if (newLevel == level) {
            return; // the area is accrued lazily from the last change; nothing to record
        }
        area += level * (now - lastChange);
        lastChange = now;
        level = newLevel;
    }

    /** Adds {@code delta} to the level from {@code now} on. */
    public void add(double now, double delta) {
        set(now, level + delta);
    }

    public double level() {
        return level;
    }

    /** Integral of the level from the (last) start to {@code now}. */
    public double area(double now) {
        return area + level * (now - lastChange);
    }

    /** Time average from the (last) start to {@code now}; NaN over an empty interval. */
    public double mean(double now) {
        double span = now - start;
        return span > 0 ? area(now) / span : Double.NaN;
    }

    @Override
    public void reset(double now) {
        area = 0;
        lastChange = now;
        start = now;
    }
}
