package org.hvsim.model.system;

import org.hvsim.core.stats.LatencyRecorder;

/** A request class as one VM instance runs it: its stages with their samplers and its recorder. */
final class ClassPlan {
    final String name;
    final Stage[] stages;
    final LatencyRecorder recorder;

    ClassPlan(String name, Stage[] stages, LatencyRecorder recorder) {
        this.name = name;
        this.stages = stages;
        this.recorder = recorder;
    }
}
