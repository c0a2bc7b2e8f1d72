package org.hvsim.scenario.counters;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hvsim.scenario.load.Excerpt;
import org.hvsim.scenario.load.Problems;
import org.hvsim.scenario.load.SourceLocation;

/**
 * sar's data through {@code sadf -d} (one file, several reports: {@code sadf -d sa30 -- -u -P ALL -b
 * -n DEV -r > FILE.csv}): semicolon-separated, each report opened by its own header line
 * {@code # hostname;interval;timestamp;…}. Reports used (docs/profile-vm.md): {@code -u} (required;
 * busy = 100 − %idle − %iowait − %steal of CPU -1, the per-CPU rows of {@code -P ALL} counting the
 * processors), {@code -b} (tps, wtps, bread/s, bwrtn/s in 512-byte blocks) or else {@code -d} (tps and
 * rkB/s + wkB/s, or rd_sec/s + wr_sec/s in 512-byte sectors, summed over the devices but dm-*, which
 * sit on the disks already counted), {@code -n DEV} (rxkB/s, txkB/s, rxpck/s, txpck/s summed over the
 * interfaces but lo; kB are 1024 bytes, as sysstat counts them) and {@code -r} (memory: kbmemused ×
 * 100 / %memused). Other reports are skipped; a LINUX-RESTART record's "(N CPU)" gives the processors.
 */
final class SarReader {

    private static final double BLOCK = 512;
    private static final double KB = 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern RESTART_CPUS = Pattern.compile("\\((\\d+) CPU\\)");

    private enum Report { CPU, BLOCK_IO, DEVICE, NETWORK, MEMORY, OTHER }

    /** Everything measured at one timestamp, summed over the report's devices as they come. */
    private static final class At {
        final int line;
        final LocalDateTime time;
        double seconds;
        double cpuBusy = Double.NaN;
        double transfers = Double.NaN, writes = Double.NaN, bytes = Double.NaN, writeBytes = Double.NaN;
        double devTransfers, devBytes, devWriteBytes;
        boolean dev;
        double sent, received, packets;
        boolean net;

        At(int line, LocalDateTime time) {
            this.line = line;
            this.time = time;
        }
    }

    private SarReader() {
    }

