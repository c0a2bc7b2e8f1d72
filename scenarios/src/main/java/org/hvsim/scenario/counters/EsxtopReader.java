package org.hvsim.scenario.counters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

import org.hvsim.scenario.load.Excerpt;
import org.hvsim.scenario.load.NearestKey;
import org.hvsim.scenario.load.Problems;

/**
 * esxtop's batch mode ({@code esxtop -b -d 60 -n 1440 > FILE.csv}): PDH-CSV with one column per entity
 * and field. A VM is a {@code Group Cpu(GID:NAME)}; counters used for it (docs/profile-vm.md):
 * {@code Group Cpu(GID:NAME)\% Used} (required: % of one pCPU), the {@code Vcpu(GID:NAME:…)} instances
 * (its vCPUs), {@code Group Memory(GID:NAME)\Memory Size MBytes}, {@code Virtual Disk(NAME)\Commands/sec},
 * {@code Writes/sec}, {@code MBytes Read/sec}, {@code MBytes Written/sec} (or, when the file has no
 * per-VM disk, the host's {@code Physical Disk SCSI Device(*)} fields, summed), and the
 * {@code Network Port(vSwitch:PORT:NAME…)} ports whose client is the VM: {@code MBits Transmitted/sec},
 * {@code MBits Received/sec}, {@code Packets Transmitted/sec}, {@code Packets Received/sec}.
 */
final class EsxtopReader {

    /** esxtop's MBytes are binary (2^20 bytes); its MBits decimal (10^6 bits), like its MbTX/s field. */
    private static final double MBYTE = 1024.0 * 1024;
    private static final double MBIT_BYTES = 1e6 / 8;

    private EsxtopReader() {
    }

