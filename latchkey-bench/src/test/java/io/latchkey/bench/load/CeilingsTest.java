package io.latchkey.bench.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CeilingsTest {
    @TempDir
    Path dir;

    @Test
    void ceilingWhenFlowNeedsTwoOperationsThenHarmonicSumTimesCores() throws Exception {
        Path jmh = dir.resolve("jmh.json");
        Files.writeString(jmh, """
                [{"benchmark":"io.latchkey.bench.SignatureBenchmark.sign","params":{"algorithm":"ES256","provider":"conscrypt"},
                  "primaryMetric":{"score":20000.0}},
                 {"benchmark":"io.latchkey.bench.SignatureBenchmark.verify","params":{"algorithm":"RS256","provider":"conscrypt"},
                  "primaryMetric":{"score":30000.0}},
                 {"benchmark":"io.latchkey.bench.SignatureBenchmark.sign","params":{"algorithm":"ES256","provider":"jdk"},
                  "primaryMetric":{"score":1000.0}},
                 {"benchmark":"io.latchkey.bench.PolicyEvaluationBenchmark.evaluate","params":{"statements":"100","scenario":"ALLOW"},
                  "primaryMetric":{"score":5.0E6}}]""");
        Ceilings c = Ceilings.fromJmh(java.util.List.of(jmh));
        int cores = Runtime.getRuntime().availableProcessors();

        // 1 / (1/30000 + 1/20000) = 12000 per core
        assertThat(c.ceiling("pat-token", "latchkey", "conscrypt")).isCloseTo(12_000.0 * cores, within(0.01));
        assertThat(c.ceiling("universal-auth-login", "latchkey", "conscrypt")).isCloseTo(20_000.0 * cores, within(0.01));
        assertThat(c.ceiling("kc-client-secret-es256", "keycloak", "conscrypt")).as("Keycloak signs with the JDK")
                .isCloseTo(1_000.0 * cores, within(0.01));
        assertThat(c.ceiling("access-key-exchange", "latchkey", "conscrypt")).isNaN();
        assertThat(c.ceiling("unknown-flow", "latchkey", "conscrypt")).isNaN();
        assertThat(c.rates()).hasSize(3);
        assertThat(c.policyRates()).containsEntry("100 ALLOW", 5.0E6);
    }
}
