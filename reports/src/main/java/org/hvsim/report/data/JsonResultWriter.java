package org.hvsim.report.data;

import java.io.IOException;
import java.nio.file.Path;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.ResultWriter;

/**
 * Writes {@code results.json}: name, description, seed, architectures, in a sweep the parameter names,
 * figures (with the CSV's field names, and in a sweep each with its {@code parameters} object) and
 * the resolved scenario; pretty-printed, NaN as null. See {@link JsonTrees}.
 */
public final class JsonResultWriter implements ResultWriter {

    public static final String FILE_NAME = "results.json";

    @Override
    public void write(ExperimentResult result, Path directory) throws IOException {
        JsonTrees.MAPPER.writeValue(directory.resolve(FILE_NAME).toFile(), JsonTrees.results(result));
    }
}
