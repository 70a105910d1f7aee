package io.latchkey.bench.load;

import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one benchmark run found, with the conditions it ran under (date, machine, JDK, provider, load),
 * as a Markdown table for people and a JSON document for tools. Ratios pair each Latchkey flow with the
 * Keycloak run measured right after it; targets are issue 7's, reported, never asserted.
 */
final class Report {
    record Startup(String server, String database, long readyMillis) {
    }

    record Rss(String server, String database, double rssMb) {
    }

    record Ratio(String flow, String backend, String peer, double latchkeyRps, double keycloakRps, double ratio) {
    }

    record Row(FlowResult result, double ceilingRps, double shareOfCeiling) {
    }

    record Target(String target, String measured, String verdict) {
    }

    private final BenchOptions options;
    private final String serverJdk;
    private final Ceilings ceilings;
    private final String provider;
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<Startup> startups = new ArrayList<>();
    private final List<Rss> rss = new ArrayList<>();
    private final List<FlowResult> results = new ArrayList<>();
    private String loadBefore = "";
    private String loadAfter = "";

    Report(BenchOptions options, String serverJdk, Ceilings ceilings) {
        this.options = options;
        this.serverJdk = serverJdk;
        this.ceilings = ceilings;
        this.provider = LoadBench.resolvedProvider(options.cryptoProvider());
    }

    synchronized void add(FlowResult r) {
        results.add(r);
    }

    synchronized void startup(String server, String database, long ms) {
        startups.add(new Startup(server, database, ms));
    }

    synchronized void rssAfterWarmup(String server, String database, long bytes) {
        rss.add(new Rss(server, database, bytes < 0 ? -1 : Math.round(bytes / 1048576.0 * 10) / 10.0));
    }

    void loadBefore(String l) {
        loadBefore = l;
    }

    void loadAfter(String l) {
        loadAfter = l;
    }

    List<FlowResult> results() {
        return List.copyOf(results);
    }

    List<Startup> startups() {
        return List.copyOf(startups);
    }

    List<Ratio> ratios() {
        List<Ratio> out = new ArrayList<>();
        for (int i = 0; i + 1 < results.size(); i++) {
            FlowResult lk = results.get(i);
            FlowResult kc = results.get(i + 1);
            String peer = Ceilings.PEERS.get(lk.flow());
            if (lk.server().equals("latchkey") && kc.flow().equals(peer) && kc.rps() > 0) {
                out.add(new Ratio(lk.flow(), lk.backend(), peer, round(lk.rps()), round(kc.rps()), round(lk.rps() / kc.rps())));
            }
        }
        return out;
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (FlowResult r : results) {
            double c = ceilings.ceiling(r.flow(), r.server(), provider);
            rows.add(new Row(r, Double.isNaN(c) ? -1 : Math.round(c), Double.isNaN(c) ? -1 : round(r.rps() / c)));
        }
        return rows;
    }

    /** Issue 7's targets against this run's figures. */
    List<Target> targets() {
        List<Target> t = new ArrayList<>();
        for (Ratio r : ratios()) {
            double need = r.flow().equals("access-key-exchange") ? 2 : 3;
            t.add(new Target(r.flow() + " on " + r.backend() + ": >= " + (int) need + "x " + r.peer(),
                    r.ratio() + "x", r.ratio() >= need ? "met" : "missed"));
        }
        for (Row row : rows()) {
            FlowResult r = row.result();
            if (!r.server().equals("latchkey")) {
                continue;
            }
            switch (r.flow()) {
                case "pat-token", "universal-auth-login", "project-scoped-token" -> t.add(new Target(
                        r.flow() + " on " + r.backend() + ": p99 < 10 ms", r.p99Ms() + " ms", r.p99Ms() < 10 ? "met" : "missed"));
                case "access-key-exchange" -> {
                    if (row.ceilingRps() > 0) {
                        t.add(new Target("access-key-exchange on " + r.backend() + ": >= 80 % of the RS256 signing ceiling",
                                Math.round(row.shareOfCeiling() * 100) + " %", row.shareOfCeiling() >= 0.8 ? "met" : "missed"));
                    }
                }
                case "secret-read" -> {
                    if (r.backend().equals("h2")) {
                        t.add(new Target("secret-read on h2: >= 10,000 rps", Math.round(r.rps()) + " rps",
                                r.rps() >= 10_000 ? "met" : "missed"));
                    }
                }
                case "authz-check" -> t.add(new Target("authz-check on " + r.backend() + ": >= 15,000 rps",
                        Math.round(r.rps()) + " rps", r.rps() >= 15_000 ? "met" : "missed"));
                default -> {
                }
            }
        }
        ceilings.policyRates().entrySet().stream().filter(e -> e.getKey().startsWith("100 ")).sorted(Map.Entry.comparingByKey())
                .forEach(e -> t.add(new Target("policy evaluation, 100 statements, " + e.getKey().substring(4)
                        + ": >= 1,000,000 decisions/s per core", Math.round(e.getValue()) + " /s",
                        e.getValue() >= 1_000_000 ? "met" : "missed")));
        for (Rss r : rss) {
            if (r.server().equals("latchkey")) {
                t.add(new Target("latchkey RSS under load on " + r.database() + ": <= 256 MB", r.rssMb() + " MB",
                        r.rssMb() <= 256 ? "met" : "missed"));
            }
        }
        for (Startup s : startups) {
            if (s.server().equals("latchkey") && s.database().contains("existing")) {
                t.add(new Target("latchkey ready on " + s.database() + " database: <= 2 s", s.readyMillis() + " ms",
                        s.readyMillis() <= 2000 ? "met" : "missed"));
            }
        }
        return t;
    }

