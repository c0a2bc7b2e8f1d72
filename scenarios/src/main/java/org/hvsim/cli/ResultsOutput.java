package org.hvsim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.data.CsvResultWriter;
import org.hvsim.report.data.JsonTrees;

/** Prints an experiment's figures to stdout in the same form as metrics.csv or results.json. */
final class ResultsOutput {

    private ResultsOutput() {
    }

    static void print(ExperimentResult result, RunOptions.Format format, PrintStream out) {
        if (format == null) {
            return;
        }
        try {
            if (format == RunOptions.Format.csv) {
                StringBuilder text = new StringBuilder();
                CsvResultWriter.writeTo(result, text);
                out.print(text);
            } else {
                out.println(JsonTrees.MAPPER.writeValueAsString(JsonTrees.results(result)));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
