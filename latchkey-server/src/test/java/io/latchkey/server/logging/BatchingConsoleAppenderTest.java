package io.latchkey.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BatchingConsoleAppenderTest {

    /** An output that counts its writes, so that batching shows. */
    private static final class Sink extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            writes.incrementAndGet();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            writes.incrementAndGet();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** A started appender writing to its own sink, and the logger that feeds it, in a context of their own. */
    private record Fixture(BatchingConsoleAppender appender, Sink sink, Logger log) {
    }

    private static Fixture fixture(int queueSize, long lingerMillis, boolean includeMdc) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter()); // the one MDC.put writes to
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%X{requestId:-} [%thread] %msg%n");
        encoder.start();
        BatchingConsoleAppender appender = new BatchingConsoleAppender();
        Sink sink = new Sink();
        appender.setContext(context);
        appender.setName("test");
        appender.setEncoder(encoder);
        appender.setQueueSize(queueSize);
        appender.setLingerMillis(lingerMillis);
        appender.setIncludeMdc(includeMdc);
        appender.setOutput(sink);
        appender.start();
        Logger logger = context.getLogger("test.access");
        logger.setAdditive(false);
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        return new Fixture(appender, sink, logger);
    }

    @Test
    void whenManyThreadsLogThenEveryLineIsWrittenOnceInEachThreadsOrderAndInBatches() throws Exception {
        Fixture fx = fixture(8192, 1, true);
        BatchingConsoleAppender appender = fx.appender();
        Sink sink = fx.sink();
        Logger log = fx.log();
        int threads = 8;
        int perThread = 5_000;
        CountDownLatch start = new CountDownLatch(1);
        runThreads(threads, id -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int i = 0; i < perThread; i++) {
                org.slf4j.MDC.put("requestId", "r" + id + "-" + i);
                log.info("line {} {}", id, i);
            }
            org.slf4j.MDC.remove("requestId");
        }, start::countDown);
        appender.stop();

        String[] lines = sink.text().split("\n");
        assertThat(lines).hasSize(threads * perThread);
        Map<Integer, Integer> next = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            int id = Integer.parseInt(f[3]);
            int i = Integer.parseInt(f[4]);
            assertThat(i).as(line).isEqualTo(next.getOrDefault(id, 0));
            next.put(id, i + 1);
            // the message, thread name and MDC are those of the request thread, not the writer's
            assertThat(f[0]).isEqualTo("r" + id + "-" + i);
            assertThat(f[1]).isEqualTo("[producer-" + id + "]");
        }
        assertThat(next.values()).containsOnly(perThread);
        assertThat(sink.writes.get()).as("console writes for %d lines", lines.length).isLessThan(lines.length / 2);
    }

    @Test
    void whenTheMdcIsLeftOutThenTheLineStillHasTheRequestThreadsMessageAndName() throws Exception {
        Fixture fx = fixture(16, 1, false);
        BatchingConsoleAppender appender = fx.appender();
        Sink sink = fx.sink();
        Logger log = fx.log();
        Thread t = new Thread(() -> {
            org.slf4j.MDC.put("requestId", "r1");
            log.info("GET /x {} id={}", 200, "r1");
            org.slf4j.MDC.remove("requestId");
        }, "request-thread");
        t.start();
        t.join();
        appender.stop();
        assertThat(sink.text()).isEqualTo(" [request-thread] GET /x 200 id=r1\n");
    }

    @Test
    void whenTheQueueIsFullThenLoggersWaitAndNothingIsDropped() throws Exception {
        Fixture fx = fixture(4, 20, true);
        BatchingConsoleAppender appender = fx.appender();
        Sink sink = fx.sink();
        Logger log = fx.log();
        runThreads(4, id -> {
            for (int i = 0; i < 200; i++) {
                log.info("line {} {}", id, i);
            }
        }, () -> { });
        appender.stop();
        assertThat(sink.text().split("\n")).hasSize(800);
    }

    @Test
    void whenALineComesAfterAQuietSpellThenItIsWrittenWithoutWaitingForMore() throws Exception {
        Fixture fx = fixture(16, 1, true);
        BatchingConsoleAppender appender = fx.appender();
        Sink sink = fx.sink();
        Logger log = fx.log();
        Thread.sleep(100); // long enough for the writer to go to sleep (20 quiet drains of 1 ms)
        log.info("first");
        awaitText(sink, "first");
        Thread.sleep(100);
        log.info("second");
        awaitText(sink, "second");
        appender.stop();
        log.info("after stop");
        assertThat(sink.text()).doesNotContain("after stop");
    }

    @Test
    void whenTheServersConfigurationLoadsThenTheAccessLogGoesThroughTheBatchingAppender() {
        Logger access = (Logger) LoggerFactory.getLogger("latchkey.access");
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        access.iteratorForAppenders().forEachRemaining(appenders::add);
        assertThat(appenders).anySatisfy(a -> {
            assertThat(a).isInstanceOf(BatchingConsoleAppender.class);
            assertThat(a.getName()).isEqualTo("ACCESS_TEXT");
            assertThat(a.isStarted()).isTrue();
        });
        assertThat(access.isAdditive()).isFalse();
    }

    /** Runs {@code body} on {@code n} threads named producer-0.., runs {@code started}, waits for all. */
    private static void runThreads(int n, java.util.function.IntConsumer body, Runnable started)
            throws InterruptedException {
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            int id = t;
            Thread th = new Thread(() -> body.accept(id), "producer-" + t);
            all.add(th);
            th.start();
        }
        started.run();
        for (Thread th : all) {
            th.join();
        }
    }

    private static void awaitText(Sink sink, String text) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!sink.text().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(sink.text()).contains(text);
    }
}
