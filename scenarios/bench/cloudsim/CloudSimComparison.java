import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.cloudsimplus.brokers.DatacenterBrokerSimple;
import org.cloudsimplus.cloudlets.Cloudlet;
import org.cloudsimplus.cloudlets.CloudletSimple;
import org.cloudsimplus.core.CloudSimPlus;
import org.cloudsimplus.datacenters.DatacenterSimple;
import org.cloudsimplus.hosts.Host;
import org.cloudsimplus.hosts.HostSimple;
import org.cloudsimplus.resources.Pe;
import org.cloudsimplus.resources.PeSimple;
import org.cloudsimplus.schedulers.cloudlet.CloudletSchedulerTimeShared;
import org.cloudsimplus.utilizationmodels.UtilizationModelDynamic;
import org.cloudsimplus.utilizationmodels.UtilizationModelFull;
import org.cloudsimplus.vms.Vm;
import org.cloudsimplus.vms.VmSimple;
import org.hvsim.core.experiment.Progress;
import org.hvsim.core.experiment.TreatmentResult;
import org.hvsim.core.result.Estimate;
import org.hvsim.core.engine.ReplicationOutput;
import org.hvsim.scenario.Scenario;
import org.hvsim.scenario.ScenarioLoader;
import org.hvsim.scenario.ScenarioRunner;

/**
 * The same open network in both simulators: QUEUES independent M/M/1 queues with processor sharing
 * (arrival rate 0.8 /s, exponential service of mean 1 s, so utilization 0.8 and a mean response time of
 * 1 / (1 - 0.8) = 5 s in theory, whatever the service discipline among PS and FCFS), run for SECONDS.
 * hvsim: one host with a pCPU per VM, each VM's guest scheduling its requests by processor sharing.
 * CloudSim Plus: a host and a VM per queue, time-shared cloudlet scheduling (its processor sharing),
 * cloudlets submitted with delays at the arrival instants. Prints wall time, jobs and the error of the
 * mean response time against theory for each, and the speed ratio.
 */
public final class CloudSimComparison {

    static final double LAMBDA = 0.8;
    static final double MEAN_SERVICE = 1.0;
    static final double THEORY = MEAN_SERVICE / (1 - LAMBDA * MEAN_SERVICE);
    /** Warm-up deleted from both, as a fraction of the run: the empty start relaxes over a few hundred seconds at 0.8. */
    static final double WARMUP = 0.1;

    public static void main(String[] args) throws Exception {
        int queues = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2500;
        // JIT warm-up of both, not measured
        hvsim(queues, seconds / 10);
        cloudsim(queues, seconds / 10, 7);
        double[] h = hvsim(queues, seconds);
        double[] c = cloudsim(queues, seconds, 11);
        System.out.printf(Locale.ROOT, "queues=%d%nsimulated_s=%.0f%ntheory_mean_response_s=%.4f%n", queues, seconds, THEORY);
        System.out.printf(Locale.ROOT, "hvsim_wall_s=%.3f%nhvsim_jobs=%.0f%nhvsim_mean_response_s=%.4f%nhvsim_error=%.2f%%%n",
                h[0], h[1], h[2], 100 * (h[2] - THEORY) / THEORY);
        System.out.printf(Locale.ROOT, "cloudsim_wall_s=%.3f%ncloudsim_jobs=%.0f%ncloudsim_mean_response_s=%.4f%ncloudsim_error=%.2f%%%n",
                c[0], c[1], c[2], 100 * (c[2] - THEORY) / THEORY);
        System.out.printf(Locale.ROOT, "hvsim_speedup=%.2f%n", c[0] / h[0]);
    }

    /** {wall seconds, jobs completed, mean response time}. */
    static double[] hvsim(int queues, double seconds) throws Exception {
        String yaml = """
                name: mm1-ps
                seed: 5
                replications: 1
                warmup: %s s
                duration: %s s
                architectures: [native]
                host: { cpus: %d, memory: %d GB }
                vms:
                  - name: q
                    count: %d
                    vcpus: 1
                    memory: 1 GB
                    guest_scheduler: ps
                    workload:
                      open: { poisson: { rate: %s /s } }
                      classes: [ { name: job, phases: [ { cpu: { exponential: { mean: %s s } } } ] } ]
                """.formatted(seconds * WARMUP, seconds, queues, queues + 8, queues, LAMBDA, MEAN_SERVICE);
        Scenario s = ScenarioLoader.load("mm1-ps.yaml", yaml);
        long t0 = System.nanoTime();
        List<TreatmentResult> results = ScenarioRunner.runTreatments(s, 1, Progress.NONE);
        double wall = (System.nanoTime() - t0) / 1e9;
        ReplicationOutput out = results.get(0).replications().get(0);
        double jobs = out.get("q", "requests_completed");
        double mean = out.get("q", "response_time_mean");
        return new double[] {wall, jobs, mean};
    }

    static double[] cloudsim(int queues, double seconds, long seed) {
        long t0 = System.nanoTime();
        CloudSimPlus sim = new CloudSimPlus();
        double mips = 1e6; // lengths in MI of 1 µs of service each: rounding far below the statistics
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < queues; i++) {
            List<Pe> pes = List.of(new PeSimple(mips));
            hosts.add(new HostSimple(4096, 100_000, 100_000, pes));
        }
        new DatacenterSimple(sim, hosts);
        DatacenterBrokerSimple broker = new DatacenterBrokerSimple(sim);
        // keep each VM between jobs: by default the broker destroys a VM as soon as it is idle
        broker.setVmDestructionDelay(seconds * 10);
        broker.setShutdownWhenIdle(false);
        List<Vm> vms = new ArrayList<>();
        for (int i = 0; i < queues; i++) {
            vms.add(new VmSimple(mips, 1, new CloudletSchedulerTimeShared()).setRam(512).setBw(1000).setSize(1000));
        }
        broker.submitVmList(vms);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Cloudlet> cloudlets = new ArrayList<>();
        for (Vm vm : vms) {
            double t = 0;
            while (true) {
                t += -Math.log(1 - rng.nextDouble()) / LAMBDA;
                if (t >= seconds) {
                    break;
                }
                long length = Math.max(1, Math.round(-Math.log(1 - rng.nextDouble()) * MEAN_SERVICE * mips));
                // all of a PE while it runs; no RAM or bandwidth, which would make cloudlets wait for each other
                Cloudlet c = new CloudletSimple(length, 1).setUtilizationModelCpu(new UtilizationModelFull())
                        .setUtilizationModelRam(new UtilizationModelDynamic(0))
                        .setUtilizationModelBw(new UtilizationModelDynamic(0));
                c.setSubmissionDelay(t);
                c.setVm(vm);
                cloudlets.add(c);
            }
        }
        broker.submitCloudletList(cloudlets);
        sim.start();
        double wall = (System.nanoTime() - t0) / 1e9;
        double sum = 0;
        int n = 0;
        for (Cloudlet c : broker.getCloudletFinishedList()) {
            // the same warm-up deletion as hvsim's
            if (c.getSubmissionDelay() >= seconds * WARMUP) {
                sum += c.getFinishTime() - c.getSubmissionDelay();
                n++;
            }
        }
        return new double[] {wall, n, sum / n};
    }
}
