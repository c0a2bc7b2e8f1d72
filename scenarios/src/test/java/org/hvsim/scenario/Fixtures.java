package org.hvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hvsim.cli.Main;
import org.hvsim.scenario.load.Problem;
import org.hvsim.scenario.load.ScenarioException;
import org.hvsim.scenario.schema.ReadTrace;

/** What the scenario and command-line tests share: a VM's usual workload, files, problems and runs. */
public final class Fixtures {

    private Fixtures() {
    }

    /** What a run of {@code hvsim} gave. */
    public record Outcome(int code, String out, String err) {
    }

    /**
     * The workload most test scenarios give their VM, starting with {@code workload:} at the start of a
     * line ({@link String#indent} places it): Poisson arrivals at 20 /s of one class, {@code page}, that
     * takes 10 ms of CPU, then the phases given ("disk: { device: d0 }").
     */
    /** An open workload of one class, {@code page}: Poisson arrivals at {@code rate}, then CPU of that mean. */
    public static String openWorkload(String rate, String cpuMean) {
        return """
                workload:
                  open: { poisson: { rate: %s } }
                  classes:
                    - name: page
                      phases:
                        - cpu: { exponential: { mean: %s } }
                """.formatted(rate, cpuMean);
    }

    /** The top of a native-only scenario: its name, seed, replications and run times, one key a line. */
    public static String nativeRun(String name, long seed, int replications, String warmup, String duration) {
        return "name: %s\nseed: %d\nreplications: %d\nwarmup: %s\nduration: %s\narchitectures: [native]\n"
                .formatted(name, seed, replications, warmup, duration);
    }

    /**
     * The {@code vms} section of one VM, {@code web}, one vCPU with an FCFS guest (a single FCFS queue on
     * native), up to its {@code workload:} key; the workload's keys follow, indented by 6.
     */
    public static String oneFcfsVm() {
        return "vms:\n  - name: web\n    vcpus: 1\n    memory: 1 GB\n    guest_scheduler: fcfs\n    workload:\n";
    }

    public static String workload(String... morePhases) {
        StringBuilder text = new StringBuilder(openWorkload("20 /s", "10 ms"));
        for (String phase : morePhases) {
            text.append("        - ").append(phase).append('\n');
        }
        return text.toString();
    }

    /** The problems of scenario {@code text}, read as file "s.yaml", each as "file:line:column: message". */
    public static List<String> problems(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.loadAll("s.yaml", text));
        return e.problems().stream().map(Problem::toString).toList();
    }

    /** Writes {@code text} to {@code name} in {@code dir}, making directories as needed. */
    public static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** Runs the command line in this process, capturing what it prints. */
    public static Outcome hvsim(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The keys of the schema a reading of {@code file} used, for the docs test. */
    public static ReadTrace trace(Path file) throws IOException, ScenarioException {
        return ScenarioLoader.trace(file.toString(), Files.readString(file));
    }
}
