package io.latchkey.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The access log's appender: request threads hand each line to a background thread, which writes what has
 * gathered in one write to the console, at most about once per {@code lingerMillis}.
 *
 * <p>logback's {@code AsyncAppender} in front of a {@code ConsoleAppender} did the same one line at a time:
 * each request woke the writer thread (a futex call on the request thread and a context switch) and the
 * writer made one {@code write} system call per line, because the console stream flushes every write.
 * Under load that was about a fifth of the server's CPU per request at the HTTP floor (docs/PERFORMANCE.md,
 * round 12). Here a request thread only appends to a lock-free queue; the writer drains it every
 * {@code lingerMillis} while lines keep coming and sleeps when none came for a while, so only the first line
 * after a quiet spell wakes it.
 *
 * <p>Nothing is dropped: when {@code queueSize} lines wait, request threads wait for room. Lines are written
 * in the order they were queued. {@link #stop()} (logback's shutdown hook) writes what is queued first.
 */
public final class BatchingConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    /** Quiet drains (of {@code lingerMillis} each) before the writer sleeps until a line wakes it. */
    private static final int IDLE_DRAINS = 20;
    /** A batch is written once it holds this many bytes, even before the queue is drained. */
    private static final int MAX_BATCH_BYTES = 64 * 1024;

    private final ConcurrentLinkedQueue<ILoggingEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private Encoder<ILoggingEvent> encoder;
    private String target = "System.err";
    private int queueSize = 8192;
    private long lingerNanos = TimeUnit.MILLISECONDS.toNanos(1);
    private boolean includeMdc = true;
    private OutputStream output;
    private volatile boolean sleeping;
    private volatile boolean stopping;
    private volatile Thread writer;

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    /** {@code System.err} (the default) or {@code System.out}, looked up at each write as logback's console does. */
    public void setTarget(String target) {
        this.target = target;
    }

    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    public void setLingerMillis(long lingerMillis) {
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMillis);
    }

    /**
     * Whether lines carry the request thread's MDC (the default). The access log does not: its line names the
     * request id itself, and copying the MDC map was a third of what queueing a line cost the request thread.
     */
    public void setIncludeMdc(boolean includeMdc) {
        this.includeMdc = includeMdc;
    }

    /** Writes to {@code output} instead of the console (tests). */
    void setOutput(OutputStream output) {
        this.output = output;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("no encoder for appender " + name);
            return;
        }
        if (!"System.err".equals(target) && !"System.out".equals(target)) {
            addError("target must be System.err or System.out, not " + target);
            return;
        }
        if (queueSize < 1 || lingerNanos < TimeUnit.MILLISECONDS.toNanos(1)) {
            addError("queueSize and lingerMillis must be at least 1"); // a linger of 0 would spin
            return;
        }
        stopping = false;
        Thread t = new Thread(this::drainLoop, "access-log-writer");
        t.setDaemon(true);
        writer = t;
        super.start();
        t.start();
        byte[] header = encoder.headerBytes();
        if (header != null && header.length > 0) {
            write(header);
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop(); // later appends are ignored, as logback's appenders do once stopped
        stopping = true;
        Thread t = writer;
        LockSupport.unpark(t);
        try {
            t.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] footer = encoder.footerBytes();
        if (footer != null && footer.length > 0) {
            write(footer);
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        // What the writer thread could not know later, captured now on the request thread.
        if (includeMdc) {
            event.prepareForDeferredProcessing();
        } else {
            event.getFormattedMessage();
            event.getThreadName();
        }
        if (queued.incrementAndGet() > queueSize) {
            awaitRoom();
        }
        queue.offer(event);
        if (sleeping) {
            LockSupport.unpark(writer);
        }
    }

    /**
     * The queue is full: wake the writer and wait until it has taken lines (nothing is dropped). Should the
     * writer thread be gone, the line is queued beyond the bound rather than hold a request thread forever.
     */
    private void awaitRoom() {
        while (queued.get() > queueSize && !stopping && writer.isAlive()) {
            LockSupport.unpark(writer);
            LockSupport.parkNanos(this, Math.max(lingerNanos / 4, 50_000));
        }
    }

    private void drainLoop() {
        ByteArrayOutputStream batch = new ByteArrayOutputStream(MAX_BATCH_BYTES + 4096);
        int quiet = 0;
        while (true) {
            int taken = drain(batch);
            if (taken == 0 && stopping && queue.isEmpty()) {
                return;
            }
            if (taken > 0 || quiet < IDLE_DRAINS) {
                quiet = taken > 0 ? 0 : quiet + 1;
                LockSupport.parkNanos(this, lingerNanos); // let lines gather; stop() unparks at once
                continue;
            }
            sleeping = true; // from here a producer that sees the flag wakes this thread
            if (queue.isEmpty() && !stopping) {
                LockSupport.park(this);
            }
            sleeping = false;
            quiet = 0;
        }
    }

    /** Writes every queued line, in batches of up to {@link #MAX_BATCH_BYTES}; returns how many it took. */
    private int drain(ByteArrayOutputStream batch) {
        int taken = 0;
        ILoggingEvent e;
        while ((e = queue.poll()) != null) {
            queued.decrementAndGet();
            taken++;
            try {
                byte[] line = encoder.encode(e);
                batch.write(line, 0, line.length);
            } catch (RuntimeException ex) {
                addError("could not encode a log line", ex);
            }
            if (batch.size() >= MAX_BATCH_BYTES) {
                flush(batch);
            }
        }
        if (batch.size() > 0) {
            flush(batch);
        }
        return taken;
    }

    private void flush(ByteArrayOutputStream batch) {
        write(batch::writeTo); // one write of the whole batch
        batch.reset();
    }

    private void write(byte[] bytes) {
        write(out -> out.write(bytes));
    }

    /** What goes to the output in one write. */
    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    private void write(Writing writing) {
        OutputStream out = out();
        try {
            writing.to(out);
            out.flush();
        } catch (IOException | RuntimeException ex) {
            addError("could not write to " + target, ex);
        }
    }

    private OutputStream out() {
        return output != null ? output : console();
    }

    private PrintStream console() {
        return "System.out".equals(target) ? System.out : System.err;
    }
}
