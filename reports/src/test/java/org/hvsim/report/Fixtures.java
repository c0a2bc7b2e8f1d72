package org.hvsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.ExperimentResult.Distribution;
import org.hvsim.core.result.Figure;
import org.hvsim.core.result.RunSummary;
import org.hvsim.core.result.Sla;

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
        RunSummary.Host host = new RunSummary.Host(8, 1.0, 32.0 * GB, List.of(new RunSummary.Disk("d0", 8)),
                List.of(new RunSummary.Nic("n0", 125e6)));
        RunSummary run = new RunSummary(Optional.of(host), List.of(
                new RunSummary.Vm(vm1, 6, 2, 2 * GB, new RunSummary.OpenWorkload(true, 40)),
                new RunSummary.Vm(vm2, 1, 4, 8 * GB, new RunSummary.ClosedWorkload(20, 1.0))),
                10, 30, 300, List.of(), List.of());
        return new ExperimentResult(name, description, 42L, ARCHITECTURES, figures, distributions, scenario, run,
                List.of());
    }

    private static final double GB = 1024.0 * 1024 * 1024;

    /** {@code run} sweeping {@code names} (their values are read from the figures). */
    public static RunSummary sweeping(RunSummary run, String... names) {
        return run.withSweep(java.util.Arrays.stream(names).map(n -> new RunSummary.SweptParameter(n, List.of()))
                .toList());
    }

    /** Nothing known of the run but the swept parameter names. */
    public static RunSummary sweeping(String... names) {
        return sweeping(RunSummary.NONE, names);
    }

    /**
     * A one-parameter sweep over {@code web.count} = 2, 4, 6, 8: the standard figures at each point,
     * response times growing with the count (hosted fastest), so curves have a knee to show.
     */
    public static ExperimentResult sweep1d() {
        List<Figure> figures = new ArrayList<>();
        for (int count : new int[] {2, 4, 6, 8}) {
            Map<String, String> point = Map.of("web.count", Integer.toString(count));
            double load = count / 10.0;
            for (Figure f : standard().figures()) {
                double factor = f.metric().startsWith("response_time") ? 1.0 / (1.0 - load) : 1.0;
                if (f.metric().equals("throughput")) {
                    factor = count / 6.0;
                }
                Estimate e = f.estimate();
                figures.add(new Figure(f.architecture(), f.scope(), f.metric(),
                        new Estimate(e.mean() * factor, e.ciLow() * factor, e.ciHigh() * factor, e.replications()),
                        point));
            }
        }
        RunSummary run = sweeping(standard().run(), "web.count")
                .withSlas(List.of(new Sla("response_time_p95", "web", 0.060)));
        return new ExperimentResult("sweep", "Web count sweep.", 42L, ARCHITECTURES, figures, List.of(),
                standard().resolvedScenario(), run, List.of());
    }

    /**
     * A two-parameter sweep, {@code web.count} = 2, 4, 6 × {@code web.rate} = 20 /s, 40 /s: the
     * standard figures scaled by the load count × rate / 120 (busy CPU by half of it).
     */
    public static ExperimentResult sweep2d() {
        List<Figure> figures = new ArrayList<>();
        for (int count : new int[] {2, 4, 6}) {
            for (int rate : new int[] {20, 40}) {
                Map<String, String> point = new LinkedHashMap<>();
                point.put("web.count", Integer.toString(count));
                point.put("web.rate", rate + " /s");
                double load = count * rate / 120.0;
                for (Figure f : standard().figures()) {
                    Estimate e = f.estimate();
                    // busy CPU grows with the load and stays below 100 %: idle = 1 - busy × load / 2
                    Estimate scaled = f.metric().equals("cpu_util_idle")
                            ? new Estimate(1 - (1 - e.mean()) * load / 2, 1 - (1 - e.ciLow()) * load / 2,
                                    1 - (1 - e.ciHigh()) * load / 2, e.replications())
                            : new Estimate(e.mean() * load, e.ciLow() * load, e.ciHigh() * load, e.replications());
                    figures.add(new Figure(f.architecture(), f.scope(), f.metric(), scaled, point));
                }
            }
        }
        return new ExperimentResult("sweep2", "", 42L, ARCHITECTURES, figures, List.of(),
                standard().resolvedScenario(), sweeping(standard().run(), "web.count", "web.rate"), List.of());
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