    static Optional<CounterSeries> read(Path file, String vmGiven, Integer vcpusGiven, Problems problems)
            throws IOException {
        CounterColumns cols = new CounterColumns();
        List<String> notes = new ArrayList<>();
        String[] vm = {null};
        int[] vcpus = {0};
        double[] memory = {Double.NaN};
        List<PdhCsv.Counter> chosen = new ArrayList<>();
        Optional<List<PdhCsv.Row>> rows = PdhCsv.read(file, "esxtop", problems, (header, p) -> {
            List<PdhCsv.Counter> used = header.find("Group Cpu", "% Used");
            if (used.isEmpty()) {
                boolean windows = header.counters().stream().anyMatch(c -> c.object().equalsIgnoreCase("Processor"));
                p.add(header.at(1), "no 'Group Cpu(GID:NAME)\\% Used' columns (a VM's CPU, required)"
                        + (windows ? "; this is a perfmon log: use --format perfmon" : ""));
                return List.of();
            }
            Set<String> names = new LinkedHashSet<>();
            used.forEach(c -> names.add(groupName(c.instance())));
            PdhCsv.Counter group;
            if (vmGiven != null) {
                Optional<PdhCsv.Counter> g = used.stream().filter(c -> groupName(c.instance()).equals(vmGiven)).findFirst();
                if (g.isEmpty()) {
                    p.add(header.at(used.get(0).column()), "--vm " + Excerpt.quote(vmGiven) + ": no Group Cpu of that name"
                            + NearestKey.among(vmGiven, List.copyOf(names)).map(n -> " — did you mean '" + n + "'?")
                                    .orElse(" (groups: " + String.join(", ", names) + ")"));
                    return List.of();
                }
                group = g.get();
            } else {
                List<PdhCsv.Counter> vms = used.stream().filter(c -> isVm(header, groupName(c.instance()))).toList();
                if (vms.size() != 1) {
                    p.add(header.at(used.get(0).column()), (vms.isEmpty() ? "no Group Cpu is recognisably a VM (with "
                            + "vCPUs, a virtual disk or a network port); " : "the file holds several VMs ("
                            + String.join(", ", vms.stream().map(c -> groupName(c.instance())).toList()) + "); ")
                            + "choose one with --vm NAME");
                    return List.of();
                }
                group = vms.get(0);
            }
            String name = groupName(group.instance());
            String gid = group.instance().contains(":") ? group.instance().substring(0, group.instance().indexOf(':')) : "";
            vm[0] = name;
            cols.add("cpu", List.of(group));
            vcpus[0] = (int) header.counters().stream().filter(c -> c.object().equalsIgnoreCase("Vcpu")
                    && c.name().equalsIgnoreCase("% Used") && ofGroup(c.instance(), gid, name)).count();
            cols.add("memory", header.find("Group Memory", "Memory Size MBytes").stream()
                    .filter(c -> c.instance().equals(group.instance()) || groupName(c.instance()).equals(name)).toList());
            Predicate<PdhCsv.Counter> ownDisk = c -> c.instance().equals(name) || c.instance().startsWith(name + ":")
                    || c.instance().startsWith(gid + ":" + name);
            String diskObject = header.counters().stream().anyMatch(c -> c.object().equalsIgnoreCase("Virtual Disk")
                    && ownDisk.test(c)) ? "Virtual Disk" : "Physical Disk SCSI Device";
            Predicate<PdhCsv.Counter> diskFilter = diskObject.equals("Virtual Disk") ? ownDisk : c -> true;
            for (String[] role : new String[][] {{"transfers", "Commands/sec"}, {"writes", "Writes/sec"},
                    {"readMB", "MBytes Read/sec"}, {"writeMB", "MBytes Written/sec"}}) {
                cols.add(role[0], header.find(diskObject, role[1]).stream().filter(diskFilter).toList());
            }
            if (cols.has("transfers")) {
                notes.add("disk: " + diskObject + (diskObject.equals("Virtual Disk") ? "(" + name + ")"
                        : "(*) summed: the host's disks, as the file has no Virtual Disk of the VM"));
            }
            Predicate<PdhCsv.Counter> ownPort = c -> portOf(c.instance(), name);
            for (String[] role : new String[][] {{"sentMbit", "MBits Transmitted/sec"},
                    {"receivedMbit", "MBits Received/sec"}, {"packetsSent", "Packets Transmitted/sec"},
                    {"packetsReceived", "Packets Received/sec"}}) {
                cols.add(role[0], header.find("Network Port", role[1]).stream().filter(ownPort).toList());
            }
            if (cols.has("sentMbit")) {
                notes.add("network: " + cols.describe("sentMbit").replace("\\MBits Transmitted/sec", "") + ", MBits as 10^6 bits");
            }
            return cols.chosen();
        }, chosen);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        int n = PdhCsv.processors(vcpusGiven, vcpus[0], file, "Vcpu(…:" + vm[0] + ":…) columns", problems);
        if (n == 0) {
            return Optional.empty();
        }
        notes.add(0, "VM " + vm[0] + ": Group Cpu % Used (% of one pCPU)" + (vcpusGiven == null
                ? ", " + n + " vCPUs from its Vcpu columns" : ""));
        List<Sample> samples = new ArrayList<>();
        List<PdhCsv.Row> r = rows.get();
        for (int i = 0; i < r.size(); i++) {
            double[] v = r.get(i).values();
            if (Double.isNaN(memory[0]) && cols.value("memory", v) > 0) {
                memory[0] = cols.value("memory", v) * MBYTE;
            }
            samples.add(new Sample(r.get(i).line(), r.get(i).time(), Intervals.length(r, i), cols.value("cpu", v) / 100,
                    cols.value("transfers", v), cols.value("writes", v),
                    (cols.value("readMB", v) + cols.value("writeMB", v)) * MBYTE, cols.value("writeMB", v) * MBYTE,
                    cols.value("sentMbit", v) * MBIT_BYTES, cols.value("receivedMbit", v) * MBIT_BYTES,
                    cols.value("packetsSent", v) + cols.value("packetsReceived", v)));
        }
        return Optional.of(new CounterSeries(file.toString(), "esxtop", vm[0], samples, OptionalInt.of(n),
                Double.isNaN(memory[0]) ? OptionalDouble.empty() : OptionalDouble.of(memory[0]), notes));
    }

    /** NAME of a group instance {@code GID:NAME}. */
    private static String groupName(String instance) {
        int colon = instance.indexOf(':');
        return colon < 0 ? instance : instance.substring(colon + 1);
    }

    /** Whether a Vcpu instance {@code GID:NAME:…} belongs to the group. */
    private static boolean ofGroup(String instance, String gid, String name) {
        return instance.startsWith(gid + ":" + name + ":") || instance.startsWith(gid + ":") && !gid.isEmpty()
                || instance.startsWith(name + ":");
    }

    /** Whether a port {@code vSwitch:PORT:CLIENT} is the VM's: its client is NAME or NAME.ethN. */
    private static boolean portOf(String instance, String name) {
        String client = instance.substring(instance.lastIndexOf(':') + 1);
        return client.equals(name) || client.startsWith(name + ".");
    }

    /** A group is a VM when it has vCPUs, a virtual disk or a network port of its own. */
    private static boolean isVm(PdhCsv.Header header, String name) {
        return header.counters().stream().anyMatch(c -> c.object().equalsIgnoreCase("Vcpu") && c.instance().contains(":" + name + ":")
                || c.object().equalsIgnoreCase("Virtual Disk") && (c.instance().equals(name) || c.instance().startsWith(name + ":"))
                || c.object().equalsIgnoreCase("Network Port") && portOf(c.instance(), name));
    }
}
