package io.latchkey.testkit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Collects every log line the server writes while a test runs, so that tests can assert on logs (no
 * secret ever appears) and the harness can print them when a test fails.
 *
 * @since 0.1
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> {
    private final StringBuilder text = new StringBuilder();

    /** The access log does not reach the root logger (it has an appender of its own), so both are watched. */
    private static final String[] WATCHED = {org.slf4j.Logger.ROOT_LOGGER_NAME, "latchkey.access"};

    public static LogCapture attach() {
        LogCapture c = new LogCapture();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        c.setContext(root.getLoggerContext());
        c.start();
        for (String name : WATCHED) {
            ((Logger) LoggerFactory.getLogger(name)).addAppender(c);
        }
        return c;
    }

    public void detach() {
        for (String name : WATCHED) {
            ((Logger) LoggerFactory.getLogger(name)).detachAppender(this);
        }
        stop();
    }

    @Override
    protected void append(ILoggingEvent e) {
        synchronized (text) {
            text.append(e.getTimeStamp()).append(' ').append(e.getLevel()).append(' ').append(e.getLoggerName())
                    .append(' ').append(e.getMDCPropertyMap().getOrDefault("requestId", "")).append(' ')
                    .append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                text.append("  ").append(e.getThrowableProxy().getClassName()).append(": ")
                        .append(e.getThrowableProxy().getMessage()).append('\n');
            }
        }
    }

    public String text() {
        synchronized (text) {
            return text.toString();
        }
    }
}