    Map<String, Object> document() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("date", started.toString());
        d.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                "loadAverageBefore", loadBefore, "loadAverageAfter", loadAfter));
        d.put("serverJdk", serverJdk);
        d.put("serverJavaOpts", options.serverJavaOpts());
        d.put("generatorJdk", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        d.put("latchkeyCryptoProvider", options.cryptoProvider() + " -> " + provider);
        d.put("settings", Map.of("warmupPassSeconds", options.warmupPassSeconds(), "warmupSeconds", options.warmupSeconds(), "seconds", options.seconds(),
                "concurrency", options.concurrency(), "backends", options.backends(),
                "keycloak", options.keycloakHome() == null ? "not run" : "26.0.7 at " + options.keycloakHome()));
        d.put("signatureRatesPerThread", ceilings.rates());
        d.put("policyDecisionsPerThread", ceilings.policyRates());
        d.put("startup", startups);
        d.put("rssAfterWarmup", rss);
        d.put("results", rows());
        d.put("ratios", ratios());
        d.put("targets", targets());
        return d;
    }

    void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.json"),
                    Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document()));
            Files.writeString(dir.resolve("report.md"), markdown());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("## Benchmark ").append(started).append('\n').append('\n');
        sb.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append("; load average before `").append(loadBefore).append("`, after `").append(loadAfter).append("`\n");
        sb.append("- servers' JDK: ").append(serverJdk).append('\n');
        sb.append("- Latchkey crypto-provider: ").append(options.cryptoProvider()).append(" (").append(provider).append(")")
                .append(options.serverJavaOpts().isBlank() ? "" : "; JVM options " + options.serverJavaOpts()).append('\n');
        sb.append(String.format(Locale.ROOT, "- each server: every flow run %.0f s unmeasured first; then each flow: %.0f s warm-up, %.0f s measured, concurrency %d, loopback%n",
                options.warmupPassSeconds(), options.warmupSeconds(), options.seconds(), options.concurrency()));
        boolean inProcess = results.stream().anyMatch(FlowResult::cpuIncludesGenerator);
        if (inProcess) {
            sb.append("- server in the generator's JVM: CPU per request includes the generator\n");
        }
        sb.append('\n');
        sb.append("| flow | server | database | rps | p50 ms | p90 ms | p99 ms | max ms | errors | CPU ms/req | kernel | JIT | generator CPU ms/req | RSS MB | ceiling rps | of ceiling |\n");
        sb.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows()) {
            FlowResult r = row.result();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.2f | %.2f | %.2f | %.1f | %d | %.3f | %s | %s | %s | %.0f | %s | %s |%n",
                    r.flow(), r.server(), r.backend(), r.rps(), r.p50Ms(), r.p90Ms(), r.p99Ms(), r.maxMs(), r.errors(),
                    r.cpuMsPerRequest(), r.kernelShare() < 0 ? "" : Math.round(r.kernelShare() * 100) + " %",
                    r.jitShare() < 0 ? "" : Math.round(r.jitShare() * 100) + " %",
                    r.generatorCpuMsPerRequest() < 0 ? "" : String.format(Locale.ROOT, "%.3f", r.generatorCpuMsPerRequest()),
                    r.rssMb(), row.ceilingRps() < 0 ? "" : Long.toString((long) row.ceilingRps()),
                    row.shareOfCeiling() < 0 ? "" : Math.round(row.shareOfCeiling() * 100) + " %"));
        }
        for (FlowResult r : results) {
            if (r.assertionsSignedInline() > 0) {
                sb.append("\nNote: ").append(r.flow()).append(" (").append(r.backend()).append(") outran the pre-signed pool; ")
                        .append(r.assertionsSignedInline()).append(" assertions were signed during the run.\n");
            }
            if (!r.errorSamples().isEmpty()) {
                sb.append("\nErrors of ").append(r.flow()).append(" (").append(r.backend()).append("): ")
                        .append(String.join(" | ", r.errorSamples())).append('\n');
            }
        }
        List<Ratio> ratios = ratios();
        if (!ratios.isEmpty()) {
            sb.append("\n| Latchkey flow | database | Keycloak flow | Latchkey rps | Keycloak rps | ratio |\n|---|---|---|---:|---:|---:|\n");
            for (Ratio r : ratios) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.0f | %.2f |%n", r.flow(), r.backend(), r.peer(),
                        r.latchkeyRps(), r.keycloakRps(), r.ratio()));
            }
        }
        sb.append("\n| server | database | ready after start |\n|---|---|---:|\n");
        for (Startup s : startups) {
            sb.append("| ").append(s.server()).append(" | ").append(s.database()).append(" | ").append(s.readyMillis()).append(" ms |\n");
        }
        sb.append("\n| server | database | RSS after the flows |\n|---|---|---:|\n");
        for (Rss r : rss) {
            sb.append("| ").append(r.server()).append(" | ").append(r.database()).append(" | ").append(r.rssMb()).append(" MB |\n");
        }
        sb.append("\n| target (issue 7) | measured | verdict |\n|---|---:|---|\n");
        for (Target t : targets()) {
            sb.append("| ").append(t.target()).append(" | ").append(t.measured()).append(" | ").append(t.verdict()).append(" |\n");
        }
        return sb.toString();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