    static Optional<CounterSeries> read(Path file, Integer vcpusGiven, Problems problems) throws IOException {
        String name = file.toString();
        CellValues values = new CellValues(problems);
        TreeMap<LocalDateTime, At> samples = new TreeMap<>();
        Set<String> cpus = new HashSet<>();
        Set<Report> seen = new LinkedHashSet<>();
        String host = "";
        int restartCpus = 0;
        double memory = Double.NaN;
        try (CsvLines lines = CsvLines.open(file, ';')) {
            CsvLines.Line line;
            List<String> columns = null;
            Report report = Report.OTHER;
            try {
                while ((line = lines.next()) != null) {
                    if (line.raw().isBlank()) {
                        continue;
                    }
                    if (line.raw().startsWith("#")) {
                        columns = line.cells().stream().map(c -> c.text().strip()).toList();
                        if (!columns.get(0).equals("# hostname") || columns.size() < 4 || !columns.get(1).equals("interval")
                                || !columns.get(2).equals("timestamp")) {
                            problems.add(lines.at(1), "expected a sadf -d header '# hostname;interval;timestamp;…', "
                                    + "found " + Excerpt.quote(line.raw()));
                            return Optional.empty();
                        }
                        report = kind(columns);
                        seen.add(report);
                        continue;
                    }
                    List<CsvLines.Cell> cells = line.cells();
                    if (cells.size() >= 4 && cells.get(1).text().strip().equals("-1")) {
                        Matcher m = RESTART_CPUS.matcher(line.raw());
                        if (m.find()) {
                            restartCpus = Integer.parseInt(m.group(1));
                        }
                        continue; // a LINUX-RESTART or COM record, no sample
                    }
                    if (columns == null) {
                        problems.add(lines.at(1), "expected sadf -d output (sar data): a first line "
                                + "'# hostname;interval;timestamp;…'; found " + Excerpt.quote(line.raw())
                                + (line.raw().startsWith("\"(PDH-CSV") ? " (a PDH-CSV file: use --format perfmon or esxtop)" : ""));
                        return Optional.empty();
                    }
                    if (cells.size() != columns.size()) {
                        values.problem(lines.at(1), "this line has " + cells.size() + " fields; its header (line "
                                + "above) has " + columns.size());
                        continue;
                    }
                    host = cells.get(0).text().strip();
                    double interval = values.rate(cells.get(1).text(), "interval", lines.at(cells.get(1).column()));
                    LocalDateTime time = time(cells.get(2).text());
                    if (time == null) {
                        values.problem(lines.at(cells.get(2).column()), "expected a timestamp like "
                                + "'2026-11-30 10:10:01 UTC' (sadf -d) or seconds since 1970 (sadf -d -U), found "
                                + Excerpt.quote(cells.get(2).text()));
                        continue;
                    }
                    if (report == Report.OTHER || !(interval > 0)) {
                        continue;
                    }
                    int number = line.number();
                    At at = samples.computeIfAbsent(time, t -> new At(number, t));
                    at.seconds = interval;
                    Fields f = new Fields(columns, cells, values, lines);
                    switch (report) {
                        case CPU -> {
                            String cpu = cells.get(3).text().strip();
                            if (cpu.equals("-1") || cpu.equalsIgnoreCase("all")) {
                                at.cpuBusy = 100 - f.get("%idle") - f.optional("%iowait") - f.optional("%steal");
                            } else {
                                cpus.add(cpu);
                            }
                        }
                        case BLOCK_IO -> {
                            at.transfers = f.get("tps");
                            at.writes = f.get("wtps");
                            at.writeBytes = f.get("bwrtn/s") * BLOCK;
                            at.bytes = f.get("bread/s") * BLOCK + at.writeBytes;
                        }
                        case DEVICE -> {
                            if (!cells.get(3).text().strip().startsWith("dm-")) {
                                at.dev = true;
                                at.devTransfers += f.get("tps");
                                double w = columns.contains("wkB/s") ? f.get("wkB/s") * KB : f.get("wr_sec/s") * BLOCK;
                                double r = columns.contains("rkB/s") ? f.get("rkB/s") * KB : f.get("rd_sec/s") * BLOCK;
                                at.devWriteBytes += w;
                                at.devBytes += r + w;
                            }
                        }
                        case NETWORK -> {
                            if (!cells.get(3).text().strip().equals("lo")) {
                                at.net = true;
                                at.sent += f.get("txkB/s") * KB;
                                at.received += f.get("rxkB/s") * KB;
                                at.packets += f.get("rxpck/s") + f.get("txpck/s");
                            }
                        }
                        case MEMORY -> {
                            double used = f.get("kbmemused");
                            double share = f.get("%memused");
                            if (Double.isNaN(memory) && share > 0) {
                                memory = used * KB * 100 / share;
                            }
                        }
                        default -> {
                        }
                    }
                }
            } catch (CharacterCodingException e) {
                problems.add(lines.at(1), "not UTF-8 text; is it sadf -d output?");
                return Optional.empty();
            }
        } catch (CharacterCodingException e) {
            problems.add(new SourceLocation(name, 1, 1), "not UTF-8 text; is it sadf -d output?");
            return Optional.empty();
        }
        values.finish();
        if (values.any()) {
            return Optional.empty();
        }
        if (!seen.contains(Report.CPU)) {
            problems.add(new SourceLocation(name, 1, 1), "no CPU report (sar -u: '# hostname;interval;timestamp;CPU;"
                    + "%user;…;%idle') in the file; export it with sadf -d DATAFILE -- -u -P ALL -b -n DEV -r");
            return Optional.empty();
        }
        int vcpus = vcpusGiven != null ? vcpusGiven : !cpus.isEmpty() ? cpus.size() : restartCpus;
        if (vcpus == 0) {
            problems.add(new SourceLocation(name, 1, 1), "the file does not show how many processors the server has "
                    + "(no per-CPU rows of sar -u -P ALL, no LINUX-RESTART record); give --vcpus N");
            return Optional.empty();
        }
        List<String> notes = new ArrayList<>();
        notes.add("CPU: sar -u, busy = 100 - %idle - %iowait - %steal, × " + vcpus + " processors"
                + (vcpusGiven != null ? "" : !cpus.isEmpty() ? " (the per-CPU rows)" : " (the LINUX-RESTART record)"));
        notes.add(seen.contains(Report.BLOCK_IO) ? "disk: sar -b (tps, wtps; bread/s, bwrtn/s × 512 B)"
                : seen.contains(Report.DEVICE) ? "disk: sar -d summed over the devices but dm-*" : "disk: no sar -b or -d report");
        notes.add(seen.contains(Report.NETWORK) ? "network: sar -n DEV summed over the interfaces but lo (kB = 1024 B)"
                : "network: no sar -n DEV report");
        List<Sample> out = new ArrayList<>();
        for (At a : samples.values()) {
            if (!seen.contains(Report.BLOCK_IO) && a.dev) {
                a.transfers = a.devTransfers;
                a.bytes = a.devBytes;
                a.writeBytes = a.devWriteBytes;
            }
            double nan = Double.NaN;
            out.add(new Sample(a.line, a.time, a.seconds, Double.isNaN(a.cpuBusy) ? nan : a.cpuBusy / 100 * vcpus,
                    a.transfers, a.writes, a.bytes, a.writeBytes, a.net ? a.sent : nan, a.net ? a.received : nan,
                    a.net ? a.packets : nan));
        }
        if (out.isEmpty()) {
            problems.add(new SourceLocation(name, 1, 1), "the file has headers but no samples");
            return Optional.empty();
        }
        return Optional.of(new CounterSeries(name, "sar", host, out, OptionalInt.of(vcpus),
                Double.isNaN(memory) ? OptionalDouble.empty() : OptionalDouble.of(memory), notes));
    }

