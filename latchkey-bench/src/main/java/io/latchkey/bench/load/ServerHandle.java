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

    /** CPU time of the process's JIT compiler threads so far, in nanoseconds; -1 when unknown. */
    default long compilerCpuNanos() {
        return compilerCpuNanos(pid());
    }

    /** System (kernel) CPU time of the process so far, in nanoseconds; -1 when unknown. */
    default long systemCpuNanos() {
        return systemCpuNanos(pid());
    }

    /** Resident set size of the process in bytes; -1 when unknown. */
    default long rssBytes() {
        return rssBytes(pid());
    }

    @Override
    void close();

    static long cpuNanos(long pid) {
        try {
            long[] t = cpuTicks(Files.readString(Path.of("/proc/" + pid + "/stat")));
            return (t[0] + t[1]) * (1_000_000_000L / clockTicks());
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(d -> d.toNanos()).orElse(-1L);
        }
    }

    static long systemCpuNanos(long pid) {
        try {
            return cpuTicks(Files.readString(Path.of("/proc/" + pid + "/stat")))[1] * (1_000_000_000L / clockTicks());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time of HotSpot's compiler threads ({@code C1 CompilerThread*}, {@code C2 CompilerThread*}): when it
     * is a large share of a measured window the server was still compiling, and the warm-up was too short.
     */
    static long compilerCpuNanos(long pid) {
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            long ticks = 0;
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended
                }
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                    long[] t = cpuTicks(stat);
                    ticks += t[0] + t[1];
                }
            }
            return ticks * (1_000_000_000L / clockTicks());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {utime, stime} in clock ticks from a {@code /proc/.../stat} line (fields 14 and 15). */
    private static long[] cpuTicks(String stat) {
        // The command name may hold spaces; the fields after it start at the last ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
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
