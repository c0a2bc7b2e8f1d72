package org.hvsim.scenario.counters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.hvsim.scenario.load.Problems;

/**
 * A Windows Performance Monitor log exported as CSV ({@code relog LOG.blg -f csv -o FILE.csv}, or a
 * data collector set writing PDH-CSV). Counters used (docs/profile-vm.md):
 * {@code Processor(_Total)\% Processor Time} (required; the {@code Processor(0)}, {@code (1)} … instances
 * count the processors), {@code PhysicalDisk(_Total)\Disk Transfers/sec} or {@code Disk Reads/sec} +
 * {@code Disk Writes/sec}, {@code Disk Bytes/sec} or {@code Disk Read Bytes/sec} +
 * {@code Disk Write Bytes/sec} (the instances summed when there is no {@code _Total}), and
 * {@code Network Interface(*)\Bytes Sent/sec}, {@code Bytes Received/sec} (or {@code Bytes Total/sec}),
 * {@code Packets/sec}, summed over the interfaces.
 */
final class PerfmonReader {

    private PerfmonReader() {
    }

    static Optional<CounterSeries> read(Path file, Integer vcpusGiven, Problems problems) throws IOException {
        CounterColumns cols = new CounterColumns();
        int[] processors = {0};
        String[] host = {""};
        List<String> notes = new ArrayList<>();
        List<PdhCsv.Counter> chosen = new ArrayList<>();
        Optional<List<PdhCsv.Row>> rows = PdhCsv.read(file, "perfmon", problems, (header, p) -> {
            List<PdhCsv.Counter> cpu = header.find("Processor", "% Processor Time");
            List<PdhCsv.Counter> total = cpu.stream().filter(c -> c.instance().equals("_Total")).toList();
            if (total.isEmpty()) {
                boolean esx = header.counters().stream().anyMatch(c -> c.object().equalsIgnoreCase("Group Cpu"));
                p.add(header.at(1), "no column '\\\\HOST\\Processor(_Total)\\% Processor Time' (the processor "
                        + "utilization, required)" + (esx ? "; this is an esxtop file: use --format esxtop"
                                : cpu.isEmpty() ? "; the file has no Processor counters" : ""));
                return List.of();
            }
            host[0] = total.get(0).host();
            processors[0] = (int) cpu.stream().filter(c -> c.instance().matches("\\d+")).count();
            cols.add("cpu", total);
            String disk = "PhysicalDisk";
            boolean hasTotal = header.counters().stream()
                    .anyMatch(c -> c.object().equalsIgnoreCase(disk) && c.instance().equals("_Total"));
            for (String[] role : new String[][] {{"transfers", "Disk Transfers/sec"}, {"reads", "Disk Reads/sec"},
                    {"writes", "Disk Writes/sec"}, {"bytes", "Disk Bytes/sec"}, {"readBytes", "Disk Read Bytes/sec"},
                    {"writeBytes", "Disk Write Bytes/sec"}}) {
                cols.add(role[0], header.find(disk, role[1]).stream()
                        .filter(c -> hasTotal == c.instance().equals("_Total")).toList());
            }
            for (String[] role : new String[][] {{"sent", "Bytes Sent/sec"}, {"received", "Bytes Received/sec"},
                    {"netTotal", "Bytes Total/sec"}, {"packets", "Packets/sec"}, {"packetsSent", "Packets Sent/sec"},
                    {"packetsReceived", "Packets Received/sec"}}) {
                List<PdhCsv.Counter> nic = new ArrayList<>(header.find("Network Interface", role[1]));
                if (nic.isEmpty()) {
                    nic.addAll(header.find("Network Adapter", role[1]));
                }
                cols.add(role[0], nic);
            }
            return cols.chosen();
        }, chosen);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        int vcpus = PdhCsv.processors(vcpusGiven, processors[0], file, "Processor(0), Processor(1) … instances",
                problems);
        if (vcpus == 0) {
            return Optional.empty();
        }
        if (vcpusGiven == null) {
            notes.add(vcpus + " processors: the Processor(N) instances of % Processor Time");
        }
        notes.add("CPU: " + cols.describe("cpu") + " × " + vcpus + " processors");
        notes.add(diskNote(cols));
        if (cols.has("sent") || cols.has("received") || cols.has("netTotal")) {
            notes.add("network: " + (cols.has("sent") || cols.has("received") ? "Bytes Sent/sec and Bytes Received/sec"
                    : "Bytes Total/sec (no split: taken as sent)") + " summed over the interfaces");
        }
        List<Sample> samples = new ArrayList<>();
        List<PdhCsv.Row> r = rows.get();
        for (int i = 0; i < r.size(); i++) {
            double[] v = r.get(i).values();
            double transfers = cols.has("transfers") ? cols.value("transfers", v)
                    : cols.value("reads", v) + cols.value("writes", v);
            double bytes = cols.has("bytes") ? cols.value("bytes", v)
                    : cols.value("readBytes", v) + cols.value("writeBytes", v);
            double sent = cols.has("sent") || cols.has("received") ? orZero(cols, "sent", v) : cols.value("netTotal", v);
            double received = cols.has("sent") || cols.has("received") ? orZero(cols, "received", v)
                    : cols.has("netTotal") ? 0 : Double.NaN;
            double packets = cols.has("packets") ? cols.value("packets", v)
                    : cols.value("packetsSent", v) + cols.value("packetsReceived", v);
            samples.add(new Sample(r.get(i).line(), r.get(i).time(), Intervals.length(r, i), 
                    cols.value("cpu", v) / 100 * vcpus, transfers, cols.value("writes", v), bytes,
                    cols.value("writeBytes", v), sent, received, packets));
        }
        return Optional.of(new CounterSeries(file.toString(), "perfmon", host[0], samples, OptionalInt.of(vcpus),
                OptionalDouble.empty(), notes));
    }

    private static double orZero(CounterColumns cols, String role, double[] v) {
        return cols.has(role) ? cols.value(role, v) : 0;
    }

    private static String diskNote(CounterColumns cols) {
        if (!cols.has("transfers") && !cols.has("reads")) {
            return "disk: no PhysicalDisk counters";
        }
        return "disk: " + (cols.has("transfers") ? cols.describe("transfers") : cols.describe("reads") + " + writes");
    }
}
