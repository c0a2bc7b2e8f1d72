package org.hvsim.model.fault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a cluster's VMs run through a failure history, and when they are down: placed first-fit or
 * balanced by memory; when a host goes down its VMs go down with it and, after the detection time,
 * restart on the surviving hosts that admit them (free memory, free CPU reservation), booting at most
 * {@code concurrentRestarts} at a time per target host; a VM no survivor admits waits for its host's
 * repair and boots there. VMs stay where they restarted (no failback).
 */
public final class ClusterFailover {

    /**
     * What an instance needs of a host: bytes of memory (overhead included), pCPUs reserved, and the CPU
     * its workload offers in pCPUs (for headroom).
     */
    public record Demand(String instance, double memory, double reservation, double load) {
    }

    /** Each host's memory for VMs (its footprint taken off) and its pCPUs. */
    public record Host(double memory, double cpus) {
    }

    private final ClusterSpec spec;
    private final Host host;
    private final List<Demand> vms;
    private final int[] initial;

    /** @throws IllegalArgumentException if the VMs do not fit on the cluster's hosts at all */
    public ClusterFailover(ClusterSpec spec, Host host, List<Demand> vms) {
        this.spec = spec;
        this.host = host;
        this.vms = List.copyOf(vms);
        double[] mem = filled(host.memory());
        double[] cpu = filled(host.cpus());
        boolean[] up = new boolean[spec.hosts()];
        Arrays.fill(up, true);
        initial = new int[vms.size()];
        for (int v = 0; v < vms.size(); v++) {
            int h = choose(vms.get(v), mem, cpu, up, -1);
            if (h < 0) {
                throw new IllegalArgumentException("the VMs do not fit on the cluster's " + spec.hosts()
                        + " hosts: " + vms.get(v).instance() + " finds no host with room");
            }
            take(vms.get(v), h, mem, cpu, 1);
            initial[v] = h;
        }
    }

    private double[] filled(double v) {
        double[] a = new double[spec.hosts()];
        Arrays.fill(a, v);
        return a;
    }

    /** The host for {@code vm} among those up other than {@code except}, or -1 if none admits it. */
    private int choose(Demand vm, double[] mem, double[] cpu, boolean[] up, int except) {
        int best = -1;
        for (int h = 0; h < spec.hosts(); h++) {
            if (h == except || !up[h] || mem[h] < vm.memory() || cpu[h] + 1e-12 < vm.reservation()) {
                continue;
            }
            if (!spec.balanced()) {
                return h;
            }
            if (best < 0 || mem[h] > mem[best]) {
                best = h;
            }
        }
        return best;
    }

    private static void take(Demand vm, int h, double[] mem, double[] cpu, int sign) {
        mem[h] -= sign * vm.memory();
        cpu[h] -= sign * vm.reservation();
    }

    /** The host each instance starts on. */
    public int initialHost(int vm) {
        return initial[vm];
    }

    /** After the worst single host failure from the initial placement: VMs left down, and CPU headroom. */
    public record WorstFailure(int vmsLeftDown, double headroom) {
    }

    public WorstFailure worstSingleFailure() {
        int worstDown = 0;
        double worstHeadroom = Double.POSITIVE_INFINITY;
        for (int failed = 0; failed < spec.hosts(); failed++) {
            double[] mem = filled(host.memory());
            double[] cpu = filled(host.cpus());
            boolean[] up = new boolean[spec.hosts()];
            Arrays.fill(up, true);
            up[failed] = false;
            double load = 0;
            for (int v = 0; v < vms.size(); v++) {
                if (initial[v] != failed) {
                    take(vms.get(v), initial[v], mem, cpu, 1);
                    load += vms.get(v).load();
                }
            }
            int down = 0;
            for (int v = 0; v < vms.size(); v++) {
                if (initial[v] == failed) {
                    int h = choose(vms.get(v), mem, cpu, up, failed);
                    if (h < 0) {
                        down++;
                    } else {
                        take(vms.get(v), h, mem, cpu, 1);
                        load += vms.get(v).load();
                    }
                }
            }
            double survivors = (spec.hosts() - 1) * host.cpus();
            double headroom = survivors > 0 ? 1 - load / survivors : 0;
            if (down > worstDown || down == worstDown && headroom < worstHeadroom) {
                worstDown = Math.max(worstDown, down);
                worstHeadroom = headroom;
            }
        }
        return new WorstFailure(worstDown, worstHeadroom);
    }

