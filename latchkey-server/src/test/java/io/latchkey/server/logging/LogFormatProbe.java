package io.latchkey.server.logging;

import org.slf4j.LoggerFactory;

/** Run in a child JVM by {@link LogFormatDefinerTest}: one application line and one access line, then exit. */
public final class LogFormatProbe {
    private LogFormatProbe() {
    }

    public static void main(String[] args) {
        LoggerFactory.getLogger("io.latchkey.probe").info("probe application line {}", 42);
        LoggerFactory.getLogger("latchkey.access").info("{} {} {} {}ms ip={} id={}", "GET", "/probe", 200, "0.1",
                "127.0.0.1", "probe");
    }
}
