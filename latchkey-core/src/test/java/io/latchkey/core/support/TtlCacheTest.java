package io.latchkey.core.support;

import io.latchkey.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class TtlCacheTest {
    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_000_000));

    @Test
    void getWhenWithinTtlThenValueAndWhenExpiredThenNull() {
        TtlCache<String, String> c = new TtlCache<>(Duration.ofSeconds(1), 10, clock);
        c.put("k", "v");
        clock.advance(Duration.ofMillis(999));
        assertThat(c.get("k")).isEqualTo("v");
        clock.advance(Duration.ofMillis(1));
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

    @Test
    void putWhenFullOfExpiredAndLiveEntriesThenOnlyTheExpiredAreDropped() {
        TtlCache<Integer, Integer> c = new TtlCache<>(Duration.ofSeconds(1), 3, clock);
        c.put(1, 1);
        c.put(2, 2);
        clock.advance(Duration.ofMillis(600));
        c.put(3, 3);
        clock.advance(Duration.ofMillis(500));
        c.put(4, 4);
        assertThat(c.get(3)).as("live: kept").isEqualTo(3);
        assertThat(c.get(4)).isEqualTo(4);
        c.put(5, 5);
        assertThat(c.get(3)).isEqualTo(3);
        c.put(6, 6);
        assertThat(c.get(3)).as("full of live entries: emptied").isNull();
        assertThat(c.get(5)).isNull();
        assertThat(c.get(6)).isEqualTo(6);
    }

    @Test
    void getOrLoadWhenFoundThenRememberedAndWhenMissingThenAskedAgain() {
        TtlCache<String, String> c = new TtlCache<>(Duration.ofSeconds(1), 10, clock);
        int[] loads = {0};
        Function<String, Optional<String>> load = k -> {
            loads[0]++;
            return k.equals("known") ? Optional.of("v") : Optional.empty();
        };
        assertThat(c.getOrLoad("known", load)).contains("v");
        assertThat(c.getOrLoad("known", load)).contains("v");
        assertThat(c.getOrLoad("unknown", load)).isEmpty();
        assertThat(c.getOrLoad("unknown", load)).isEmpty();
        assertThat(loads[0]).isEqualTo(3);
    }
}
