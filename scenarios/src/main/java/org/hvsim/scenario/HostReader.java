package org.hvsim.scenario;

import static org.hvsim.scenario.schema.ScenarioSchema.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hvsim.core.random.Distribution;
import org.hvsim.model.hardware.DiskSpec;
import org.hvsim.model.hardware.HostSpec;
import org.hvsim.model.hardware.NicSpec;
import org.hvsim.model.system.MemoryPolicy;
import org.hvsim.scenario.schema.Key;
import org.hvsim.scenario.schema.SectionReader;

/** Reads the {@code host} section: pCPUs, memory and its overcommit policy, disks and NICs. */
final class HostReader {

    /**
     * The host as read.
     *
     * @param memorySound whether host.memory was read without a problem (else memory checks would be false)
     * @param frequency   the pCPU clock, to turn MHz into pCPUs
     */
    record Host(HostSpec spec, MemoryPolicy memory, boolean memorySound, double frequency, Map<String, Object> tree) {
    }

    private final Reading reading;
    private final DistributionReader distributions;

    HostReader(Reading reading, DistributionReader distributions) {
        this.reading = reading;
        this.distributions = distributions;
    }

    Host read(SectionReader h) {
        Map<String, Object> tree = new LinkedHashMap<>();
        int cpus = h.integer(CPUS);
        double speed = h.decimal(SPEED);
        double memory = h.quantity(HOST_MEMORY);
        boolean memorySound = !reading.problemAt(h.locationOf(HOST_MEMORY));
        double frequency = h.quantity(FREQUENCY);
        tree.put("cpus", cpus);
        tree.put("speed", speed);
        tree.put("frequency", Formats.num(frequency / 1e6) + " MHz");
        tree.put("memory", Formats.size(memory));
        Optional<SectionReader> overcommit = h.optionalObject(OVERCOMMIT_KEY);
        MemoryPolicy policy = overcommit.map(r -> overcommit(r, tree)).orElse(MemoryPolicy.STRICT);
        if (overcommit.isEmpty()) {
            tree.put("memory_overcommit", "none");
        }
        List<DiskSpec> disks = new ArrayList<>();
        List<Object> diskTrees = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SectionReader d : h.objects(DISKS)) {
            Map<String, Object> dt = new LinkedHashMap<>();
            DiskSpec spec = disk(d, names, dt);
            if (spec != null) {
                disks.add(spec);
            }
            diskTrees.add(dt);
        }
        tree.put("disks", diskTrees);
        List<NicSpec> nics = new ArrayList<>();
        List<Object> nicTrees = new ArrayList<>();
        for (SectionReader n : h.objects(NICS)) {
            String name = n.text(NIC_NAME);
            Reading.uniqueName(n, NIC_NAME, name, names, "device");
            double bandwidth = n.quantity(NIC_BANDWIDTH);
            int mtu = n.integer(MTU);
            double packetCpu = n.quantity(PACKET_CPU);
            double receivePacketCpu = n.quantity(RECEIVE_PACKET_CPU);
            n.finish();
            Map<String, Object> nt = new LinkedHashMap<>();
            nt.put("name", name);
            nt.put("bandwidth", Formats.bandwidth(bandwidth));
            nt.put("mtu", mtu);
            nt.put("packet_cpu", Formats.duration(packetCpu));
            nt.put("receive_packet_cpu", Formats.duration(receivePacketCpu));
            nicTrees.add(nt);
            if (!name.isEmpty()) {
                nics.add(new NicSpec(name, bandwidth, mtu, packetCpu, receivePacketCpu));
            }
        }
        tree.put("nics", nicTrees);
        h.finish();
        String swap = policy.swapDevice();
        if (policy.overcommit() && disks.stream().noneMatch(d -> d.name().equals(swap))) {
            SectionReader r = overcommit.orElseThrow();
            r.report(SWAP_DEVICE, r.pathOf(SWAP_DEVICE) + ": no disk named '" + swap + "' on the host"
                    + Reading.known(swap, disks.stream().map(DiskSpec::name).toList()));
            policy = MemoryPolicy.STRICT;
        }
        return new Host(new HostSpec(Math.max(1, cpus), speed, memory, disks, nics), policy, memorySound, frequency,
                tree);
    }

    private static MemoryPolicy overcommit(SectionReader r, Map<String, Object> tree) {
        String swap = r.text(SWAP_DEVICE);
        double faults = r.decimal(FAULTS_PER_REQUEST);
        double page = r.quantity(PAGE_SIZE);
        r.finish();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("swap_device", swap);
        t.put("faults_per_request", faults);
        t.put("page_size", Formats.size(page));
        tree.put("memory_overcommit", t);
        return swap.isEmpty() ? MemoryPolicy.STRICT : new MemoryPolicy(true, swap, faults, page);
    }

    /** A disk; null if it cannot be used (a problem was recorded). */
    private DiskSpec disk(SectionReader d, Set<String> names, Map<String, Object> dt) {
        String name = d.text(DISK_NAME);
        Reading.uniqueName(d, DISK_NAME, name, names, "device");
        int channels = d.integer(CHANNELS);
        dt.put("name", name);
        dt.put("channels", channels);
        Optional<Key> model = d.exactlyOne(SERVICE, LATENCY);
        DiskSpec spec = null;
        if (model.isPresent() && model.get() == SERVICE) {
            Distribution service = distributions.read(d, SERVICE, dt);
            if (service != null) {
                spec = new DiskSpec(name, service, 0, 0, channels);
            }
            if (d.has(DISK_BANDWIDTH)) {
                d.report(DISK_BANDWIDTH, d.pathOf(DISK_BANDWIDTH) + " only applies with 'latency'; a disk with "
                        + "'service' draws its whole service time from that distribution");
            }
        } else if (model.isPresent()) {
            double latency = d.quantity(LATENCY);
            d.require(DISK_BANDWIDTH);
            double bandwidth = d.quantity(DISK_BANDWIDTH, 1);
            dt.put("latency", Formats.duration(latency));
            dt.put("bandwidth", Formats.bandwidth(bandwidth));
            spec = new DiskSpec(name, null, latency, bandwidth, channels);
        }
        d.finish();
        return spec != null && !name.isEmpty() ? spec : null;
    }
}
