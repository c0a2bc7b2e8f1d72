package org.hvsim.scenario.counters;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.hvsim.model.arch.NativeIoWork;
import org.hvsim.model.hardware.NicSpec;
import org.hvsim.scenario.Formats;
import org.hvsim.scenario.load.Problems;
import org.hvsim.scenario.load.SourceLocation;

/**
 * A VM's workload derived from measured counters: an open workload whose request rate follows the
 * measurement over the day ({@code profile}, steps) and whose requests carry the CPU, disk operations
 * and network bytes that reproduce the measured rates on average (docs/profile-vm.md).
 *
 * <p>A request is {@code opsPerRequest} disk transfers: disk operations are whole numbers in a
 * scenario, so tying requests to transfers reproduces the transfer rate exactly, while CPU time and
 * bytes per request, which need not be whole, are the measured rates divided by the request rate. A
 * file without disk counters takes the mean request rate from the user, its profile shaped by the CPU.
 * The CPU demand per request leaves out what the model itself charges natively for each I/O (the
 * guest OS's own work per disk operation and per packet), which the measured processor time includes.
 */
public final class MeasuredWorkload {

    /** How the rate varies: the average of each hour of the day, the samples' own intervals, or the first that fits. */
    public enum ProfileShape { auto, hourly, samples }

    /**
     * What the user chose on the command line.
     *
     * @param name          the VM template's name; null for the file's server or VM name
     * @param memory        bytes per instance; null for what the file shows
     * @param opsPerRequest disk transfers per request (≥ 1)
     * @param requestRate   mean requests per second, for files without disk counters; null otherwise
     * @param shape         the profile's basis
     * @param disk          the host's disk the transfers go to
     * @param nic           the host's NIC the bytes go through
     * @param mtu           the NIC's MTU, for the packets the model charges CPU for
     */
    public record Options(String name, Double memory, int opsPerRequest, Double requestRate, ProfileShape shape,
            String disk, String nic, int mtu) {
    }

    /** The means of one bucket (an hour of day, or a sample) or of the whole day. */
    record Rates(double cpuCores, double transfers, double writes, double bytes, double writeBytes, double sent,
            double received, double packets) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final NativeIoWork NATIVE = NativeIoWork.DEFAULT;

    private MeasuredWorkload() {
    }