    /** One run through a history: per instance its down intervals, failovers and stays on each host. */
    public record Outcome(Map<String, List<double[]>> down, Map<String, Integer> failovers,
            Map<String, List<double[]>> residence) {
    }

    /**
     * @param hostOut per host, its sorted disjoint outages [down, back]
     * @param boot    seconds a VM boots
     */
    public Outcome run(List<List<double[]>> hostOut, double boot, double end) {
        record Edge(double at, int host, boolean fails) {
        }
        List<Edge> edges = new ArrayList<>();
        for (int h = 0; h < hostOut.size(); h++) {
            for (double[] o : hostOut.get(h)) {
                edges.add(new Edge(o[0], h, true));
                edges.add(new Edge(o[1], h, false));
            }
        }
        // repairs before failures at the same instant: a host back at t can take VMs failing over at t
        edges.sort((a, b) -> a.at() != b.at() ? Double.compare(a.at(), b.at()) : Boolean.compare(a.fails(), b.fails()));
        int n = vms.size();
        int[] on = initial.clone();
        double[] downSince = new double[n];
        double[] upAt = new double[n];
        Arrays.fill(downSince, Double.NaN);
        double[] mem = filled(host.memory());
        double[] cpu = filled(host.cpus());
        for (int v = 0; v < n; v++) {
            take(vms.get(v), on[v], mem, cpu, 1);
        }
        boolean[] up = new boolean[spec.hosts()];
        Arrays.fill(up, true);
        List<List<double[]>> down = new ArrayList<>();
        List<List<double[]>> residence = new ArrayList<>();
        int[] failovers = new int[n];
        double[] since = new double[n];
        for (int v = 0; v < n; v++) {
            down.add(new ArrayList<>());
            residence.add(new ArrayList<>());
        }
        for (Edge e : edges) {
            for (int v = 0; v < n; v++) {
                if (!Double.isNaN(downSince[v]) && upAt[v] <= e.at()) {
                    down.get(v).add(new double[] {downSince[v], upAt[v]});
                    downSince[v] = Double.NaN;
                }
            }
            if (e.fails()) {
                up[e.host()] = false;
                int[] booting = new int[spec.hosts()];
                for (int v = 0; v < n; v++) {
                    if (on[v] != e.host()) {
                        continue;
                    }
                    if (Double.isNaN(downSince[v])) {
                        downSince[v] = e.at();
                    }
                    int target = choose(vms.get(v), mem, cpu, up, e.host());
                    if (target < 0) {
                        upAt[v] = Double.POSITIVE_INFINITY; // until its host is back
                        continue;
                    }
                    take(vms.get(v), e.host(), mem, cpu, -1);
                    take(vms.get(v), target, mem, cpu, 1);
                    residence.get(v).add(new double[] {since[v], e.at(), on[v]});
                    since[v] = e.at();
                    on[v] = target;
                    failovers[v]++;
                    upAt[v] = e.at() + spec.detection() + (booting[target]++ / spec.concurrentRestarts() + 1) * boot;
                }
            } else {
                up[e.host()] = true;
                int booting = 0;
                for (int v = 0; v < n; v++) {
                    if (on[v] == e.host() && upAt[v] == Double.POSITIVE_INFINITY) {
                        upAt[v] = e.at() + (booting++ / spec.concurrentRestarts() + 1) * boot;
                    }
                }
            }
        }
        Map<String, List<double[]>> downs = new LinkedHashMap<>();
        Map<String, Integer> moves = new LinkedHashMap<>();
        Map<String, List<double[]>> stays = new LinkedHashMap<>();
        for (int v = 0; v < n; v++) {
            if (!Double.isNaN(downSince[v])) {
                down.get(v).add(new double[] {downSince[v], Math.min(upAt[v], Math.max(end, downSince[v]))});
            }
            residence.get(v).add(new double[] {since[v], Math.max(end, since[v]), on[v]});
            String name = vms.get(v).instance();
            downs.put(name, down.get(v));
            moves.put(name, failovers[v]);
            stays.put(name, residence.get(v));
        }
        return new Outcome(downs, moves, stays);
    }
}
