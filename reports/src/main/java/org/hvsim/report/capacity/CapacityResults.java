package org.hvsim.report.capacity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.Sla;

/**
 * What {@code hvsim capacity} found, per architecture: the most instances of {@code template} one host
 * carries, what binds it, whether the answer is certain, and the counts evaluated on the way.
 *
 * @param template the VM template whose count was searched
 * @param from     smallest count searched
 * @param to       largest count searched
 * @param sla      the objective the curve is drawn against (the scenario's first), if any
 */
public record CapacityResults(String template, int from, int to, Optional<Sla> sla, List<Entry> entries) {

    /** Binding constraint when every count of the range held: the range's top, not the host. */
    public static final String RANGE = "range";
    public static final String MEMORY = "memory";

    public CapacityResults {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(sla, "sla");
        entries = List.copyOf(entries);
    }

    /**
     * One architecture's answer.
     *
     * @param maxVms       most instances per host meeting every constraint; 0 when even {@code from} fails
     * @param binding      memory, cpu, parent, disk, nic, sla:METRIC, or {@value #RANGE}
     * @param certain      false when an interval still straddled a limit after the replication budget
     * @param evaluations  counts simulated (or admitted by memory) during the search
     * @param replications replications run over the whole search
     * @param note         one sentence for people (why, or what to do)
     * @param curve        the evaluated counts in ascending order, with the SLA figure at each
     * @param hostsNeeded  fleet sizing: hosts for the fleet with failover; -1 without a fleet
     * @param costPerVm    cost per VM per year in the costs' currency; NaN without costs
     * @param edition      the guest licence edition behind {@code costPerVm}; empty without costs
     */
    public record Entry(String architecture, int maxVms, String binding, boolean certain, int evaluations,
            int replications, String note, List<Point> curve, int hostsNeeded, double costPerVm, String edition) {
        public Entry {
            Objects.requireNonNull(architecture, "architecture");
            Objects.requireNonNull(binding, "binding");
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(edition, "edition");
            curve = List.copyOf(curve);
        }

        public Entry withFleet(int hosts) {
            return new Entry(architecture, maxVms, binding, certain, evaluations, replications, note, curve, hosts,
                    costPerVm, edition);
        }

        public Entry withCost(double perVm, String byEdition) {
            return new Entry(architecture, maxVms, binding, certain, evaluations, replications, note, curve,
                    hostsNeeded, perVm, byEdition);
        }
    }

    /**
     * One evaluated count.
     *
     * @param figure the SLA's figure at this count (null when there is no SLA or it was not simulated)
     * @param holds  whether every constraint held at this count
     */
    public record Point(int count, Estimate figure, boolean holds, boolean certain) {
    }
}
