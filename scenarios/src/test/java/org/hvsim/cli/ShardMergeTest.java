package org.hvsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hvsim.core.result.RunSummary;
import org.hvsim.scenario.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep run in shards and merged gives the unsharded run's outputs, byte for byte. */
class ShardMergeTest {

    @TempDir
    Path tmp;

    private static final String GRID = CliTest.SWEEP;

    @Test
    void threeShardsMergedInAnyOrderEqualTheWholeRun() throws Exception {
        Path file = tmp.resolve("grid.yaml");
        Files.writeString(file, GRID);
        assertEquals(0, Fixtures.hvsim("run", file.toString(), "--out", tmp.resolve("whole").toString(), "--quiet")
                .code());
        for (int i = 1; i <= 3; i++) {
            Fixtures.Outcome o = Fixtures.hvsim("run", file.toString(), "--out", tmp.resolve("s" + i).toString(),
                    "--quiet", "--shard", i + "/3");
            assertEquals(0, o.code(), o.err());
        }
        String shardReport = Files.readString(tmp.resolve("s2").resolve("report.html"));
        assertTrue(shardReport.contains("shard 2 of 3"), "a shard's report says what it is");
        Fixtures.Outcome merged = Fixtures.hvsim("merge", tmp.resolve("s3").toString(), tmp.resolve("s1").toString(),
                tmp.resolve("s2").toString(), "--out", tmp.resolve("merged").toString());
        assertEquals(0, merged.code(), merged.err());
        for (String out : List.of("metrics.csv", "results.json", "report.html")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("whole").resolve(out)),
                    Files.readAllBytes(tmp.resolve("merged").resolve(out)), out);
        }
    }

    @Test
    void badSplitsAndIncompleteMergesAreRefused() throws Exception {
        Path file = tmp.resolve("grid.yaml");
        Files.writeString(file, GRID);
        assertEquals(2, Fixtures.hvsim("run", file.toString(), "--shard", "0/3").code());
        assertEquals(2, Fixtures.hvsim("run", file.toString(), "--shard", "three").code());
        Fixtures.Outcome tooMany = Fixtures.hvsim("run", file.toString(), "--shard", "99/99");
        assertTrue(tooMany.err().contains("has no points"), tooMany.err());
        Path plain = tmp.resolve("plain.yaml");
        Files.writeString(plain, CliTest.SMALL);
        Fixtures.Outcome noSweep = Fixtures.hvsim("run", plain.toString(), "--shard", "1/2");
        assertTrue(noSweep.code() == 2 && noSweep.err().contains("has no sweep"), noSweep.err());
        assertEquals(0, Fixtures.hvsim("run", file.toString(), "--out", tmp.resolve("s1").toString(), "--quiet",
                "--shard", "1/3").code());
        Fixtures.Outcome missing = Fixtures.hvsim("merge", tmp.resolve("s1").toString(), "--out",
                tmp.resolve("m").toString());
        assertTrue(missing.code() == 2 && missing.err().contains("shards [2, 3] of 3 are missing"), missing.err());
        assertTrue(!Files.exists(tmp.resolve("m")), "nothing half-written");
    }

    @Test
    void gridPositionsCountTheFirstAxisSlowest() {
        List<RunSummary.SweptParameter> axes = List.of(new RunSummary.SweptParameter("a", List.of("1", "2")),
                new RunSummary.SweptParameter("b", List.of("x", "y", "z")));
        assertEquals(0, MergeCommand.position(axes, Map.of("a", "1", "b", "x")));
        assertEquals(5, MergeCommand.position(axes, Map.of("a", "2", "b", "z")));
        assertEquals(-1, MergeCommand.position(axes, Map.of("a", "3", "b", "z")));
        assertEquals(Optional.of(new RunSummary.Shard(2, 8)), RunCommand.parseShard(" 2 / 8 "));
        assertTrue(new RunSummary.Shard(2, 3).holds(4) && !new RunSummary.Shard(2, 3).holds(2));
    }
}
