package org.hvsim.scenario.load;

import static org.hvsim.scenario.Fixtures.workload;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of a small valid scenario: whatever the damage, parsing and reading may only ever
 * produce {@link ScenarioException}s or problems, and every problem must point at a real position.
 */
class FuzzTest {

    private static final long SEED = 0x5CE_4A210L;
    private static final int CASES = 2000;
    private static final double ANY = Double.POSITIVE_INFINITY;

    private static final String VALID = """
            name: web-consolidation
            seed: 42
            warmup: 5 min
            architectures: [native, hosted]
            base: &svc { exponential: { mean: 5 ms } }
            host:
              cpus: 8
              memory: 32 GB
              disks: [ { name: d0, service: *svc } ]
              nics:  [ { name: n0, bandwidth: 1 Gbit/s } ]
            vms:
              - name: "web"
                vcpus: 2
                enlightened: true
                share: 50 %
                clock: 2.4 GHz
                guest_scheduler: ps
            """ + workload("disk: { ops: 2, size: 16 KB, device: d0 }").indent(4);

    /** Characters that matter to YAML, plus some that should never be there. */
    private static final String NASTY = ":-[]{},#&*!|>'\"%@`?\t\n\r \u0000\u0007\u00e9\u2028\ufeff\ud800";

    @Test
    void mutatedScenariosOnlyEverYieldProblems() {
        Random random = new Random(SEED);
        int withProblems = 0;
        for (int i = 0; i < CASES; i++) {
            String text = mutate(VALID, random);
            Problems problems = new Problems();
            try {
                YamlTree.parse("fuzz.yaml", text, problems).ifPresent(root -> readLikeASchema(root, problems));
            } catch (Throwable t) {
                fail("case " + i + " threw " + t + " for:\n" + text, t);
            }
            for (Problem p : problems.list()) {
                assertTrue(p.at().line() >= 1 && p.at().column() >= 1, "case " + i + ": " + p);
                assertTrue(!p.message().isBlank() && !p.message().contains("Exception"), "case " + i + ": " + p);
            }
            if (problems.hasAny()) {
                withProblems++;
            }
        }
        // The mutations must actually hurt, or this test proves nothing.
        assertTrue(withProblems > CASES / 2, "only " + withProblems + " of " + CASES + " cases had problems");
    }

    /** A scenario in the short forms of distributions, read by the real loader. */
    private static final String SHORT_FORMS = """
            name: short
            duration: 10 s
            architectures: [native]
            host:
              cpus: 2
              memory: 8 GB
              disks: [ { name: d0, service: { exponential: 5 ms } } ]
            vms:
              - name: web
                memory: 1 GB
                workload:
                  closed: { users: 4, think: { constant: 1.5 s } }
                  classes:
                    - name: page
                      phases:
                        - cpu: { exponential: [8 ms, 9 ms] }
                        - cpu: 2 ms
                        - disk: { device: d0 }
            """;

    @Test
    void mutatedShortFormsOnlyEverYieldProblems() {
        Random random = new Random(SEED + 1);
        int withProblems = 0;
        for (int i = 0; i < CASES / 4; i++) {
            String text = mutate(SHORT_FORMS, random);
            List<Problem> problems = List.of();
            try {
                org.hvsim.scenario.ScenarioLoader.loadAll("fuzz.yaml", text);
            } catch (ScenarioException e) {
                problems = e.problems();
            } catch (Throwable t) {
                fail("case " + i + " threw " + t + " for:\n" + text, t);
            }
            for (Problem p : problems) {
                assertTrue(p.at().line() >= 1 && p.at().column() >= 1, "case " + i + ": " + p);
                assertTrue(!p.message().isBlank() && !p.message().contains("Exception"), "case " + i + ": " + p);
            }
            withProblems += problems.isEmpty() ? 0 : 1;
        }
        assertTrue(withProblems > CASES / 16, "only " + withProblems + " cases had problems");
    }

