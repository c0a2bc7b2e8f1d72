package org.hvsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.core.result.Figure;
import org.hvsim.core.result.RunSummary;
import org.hvsim.core.result.Unstable;
import org.hvsim.report.Report;
import org.hvsim.report.data.JsonResultReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Combines the outputs of {@code hvsim run --shard I/N} into the outputs of the whole sweep: the same
 * metrics.csv, results.json figures and report as one unsharded run, since each grid point was
 * computed by exactly one shard with the same random numbers.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Combine the output directories of 'hvsim run --shard I/N' (every shard of one sweep) into "
                + "one: the same metrics.csv, results.json and report as an unsharded run."})
final class MergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "The shards' output directories (any order).")
    List<Path> shards;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the merged outputs.")
    Path out;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Map<Integer, ExperimentResult> byIndex = new TreeMap<>();
        Integer count = null;
        for (Path dir : shards) {
            Path file = Files.isDirectory(dir) ? dir.resolve("results.json") : dir;
            if (!Files.isRegularFile(file)) {
                return refuse(dir + ": no results.json here; give the output directories of 'hvsim run --shard'");
            }
            ExperimentResult r;
            try {
                r = JsonResultReader.read(file);
            } catch (IOException | RuntimeException e) {
                return refuse(file + ": not readable as hvsim results (" + e.getMessage() + ")");
            }
            Optional<RunSummary.Shard> shard = r.run().shard();
            if (shard.isEmpty()) {
                return refuse(file + ": not a shard (it was run without --shard)");
            }
            if (count != null && shard.get().count() != count) {
                return refuse(file + ": shard " + shard.get().index() + "/" + shard.get().count()
                        + " is of another split than the others (" + count + " shards)");
            }
            count = shard.get().count();
            ExperimentResult before = byIndex.put(shard.get().index(), r);
            if (before != null) {
                return refuse(file + ": shard " + shard.get().index() + "/" + count + " is given twice");
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            return refuse("shards " + missing + " of " + count + " are missing; give every shard's directory");
        }
        ExperimentResult base = byIndex.get(1);
        for (ExperimentResult r : byIndex.values()) {
            if (!r.name().equals(base.name()) || r.seed() != base.seed()
                    || !r.run().sweep().equals(base.run().sweep())) {
                return refuse("the shards are not of one sweep: " + r.name() + " (seed " + r.seed() + ") beside "
                        + base.name() + " (seed " + base.seed() + ")");
            }
        }
        List<RunSummary.SweptParameter> axes = base.run().sweep();
        List<Figure> figures = new ArrayList<>();
        List<Unstable> unstable = new ArrayList<>();
        for (ExperimentResult r : byIndex.values()) {
            figures.addAll(r.figures());
            unstable.addAll(r.unstable());
        }
        // Each point came from one shard in its own order; a stable sort by grid position restores the whole run's.
        figures.sort(Comparator.comparingLong(f -> position(axes, f.parameters())));
        unstable.sort(Comparator.comparingLong(u -> position(axes, u.parameters())));
        if (figures.stream().anyMatch(f -> position(axes, f.parameters()) < 0)) {
            return refuse("a figure's point is not on the sweep's grid " + axes);
        }
        ExperimentResult merged = new ExperimentResult(base.name(), base.description(), base.seed(),
                base.architectures(), figures, List.of(), base.resolvedScenario(),
                base.run().withShard(Optional.empty()), List.of(), unstable);
        OutputDirectory.write(out, staging -> Report.writeAll(merged, staging));
        if (!quiet) {
            System.err.println("hvsim: merged " + count + " shards into " + out.toAbsolutePath().normalize());
        }
        return Main.OK;
    }

    /** The point's position in the grid, the first axis varying slowest; -1 if a value is not on it. */
    static long position(List<RunSummary.SweptParameter> axes, Map<String, String> point) {
        long position = 0;
        for (RunSummary.SweptParameter axis : axes) {
            int i = axis.values().indexOf(point.get(axis.name()));
            if (i < 0) {
                return -1;
            }
            position = position * axis.values().size() + i;
        }
        return position;
    }

    private static int refuse(String why) {
        System.err.println("hvsim merge: " + why);
        return Main.BAD_INPUT;
    }
}
