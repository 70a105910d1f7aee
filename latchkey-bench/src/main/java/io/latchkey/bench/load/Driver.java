package io.latchkey.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drives one flow against one server for a fixed time at a fixed concurrency: one thread and one keep-alive
 * connection per unit of concurrency, each sending its next request as soon as the previous answer is read
 * (a closed loop, like wrk). Only requests started inside the measured window count; latency is from the
 * first byte written to the last byte read. Server CPU and RSS are sampled from /proc at the window's ends.
 */
final class Driver {
    private Driver() {
    }

    /** The errors of one run: a count and up to three distinct examples. */
    private static final class Errors {
        long count;
        final Map<String, Boolean> samples = new LinkedHashMap<>();

        synchronized void add(String sample) {
            count++;
            if (samples.size() < 3) {
                samples.putIfAbsent(sample.length() > 240 ? sample.substring(0, 240) : sample, Boolean.TRUE);
            }
        }
    }

    static FlowResult run(ServerHandle server, Flow flow, String backend, int concurrency, double seconds) {
        long durationNanos = (long) (seconds * 1e9);
        Errors errors = new Errors();
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        CountDownLatch ready = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread t = new Thread(() -> work(server, flow, worker, ready, go, window, latencies, counts, errors),
                    "load-" + flow.name() + "-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        await(ready);
        long cpu0 = server.cpuNanos();
        long sys0 = server.systemCpuNanos();
        long jit0 = server.compilerCpuNanos();
        long gen0 = ServerHandle.cpuNanos(ProcessHandle.current().pid());
        window[0] = System.nanoTime();
        window[1] = window[0] + durationNanos;
        go.countDown();
        sleepUntil(window[1]);
        long cpu1 = server.cpuNanos();
        long sys1 = server.systemCpuNanos();
        long jit1 = server.compilerCpuNanos();
        long gen1 = ServerHandle.cpuNanos(ProcessHandle.current().pid());
        long rss = server.rssBytes();
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(35));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        long cpu = cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0;
        long sys = sys0 < 0 || sys1 < 0 ? -1 : sys1 - sys0;
        long jit = jit0 < 0 || jit1 < 0 ? -1 : jit1 - jit0;
        long gen = gen0 < 0 || gen1 < 0 ? -1 : gen1 - gen0;
        long inline = flow.assertions() == null ? 0 : flow.assertions().inlineSigned();
        return FlowResult.of(flow, backend, concurrency, seconds, all, errors.count,
                new ArrayList<>(errors.samples.keySet()), cpu, sys, jit, gen, rss, server.inProcess(), inline);
    }

    private static void work(ServerHandle server, Flow flow, int worker, CountDownLatch ready, CountDownLatch go,
                             long[] window, long[][] latencies, int[] counts, Errors errors) {
        long[] mine = new long[1024];
        int n = 0;
        try (HttpConnection conn = new HttpConnection(server.host(), server.port())) {
            ready.countDown();
            await(go);
            long end = window[1];
            while (true) {
                Request request = flow.requests().next();
                long t0 = System.nanoTime();
                if (t0 >= end) {
                    break;
                }
                try {
                    int status = conn.exchange(request);
                    if (status != flow.expected()) {
                        errors.add(status + " " + conn.lastBody());
                        continue;
                    }
                } catch (IOException | RuntimeException e) {
                    errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    continue;
                }
                long dt = System.nanoTime() - t0;
                if (n == mine.length) {
                    mine = Arrays.copyOf(mine, n * 2);
                }
                mine[n++] = dt;
            }
        } finally {
            latencies[worker] = mine;
            counts[worker] = n;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