    private static Report kind(List<String> columns) {
        if (columns.contains("CPU") && columns.contains("%idle")) {
            return Report.CPU;
        }
        if (columns.contains("bread/s") && columns.contains("wtps")) {
            return Report.BLOCK_IO;
        }
        if (columns.contains("DEV") && columns.contains("tps")) {
            return Report.DEVICE;
        }
        if (columns.contains("IFACE") && columns.contains("rxkB/s")) {
            return Report.NETWORK;
        }
        if (columns.contains("kbmemused") && columns.contains("%memused")) {
            return Report.MEMORY;
        }
        return Report.OTHER;
    }

    private static LocalDateTime time(String text) {
        String t = text.strip();
        if (t.matches("\\d{9,11}")) {
            return LocalDateTime.ofEpochSecond(Long.parseLong(t), 0, ZoneOffset.UTC);
        }
        String[] parts = t.split("\\s+");
        if (parts.length < 2) {
            return null;
        }
        try {
            return LocalDateTime.parse(parts[0] + " " + parts[1], TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The named fields of one record, read as numbers where they are. */
    private record Fields(List<String> columns, List<CsvLines.Cell> cells, CellValues values, CsvLines lines) {
        double get(String column) {
            int i = columns.indexOf(column);
            if (i < 0) {
                values.problem(lines.at(1), "this report has no '" + column + "' field (its header: "
                        + String.join(";", columns) + ")");
                return Double.NaN;
            }
            return values.rate(cells.get(i).text(), column, lines.at(cells.get(i).column()));
        }

        double optional(String column) {
            return columns.contains(column) ? get(column) : 0;
        }
    }
}
