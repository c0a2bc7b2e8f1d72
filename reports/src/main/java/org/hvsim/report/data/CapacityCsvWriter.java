package org.hvsim.report.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hvsim.report.capacity.CapacityResults;

/**
 * Writes {@code capacity.csv}: one row per architecture with the most VMs of the template per host,
 * the binding constraint, whether the answer is certain and how many counts the search evaluated.
 */
public final class CapacityCsvWriter {

    public static final String FILE_NAME = "capacity.csv";
    public static final List<String> COLUMNS =
            List.of("architecture", "max_vms_per_host", "binding_constraint", "certain", "evaluations");

    private CapacityCsvWriter() {
    }

    public static String text(CapacityResults results) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (CapacityResults.Entry e : results.entries()) {
            out.append(CsvResultWriter.field(e.architecture())).append(',').append(e.maxVms()).append(',')
                    .append(CsvResultWriter.field(e.binding())).append(',').append(e.certain()).append(',')
                    .append(e.evaluations()).append('\n');
        }
        return out.toString();
    }

    public static void write(CapacityResults results, Path directory) throws IOException {
        Files.writeString(directory.resolve(FILE_NAME), text(results), StandardCharsets.UTF_8);
    }
}
