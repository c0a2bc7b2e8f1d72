package org.hvsim.model.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hvsim.core.stats.LatencyRecorder;

/** What is reported per VM template: its instances and recorders. */
final class VmTemplate {
    final List<VmInstance> instances = new ArrayList<>();
    IoRecorder io;
    final LatencyRecorder all = new LatencyRecorder();
    final RequestCounts counts = new RequestCounts();
    /** Users with think time: a bounded population, which can never be unstable. */
    boolean closed;
    final Map<String, LatencyRecorder> perClass = new LinkedHashMap<>();
}
