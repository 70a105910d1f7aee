package io.latchkey.server.logging;

import ch.qos.logback.core.PropertyDefinerBase;

import java.util.Locale;

/**
 * Gives logback.xml the log format from {@code LATCHKEY_LOG_FORMAT}: {@code TEXT} (the default) or
 * {@code JSON}, whatever the case it was written in. logback.xml names its appenders after the format, so
 * the variable used directly selected no appender at all when written {@code json}.
 */
public final class LogFormatDefiner extends PropertyDefinerBase {
    static final String VARIABLE = "LATCHKEY_LOG_FORMAT";

    @Override
    public String getPropertyValue() {
        String value = System.getenv(VARIABLE);
        String format = formatOf(value);
        if (value != null && !value.isBlank() && !format.equalsIgnoreCase(value.trim())) {
            addWarn(VARIABLE + " must be text or json, not " + value + "; using text");
        }
        return format;
    }

    /** {@code JSON} for "json" in any case (surrounding blanks ignored), else {@code TEXT}. */
    static String formatOf(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("json") ? "JSON" : "TEXT";
    }
}
