package org.hvsim.scenario.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.hvsim.scenario.ScenarioLoader;
import org.hvsim.scenario.Fixtures;
import org.hvsim.scenario.load.ScenarioException;
import org.junit.jupiter.api.Test;

/**
 * The key definitions, the loader, docs/scenario-format.md and docs/scenario.schema.json say the same
 * thing: the committed docs are what the definitions generate, every defined key is read by the
 * loader, and every example validates against the JSON Schema.
 *
 * <p>After changing a key, refresh the generated files with
 * {@code mvn -pl scenarios test -Dtest=SchemaDocsTest -Dhvsim.writeDocs=true}.
 */
class SchemaDocsTest {

    static final Path DOCS = Path.of("..", "docs");
    static final Path EXAMPLES = Path.of("examples");
    static final Path EVERY_KEY = Path.of("src", "test", "resources", "schema", "every-key.yaml");
    static final String HEADER = "# yaml-language-server: $schema=";

    @Test
    void theCommittedDocsAndSchemasAreWhatTheDefinitionsGenerate() throws IOException {
        if (Boolean.getBoolean("hvsim.writeDocs")) {
            SchemaWriter.write(DOCS);
        }
        String hint = " differs from what ScenarioSchema generates; run "
                + "mvn -pl scenarios test -Dtest=SchemaDocsTest -Dhvsim.writeDocs=true";
        assertEquals(SchemaWriter.json(JsonSchemaWriter.scenario()), read(DOCS.resolve(SchemaWriter.SCHEMA_FILE)),
                SchemaWriter.SCHEMA_FILE + hint);
        assertEquals(SchemaWriter.json(JsonSchemaWriter.includedPart()),
                read(DOCS.resolve(SchemaWriter.PART_SCHEMA_FILE)), SchemaWriter.PART_SCHEMA_FILE + hint);
        String format = read(DOCS.resolve(SchemaWriter.FORMAT_FILE));
        assertEquals(SchemaWriter.formatDoc(format), format, SchemaWriter.FORMAT_FILE + hint);
    }

    @Test
    void everyKeyInTheDocsIsInTheDefinitionsAndBackAgain() throws IOException {
        String format = read(DOCS.resolve(SchemaWriter.FORMAT_FILE));
        String reference = format.substring(format.indexOf(FormatReference.BEGIN), format.indexOf(FormatReference.END));
        Set<String> documented = new LinkedHashSet<>();
        String section = null;
        for (String line : reference.lines().toList()) {
            if (line.startsWith("### ") || line.startsWith("#### ")) {
                section = line.substring(line.indexOf(' ') + 1);
            } else if (line.startsWith("| `") && section != null) {
                documented.add(section + " " + line.substring(3, line.indexOf('`', 3)));
            }
        }
        Set<String> defined = new LinkedHashSet<>();
        for (Section s : ScenarioSchema.sections()) {
            for (Key k : s.keys()) {
                defined.add(s.title() + " " + k.name());
            }
        }
        assertEquals(defined, documented);
    }

    @Test
    void theLoaderReadsEveryDefinedKeyAndAcceptsAFileUsingThemAll() throws IOException, ScenarioException {
        ReadTrace trace = Fixtures.trace(EVERY_KEY);
        List<String> unread = new ArrayList<>();
        for (Section s : ScenarioSchema.sections()) {
            for (Key k : s.keys()) {
                if (!trace.keysRead().contains(k)) {
                    unread.add(k.toString());
                }
            }
        }
        assertTrue(unread.isEmpty(), "defined but never read by the loader (or not used in every-key.yaml): " + unread);
        ScenarioLoader.load(EVERY_KEY);
    }

    @Test
    void everyExampleNamesTheSchemaOnItsFirstLineAndValidatesAgainstIt() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(EXAMPLES)) {
            walk.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        files.add(EVERY_KEY);
        files.add(EVERY_KEY.resolveSibling("every-key-part.yaml"));
        assertTrue(files.size() >= 5, files.toString());
        for (Path f : files) {
            String first = read(f).lines().findFirst().orElse("");
            assertTrue(first.startsWith(HEADER), f + ": first line must name the schema: " + first);
            Path schemaFile = f.getParent().resolve(first.substring(HEADER.length()).strip()).normalize();
            assertTrue(Files.exists(schemaFile), f + ": names a schema that does not exist: " + schemaFile);
            // A file that is included, or includes others, is complete only once merged: it names the
            // schema without required keys; every other file names the full one.
            boolean part = schemaFile.getFileName().toString().equals(SchemaWriter.PART_SCHEMA_FILE);
            boolean partial = f.getParent().getFileName().toString().equals("shared") || f.toString().endsWith("-part.yaml")
                    || read(f).lines().anyMatch(l -> l.startsWith("include:"));
            assertEquals(partial, part, f + ": included or including files (and only they) name "
                    + SchemaWriter.PART_SCHEMA_FILE);
            Set<ValidationMessage> errors = schema(schemaFile).validate(yaml(f));
            assertTrue(errors.isEmpty(), f + " does not validate against " + schemaFile + ": " + errors);
        }
    }

    @Test
    void theSchemaRefusesWhatTheLoaderRefuses() throws IOException {
        JsonSchema schema = schema(DOCS.resolve(SchemaWriter.SCHEMA_FILE));
        String good = read(EXAMPLES.resolve("consolidation.yaml"));
        assertTrue(schema.validate(new YAMLMapper().readTree(good)).isEmpty());
        for (String bad : List.of(
                good.replace("vcpus: 2", "vpcus: 2"),                 // misspelt key
                good.replace("memory: 2 GB", "memory: 2 Gb"),         // ambiguous unit
                good.replace("memory: 2 GB", "memory: 2"),            // no unit
                good.replace("count: 6", "count: -1"),                // below range
                good.replace("guest_scheduler: ps", "guest_scheduler: lottery"),
                good.replace("exponential: { mean: 8 ms }", "exponental: { mean: 8 ms }"),
                good.replace("architectures: [native, hosted, monolithic, microkernel]", "architectures: [nativ]"),
                good.replace("duration: 5 min", "")                   // required key missing
        )) {
            assertFalse(schema.validate(new YAMLMapper().readTree(bad)).isEmpty(), "accepted:\n" + bad);
        }
        JsonNode sweep = new YAMLMapper().readTree(good.replace("count: 6", "count: { from: 2, to: 8, step: 2 }")
                .replace("rate: 40 /s", "rate: [20 /s, 40 /s]"));
        assertTrue(schema.validate(sweep).isEmpty(), "sweeps are valid");
    }

    private static JsonSchema schema(Path file) throws IOException {
        JsonNode node = new ObjectMapper().readTree(file.toFile());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
    }

    private static JsonNode yaml(Path f) {
        try {
            return new YAMLMapper().readTree(f.toFile());
        } catch (IOException e) {
            return fail(f + ": " + e.getMessage());
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
