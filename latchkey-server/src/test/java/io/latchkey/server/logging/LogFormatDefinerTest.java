package io.latchkey.server.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LogFormatDefinerTest {

    @Test
    void formatOfWhenJsonInAnyCaseThenJsonElseText() {
        assertThat(LogFormatDefiner.formatOf("json")).isEqualTo("JSON");
        assertThat(LogFormatDefiner.formatOf(" JSON ")).isEqualTo("JSON");
        assertThat(LogFormatDefiner.formatOf("Json")).isEqualTo("JSON");
        assertThat(LogFormatDefiner.formatOf(null)).isEqualTo("TEXT");
        assertThat(LogFormatDefiner.formatOf("")).isEqualTo("TEXT");
        assertThat(LogFormatDefiner.formatOf("text")).isEqualTo("TEXT");
        assertThat(LogFormatDefiner.formatOf("jsonl")).isEqualTo("TEXT");
    }

    @ParameterizedTest(name = "LATCHKEY_LOG_FORMAT={0}")
    @ValueSource(strings = {"json", "JSON"})
    void whenTheServersConfigurationRunsWithJsonThenApplicationAndAccessLinesAreJson(String value) throws Exception {
        List<String> lines = probe(value);
        // The message with its arguments in place: an access line without its path and status says nothing.
        assertThat(lines).filteredOn(l -> l.contains("probe application line 42")).singleElement()
                .satisfies(l -> assertThat(l).startsWith("{").contains("\"loggerName\":\"io.latchkey.probe\"")
                        .contains("\"formattedMessage\":\"probe application line 42\""));
        assertThat(lines).filteredOn(l -> l.contains("200 0.1ms ip=127.0.0.1 id=probe")).singleElement()
                .satisfies(l -> assertThat(l).startsWith("{").contains("\"loggerName\":\"latchkey.access\"")
                        .contains("GET \\/probe 200").doesNotContain("ip={}"));
    }

    @Test
    void whenTheServersConfigurationRunsWithoutAFormatThenLinesAreText() throws Exception {
        List<String> lines = probe(null);
        assertThat(lines).filteredOn(l -> l.contains("probe application line 42")).singleElement()
                .satisfies(l -> assertThat(l).doesNotStartWith("{").contains("INFO"));
        assertThat(lines).filteredOn(l -> l.contains("200 0.1ms ip=127.0.0.1 id=probe")).singleElement()
                .satisfies(l -> assertThat(l).doesNotStartWith("{").contains("latchkey.access GET /probe 200"));
    }

    /** Runs {@link LogFormatProbe} in a child JVM on this test's class path; returns its standard error. */
    private static List<String> probe(String format) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LogFormatProbe.class.getName());
        pb.environment().remove(LogFormatDefiner.VARIABLE);
        if (format != null) {
            pb.environment().put(LogFormatDefiner.VARIABLE, format);
        }
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return err.lines().toList();
    }
}
