package org.hvsim.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hvsim.model.workload.TraceRecord;
import org.hvsim.model.workload.TraceSource;
import org.hvsim.scenario.load.NearestKey;
import org.hvsim.scenario.load.Problems;
import org.hvsim.scenario.load.Quantity;
import org.hvsim.scenario.load.SourceLocation;

/**
 * A trace of requests in a CSV file: a header row naming the columns ({@code time} and any of
 * {@code cpu}, {@code disk_ops}, {@code disk_bytes}, {@code net_bytes}, each optionally with the unit of
 * its bare numbers, {@code cpu (ms)} or {@code cpu [ms]}), then one request per row. Cells carry their
 * unit unless the header gives one, as in {@link EmpiricalCsv}; blank lines and {@code #} lines are
 * skipped. The file is read line by line, when checked and when replayed, never held whole.
 */
final class TraceCsv implements TraceSource {

    /** Problems listed per file before the rest are summarised. */
    private static final int MAX_PROBLEMS = 10;
    private static final List<String> COLUMNS = List.of("time", "cpu", "disk_ops", "disk_bytes", "net_bytes");
    private static final Pattern HEADER_UNIT = Pattern.compile("(.*?)\\s*[(\\[]\\s*([^)\\]]*?)\\s*[)\\]]");

    /** What a check of the whole file found: its record count and last time, or nothing after problems. */
    record Summary(long records, double lastTime, boolean disk, boolean net) {
    }

    private final Path file;

    TraceCsv(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return file.toString();
    }

    /**
     * Reads the whole file once, a line at a time, and reports every problem at its line and column
     * (the first {@value #MAX_PROBLEMS}, then a count); {@code at} is where the scenario names the file.
     */
    Optional<Summary> check(SourceLocation at, Problems problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(at, "trace: file '" + name() + "' not found");
            return Optional.empty();
        }
        int before = problems.size();
        try (Rows rows = new Rows(file, problems)) {
            long count = 0;
            double last = 0;
            boolean disk = false;
            boolean net = false;
            int reported = 0;
            long more = 0;
            TraceRecord r;
            while ((r = rows.next(reported < MAX_PROBLEMS)) != null || rows.failed) {
                if (rows.failed) {
                    if (rows.fatal) {
                        return Optional.empty();
                    }
                    if (reported++ >= MAX_PROBLEMS) {
                        more++;
                    }
                    rows.failed = false;
                    continue;
                }
                count++;
                last = r.time();
                disk |= r.diskOps() > 0;
                net |= r.netBytes() > 0;
            }
            if (more > 0) {
                problems.add(new SourceLocation(name(), rows.line, 1), "… and " + more + " more problems like these");
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            if (count == 0) {
                problems.add(at, "trace: '" + name() + "' holds no requests");
                return Optional.empty();
            }
            return Optional.of(new Summary(count, last, disk, net));
        }
    }

