package io.latchkey.bench.load;

import java.util.List;

/**
 * The figures of one measured run. Latencies in milliseconds; {@code cpuMsPerRequest} is the server process's
 * user + system CPU over the window divided by the successful requests ({@code -1} when unknown), and
 * includes the generator when {@code cpuIncludesGenerator} (an in-process server); {@code kernelShare} is the
 * part of it spent in the kernel (system time: for loopback HTTP mostly the TCP stack), {@code
 * generatorCpuMsPerRequest} the load generator's own CPU per request (it shares the cores with the server),
 * {@code jitShare} the part of the server's CPU its JIT compilers took (high: the warm-up was too short).
 */
record FlowResult(String flow, String server, String backend, int concurrency, double seconds, long requests,
                  long errors, double rps, double p50Ms, double p90Ms, double p99Ms, double maxMs,
                  double cpuMsPerRequest, double kernelShare, double jitShare, double generatorCpuMsPerRequest, double rssMb, boolean cpuIncludesGenerator, long assertionsSignedInline,
                  List<String> errorSamples) {

    static FlowResult of(Flow flow, String backend, int concurrency, double seconds, long[] sortedNanos, long errors,
                         List<String> samples, long cpuNanos, long systemNanos, long jitNanos, long generatorNanos, long rssBytes,
                         boolean inProcess, long inline) {
        long n = sortedNanos.length;
        double cpuPer = cpuNanos < 0 || n == 0 ? -1 : cpuNanos / 1e6 / n;
        double kernel = cpuNanos <= 0 || systemNanos < 0 ? -1 : round((double) systemNanos / cpuNanos);
        double jit = cpuNanos <= 0 || jitNanos < 0 || inProcess ? -1 : round((double) jitNanos / cpuNanos);
        double generatorPer = generatorNanos < 0 || n == 0 || inProcess ? -1 : generatorNanos / 1e6 / n;
        return new FlowResult(flow.name(), flow.server(), backend, concurrency, seconds, n, errors, n / seconds,
                pct(sortedNanos, 0.50), pct(sortedNanos, 0.90), pct(sortedNanos, 0.99),
                n == 0 ? 0 : sortedNanos[sortedNanos.length - 1] / 1e6, round(cpuPer), kernel, jit, round(generatorPer), rssBytes < 0 ? -1 : round(rssBytes / 1048576.0),
                inProcess, inline, samples);
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
