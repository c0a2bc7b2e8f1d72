package org.hvsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.hvsim.scenario.load.NearestKey;
import org.hvsim.scenario.load.Problems;
import org.hvsim.scenario.load.Quantity;
import org.hvsim.scenario.load.SourceLocation;
import org.hvsim.scenario.load.UnitException;
import org.hvsim.scenario.load.Units;
import org.hvsim.scenario.load.YamlTree;

/**
 * Reads measured values from a CSV file (durations for an empirical distribution, a rate profile's times
 * and rates): one column of values, or a
 * header row and the column to use. Blank lines and lines starting with {@code #} are skipped. Cells
 * carry their unit ("4.2 ms") unless a unit is given for bare numbers. Problems name the CSV file,
 * line and column.
 */
final class EmpiricalCsv {

    /** Problems listed per file before the rest are summarised: enough to see the pattern. */
    private static final int MAX_PROBLEMS = 10;

    private EmpiricalCsv() {
    }

    /**
     * @param file   the CSV file, as it should be named in messages
     * @param column the header of the column to use; null for a one-column file
     * @param unit   unit of bare numbers (e.g. "ms"); null if cells carry their own
     * @param at     where the scenario names the file, for problems about the file as a whole
     */
    static Optional<List<Double>> read(Path file, String column, String unit, SourceLocation at, Problems problems) {
        return read(file, column, Quantity.DURATION, unit, "empirical", at, problems);
    }

    /**
     * One column of {@code quantity} values (a rate profile's times and rates, say), for the key
     * {@code what} that names the file; the same rules as for durations.
     */
    static Optional<List<Double>> read(Path file, String column, Quantity quantity, String unit, String what,
            SourceLocation at, Problems problems) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            problems.add(at, what + ": file '" + name + "' not found");
            return Optional.empty();
        }
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(YamlTree.MAX_BYTES + 1);
            if (bytes.length > YamlTree.MAX_BYTES) {
                problems.add(at, what + ": '" + name + "' is larger than 8 MiB; resample it to fewer values");
                return Optional.empty();
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new SourceLocation(name, 1, 1), "not a UTF-8 text file; is it a CSV file?");
            return Optional.empty();
        } catch (IOException e) {
            problems.add(at, what + ": cannot read '" + name + "': " + e.getClass().getSimpleName());
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Double> values = new ArrayList<>();
        int index = -1;
        int reported = 0;
        int more = 0;
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.split(",", -1)).map(EmpiricalCsv::cell).toList();
            if (first) {
                first = false;
                boolean header = cells.stream().anyMatch(c -> parse(c, quantity, unit) == null);
                if (header) {
                    if (column == null) {
                        if (cells.size() != 1) {
                            problems.add(at, what + ": '" + name + "' has columns " + String.join(", ", cells)
                                    + "; choose one with 'column:'");
                            return Optional.empty();
                        }
                        index = 0;
                    } else {
                        index = cells.indexOf(column);
                        if (index < 0) {
                            String hint = NearestKey.among(column, cells).map(n -> " — did you mean '" + n + "'?")
                                    .orElse(" (columns: " + String.join(", ", cells) + ")");
                            problems.add(new SourceLocation(name, i + 1, 1), "no column named '" + column + "'" + hint);
                            return Optional.empty();
                        }
                    }
                    continue;
                }
                if (column != null) {
                    problems.add(new SourceLocation(name, i + 1, 1), "'column: " + column
                            + "' names a header, but the first line holds values, not names");
                    return Optional.empty();
                }
                if (cells.size() != 1) {
                    problems.add(new SourceLocation(name, i + 1, 1), "found " + cells.size()
                            + " columns; a file without a header row must hold one column of durations");
                    return Optional.empty();
                }
                index = 0;
            }
            if (index >= cells.size()) {
                if (reported++ < MAX_PROBLEMS) {
                    problems.add(new SourceLocation(name, i + 1, 1), "this line has " + cells.size()
                            + " columns; the column used is number " + (index + 1));
                } else {
                    more++;
                }
                continue;
            }
            String cell = cells.get(index);
            Double v = parse(cell, quantity, unit);
            if (v == null || v < 0) {
                if (reported++ < MAX_PROBLEMS) {
                    problems.add(new SourceLocation(name, i + 1, columnOf(line, index)), why(cell, quantity, unit, what));
                } else {
                    more++;
                }
                continue;
            }
            values.add(v);
        }
        if (more > 0) {
            problems.add(new SourceLocation(name, lines.length, 1), "… and " + more + " more values like these");
        }
        if (reported > 0) {
            return Optional.empty();
        }
        if (values.isEmpty()) {
            problems.add(at, what + ": '" + name + "' holds no values");
            return Optional.empty();
        }
        return Optional.of(values);
    }

    static String cell(String raw) {
        String c = raw.strip();
        if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
            c = c.substring(1, c.length() - 1).replace("\"\"", "\"").strip();
        }
        return c;
    }

    /** The value in SI units, or null if the cell is not a {@code quantity}. */
    static Double parse(String cell, Quantity quantity, String unit) {
        try {
            if (unit != null) {
                try {
                    return Units.number(cell) * Units.parse(quantity, "1 " + unit, false);
                } catch (UnitException bare) {
                    return Units.parse(quantity, cell, true);
                }
            }
            return Units.parse(quantity, cell, true);
        } catch (UnitException e) {
            return null;
        }
    }

    static String why(String cell, Quantity quantity, String unit, String what) {
        try {
            double v = unit != null ? Units.number(cell) : Units.parse(quantity, cell, true);
            if (v < 0) {
                return quantity.noun() + " cannot be negative, found '" + shorten(cell) + "'";
            }
        } catch (UnitException e) {
            if (unit == null) {
                return e.getMessage() + ("empirical".equals(what) && cell.matches("[0-9.eE+_-]+")
                        ? " (or give the column's 'unit:', e.g. ms)" : "");
            }
            return "expected a number of " + unit + ", found '" + shorten(cell) + "'";
        }
        return "expected " + quantity.noun() + ", found '" + shorten(cell) + "'";
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static int columnOf(String line, int index) {
        int col = 0;
        for (int k = 0; k < index; k++) {
            int next = line.indexOf(',', col);
            if (next < 0) {
                break;
            }
            col = next + 1;
        }
        return col + 1;
    }
}
