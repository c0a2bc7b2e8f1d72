package org.hvsim.model.system;

import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Where a request of a workload spread over a template's replicas goes: to one of the replicas up at its
 * arrival, each as likely (so each of k replicas up sees a k-th of a Poisson stream, itself Poisson); while
 * every replica is down, to the first, which loses it. A replica is what serves an instance now: itself on
 * one host, its copy on its present host in a cluster.
 */
final class Spread implements Supplier<VmInstance> {
    private final List<Supplier<VmInstance>> replicas;
    private final RandomGenerator choice;
    private final VmInstance[] up;

    /** @param choice the template's own stream, the same under every architecture */
    Spread(List<Supplier<VmInstance>> replicas, RandomGenerator choice) {
        this.replicas = List.copyOf(replicas);
        this.choice = choice;
        this.up = new VmInstance[replicas.size()];
    }

    @Override
    public VmInstance get() {
        int n = 0;
        for (Supplier<VmInstance> r : replicas) {
            VmInstance vm = r.get();
            if (!vm.isDown()) {
                up[n++] = vm;
            }
        }
        // one draw per arrival whatever is up, so the streams stay in step across architectures
        double u = choice.nextDouble();
        return n == 0 ? replicas.get(0).get() : up[Math.min(n - 1, (int) (u * n))];
    }

    /** The stream a template's spread draws from. */
    static String stream(String template) {
        return "vm/" + template + "/spread";
    }
}
