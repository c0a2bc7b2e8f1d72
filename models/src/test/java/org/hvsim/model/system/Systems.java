package org.hvsim.model.system;

import java.util.List;
import java.util.function.Supplier;

import org.hvsim.core.engine.ReplicationModel;
import org.hvsim.core.experiment.Experiment;
import org.hvsim.core.experiment.ExperimentSpec;
import org.hvsim.core.experiment.Progress;
import org.hvsim.core.experiment.Treatment;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.random.Distribution;
import org.hvsim.model.arch.Architectures;
import org.hvsim.model.guest.GuestDiscipline;
import org.hvsim.model.hardware.DiskSpec;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.hardware.NicSpec;
import org.hvsim.model.workload.Arrivals;
import org.hvsim.model.workload.Phase;
import org.hvsim.model.workload.RequestClass;
import org.hvsim.model.workload.Workload;

/** Builders for small systems, and running them through Experiment.run. */
final class Systems {
    private Systems() {
    }

    static HostSpec host(int pcpus) {
        return new HostSpec(pcpus, 1.0, 64e9, List.of(), List.of());
    }

    static HostSpec host(int pcpus, List<DiskSpec> disks, List<NicSpec> nics) {
        return new HostSpec(pcpus, 1.0, 64e9, disks, nics);
    }

    /** A VM at its scheduler's default weight (native's scheduler has none: a weight would be refused). */
    static VmSpec vm(String name, int count, int vcpus, GuestDiscipline discipline, Workload workload) {
        return new VmSpec(name, count, vcpus, 2e9, true, discipline, 0.01, workload);
    }

    static Workload open(double rate, Phase... phases) {
        return new Workload(Arrivals.Open.poisson(rate), List.of(new RequestClass("req", 1, List.of(phases))));
    }

    static Workload saturating(Phase... phases) {
        return new Workload(new Arrivals.Closed(1, new Distribution.Constant(0)),
                List.of(new RequestClass("req", 1, List.of(phases))));
    }

    static Phase.Cpu cpu(Distribution d) {
        return new Phase.Cpu(d);
    }

    static Treatment treatment(String architecture, HostSpec host, List<VmSpec> vms) {
        return treatment(Architectures.byName(architecture).orElseThrow(), host, vms);
    }

    static Treatment treatment(org.hvsim.model.arch.ArchitectureProfile profile, HostSpec host, List<VmSpec> vms) {
        String architecture = profile.name();
        SystemSpec spec = new SystemSpec(host, vms, profile);
        Supplier<ReplicationModel> models = () -> new HostModel(spec);
        return new Treatment(architecture, models);
    }

    /** Runs on one thread (see the construction race documented in sim-core's ReplicationRunnerTest). */
    static List<TreatmentResult> run(long seed, int replications, double warmup, double runLength,
            Treatment... treatments) {
        return Experiment.run(List.of(treatments), new ExperimentSpec(seed, replications, warmup, runLength, 1, 120),
                Progress.NONE);
    }
}
