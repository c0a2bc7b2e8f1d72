package org.hvsim.scenario.load;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlTreeTest {

    @TempDir
    Path dir;

    /** The tree of {@code text}; a ScenarioException carrying every problem if there is any. */
    private static Node parse(String text) throws ScenarioException {
        Problems problems = new Problems();
        Optional<Node> root = YamlTree.parse("s.yaml", text, problems);
        problems.throwIfAny();
        return root.orElseThrow();
    }

    private static Node parse(Path file) throws ScenarioException {
        Problems problems = new Problems();
        Optional<Node> root = YamlTree.parse(file, problems);
        problems.throwIfAny();
        return root.orElseThrow();
    }

    private static Problem onlyProblem(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(text));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    private static void assertAt(Problem p, int line, int column) {
        assertEquals(line, p.at().line(), p.toString());
        assertEquals(column, p.at().column(), p.toString());
    }

    @Test
    void nodesKeepWhereTheyStart() throws ScenarioException {
        MapNode root = (MapNode) parse("name: web\nhost:\n  cpus: 8\n  disks: [ {name: d0} ]\n");
        assertEquals(new SourceLocation("s.yaml", 1, 1), root.location());
        assertEquals(List.of("name", "host"), root.keys());
        MapNode host = (MapNode) root.get("host").orElseThrow();
        assertEquals(new SourceLocation("s.yaml", 3, 3), host.location());
        MapNode.Entry cpus = host.entry("cpus").orElseThrow();
        assertEquals(new SourceLocation("s.yaml", 3, 3), cpus.keyLocation());
        assertEquals(new SourceLocation("s.yaml", 3, 9), cpus.value().location());
        ListNode disks = (ListNode) host.get("disks").orElseThrow();
        assertEquals(4, disks.location().line());
        assertEquals(10, disks.location().column());
        MapNode d0 = (MapNode) disks.items().get(0);
        assertEquals(12, d0.location().column());
        assertEquals("d0", ((ScalarNode) d0.get("name").orElseThrow()).text());
        assertEquals("s.yaml:3:9", cpus.value().location().toString());
    }

    @Test
    void scalarsKeepTheirTextAndWhetherTheyWereQuoted() throws ScenarioException {
        MapNode root = (MapNode) parse(
                "a: 5\nb: '5'\nc: \"true\"\nd:\ne: ~\nf: null\ng: !!str null\nh: ''\ni: |\n  text\nj: yes\n");
        assertEquals(new ScalarNode(new SourceLocation("s.yaml", 1, 4), "5", false), root.get("a").orElseThrow());
        assertTrue(((ScalarNode) root.get("b").orElseThrow()).quoted());
        assertEquals("true", ((ScalarNode) root.get("c").orElseThrow()).text());
        for (String key : List.of("d", "e", "f")) {
            assertTrue(((ScalarNode) root.get(key).orElseThrow()).isNull(), key);
        }
        assertEquals("null", ((ScalarNode) root.get("g").orElseThrow()).text());
        assertEquals("", ((ScalarNode) root.get("h").orElseThrow()).text());
        ScalarNode literal = (ScalarNode) root.get("i").orElseThrow();
        assertEquals("text\n", literal.text());
        assertTrue(literal.quoted());
        // Typing is left to the reader: yes stays the text "yes", not a boolean.
        assertEquals("yes", ((ScalarNode) root.get("j").orElseThrow()).text());
    }

    @Test
    void emptyFileIsOneProblemAtTheStart() {
        for (String empty : List.of("", "\n\n", "# just a comment\n", "   ")) {
            Problem p = onlyProblem(empty);
            assertAt(p, 1, 1);
            assertTrue(p.message().contains("empty") && p.message().contains("expected a YAML mapping"), p.message());
        }
    }

    @Test
    void duplicateKeyIsReportedAtTheSecondKeyAndTheFirstValueKept() {
        Problems problems = new Problems();
        Optional<Node> root = YamlTree.parse("s.yaml", "vms:\n  - name: a\n    cpus: 1\n    cpus: 2\nseed: 1\nseed: 2\n",
                problems);
        List<Problem> list = problems.list();
        assertEquals(2, list.size(), problems.toString());
        assertAt(list.get(0), 4, 5);
        assertEquals("duplicate key 'cpus' in vms[0] (first given at line 3, column 5)", list.get(0).message());
        assertAt(list.get(1), 6, 1);
        assertTrue(list.get(1).message().contains("at the top level"), list.get(1).message());
        MapNode vm = (MapNode) ((ListNode) ((MapNode) root.orElseThrow()).get("vms").orElseThrow()).items().get(0);
        assertEquals("1", ((ScalarNode) vm.get("cpus").orElseThrow()).text());
        // Read strictly, the file is refused.
        assertThrows(ScenarioException.class, () -> parse("{a: 1, a: 2}"));
    }

    @Test
    void tabIndentationIsExplained() {
        Problem p = onlyProblem("host:\n\tcpus: 8\n");
        assertAt(p, 2, 1);
        assertTrue(p.message().contains("tab") && p.message().contains("spaces"), p.message());
    }

    @Test
    void syntaxErrorsHaveAPositionAndNoJavaNames() {
        Problem p = onlyProblem("name: a: b\n");
        assertAt(p, 1, 8);
        assertTrue(p.message().startsWith("YAML syntax error: mapping values are not allowed here"), p.message());

        p = onlyProblem("disks: [d0, d1\nnics: []\n");
        assertAt(p, 2, 5);
        assertTrue(p.message().contains("flow sequence that starts at line 1, column 8"), p.message());

        p = onlyProblem("- a\nb: c\n");
        assertEquals("YAML syntax error: expected the end of the indented block, but found a key"
                + " (while parsing a block collection that starts at line 1, column 1)", p.message());

        p = onlyProblem("? [a, b]\n: c\n");
        assertEquals("a mapping key must be a plain value, found a list", p.message());

        for (String bad : List.of("a: 'open\n", "a: \"\\q\"\n", "a:\n  b: 1\n c: 2\n", "a: 1\n}\n", "[a, b\n",
                "a: {{b: 1}: 2}", "- a\nb: c\n", "a: [*]\n")) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> parse(bad));
            String message = e.getMessage();
            assertFalse(message.matches("(?s).*\\b(com|org|java)\\.[a-z]+\\..*"), message);
            assertFalse(message.contains("Exception") || message.contains("\tat ") || message.contains("[Source"), message);
            assertFalse(message.contains("\n"), "one problem, one line: " + message);
        }
    }

    @Test
    void multipleDocumentsAreRefused() {
        Problem p = onlyProblem("a: 1\n---\nb: 2\n");
        assertAt(p, 3, 1);
        assertTrue(p.message().contains("second YAML document"), p.message());
    }

    @Test
    void aliasesAreResolvedToTheAnchoredNode() throws ScenarioException {
        MapNode root = (MapNode) parse("base: &svc { exponential: { mean: 5 ms } }\nother: *svc\n");
        assertSame(root.get("base").orElseThrow(), root.get("other").orElseThrow());

        Problem p = onlyProblem("a: *nowhere\n");
        assertAt(p, 1, 4);
        assertTrue(p.message().contains("'*nowhere'"), p.message());
        // An alias inside its own anchor would make a cycle; it is not complete yet, so it is refused.
        assertThrows(ScenarioException.class, () -> parse("a: &x [ 1, *x ]\n"));

        // Each alias of a 40-deep value placed 40 deep would make 80 levels: refused like literal nesting.
        String deep = "[".repeat(40) + "]".repeat(40);
        Problem stacked = onlyProblem("a: &d " + deep + "\nb: " + "[".repeat(39) + "*d" + "]".repeat(39) + "\n");
        assertAt(stacked, 2, 43);
        assertTrue(stacked.message().contains("more than 64 levels"), stacked.message());
        assertInstanceOf(MapNode.class, assertDoesNotThrow(() -> parse(
                "a: &d " + deep + "\nb: " + "[".repeat(23) + "*d" + "]".repeat(23) + "\n")));
    }

    @Test
    void tenThousandOpeningBracketsAreAProblemNotAStackOverflow() {
        Problem p = onlyProblem("[".repeat(10_000));
        assertAt(p, 1, YamlTree.MAX_DEPTH + 1);
        assertTrue(p.message().contains("nested more than 64 levels"), p.message());

        StringBuilder indented = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            indented.append(" ".repeat(i)).append("a:\n");
        }
        Problem deepBlock = onlyProblem(indented + " ".repeat(70) + "1\n");
        assertAt(deepBlock, YamlTree.MAX_DEPTH + 1, YamlTree.MAX_DEPTH + 1);
        assertTrue(onlyProblem("- ".repeat(10_000) + "x\n").message().contains("nested more than 64 levels"));
        assertTrue(onlyProblem("{a: ".repeat(5_000) + "1" + "}".repeat(5_000)).message().contains("nested"));
    }

    @Test
    void sixtyFourLevelsAreStillAccepted() throws ScenarioException {
        String text = "[".repeat(YamlTree.MAX_DEPTH) + "]".repeat(YamlTree.MAX_DEPTH);
        assertInstanceOf(ListNode.class, parse(text));
    }

    @Test
    void nulAndControlCharactersArePinpointed() {
        Problem p = onlyProblem("name: web\nseed: 4\u00002\n");
        assertAt(p, 2, 8);
        assertTrue(p.message().contains("NUL"), p.message());
        assertAt(onlyProblem("a: 1\r\nb: \u0007\n"), 2, 4);
    }

    @Test
    void binaryGarbageIsAProblemWhateverTheBytes(@TempDir Path tmp) throws IOException {
        Random random = new Random(20240601L);
        for (int i = 0; i < 60; i++) {
            byte[] bytes = new byte[1 + random.nextInt(4000)];
            random.nextBytes(bytes);
            if (i % 3 == 0) {
                bytes[random.nextInt(bytes.length)] = 0;
            }
            Path file = tmp.resolve("garbage" + i + ".yaml");
            Files.write(file, bytes);
            ScenarioException e = assertThrows(ScenarioException.class, () -> parse(file));
            for (Problem p : e.problems()) {
                assertEquals(file.toString(), p.at().file());
            }
        }
    }

    @Test
    void invalidUtf8IsReportedWhereItStarts() throws IOException {
        byte[] prefix = "name: web\nhost: caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(prefix, prefix.length + 3);
        bytes[prefix.length] = (byte) 0xC3; // a lead byte followed by an ASCII byte: invalid
        bytes[prefix.length + 1] = 'x';
        bytes[prefix.length + 2] = '\n';
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, bytes);
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(file));
        Problem p = e.problems().get(0);
        assertAt(p, 2, 10);
        assertTrue(p.message().contains("not valid UTF-8") && p.message().contains("0xC3"), p.message());
    }

    @Test
    void byteOrderMarksAreHonoured() throws IOException, ScenarioException {
        Path utf8 = dir.resolve("bom8.yaml");
        byte[] body = "a: 1\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(utf8, withBom);
        assertEquals(List.of("a"), ((MapNode) parse(utf8)).keys());

        Path utf16 = dir.resolve("bom16.yaml");
        Files.write(utf16, "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_16BE));
        assertEquals(List.of("a"), ((MapNode) parse(utf16)).keys());
    }

    @Test
    void aFileOverEightMebibytesIsRefusedWithTheLimit() throws IOException {
        Path big = dir.resolve("big.yaml");
        byte[] line = "- a fairly ordinary list item that goes on\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[9 * 1024 * 1024];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = line[i % line.length];
        }
        Files.write(big, bytes);
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(big));
        Problem p = e.problems().get(0);
        assertEquals(1, e.problems().size());
        assertAt(p, 1, 1);
        assertTrue(p.message().contains("8 MiB"), p.message());

        Problem fromText = onlyProblem(new String(bytes, StandardCharsets.UTF_8));
        assertTrue(fromText.message().contains("8 MiB"), fromText.message());
    }

    @Test
    void missingFileAndDirectoryArePlainProblems() {
        Path missing = dir.resolve("nope.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(missing));
        assertEquals(missing + ":1:1: file not found", e.getMessage());

        ScenarioException d = assertThrows(ScenarioException.class, () -> parse(dir));
        assertEquals(1, d.problems().size());
        assertAt(d.problems().get(0), 1, 1);
        assertFalse(d.getMessage().contains("Exception"), d.getMessage());
    }

    @Test
    void aNullDocumentIsATreeTheReaderThenRefuses() throws ScenarioException {
        Node root = parse("---\n");
        assertNull(((ScalarNode) root).text());
        Problems problems = new Problems();
        ObjectReader r = ObjectReader.of(root, problems, "", null);
        r.string("name", null);
        r.finish();
        assertEquals(1, problems.size(), "one problem, no cascade: " + problems);
        assertTrue(problems.list().get(0).message().contains("expected a mapping"), problems.toString());
    }
}
