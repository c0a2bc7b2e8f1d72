package org.hvsim.scenario.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes (or checks) the files generated from {@link ScenarioSchema}: docs/scenario.schema.json,
 * docs/scenario-part.schema.json and the key reference inside docs/scenario-format.md.
 *
 * <pre>java -cp scenarios/target/hvsim.jar org.hvsim.scenario.schema.SchemaWriter [DOCS_DIR]</pre>
 * or {@code mvn -pl scenarios test -Dtest=SchemaDocsTest -Dhvsim.writeDocs=true}.
 */
public final class SchemaWriter {

    public static final String SCHEMA_FILE = "scenario.schema.json";
    public static final String PART_SCHEMA_FILE = "scenario-part.schema.json";
    public static final String FORMAT_FILE = "scenario-format.md";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path docs = Path.of(args.length > 0 ? args[0] : "docs");
        List<String> changed = write(docs);
        System.out.println(changed.isEmpty() ? "up to date" : "written: " + String.join(", ", changed));
    }

    /** The JSON text of a schema as committed: two-space indents, a final newline. */
    public static String json(com.fasterxml.jackson.databind.JsonNode node) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** docs/scenario-format.md with its generated part replaced by the current one. */
    public static String formatDoc(String current) {
        int begin = current.indexOf(FormatReference.BEGIN);
        int end = current.indexOf(FormatReference.END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(FORMAT_FILE + " lacks the markers " + FormatReference.BEGIN + " … "
                    + FormatReference.END);
        }
        int after = current.indexOf('\n', end);
        return current.substring(0, begin) + FormatReference.markdown()
                + (after < 0 ? "" : current.substring(after + 1));
    }

    /** Writes the generated files into {@code docs} where they differ; returns the names written. */
    public static List<String> write(Path docs) throws IOException {
        List<String> changed = new ArrayList<>();
        update(docs.resolve(SCHEMA_FILE), json(JsonSchemaWriter.scenario()), changed);
        update(docs.resolve(PART_SCHEMA_FILE), json(JsonSchemaWriter.includedPart()), changed);
        Path format = docs.resolve(FORMAT_FILE);
        update(format, formatDoc(Files.readString(format, StandardCharsets.UTF_8)), changed);
        return changed;
    }

    private static void update(Path file, String text, List<String> changed) throws IOException {
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            changed.add(file.getFileName().toString());
        }
    }
}
