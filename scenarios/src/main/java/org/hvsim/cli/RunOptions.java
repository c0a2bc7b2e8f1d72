package org.hvsim.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario and the options every command that runs simulations shares. */
final class RunOptions {

    @Parameters(arity = "0..1", paramLabel = "SCENARIO",
            description = "Scenario file (YAML); the built-in comparison if none is given.")
    Path scenarioFile;

    /** What {@code --format} prints to stdout. */
    enum Format { csv, json }

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<scenario name>).")
    Path out;

    @Option(names = "--replications", paramLabel = "N", description = "Override the scenario's replications.")
    Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: all cores); results do not depend on it.")
    Integer threads;

    @Option(names = "--quiet", description = "No progress or messages on stderr (problems are still reported).")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Also print the results to stdout as ${COMPLETION-CANDIDATES}; otherwise stdout stays empty.")
    Format format;

    /** A usage problem with the numbers given, or null. */
    String problem() {
        if (replications != null && (replications < 1 || replications > 100_000)) {
            return "--replications must be between 1 and 100000";
        }
        if (threads != null && (threads < 1 || threads > 4096)) {
            return "--threads must be between 1 and 4096";
        }
        return null;
    }

    int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