    @Override
    public Reader open() {
        Problems problems = new Problems();
        Rows rows = new Rows(file, problems);
        return new Reader() {
            @Override
            public TraceRecord next() {
                TraceRecord r = rows.next(true);
                if (rows.failed) {
                    // checked when the scenario was read: the file changed since
                    throw new IllegalStateException("trace " + name() + " changed while replayed: " + problems.list());
                }
                return r;
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    /** The file's rows as records, one line at a time, each problem reported where it is. */
    private static final class Rows implements AutoCloseable {
        private final String name;
        private final Problems problems;
        private final BufferedReader in;
        /** Column index of each of {@link #COLUMNS}, -1 if absent; the unit of each column's bare numbers. */
        private final int[] index = new int[COLUMNS.size()];
        private final String[] unit = new String[COLUMNS.size()];
        private int width;
        int line;
        double previous = Double.NEGATIVE_INFINITY;
        /** The last call found a problem (reported); fatal if nothing more can be read. */
        boolean failed;
        boolean fatal;

        Rows(Path file, Problems problems) {
            this.name = file.toString();
            this.problems = problems;
            BufferedReader r = null;
            try {
                r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
                        .newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
            } catch (IOException e) {
                fail(new SourceLocation(name, 1, 1), "cannot read the trace: " + e.getClass().getSimpleName(), true);
            }
            this.in = r;
            if (in != null) {
                header();
            }
        }

        private void fail(SourceLocation where, String message, boolean stop) {
            problems.add(where, message);
            failed = true;
            fatal |= stop;
        }

        private String readLine() {
            try {
                String s;
                do {
                    s = in.readLine();
                    line++;
                } while (s != null && (s.isBlank() || s.strip().startsWith("#")));
                if (s != null && line == 1 && s.startsWith("\uFEFF")) {
                    s = s.substring(1);
                }
                return s;
            } catch (CharacterCodingException e) {
                fail(new SourceLocation(name, line, 1), "not a UTF-8 text file; is it a CSV file?", true);
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void header() {
            String h = readLine();
            if (h == null) {
                if (!failed) {
                    fail(new SourceLocation(name, 1, 1), "the trace is empty; expected a header row starting with 'time'",
                            true);
                }
                return;
            }
            Arrays.fill(index, -1);
            List<String> cells = Arrays.stream(h.split(",", -1)).map(EmpiricalCsv::cell).toList();
            width = cells.size();
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                String col = cell;
                String u = null;
                Matcher m = HEADER_UNIT.matcher(cell);
                if (m.matches()) {
                    col = m.group(1);
                    u = m.group(2);
                }
                int k = COLUMNS.indexOf(col);
                SourceLocation where = new SourceLocation(name, line, EmpiricalCsv.columnOf(h, c));
                if (k < 0) {
                    fail(where, "no trace column '" + EmpiricalCsv.shorten(col) + "'" + NearestKey.among(col, COLUMNS)
                            .map(n -> " — did you mean '" + n + "'?").orElse(" (columns: " + String.join(", ", COLUMNS)
                                    + ")"), true);
                    return;
                }
                if (index[k] >= 0) {
                    fail(where, "column '" + col + "' given twice", true);
                    return;
                }
                if (u != null && quantity(k) != null && EmpiricalCsv.parse("1", quantity(k), u) == null
                        || u != null && quantity(k) == null) {
                    fail(where, quantity(k) == null ? "'" + col + "' is a count; it takes no unit"
                            : "'" + u + "' is not a unit of " + quantity(k).noun(), true);
                    return;
                }
                index[k] = c;
                unit[k] = u;
            }
            if (index[0] < 0) {
                fail(new SourceLocation(name, line, 1), "no column named 'time' (columns: " + String.join(", ", cells)
                        + "); a trace's header names its columns: time, then any of "
                        + String.join(", ", COLUMNS.subList(1, COLUMNS.size())), true);
            }
        }

        /** The quantity of column k; null for the operation count. */
        private static Quantity quantity(int k) {
            return switch (k) {
                case 0, 1 -> Quantity.DURATION;
                case 2 -> null;
                default -> Quantity.SIZE;
            };
        }

        /**
         * The next record, or null at the end or after a problem ({@link #failed} then says which).
         *
         * @param report whether to report the problem (false once enough are listed)
         */
        TraceRecord next(boolean report) {
            failed = false;
            if (in == null || fatal) {
                failed = fatal;
                return null;
            }
            String s = readLine();
            if (s == null) {
                return null;
            }
            String[] raw = s.split(",", -1);
            if (raw.length != width) {
                problem(report, new SourceLocation(name, line, 1),
                        "this row has " + raw.length + " columns; the header has " + width);
                return null;
            }
            double[] v = new double[COLUMNS.size()];
            for (int k = 0; k < COLUMNS.size(); k++) {
                if (index[k] < 0) {
                    continue;
                }
                String cell = EmpiricalCsv.cell(raw[index[k]]);
                SourceLocation where = new SourceLocation(name, line, EmpiricalCsv.columnOf(s, index[k]));
                Double x = quantity(k) == null ? count(cell) : EmpiricalCsv.parse(cell, quantity(k), unit[k]);
                if (x == null || x < 0) {
                    problem(report, where, COLUMNS.get(k) + ": " + (quantity(k) == null
                            ? "expected a whole number of operations (0 or more), found '" + EmpiricalCsv.shorten(cell) + "'"
                            : EmpiricalCsv.why(cell, quantity(k), unit[k], "trace")));
                    return null;
                }
                v[k] = x;
            }
            SourceLocation timeAt = new SourceLocation(name, line, EmpiricalCsv.columnOf(s, index[0]));
            if (!(v[0] > previous)) {
                problem(report, timeAt, "time: the times must increase; found " + Formats.duration(v[0]) + " after "
                        + Formats.duration(previous));
                return null;
            }
            if (v[2] == 0 && v[3] > 0) {
                problem(report, new SourceLocation(name, line, EmpiricalCsv.columnOf(s, index[3])),
                        "disk_bytes: " + Formats.size(v[3]) + " with no disk operation; give disk_ops too");
                return null;
            }
            previous = v[0];
            return new TraceRecord(v[0], v[1], (int) v[2], v[3], v[4]);
        }

        private void problem(boolean report, SourceLocation where, String message) {
            failed = true;
            if (report) {
                problems.add(where, message);
            }
        }

        private static Double count(String cell) {
            if (!cell.matches("[0-9]{1,9}")) {
                return null;
            }
            return (double) Integer.parseInt(cell);
        }

        @Override
        public void close() {
            try {
                if (in != null) {
                    in.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
