package org.hvsim.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes outputs into a staging directory beside the target and moves them in only when all were
 * written, so a failure never leaves a half-written report behind.
 */
final class OutputDirectory {

    /** Writes into a directory. */
    interface Writer {
        void write(Path dir) throws IOException;
    }

    private OutputDirectory() {
    }

    static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-");
        try {
            writer.write(staging);
            Files.createDirectories(abs);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
                for (Path e : entries) {
                    Path dest = abs.resolve(e.getFileName().toString());
                    if (Files.isDirectory(dest)) {
                        deleteTree(dest);
                    }
                    Files.move(e, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } finally {
            deleteTree(staging);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    /** A scenario name made safe as a directory name. */
    static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
        return s.isEmpty() ? "scenario" : s;
    }
}
