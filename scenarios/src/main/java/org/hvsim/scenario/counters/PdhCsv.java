package org.hvsim.scenario.counters;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hvsim.scenario.load.Excerpt;
import org.hvsim.scenario.load.Problems;
import org.hvsim.scenario.load.SourceLocation;

/**
 * The PDH-CSV 4.0 layout that Windows Performance Monitor, relog and esxtop's batch mode write: a header
 * row whose first cell is {@code (PDH-CSV 4.0) (time zone)(bias)} and whose other cells are counter
 * paths {@code \\HOST\Object(Instance)\Counter}, then one row per sample: its time
 * ({@code MM/dd/yyyy HH:mm:ss.fff}) and one value per counter, every cell quoted, a blank one for a
 * sample not taken.
 */
final class PdhCsv {

    static final String MAGIC = "(PDH-CSV 4.0)";

    /** {@code \\HOST\Object(Instance)\Counter}; the instance may itself hold parentheses and colons. */
    private static final Pattern PATH = Pattern.compile("^\\\\\\\\([^\\\\]*)\\\\(.+?)(?:\\((.*)\\))?\\\\([^\\\\]+)$");

    static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendPattern("MM/dd/yyyy HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().toFormatter();

    /** A counter column: its position and the parts of its path (instance empty when it has none). */
    record Counter(int index, int column, String host, String object, String instance, String name) {
        String path() {
            return "\\\\" + host + "\\" + object + (instance.isEmpty() ? "" : "(" + instance + ")") + "\\" + name;
        }
    }

    /** The header's counters, where the header is, and the file's name. */
    record Header(String file, List<Counter> counters) {
        SourceLocation at(int column) {
            return new SourceLocation(file, 1, column);
        }

        /** The counters of {@code object} named {@code name}, any instance. */
        List<Counter> find(String object, String name) {
            return counters.stream().filter(c -> c.object().equalsIgnoreCase(object) && c.name().equalsIgnoreCase(name))
                    .toList();
        }
    }

    /** Each sample row: its line, its time, and the values of the chosen counters (NaN for blank cells). */
    record Row(int line, LocalDateTime time, double[] values) {
    }

    /** Chooses the counters to read from the header; reports what is missing. */
    interface Choice {
        List<Counter> choose(Header header, Problems problems);
    }

    private PdhCsv() {
    }

    /**
     * The processors: as given on the command line, else as counted in the header; 0 with a problem
     * naming {@code what} the file lacks when neither is known.
     */
    static int processors(Integer given, int counted, Path file, String what, Problems problems) {
        int n = given != null ? given : counted;
        if (n == 0) {
            problems.add(new SourceLocation(file.toString(), 1, 1), "the file has no " + what
                    + " to count the processors; give --vcpus N");
        }
        return n;
    }

    /** The chosen counters' rows; empty after a problem (reported). */
    static Optional<List<Row>> read(Path file, String format, Problems problems, Choice choice,
            List<Counter> chosenOut) throws IOException {
        String name = file.toString();
        CellValues values = new CellValues(problems);
        try (CsvLines lines = CsvLines.open(file, ',')) {
            CsvLines.Line first = lines.next();
            if (first == null || first.cells().isEmpty() || !first.cells().get(0).text().startsWith(MAGIC)) {
                String found = first == null ? "an empty file" : Excerpt.quote(first.raw());
                problems.add(new SourceLocation(name, 1, 1), "expected a PDH-CSV 4.0 header (" + format
                        + " export): a first cell like '" + MAGIC + " (Coordinated Universal Time)(0)' and counter paths "
                        + "like '\\\\HOST\\Processor(_Total)\\% Processor Time'; found " + found
                        + (first != null && first.raw().startsWith("# hostname;") ? " (sadf -d output: use --format sar)" : ""));
                return Optional.empty();
            }
            List<Counter> counters = new ArrayList<>();
            for (int i = 1; i < first.cells().size(); i++) {
                CsvLines.Cell c = first.cells().get(i);
                Matcher m = PATH.matcher(c.text());
                if (m.matches()) {
                    counters.add(new Counter(i, c.column(), m.group(1), m.group(2),
                            m.group(3) == null ? "" : m.group(3), m.group(4)));
                } else if (!c.text().isBlank()) {
                    values.problem(new SourceLocation(name, 1, c.column()), "expected a counter path like "
                            + "'\\\\HOST\\Object(Instance)\\Counter', found " + Excerpt.quote(c.text()));
                }
            }
            if (values.any()) {
                values.finish();
                return Optional.empty();
            }
            int before = problems.size();
            List<Counter> chosen = choice.choose(new Header(name, counters), problems);
            if (problems.size() > before) {
                return Optional.empty();
            }
            chosenOut.addAll(chosen);
            int width = first.cells().size();
            List<Row> rows = new ArrayList<>();
            LocalDateTime previous = null;
            CsvLines.Line line;
            try {
                while ((line = lines.next()) != null) {
                    if (line.raw().isBlank()) {
                        continue;
                    }
                    if (line.cells().size() != width) {
                        values.problem(lines.at(1), "this row has " + line.cells().size() + " cells; the header has "
                                + width);
                        continue;
                    }
                    CsvLines.Cell stamp = line.cells().get(0);
                    LocalDateTime time;
                    try {
                        time = LocalDateTime.parse(stamp.text().strip(), TIME);
                    } catch (DateTimeParseException e) {
                        values.problem(lines.at(stamp.column()), "expected a sample time like '11/30/2026 14:00:00.000'"
                                + " (MM/dd/yyyy HH:mm:ss.fff), found " + Excerpt.quote(stamp.text()));
                        continue;
                    }
                    if (previous != null && !time.isAfter(previous)) {
                        values.problem(lines.at(stamp.column()), "sample times must go forward; found "
                                + stamp.text().strip() + " after " + previous.format(TIME));
                        continue;
                    }
                    previous = time;
                    double[] v = new double[chosen.size()];
                    for (int k = 0; k < chosen.size(); k++) {
                        Counter c = chosen.get(k);
                        CsvLines.Cell cell = line.cells().get(c.index());
                        v[k] = values.rate(cell.text(), "'" + c.name() + "'", lines.at(cell.column()));
                    }
                    rows.add(new Row(line.number(), time, v));
                }
            } catch (CharacterCodingException e) {
                problems.add(lines.at(1), "not UTF-8 text; is it a " + format + " CSV export?");
                return Optional.empty();
            }
            values.finish();
            if (values.any()) {
                return Optional.empty();
            }
            if (rows.isEmpty()) {
                problems.add(new SourceLocation(name, 1, 1), "the file has a header but no samples");
                return Optional.empty();
            }
            return Optional.of(rows);
        } catch (CharacterCodingException e) {
            problems.add(new SourceLocation(name, 1, 1), "not UTF-8 text; is it a " + format + " CSV export?");
            return Optional.empty();
        }
    }
}