    private static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(s.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> { // delete a short run
                    if (s.length() > 0) {
                        int from = Math.min(at, s.length() - 1);
                        s.delete(from, Math.min(s.length(), from + 1 + random.nextInt(4)));
                    }
                }
                case 1 -> s.insert(at, NASTY.charAt(random.nextInt(NASTY.length())));
                case 2 -> { // replace a character
                    if (at < s.length()) {
                        s.setCharAt(at, NASTY.charAt(random.nextInt(NASTY.length())));
                    }
                }
                case 3 -> { // duplicate a line elsewhere (duplicate keys, odd indentation)
                    String[] lines = s.toString().split("\n", -1);
                    String line = lines[random.nextInt(lines.length)];
                    int lineStart = s.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
                    s.insert(lineStart, line + "\n");
                }
                case 4 -> s.insert(at, " ".repeat(1 + random.nextInt(3))); // shift indentation
                default -> { // swap two adjacent characters
                    if (at + 1 < s.length()) {
                        char c = s.charAt(at);
                        s.setCharAt(at, s.charAt(at + 1));
                        s.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return s.toString();
    }

    /** Reads the tree much as a scenario schema would, tolerating any shape. */
    private static void readLikeASchema(Node root, Problems problems) {
        List<String> kinds = List.of("exponential", "constant", "poisson");
        ObjectReader r = ObjectReader.of(root, problems, "", null);
        r.string("name", null);
        r.longInteger("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        r.quantity("warmup", Quantity.DURATION, 0, 0, ANY);
        for (Node a : r.list("architectures")) {
            if (!(a instanceof ScalarNode)) {
                problems.add(a, "expected a name");
            }
        }
        r.node("base").ifPresent(b -> variant(b, problems, "base", kinds,
                s -> s.quantity("mean", Quantity.DURATION, 0, 0, ANY)));
        ObjectReader host = r.object("host");
        host.longInteger("cpus", 1, 1, 1024);
        host.quantity("memory", Quantity.SIZE, 0, 0, ANY);
        for (ObjectReader d : host.objects("disks")) {
            d.string("name", null);
            d.node("service").ifPresent(s -> variant(s, problems, d.pathOf("service"), kinds, settings -> { }));
            d.finish();
        }
        for (ObjectReader n : host.optionalObjects("nics")) {
            n.string("name", null);
            n.quantity("bandwidth", Quantity.BANDWIDTH, 0, 0, ANY);
            n.finish();
        }
        host.finish();
        for (ObjectReader vm : r.objects("vms")) {
            vm.string("name", null);
            vm.longInteger("vcpus", 1, 1, 64);
            vm.bool("enlightened", true);
            vm.quantity("share", Quantity.FRACTION, 1, 0, 1);
            vm.quantity("clock", Quantity.FREQUENCY, 1e9, 0, ANY);
            vm.oneOf("guest_scheduler", "ps", List.of("ps", "fcfs", "rr"));
            ObjectReader w = vm.object("workload");
            Optional<String> mode = w.exactlyOne("open", "closed");
            mode.flatMap(w::node).ifPresent(m -> variant(m, problems, w.pathOf(mode.get()), kinds,
                    s -> s.quantity("rate", Quantity.RATE, 1, 0, ANY)));
            for (ObjectReader c : w.objects("classes")) {
                c.string("name", null);
                for (Node phase : c.list("phases")) {
                    variant(phase, problems, c.pathOf("phases"), List.of("cpu", "disk", "net"), s -> { });
                }
                c.finish();
            }
            w.finish();
            vm.finish();
        }
        r.finish();
    }

    private static void variant(Node node, Problems problems, String path, List<String> kinds,
            Consumer<ObjectReader> read) {
        Variant.of(node, problems, path, "kind", kinds, "one of " + kinds).ifPresent(v -> {
            ObjectReader settings = ObjectReader.of(v.settings(), problems, path + "." + v.kind(), null);
            read.accept(settings);
            settings.finish();
        });
    }
}
