package io.latchkey.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** Applies the configured log level to Latchkey's loggers. */
final class Logging {
    private Logging() {
    }

    static void setLevel(String level) {
        Level l = Level.toLevel(level == null ? "info" : level.toUpperCase(Locale.ROOT), null);
        if (l == null) {
            throw new IllegalStateException("log-level must be error, warn, info or debug");
        }
        ((Logger) LoggerFactory.getLogger("io.latchkey")).setLevel(l);
        ((Logger) LoggerFactory.getLogger("latchkey")).setLevel(l);
    }
}
