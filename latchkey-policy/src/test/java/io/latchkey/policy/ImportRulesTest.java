package io.latchkey.policy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** STYLE.md section 1: latchkey-policy holds plain Java; it may import the JDK and latchkey-core only. */
class ImportRulesTest {
    private static final Path SOURCES = Paths.get("src", "main", "java");

    @Test
    void sourcesWhenScannedThenImportOnlyTheJdkAndCore() throws IOException {
        List<String> imports;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            imports = files.filter(p -> p.toString().endsWith(".java")).flatMap(ImportRulesTest::importsOf).toList();
        }

        assertThat(imports).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches("import (static )?(java\\.|io\\.latchkey\\.core\\.).*")
                .doesNotContain("java.sql").doesNotContain("javax."));
    }

    private static Stream<String> importsOf(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim).filter(l -> l.startsWith("import "));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
