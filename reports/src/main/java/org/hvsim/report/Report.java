package org.hvsim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.data.CsvResultWriter;
import org.hvsim.report.data.JsonResultWriter;
import org.hvsim.report.html.HtmlReport;

/** The complete output of a run: every format of the output contract, in one call. */
public final class Report {

    private Report() {
    }

    /** The writers of {@code metrics.csv}, {@code results.json} and {@code report.html} with {@code charts/}. */
    public static List<ResultWriter> standardWriters() {
        return List.of(new CsvResultWriter(), new JsonResultWriter(), new HtmlReport());
    }

    /**
     * Writes metrics.csv, results.json, report.html and charts/ into {@code directory}, creating it if
     * needed. Writes in place: a caller that must not leave partial output behind writes into a
     * staging directory and renames it.
     */
    public static void writeAll(ExperimentResult result, Path directory) throws IOException {
        Files.createDirectories(directory);
        for (ResultWriter writer : standardWriters()) {
            writer.write(result, directory);
        }
    }
}
