package org.hvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hvsim.scenario.Fixtures.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damages every example scenario in thousands of seeded, reproducible ways and runs {@code hvsim
 * validate} on each result in-process: keys deleted, duplicated and retyped, wrong units, negative and
 * huge numbers, broken sweeps, binary garbage, random character edits, an empty file, deep nesting and
 * a 50 MB file. Whatever the damage, the answer is exit code 0 (harmless edit) or 2 with
 * {@code file:line:column: message} lines, never an internal error or a stack trace; mutations that
 * are certainly wrong must give 2.
 *
 * <p>A failure names the seed, the case and the mutation; the same build reproduces it.
 */
class ExampleFuzzTest {

    private static final long SEED = 0x45_5AE_F022L;
    /** Mutants per example file; with the examples shipped this is several thousand cases per build. */
    private static final int CASES_PER_FILE = 700;
    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*(?:- )?)([a-z_]+):(\\s*)(.*)$");
    private static final Pattern QUANTITY = Pattern.compile("\\b(\\d+(?:\\.\\d+)?) ?(ms|s|min|h|us|GB|KB|MB|/s|Gbit/s|MB/s)\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)(?![\\w.])");
    private static final Pattern PROBLEM_LINE = Pattern.compile("^.+:\\d+:\\d+: \\S.*$");
    private static final String NASTY = ":-[]{},#&*!|>'\"%@`?\t\n \u00e9\u2028";

    @TempDir
    Path tmp;

    private int cases;
    private int refused;
    private picocli.CommandLine hvsim;
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    private final java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    private java.io.PrintStream oldOut;
    private java.io.PrintStream oldErr;

    @BeforeEach
    void captureOutput() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        // One command line for all cases: building picocli's model costs more than validating a file.
        hvsim = Main.commandLine();
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private Outcome validate(Path file) {
        out.reset();
        err.reset();
        int code = hvsim.execute("validate", file.toString());
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    enum Expect { REFUSED, ANY }

    record Mutant(String description, Expect expect, byte[] bytes) {
        static Mutant text(String description, Expect expect, String text) {
            return new Mutant(description, expect, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyDamagedExampleIsRefusedWithMessagesOrAcceptedNeverACrash() throws IOException {
        Path examples = Path.of("examples");
        copyTree(examples, tmp.resolve("examples"));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(tmp.resolve("examples"))) {
            list.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 3, files.toString());
        for (Path original : files) {
            String text = Files.readString(original, StandardCharsets.UTF_8);
            Random random = new Random(SEED ^ original.getFileName().toString().hashCode());
            Path mutantFile = original.resolveSibling("mutant-" + original.getFileName());
            for (int i = 0; i < CASES_PER_FILE; i++) {
                Mutant m = mutate(text, random);
                Files.write(mutantFile, m.bytes());
                check(mutantFile, m, original.getFileName() + " case " + i);
            }
            Files.delete(mutantFile);
        }
        Path odd = tmp.resolve("examples").resolve("odd.yaml");
        check(odd, Mutant.text("empty file", Expect.REFUSED, ""), "empty");
        check(odd, Mutant.text("only a comment", Expect.REFUSED, "# nothing here\n"), "comment");
        check(odd, Mutant.text("deeply nested lists", Expect.REFUSED, "name: x\nvms: " + "[".repeat(20_000)), "deep");
        check(odd, Mutant.text("deeply nested mappings", Expect.REFUSED,
                "name: x\nvms: " + "{a: ".repeat(5_000) + "1" + "}".repeat(5_000)), "deep maps");
        byte[] garbage = new byte[4096];
        new Random(SEED).nextBytes(garbage);
        check(odd, new Mutant("binary garbage", Expect.REFUSED, garbage), "binary");

        Path huge = tmp.resolve("examples").resolve("huge.yaml");
        try (OutputStream out = Files.newOutputStream(huge)) {
            byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
                    .getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        long start = System.nanoTime();
        Outcome o = validate(huge);
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("larger than 8 MiB"), o.err());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "a 50 MB file is refused by its size, quickly");

        assertTrue(cases >= 2000, "only " + cases + " cases");
        assertTrue(refused > cases / 2, "the mutations must mostly hurt: " + refused + " of " + cases + " refused");
    }

    private void check(Path file, Mutant m, String label) {
        cases++;
        Outcome o;
        try {
            o = validate(file);
        } catch (Throwable t) {
            fail(label + " (" + m.description() + ", seed " + SEED + ") threw " + t, t);
            return;
        }
        String where = label + " (" + m.description() + ", seed " + SEED + "):\n" + o.err();
        assertTrue(o.code() == Main.OK || o.code() == Main.BAD_INPUT, "exit " + o.code() + " for " + where);
        assertFalse(o.err().contains("Exception") || o.err().contains("\tat ") || o.err().contains("internal error"),
                where);
        if (m.expect() == Expect.REFUSED) {
            assertEquals(Main.BAD_INPUT, o.code(), "should be refused: " + where);
        }
        if (o.code() == Main.BAD_INPUT) {
            refused++;
            assertEquals("", o.out(), where);
            List<String> lines = o.err().lines().toList();
            assertTrue(lines.size() >= 2 && lines.get(lines.size() - 1).matches("hvsim: \\d+ problems? found; nothing was run"),
                    where);
            for (String line : lines.subList(0, lines.size() - 1)) {
                assertTrue(PROBLEM_LINE.matcher(line).matches(), "not file:line:column: message: " + line + " in " + where);
            }
        }
    }

    /** One mutation, chosen at random among the kinds the issue lists. */
    static Mutant mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        List<Integer> keyLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (KEY_LINE.matcher(lines.get(i)).matches()) {
                keyLines.add(i);
            }
        }
        int at = keyLines.get(random.nextInt(keyLines.size()));
        Matcher k = KEY_LINE.matcher(lines.get(at));
        k.matches();
        String key = k.group(2);
        String value = k.group(4);
        boolean listItem = k.group(1).contains("- ");
        switch (random.nextInt(11)) {
            case 0 -> {
                lines.remove(at);
                return Mutant.text("delete line " + (at + 1) + " (" + key + ")", Expect.ANY, String.join("\n", lines));
            }
            case 1 -> {
                if (listItem) {
                    break;
                }
                lines.add(at + 1, lines.get(at));
                return Mutant.text("duplicate key " + key + " at line " + (at + 1), Expect.REFUSED, String.join("\n", lines));
            }
            case 2 -> {
                if (value.isBlank() || value.startsWith("#") || value.startsWith(">")) {
                    break;
                }
                lines.set(at, k.group(1) + key + ": { x: 1 }");
                return Mutant.text("retype " + key + " as a mapping", Expect.REFUSED, String.join("\n", lines));
            }
            case 3 -> {
                Matcher q = QUANTITY.matcher(lines.get(at));
                // Text values (names such as "agents-1s") may look like quantities; a new unit there is no error.
                if (!q.find() || List.of("name", "base", "description", "scope").contains(key)) {
                    break;
                }
                lines.set(at, q.replaceFirst(q.group(1) + " furlongs"));
                return Mutant.text("wrong unit at line " + (at + 1), Expect.REFUSED, String.join("\n", lines));
            }
            case 4 -> {
                Matcher n = NUMBER.matcher(lines.get(at));
                if (key.equals("seed") || !n.find() || lines.get(at).contains("#")) {
                    break;
                }
                lines.set(at, lines.get(at).substring(0, n.start()) + "-" + lines.get(at).substring(n.start()));
                return Mutant.text("negative number at line " + (at + 1), Expect.REFUSED, String.join("\n", lines));
            }
            case 5 -> {
                Matcher n = NUMBER.matcher(lines.get(at));
                if (!n.find() || lines.get(at).contains("#")) {
                    break;
                }
                String huge = random.nextBoolean() ? "1e308" : "99999999999999999999999";
                lines.set(at, lines.get(at).substring(0, n.start()) + huge + lines.get(at).substring(n.end()));
                return Mutant.text("huge number at line " + (at + 1), Expect.REFUSED, String.join("\n", lines));
            }
            case 6 -> {
                Matcher n = NUMBER.matcher(value);
                if (!n.find() || listItem || value.contains("{") || value.contains("[") || value.contains("#")) {
                    break;
                }
                lines.set(at, k.group(1) + key + ": { from: 5, to: 1, step: 1 }");
                return Mutant.text("backwards range for " + key, Expect.REFUSED, String.join("\n", lines));
            }
            case 7 -> {
                byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
                int pos = random.nextInt(bytes.length);
                byte[] out = new byte[bytes.length + 3];
                System.arraycopy(bytes, 0, out, 0, pos);
                // An invalid UTF-8 byte, a NUL and a control character: binary, not text.
                out[pos] = (byte) 0xFF;
                out[pos + 1] = 0;
                out[pos + 2] = 7;
                System.arraycopy(bytes, pos, out, pos + 3, bytes.length - pos);
                return new Mutant("binary garbage at byte " + pos, Expect.REFUSED, out);
            }
            case 8 -> {
                lines.set(at, k.group(1) + misspell(key, random) + ":" + k.group(3) + value);
                return Mutant.text("misspelt key " + key + " at line " + (at + 1), Expect.REFUSED, String.join("\n", lines));
            }
            case 9 -> {
                String line = lines.remove(at);
                lines.add(Math.min(lines.size(), at + 1 + random.nextInt(3)), line);
                return Mutant.text("moved line " + (at + 1), Expect.ANY, String.join("\n", lines));
            }
            default -> {
            }
        }
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int pos = random.nextInt(s.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> s.insert(pos, NASTY.charAt(random.nextInt(NASTY.length())));
                case 1 -> {
                    if (pos < s.length()) {
                        s.deleteCharAt(pos);
                    }
                }
                default -> {
                    if (pos < s.length()) {
                        s.setCharAt(pos, NASTY.charAt(random.nextInt(NASTY.length())));
                    }
                }
            }
        }
        return Mutant.text(edits + " random character edits", Expect.ANY, s.toString());
    }

    /** A key no scenario section has: two letters swapped, or one doubled. */
    private static String misspell(String key, Random random) {
        if (key.length() >= 2 && random.nextBoolean()) {
            int i = random.nextInt(key.length() - 1);
            String swapped = key.substring(0, i) + key.charAt(i + 1) + key.charAt(i) + key.substring(i + 2);
            if (!swapped.equals(key)) {
                return swapped;
            }
        }
        int i = random.nextInt(key.length());
        return key.substring(0, i + 1) + key.charAt(i) + key.substring(i + 1) + "x";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