    /** The template as YAML text; null after a problem (reported at the file). */
    public static String template(CounterSeries series, Options o, Problems problems) {
        SourceLocation file = SourceLocation.startOf(series.file());
        List<Sample> samples = series.samples().stream().filter(s -> s.seconds() > 0).toList();
        if (series.samples().size() < 2) {
            problems.add(file, "the file has one sample; rates need at least two, to know the interval");
            return null;
        }
        if (samples.stream().allMatch(s -> Double.isNaN(s.cpuCores()))) {
            problems.add(file, "every CPU sample is blank; nothing to build a workload from");
            return null;
        }
        boolean disk = samples.stream().anyMatch(s -> s.transfers() > 0);
        if (disk && o.requestRate() != null) {
            problems.add(file, "--request-rate is for files without disk counters; here a request is "
                    + o.opsPerRequest() + " disk transfer(s): choose how many with --ops-per-request");
            return null;
        }
        if (!disk && o.requestRate() == null) {
            problems.add(file, "the file has no disk transfers to count requests by; give the mean request rate "
                    + "with --request-rate RATE (e.g. 20 /s): the CPU's variation then shapes the profile");
            return null;
        }
        ToDoubleFunction<Sample> basis = disk ? Sample::transfers : Sample::cpuCores;
        boolean everyHour = true;
        for (int h = 0; h < 24; h++) {
            int hour = h;
            everyHour &= samples.stream().anyMatch(s -> s.middle().getHour() == hour && !Double.isNaN(basis.applyAsDouble(s)));
        }
        if (o.shape() == ProfileShape.hourly && !everyHour) {
            problems.add(file, "--profile hourly needs samples in every hour of the day; this file does not cover "
                    + "all 24 (use --profile samples)");
            return null;
        }
        boolean hourly = o.shape() == ProfileShape.hourly || o.shape() == ProfileShape.auto && everyHour;
        // buckets: the 24 hours of the day, or each sample whose basis was measured
        List<Rates> buckets = new ArrayList<>();
        List<Double> at = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double period;
        if (hourly) {
            for (int h = 0; h < 24; h++) {
                int hour = h;
                buckets.add(mean(samples.stream().filter(s -> s.middle().getHour() == hour).toList()));
                at.add(h * 3600.0);
            }
            period = 24 * 3600.0;
        } else {
            List<Sample> kept = samples.stream().filter(s -> !Double.isNaN(basis.applyAsDouble(s))).toList();
            LocalDateTime start = kept.get(0).start();
            for (Sample s : kept) {
                buckets.add(mean(List.of(s)));
                at.add(seconds(start, s.start()));
                labels.add(s.end().format(STAMP));
            }
            period = seconds(start, kept.get(kept.size() - 1).end());
        }
        // how long each point's rate holds in the profile (a sample whose basis is blank keeps the rate before it)
        double[] hold = new double[buckets.size()];
        for (int i = 0; i < hold.length; i++) {
            hold[i] = (i + 1 < hold.length ? at.get(i + 1) : period) - at.get(i);
        }
        // what the template reproduces: the average day (each hour alike), or every sample by its length;
        // the request rate itself is the profile's mean, below
        Rates day = hourly ? weighted(buckets, hold) : mean(samples);
        int k = o.opsPerRequest();
        double[] rate = new double[buckets.size()];
        for (int i = 0; i < rate.length; i++) {
            rate[i] = disk ? buckets.get(i).transfers() / k : o.requestRate() * buckets.get(i).cpuCores() / day.cpuCores();
        }
        double meanRate = 0;
        for (int i = 0; i < rate.length; i++) {
            meanRate += rate[i] * hold[i] / period;
        }
        int vcpus = series.vcpus().orElse(1);
        Double memory = o.memory() != null ? o.memory()
                : series.memory().isPresent() ? Math.ceil(series.memory().getAsDouble() / (1024 * 1024)) * 1024 * 1024 : null;
        if (memory == null) {
            problems.add(file, "the file does not show the server's memory (" + series.format() + " exports no total"
                    + " RAM" + ("sar".equals(series.format()) ? " without sar -r" : "") + "); give --memory SIZE, e.g. 4 GB");
            return null;
        }
        // per request
        double sent = positive(day.sent()) / meanRate;
        double received = positive(day.received()) / meanRate;
        int sentPackets = sent > 0 ? (int) Math.ceil(sent / o.mtu()) : 0;
        int receivedPackets = received > 0 ? (int) Math.ceil(received / o.mtu()) : 0;
        double ioCpu = (disk ? k * NATIVE.diskOp() : 0) + sentPackets * NicSpec.DEFAULT_PACKET_CPU
                + receivedPackets * NicSpec.DEFAULT_RECEIVE_PACKET_CPU;
        double cpu = day.cpuCores() / meanRate - ioCpu;
        boolean split = disk && day.writes() >= 0 && day.writes() < day.transfers() && day.writes() > 0;

        Yaml y = new Yaml();
        String name = o.name() != null ? o.name() : vmName(series.name());
        y.comment("VM template made by `hvsim profile-vm` from measured counters: a scenario fragment for include");
        y.comment("(docs/profile-vm.md). Use it in a scenario that has name, duration and a host with disk " + o.disk()
                + " and NIC " + o.nic() + ":");
        y.comment("  include: [shared/host-8core.yaml, " + name + ".yaml]");
        y.comment("vms is a list: a scenario that lists VMs of its own replaces it; copy the item there instead.");
        y.comment("");
        y.comment("source:   " + series.file() + " (" + series.format() + ", " + series.name() + ")");
        y.comment("          " + series.samples().size() + " samples, " + series.samples().get(0).end().format(STAMP)
                + " to " + series.samples().get(series.samples().size() - 1).end().format(STAMP) + ", every "
                + Formats.duration(whole(median(samples))));
        if (disk) {
            y.comment("request:  " + k + " disk transfer(s) (--ops-per-request): operations are whole numbers, so the");
            y.comment("          transfer rate is reproduced exactly; CPU and bytes per request are rates / request rate");
        } else {
            y.comment("request:  no disk counters: the mean request rate is --request-rate, varying as the CPU does");
        }
        y.comment("CPU:      measured busy CPU / request rate, less what hvsim charges the guest OS per I/O itself:");
        y.comment("          " + Formats.duration(NATIVE.diskOp()) + " per disk operation, "
                + Formats.duration(NicSpec.DEFAULT_PACKET_CPU) + " per packet sent, "
                + Formats.duration(NicSpec.DEFAULT_RECEIVE_PACKET_CPU) + " per packet received, MTU " + o.mtu()
                + " (NIC defaults, R1.e)");
        y.comment("profile:  " + (hourly ? "the mean of each hour of day (by the middle of each interval), steps, daily"
                : "the samples' own intervals, as steps, repeated every " + Formats.duration(period)));
        for (String note : series.notes()) {
            y.comment("counters: " + note);
        }
        if (cpu <= 0) {
            y.comment("warning:  the measured CPU is below what the model charges for the I/O alone; no cpu phase");
        }
        y.comment("");
        y.comment("Figures (remove the leading '# ' to read them as YAML); cpu_util is of the " + vcpus + " processors.");
        y.comment("measured:");
        y.comment("  basis: " + (hourly ? "average day" : "time-weighted over the samples"));
        y.comment("  mean: " + figures(day, vcpus));
        Sample peak = samples.stream().filter(s -> !Double.isNaN(s.cpuCores()))
                .max(java.util.Comparator.comparingDouble(Sample::cpuCores)).orElseThrow();
        y.comment("  peak_interval: { end: '" + peak.end().format(STAMP) + "', length: " + Formats.duration(whole(peak.seconds()))
                + ", line: " + peak.line() + ", " + figures(mean(List.of(peak)), vcpus).substring(2));
        if (hourly) {
            int best = 0;
            for (int h = 1; h < 24; h++) {
                best = buckets.get(h).cpuCores() > buckets.get(best).cpuCores() ? h : best;
            }
            y.comment("  peak_hour: { at: " + best + " h, " + figures(buckets.get(best), vcpus).substring(2));
        }
        y.comment("  template: { requests: " + Formats.rate(round(meanRate)) + ", peak_requests: "
                + Formats.rate(round(max(rate))) + ", cpu_per_request: " + Formats.duration(round(Math.max(cpu, 0)))
                + ", packets_per_request: " + (sentPackets + receivedPackets) + " }");
        y.line("vms:");
        y.line("  - name: " + name);
        y.line("    vcpus: " + vcpus);
        y.line("    memory: " + Formats.size(memory));
        y.line("    workload:");
        y.line("      open:");
        y.line("        profile:");
        y.line("          shape: steps");
        y.line("          repeat: " + Formats.duration(period));
        y.line("          points:");
        for (int i = 0; i < rate.length; i++) {
            Rates b = buckets.get(i);
            y.line("            - { at: " + Formats.duration(at.get(i)) + ", rate: " + Formats.rate(round(rate[i]))
                    + " }   # " + (hourly ? "" : labels.get(i) + ": ") + "cpu " + percent(b.cpuCores() / vcpus)
                    + ", disk " + Formats.rate(round(positive(b.transfers()))) + ", net "
                    + byteRate(positive(b.sent()) + positive(b.received())));
        }
        y.line("      classes:");
        if (split) {
            double reads = day.transfers() - day.writes();
            double readBytes = day.bytes() - day.writeBytes();
            klass(y, "read", reads / day.transfers(), "reads", cpu, k, readBytes / reads, false, sent, received, o);
            klass(y, "write", day.writes() / day.transfers(), "writes", cpu, k, day.writeBytes() / day.writes(), true,
                    sent, received, o);
        } else {
            klass(y, disk ? "transfer" : "request", 1, null, cpu, disk ? k : 0, day.bytes() / day.transfers(), false,
                    sent, received, o);
        }
        return y.text();
    }

