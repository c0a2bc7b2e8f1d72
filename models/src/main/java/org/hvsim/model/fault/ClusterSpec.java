package org.hvsim.model.fault;

/**
 * Identical hosts with failover: on a host's failure its VMs restart on the survivors after
 * {@code detection} and a boot, if memory and CPU reservations admit them, at most
 * {@code concurrentRestarts} booting at once per host; the others wait for their host's repair.
 *
 * @param balanced   placement: true for the host with the most free memory, false for the first that fits
 * @param detection  seconds until the cluster declares a host dead (VMware HA 15 s; R12)
 */
public record ClusterSpec(int hosts, boolean balanced, double detection, int concurrentRestarts) {

    public ClusterSpec {
        if (hosts < 1 || concurrentRestarts < 1 || !(detection >= 0)) {
            throw new IllegalArgumentException("a cluster has at least one host, one restart at a time and a detection time >= 0");
        }
    }
}
