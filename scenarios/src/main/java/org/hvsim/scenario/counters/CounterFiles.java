package org.hvsim.scenario.counters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.hvsim.scenario.load.Problems;

/** The counter files {@code hvsim profile-vm} reads, by the tool that wrote them. */
public final class CounterFiles {

    /** The tools whose exports are read (their layouts: docs/profile-vm.md). */
    public enum Format { perfmon, esxtop, sar }

    private CounterFiles() {
    }

    /**
     * The measured series of {@code file}; empty after a problem (reported at the file's line and column).
     *
     * @param vm    esxtop: the VM to read when the file holds several; null otherwise
     * @param vcpus the processors, when given on the command line (wins over the file's); null otherwise
     */
    public static Optional<CounterSeries> read(Path file, Format format, String vm, Integer vcpus, Problems problems)
            throws IOException {
        return switch (format) {
            case perfmon -> PerfmonReader.read(file, vcpus, problems);
            case esxtop -> EsxtopReader.read(file, vm, vcpus, problems);
            case sar -> SarReader.read(file, vcpus, problems);
        };
    }
}
