package org.hvsim.scenario.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hvsim.scenario.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A counter file with missing columns, bad numbers or of another format, and wrong options: exit code
 * 2, every problem at its file, line and column with what was expected, and no template written.
 */
class ProfileVmErrorsTest {

    private static final Path SAMPLES = Path.of("src/test/resources/counters");
    private static final String HEADER = "\"(PDH-CSV 4.0) (Coordinated Universal Time)(0)\",\"\\\\SRV\\Processor(0)\\% Processor Time\","
            + "\"\\\\SRV\\Processor(_Total)\\% Processor Time\",\"\\\\SRV\\PhysicalDisk(_Total)\\Disk Transfers/sec\"";

    @TempDir
    Path tmp;

    /** Runs profile-vm with --out; asserts exit 2, nothing on stdout and no output file; returns stderr. */
    private String refused(Path file, String... options) {
        Path out = tmp.resolve("template.yaml");
        List<String> args = new ArrayList<>(List.of("profile-vm", file.toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        Fixtures.Outcome o = Fixtures.hvsim(args.toArray(String[]::new));
        assertEquals(2, o.code(), o.err());
        assertEquals("", o.out());
        assertFalse(Files.exists(out), "no template may be written");
        try (var left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains("partial")), "no staging file left");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return o.err();
    }

    private Path perfmon(String... rows) throws Exception {
        return Fixtures.write(tmp, "srv.csv", HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n");
    }

    @Test
    void aMissingCpuColumnIsNamedAtTheHeader() throws Exception {
        Path f = Fixtures.write(tmp, "nocpu.csv", "\"(PDH-CSV 4.0) (UTC)(0)\",\"\\\\SRV\\PhysicalDisk(_Total)\\Disk Transfers/sec\"\n"
                + "\"11/30/2026 00:00:00.000\",\"4\"\n\"11/30/2026 00:15:00.000\",\"5\"\n");
        String err = refused(f, "--format", "perfmon", "--memory", "2 GB");
        assertTrue(err.contains(f + ":1:1: no column '\\\\HOST\\Processor(_Total)\\% Processor Time' (the processor "
                + "utilization, required); the file has no Processor counters"), err);
        assertTrue(err.contains("nothing was written"), err);
    }

    @Test
    void aBadNumberIsLocatedAtItsCell() throws Exception {
        String bad = "\"11/30/2026 00:30:00.000\",\"20\",\"2O.5\",\"4\"";
        String worse = "\"11/30/2026 00:45:00.000\",\"-3\",\"20\",\"x\"";
        Path f = perfmon("\"11/30/2026 00:00:00.000\",\" \",\" \",\" \"", "\"11/30/2026 00:15:00.000\",\"20\",\"20\",\"4\"", bad,
                worse);
        String err = refused(f, "--format", "perfmon", "--memory", "2 GB");
        int column = bad.indexOf("\"2O.5\"") + 1;
        assertTrue(err.contains(f + ":4:" + column + ": expected a number for '% Processor Time', found '2O.5'"), err);
        // every problem at once, not only the first; an unused column's cell is not read
        assertTrue(err.contains(f + ":5:" + (worse.indexOf("\"x\"") + 1) + ": expected a number for 'Disk Transfers/sec', found 'x'"), err);
        assertTrue(err.contains("2 problems found"), err);
    }

    @Test
    void badTimesAndRowsAreLocated() throws Exception {
        Path f = perfmon("\"11/30/2026 00:00:00.000\",\"20\",\"20\",\"4\"", "\"2026-11-30 00:15\",\"20\",\"20\",\"4\"",
                "\"11/30/2026 00:30:00.000\",\"20\",\"20\"");
        String err = refused(f, "--format", "perfmon", "--memory", "2 GB");
        assertTrue(err.contains(f + ":3:1: expected a sample time like '11/30/2026 14:00:00.000' (MM/dd/yyyy HH:mm:ss.fff), "
                + "found '2026-11-30 00:15'"), err);
        assertTrue(err.contains(f + ":4:1: this row has 3 cells; the header has 4"), err);
    }

    @Test
    void aFileOfAnotherToolIsRecognised() {
        Path sar = SAMPLES.resolve("sar-db02.csv");
        assertTrue(refused(sar, "--format", "perfmon", "--memory", "2 GB").contains(sar + ":1:1: expected a PDH-CSV 4.0 header"
                + " (perfmon export)"));
        Path pdh = SAMPLES.resolve("perfmon-app01.csv");
        String asSar = refused(pdh, "--format", "sar");
        assertTrue(asSar.contains(pdh + ":1:1: expected sadf -d output (sar data): a first line '# hostname;interval;"
                + "timestamp;…'") && asSar.contains("(a PDH-CSV file: use --format perfmon or esxtop)"), asSar);
        assertTrue(refused(pdh, "--format", "esxtop").contains(pdh + ":1:1: no 'Group Cpu(GID:NAME)\\% Used' columns "
                + "(a VM's CPU, required); this is a perfmon log: use --format perfmon"));
        Path esx = SAMPLES.resolve("esxtop-esx01.csv");
        assertTrue(refused(esx, "--format", "perfmon", "--memory", "2 GB").contains("; this is an esxtop file: use --format esxtop"));
    }

    @Test
    void esxtopNeedsItsVmNamedWhenThereAreSeveral() {
        Path esx = SAMPLES.resolve("esxtop-esx01.csv");
        String several = refused(esx, "--format", "esxtop");
        assertTrue(several.matches("(?s).*esxtop-esx01.csv:1:\\d+: the file holds several VMs \\(app02, db03\\); "
                + "choose one with --vm NAME.*"), several);
        String typo = refused(esx, "--format", "esxtop", "--vm", "app2");
        assertTrue(typo.contains("--vm 'app2': no Group Cpu of that name — did you mean 'app02'?"), typo);
    }

    @Test
    void sarProblemsAreLocated() throws Exception {
        String eighty = "db;600;2026-11-30 00:30:01 UTC;-1;10.00;0.00;5.00;1.00;0.00;eighty";
        Path f = Fixtures.write(tmp, "sar.csv", """
                # hostname;interval;timestamp;CPU;%user;%nice;%system;%iowait;%steal;%idle
                db;600;2026-11-30 00:10:01 UTC;-1;10.00;0.00;5.00;1.00;0.00;84.00
                db;600;30/11/2026 00:20;-1;10.00;0.00;5.00;1.00;0.00;84.00
                EIGHTY
                """.replace("EIGHTY", eighty));
        String err = refused(f, "--format", "sar", "--vcpus", "2", "--memory", "1 GB");
        assertTrue(err.contains(f + ":3:8: expected a timestamp like '2026-11-30 10:10:01 UTC'"), err);
        assertTrue(err.contains(f + ":4:" + (eighty.indexOf("eighty") + 1) + ": expected a number for %idle, found 'eighty'"), err);
        Path noCpu = Fixtures.write(tmp, "io.csv", """
                # hostname;interval;timestamp;tps;rtps;wtps;dtps;bread/s;bwrtn/s;bdscd/s
                db;600;2026-11-30 00:10:01 UTC;5.00;3.00;2.00;0.00;40.00;30.00;0.00
                """);
        assertTrue(refused(noCpu, "--format", "sar", "--vcpus", "2", "--memory", "1 GB")
                .contains(noCpu + ":1:1: no CPU report (sar -u"));
    }

    @Test
    void whatTheFileDoesNotSayMustBeGiven() throws Exception {
        Path pdh = SAMPLES.resolve("perfmon-app01.csv");
        assertTrue(refused(pdh, "--format", "perfmon").contains(pdh + ":1:1: the file does not show the server's memory"
                + " (perfmon exports no total RAM); give --memory SIZE, e.g. 4 GB"));
        assertTrue(refused(pdh, "--format", "perfmon", "--memory", "4 Gb").contains("hvsim profile-vm: --memory: "));
        assertTrue(refused(pdh, "--format", "perfmon", "--memory", "4 GB", "--request-rate", "5 /s")
                .contains("--request-rate is for files without disk counters"));
        assertTrue(refused(pdh, "--format", "cacti").contains("--format"));
        assertTrue(refused(tmp.resolve("absent.csv"), "--format", "sar").contains("absent.csv: file not found"));
    }
}
