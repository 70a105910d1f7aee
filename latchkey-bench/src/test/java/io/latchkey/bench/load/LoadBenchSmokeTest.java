package io.latchkey.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.testkit.Backend;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI smoke run of the load generator (issue 7): every flow for about a second at concurrency 4 against an
 * in-process server, on H2 and on PostgreSQL, so the harness cannot rot. It proves each flow is prepared and
 * answers its expected status under concurrent load, and that the report is written; it asserts no target
 * (timing figures on a shared CI machine mean nothing). Keycloak is not part of it: its 147 MB distribution and
 * a start of 10 to 60 s would dominate CI for no coverage of our code; bench/run drives it.
 */
class LoadBenchSmokeTest {
    static final String[] FLOWS = {"pat-token", "access-key-exchange", "universal-auth-login", "project-scoped-token",
        "secret-read", "secret-list-100", "http-floor", "authz-check"};

    @TempDir
    Path out;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyFlowWhenDrivenBrieflyThenAnswersWithoutErrorsAndReports(Backend backend) throws Exception {
        BenchOptions options = BenchOptions.parse(new String[] {"--backends", backend.name().toLowerCase(Locale.ROOT),
            "--warmup-pass", "0.2", "--warmup", "0.3", "--duration", "1", "--concurrency", "4", "--out", out.toString()});
        Report report = new Report(options, "in-process", Ceilings.none());

        new LoadBench(options, InProcessServer.launcher(), report).run();
        report.write(out);

        assertThat(report.results()).extracting(FlowResult::flow).containsExactly(FLOWS);
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.errors()).as(r.flow() + ": " + r.errorSamples()).isZero();
            assertThat(r.requests()).as(r.flow()).isPositive();
            assertThat(r.p50Ms()).as(r.flow()).isPositive().isLessThanOrEqualTo(r.p99Ms());
            assertThat(r.cpuIncludesGenerator()).isTrue();
        });
        assertThat(report.startups()).extracting(Report.Startup::database)
                .containsExactly(backend.name().toLowerCase(Locale.ROOT) + " (new)", backend.name().toLowerCase(Locale.ROOT) + " (existing)");
        JsonNode json = Api.JSON.readTree(Files.readString(out.resolve("report.json")));
        assertThat(json.get("results")).hasSize(FLOWS.length);
        assertThat(json.get("machine").get("cores").asInt()).isPositive();
        assertThat(Files.readString(out.resolve("report.md"))).contains("| pat-token | latchkey |");
    }
}
