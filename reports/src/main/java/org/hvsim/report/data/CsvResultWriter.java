package org.hvsim.report.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hvsim.core.result.Estimate;
import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.report.ResultWriter;

/**
 * Writes {@code metrics.csv}: a header and one row per figure, in the order of
 * {@link ExperimentResult#figures()}. In a sweep, one column per swept parameter (its value as
 * written in the scenario) comes before the contract's columns, so that a spreadsheet's filter or a
 * pivot on those columns gives one sweep point; without a sweep the file has exactly the contract's
 * columns. Fields are quoted as RFC 4180 says (only when they contain a
 * comma, a double quote or a line break; quotes doubled). Lines end with {@code \n}, which every CSV
 * reader accepts and which keeps line-oriented shell tools clean. Numbers are written with
 * {@link Double#toString(double)}, the shortest text that reads back to the same double; NaN (no
 * interval with a single replication) is an empty field.
 */
public final class CsvResultWriter implements ResultWriter {

    public static final String FILE_NAME = "metrics.csv";

    /** The column names of the output contract, in order (after the sweep's parameter columns, if any). */
    public static final List<String> COLUMNS =
            List.of("architecture", "scope", "metric", "mean", "ci_low", "ci_high", "replications");

    @Override
    public void write(ExperimentResult result, Path directory) throws IOException {
        try (Writer out = Files.newBufferedWriter(directory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            writeTo(result, out);
        }
    }

    /** Writes the CSV text of {@code result} to {@code out}. */
    public static void writeTo(ExperimentResult result, Appendable out) throws IOException {
        List<String> parameters = result.parameters();
        for (String parameter : parameters) {
            out.append(field(parameter)).append(',');
        }
        out.append(String.join(",", COLUMNS)).append('\n');
        for (Figure f : result.figures()) {
            Estimate e = f.estimate();
            for (String parameter : parameters) {
                out.append(field(f.parameters().getOrDefault(parameter, ""))).append(',');
            }
            out.append(field(f.architecture())).append(',')
                    .append(field(f.scope())).append(',')
                    .append(field(f.metric())).append(',')
                    .append(number(e.mean())).append(',')
                    .append(number(e.ciLow())).append(',')
                    .append(number(e.ciHigh())).append(',')
                    .append(Integer.toString(e.replications())).append('\n');
        }
    }

    /** A text field, quoted only when RFC 4180 requires it. */
    static String field(String text) {
        boolean needsQuotes = text.indexOf(',') >= 0 || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** A number in full precision; NaN is an empty field. */
    static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
