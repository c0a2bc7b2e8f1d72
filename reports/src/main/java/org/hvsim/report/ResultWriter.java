package org.hvsim.report;

import java.io.IOException;
import java.nio.file.Path;

import org.hvsim.core.result.ExperimentResult;

/** Writes one output format of an experiment's results into a directory. */
public interface ResultWriter {

    /**
     * Writes {@code result} into {@code directory}, which exists. Files of the same name are
     * replaced; the caller stages and renames the directory if it needs atomicity.
     */
    void write(ExperimentResult result, Path directory) throws IOException;
}
