package io.latchkey.core.support;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TtlCacheTest {
    private final AtomicLong millis = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    };

    @Test
    void getWhenWithinTtlThenValueAndWhenExpiredThenNull() {
        TtlCache<String, String> c = new TtlCache<>(Duration.ofSeconds(1), 10, clock);
        c.put("k", "v");
        millis.addAndGet(999);
        assertThat(c.get("k")).isEqualTo("v");
        millis.addAndGet(1);
        assertThat(c.get("k")).isNull();
        assertThat(c.get("other")).isNull();
    }

    @Test
    void putWhenFullThenEmptiedFirstAndClearForgetsEverything() {
        TtlCache<Integer, Integer> c = new TtlCache<>(Duration.ofMinutes(1), 3, clock);
        c.put(1, 1);
        c.put(2, 2);
        c.put(3, 3);
        c.put(4, 4);
        assertThat(c.get(1)).isNull();
        assertThat(c.get(4)).isEqualTo(4);
        c.clear();
        assertThat(c.get(4)).isNull();
    }
}
