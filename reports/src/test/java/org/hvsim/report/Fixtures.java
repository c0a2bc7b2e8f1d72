package org.hvsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.ExperimentResult.Distribution;
import org.hvsim.core.result.Figure;

/** Experiment results built by hand, shaped like the runner's output. */
public final class Fixtures {

    public static final List<String> ARCHITECTURES = List.of("native", "hosted", "monolithic", "microkernel");

    /** Mean response time of the first VM per architecture, seconds; hosted worst, native best. */
    public static final Map<String, Double> WEB_MEAN = Map.of(
            "native", 0.010, "hosted", 0.020, "monolithic", 0.012, "microkernel", 0.014);

    /** Host CPU shares per architecture: guest, virtualization, hypervisor, parent, management, idle. */
    public static final Map<String, double[]> CPU = Map.of(
            "native", new double[] {0.50, 0.00, 0.00, 0.02, 0.00, 0.48},
            "hosted", new double[] {0.50, 0.10, 0.00, 0.12, 0.03, 0.25},
            "monolithic", new double[] {0.50, 0.04, 0.05, 0.00, 0.01, 0.40},
            "microkernel", new double[] {0.50, 0.03, 0.02, 0.08, 0.02, 0.35});

    public static final List<String> CPU_METRICS = List.of("cpu_util_guest", "cpu_util_virtualization",
            "cpu_util_hypervisor", "cpu_util_parent", "cpu_util_management", "cpu_util_idle");

    private Fixtures() {
    }

    /** Four architectures, VMs "web" and "db". */
    public static ExperimentResult standard() {
        return withVms("consolidation", "Six web servers and a database on one host.", "web", "db");
    }

    /**
     * Four architectures and two VMs with the given names: response_time_mean/p95 and throughput per
     * VM (CIs ±5 %), host throughput and cpu_util_* summing to 1, and a response-time CDF per
     * architecture and VM.
     */
    public static ExperimentResult withVms(String name, String description, String vm1, String vm2) {
        List<Figure> figures = new ArrayList<>();
        List<Distribution> distributions = new ArrayList<>();
        for (String arch : ARCHITECTURES) {
            double webMean = WEB_MEAN.get(arch);
            for (String vm : List.of(vm1, vm2)) {
                double mean = vm.equals(vm1) ? webMean : webMean * 2.5;
                figures.add(fig(arch, vm, "response_time_mean", mean, 0.05));
                figures.add(fig(arch, vm, "response_time_p95", mean * 3.0, 0.08));
                figures.add(fig(arch, vm, "throughput", vm.equals(vm1) ? 40.0 : 20.0, 0.01));
                distributions.add(exponentialCdf(arch, vm, mean));
            }
            figures.add(fig(arch, "host", "throughput", 60.0, 0.01));
            double[] cpu = CPU.get(arch);
            for (int i = 0; i < CPU_METRICS.size(); i++) {
                figures.add(fig(arch, "host", CPU_METRICS.get(i), cpu[i], 0.02));
            }
        }
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", name);
        scenario.put("seed", 42L);
        scenario.put("replications", 10);
        scenario.put("architectures", ARCHITECTURES);
        scenario.put("vms", List.of(Map.of("name", vm1, "count", 6), Map.of("name", vm2, "count", 1)));
        return new ExperimentResult(name, description, 42L, ARCHITECTURES, figures, distributions, scenario);
    }

    /** A figure whose CI is mean ± relative × mean, from 10 replications. */
    public static Figure fig(String arch, String scope, String metric, double mean, double relative) {
        double half = mean * relative;
        return new Figure(arch, scope, metric, new Estimate(mean, mean - half, mean + half, 10));
    }

    /** An exponential CDF with the given mean, sampled at 60 points up to the 99.7 % quantile. */
    public static Distribution exponentialCdf(String arch, String scope, double mean) {
        int n = 60;
        double[] values = new double[n];
        double[] cumulative = new double[n];
        double max = -mean * Math.log(1 - 0.997);
        for (int i = 0; i < n; i++) {
            values[i] = max * i / (n - 1);
            cumulative[i] = 1 - Math.exp(-values[i] / mean);
        }
        return new Distribution(arch, scope, "response_time", values, cumulative);
    }
}
