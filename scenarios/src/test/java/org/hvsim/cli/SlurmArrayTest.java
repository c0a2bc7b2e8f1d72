package org.hvsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hvsim.scenario.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/cluster.md's Slurm job array, for real: a single-node Slurm on localhost runs a sweep as a
 * three-task array of {@code hvsim run --shard}, and {@code hvsim merge} of the tasks' outputs equals
 * the unsharded run. Skipped, saying so, on a machine without Debian's slurmctld, slurmd and munge
 * (installed by .ci/run when it can) or without root.
 */
class SlurmArrayTest {

    private static final Path ARRAY_SCRIPT = Path.of("..", "docs", "cluster", "slurm-array.sh");
    private static final Path HARNESS = Path.of("src", "test", "resources", "cluster", "single-node-slurm.sh");

    @TempDir
    Path tmp;

    @Test
    void aJobArrayOfShardsMergesIntoTheUnshardedRun() throws Exception {
        assumeTrue(onPath("slurmctld") && onPath("slurmd") && onPath("sbatch") && onPath("munged"),
                "Slurm is not installed (Debian packages slurmctld, slurmd, slurm-client, munge): skipped");
        assumeTrue("root".equals(System.getProperty("user.name")), "a single-node Slurm needs root: skipped");
        // the daemons' own directory, outside the test's: they may still write their state as they stop
        Path work = Files.createTempDirectory("hvsim-slurm-");
        Path scenario = tmp.resolve("grid.yaml");
        Files.writeString(scenario, CliTest.SWEEP);
        assertEquals(0, Fixtures.hvsim("run", scenario.toString(), "--out", tmp.resolve("whole").toString(),
                "--quiet").code());
        // The tasks run hvsim from the test's own classpath (the jar is packaged after the tests).
        String hvsim = javaBinary() + " -cp " + System.getProperty("java.class.path") + " org.hvsim.cli.Main";
        run(List.of("bash", HARNESS.toString(), "start", work.toString()), Map.of(), 120);
        try {
            Path out = tmp.resolve("grid");
            run(List.of("sbatch", "--wait", "--array=1-3", "--cpus-per-task=1", "--output=" + tmp + "/task-%a.log",
                    ARRAY_SCRIPT.toAbsolutePath().toString(), scenario.toString(), out.toString()),
                    Map.of("SLURM_CONF", work.resolve("slurm.conf").toString(), "HVSIM", hvsim), 600);
            List<String> merge = new ArrayList<>(List.of("merge"));
            for (int i = 1; i <= 3; i++) {
                merge.add(out.resolve("shard-" + i).toString());
            }
            merge.addAll(List.of("--out", tmp.resolve("merged").toString(), "--quiet"));
            Fixtures.Outcome merged = Fixtures.hvsim(merge.toArray(String[]::new));
            assertEquals(0, merged.code(), merged.err());
            for (String file : List.of("metrics.csv", "results.json")) {
                assertArrayEquals(Files.readAllBytes(tmp.resolve("whole").resolve(file)),
                        Files.readAllBytes(tmp.resolve("merged").resolve(file)), file);
            }
        } finally {
            run(List.of("bash", HARNESS.toString(), "stop", work.toString()), Map.of(), 30);
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void run(List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("process.log").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
        }
        assertEquals(0, p.exitValue(), command + ":\n" + Files.readString(tmp.resolve("process.log")) + logs());
    }

    private String logs() throws IOException {
        StringBuilder s = new StringBuilder();
        try (var files = Files.list(tmp)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("task-")).toList()) {
                s.append("\n--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
            }
        }
        return s.toString();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", program));
    }
}
