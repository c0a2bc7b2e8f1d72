package org.hvsim.scenario.counters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hvsim.scenario.load.SourceLocation;

/**
 * The lines of a delimited text file, one at a time (monitoring exports can be large, so the file is
 * streamed), each split into cells that remember their column. Cells may be quoted ({@code "a,b"},
 * {@code ""} inside quotes for a quote), as PDH-CSV quotes every cell. UTF-8, with or without a BOM.
 */
final class CsvLines implements AutoCloseable {

    /** A cell's text (quotes removed) and the 1-based column where it starts. */
    record Cell(String text, int column) {
    }

    /** A line's number and its cells; {@code raw} is the line as read. */
    record Line(int number, String raw, List<Cell> cells) {
    }

    private final String file;
    private final char separator;
    private final BufferedReader in;
    private int number;

    private CsvLines(String file, char separator, BufferedReader in) {
        this.file = file;
        this.separator = separator;
        this.in = in;
    }

    static CsvLines open(Path file, char separator) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new CsvLines(file.toString(), separator,
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder)));
    }

    /** Where the current line is, at {@code column}. */
    SourceLocation at(int column) {
        return new SourceLocation(file, number, column);
    }

    /**
     * The next line, or null at the end of the file.
     *
     * @throws CharacterCodingException when the file is not UTF-8 text ({@link #at} names the line)
     */
    Line next() throws IOException {
        String raw = in.readLine();
        if (raw == null) {
            return null;
        }
        number++;
        if (number == 1 && raw.startsWith("\uFEFF")) {
            raw = raw.substring(1);
        }
        return new Line(number, raw, split(raw, separator));
    }

    /** The cells of one line. */
    static List<Cell> split(String line, char separator) {
        List<Cell> cells = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            int start = i;
            StringBuilder text = new StringBuilder();
            while (i < n && line.charAt(i) == ' ' && i + 1 < n && line.charAt(i + 1) == '"') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '"' && i + 1 < n && line.charAt(i + 1) == '"') {
                        text.append('"');
                        i += 2;
                    } else if (c == '"') {
                        i++;
                        break;
                    } else {
                        text.append(c);
                        i++;
                    }
                }
                while (i < n && line.charAt(i) != separator) {
                    text.append(line.charAt(i++));
                }
            } else {
                while (i < n && line.charAt(i) != separator) {
                    text.append(line.charAt(i++));
                }
            }
            cells.add(new Cell(text.toString(), start + 1));
            if (i >= n) {
                return cells;
            }
            i++; // the separator
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
