package io.latchkey.bench.load;

import io.latchkey.testkit.TestDatabase;
import io.latchkey.testkit.TestServer;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Latchkey in the test's JVM through the test kit, for the CI smoke run: CPU figures include the generator. */
final class InProcessServer implements ServerHandle {
    private final TestServer server;
    private final long readyMillis;

    private InProcessServer(TestServer server, long readyMillis) {
        this.server = server;
        this.readyMillis = readyMillis;
    }

    static LoadBench.LatchkeyLauncher launcher() {
        return (TestDatabase database, String rootKey, int port) -> {
            long t0 = System.nanoTime();
            TestServer s = TestServer.node(database, rootKey, Map.of("port", Integer.toString(port)));
            return new InProcessServer(s, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        };
    }

    @Override
    public String name() {
        return "latchkey";
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public long pid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public boolean inProcess() {
        return true;
    }

    @Override
    public long readyMillis() {
        return readyMillis;
    }

    @Override
    public void close() {
        server.close();
    }
}