    private static void klass(Yaml y, String name, double weight, String what, double cpu, int ops, double size,
            boolean write, double sent, double received, Options o) {
        y.line("        - name: " + name);
        if (what != null) {
            y.line("          weight: " + Formats.num(round(weight)) + "   # share of the disk transfers that are " + what);
        }
        y.line("          phases:");
        if (received > 0) {
            y.line("            - net: { bytes: " + size(received) + ", device: " + o.nic() + ", direction: receive }");
        }
        if (cpu > 0) {
            y.line("            - cpu: { exponential: { mean: " + Formats.duration(round(cpu)) + " } }"
                    + "   # counters give no distribution: exponential, cv 1");
        }
        if (ops > 0) {
            y.line("            - disk: { ops: " + ops + (size > 0 ? ", size: " + size(size) : "") + ", device: " + o.disk()
                    + (write ? ", write: true" : "") + " }");
        }
        if (sent > 0) {
            y.line("            - net: { bytes: " + size(sent) + ", device: " + o.nic() + " }");
        }
    }

    /** Time-weighted means of the samples' rates, each rate over the samples that measured it. */
    static Rates mean(List<Sample> samples) {
        double[] hold = samples.stream().mapToDouble(Sample::seconds).toArray();
        return weighted(samples.stream().map(s -> new Rates(s.cpuCores(), s.transfers(), s.writes(), s.bytes(),
                s.writeBytes(), s.netSent(), s.netReceived(), s.packets())).toList(), hold);
    }

