package io.latchkey.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server under test: where it listens and, through /proc, how much CPU and memory its process uses.
 * For an in-process server (the CI smoke run) the process is the generator's own, so CPU includes the
 * generator; the report says so.
 */
interface ServerHandle extends AutoCloseable {
    String name();

    String host();

    int port();

    long pid();

    /** True when the server runs in this JVM. */
    boolean inProcess();

    /** Milliseconds from launch until the server answered its readiness probe. */
    long readyMillis();

    default String hostPort() {
        return host() + ":" + port();
    }

    default String baseUrl() {
        return "http://" + hostPort();
    }

    /** User + system CPU time of the process so far, in nanoseconds; -1 when unknown. */
    default long cpuNanos() {
        return cpuNanos(pid());
    }

    /** Resident set size of the process in bytes; -1 when unknown. */
    default long rssBytes() {
        return rssBytes(pid());
    }

    @Override
    void close();

    static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name may hold spaces; fields after it start at the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            return ticks * (1_000_000_000L / clockTicks());
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(d -> d.toNanos()).orElse(-1L);
        }
    }

    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** USER_HZ; 100 on every Linux this runs on, as getconf CLK_TCK says. */
    private static long clockTicks() {
        return 100;
    }
}