    private static Rates weighted(List<Rates> r, double[] w) {
        return new Rates(avg(r, w, Rates::cpuCores), avg(r, w, Rates::transfers), avg(r, w, Rates::writes),
                avg(r, w, Rates::bytes), avg(r, w, Rates::writeBytes), avg(r, w, Rates::sent), avg(r, w, Rates::received),
                avg(r, w, Rates::packets));
    }

    private static double avg(List<Rates> r, double[] w, ToDoubleFunction<Rates> f) {
        double sum = 0;
        double weight = 0;
        for (int i = 0; i < r.size(); i++) {
            double v = f.applyAsDouble(r.get(i));
            if (!Double.isNaN(v)) {
                sum += v * w[i];
                weight += w[i];
            }
        }
        return weight > 0 ? sum / weight : Double.NaN;
    }

    private static String figures(Rates r, int vcpus) {
        return "{ cpu_util: " + Formats.num(round(r.cpuCores() / vcpus)) + ", disk_transfers: " + opt(r.transfers(), "/s")
                + ", disk_writes: " + opt(r.writes(), "/s") + ", disk_bytes: " + optBytes(r.bytes())
                + ", net_sent: " + optBytes(r.sent()) + ", net_received: " + optBytes(r.received())
                + ", net_packets: " + opt(r.packets(), "/s") + " }";
    }

    private static String opt(double v, String unit) {
        return Double.isNaN(v) ? "null" : Formats.num(round(v)) + " " + unit;
    }

    private static String optBytes(double v) {
        return Double.isNaN(v) ? "null" : byteRate(v);
    }

    private static String byteRate(double v) {
        String[] units = {"B/s", "KB/s", "MB/s", "GB/s"};
        int u = 0;
        while (u < units.length - 1 && v >= 1024) {
            v /= 1024;
            u++;
        }
        return Formats.num(round(v)) + " " + units[u];
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "?" : Formats.num(round(fraction * 100)) + " %";
    }

    /** A size to the byte's thousandth, in KB when it is at least one. */
    private static String size(double bytes) {
        return bytes >= 1024 ? Formats.size(Math.round(bytes / 1024 * 1000) / 1000.0 * 1024)
                : Formats.size(Math.round(bytes * 1000) / 1000.0);
    }

    /** Six significant digits: far below the measurement's own precision, and readable. */
    static double round(double v) {
        return v == 0 || Double.isNaN(v) || Double.isInfinite(v) ? v
                : new BigDecimal(v).round(new MathContext(6)).doubleValue();
    }

    /** Whole seconds for an interval of a second or more (timestamps jitter by milliseconds). */
    private static double whole(double seconds) {
        return seconds >= 1 ? Math.rint(seconds) : seconds;
    }

    private static double positive(double v) {
        return v > 0 ? v : 0;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double median(List<Sample> s) {
        double[] v = s.stream().mapToDouble(Sample::seconds).sorted().toArray();
        return v[v.length / 2];
    }

    private static double seconds(LocalDateTime a, LocalDateTime b) {
        return Duration.between(a, b).toNanos() / 1e9;
    }

    /** A template name the format accepts: letters, digits, '.', '_' and '-'. */
    static String vmName(String raw) {
        String s = raw.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "").toLowerCase(java.util.Locale.ROOT);
        return s.isEmpty() || s.equals("host") ? "vm" : s;
    }

    /** The text being written, a line at a time. */
    private static final class Yaml {
        private final StringBuilder text = new StringBuilder();

        void comment(String s) {
            text.append(s.isEmpty() ? "#" : "# " + s).append('\n');
        }

        void line(String s) {
            text.append(s).append('\n');
        }

        String text() {
            return text.toString();
        }
    }
}
