package io.latchkey.core.ratelimit;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttemptLimiterTest {

    /** Counts writes, so a test can tell a login that cost no write from one that did. */
    static final class MapRepository implements AttemptCounterRepository {
        final Map<String, AttemptCounter> counters = new HashMap<>();
        int writes;
        int reads;
        /** Runs inside the next read, after storage was looked at: a concurrent failure. */
        Runnable duringNextRead;

        @Override
        public Optional<AttemptCounter> find(String key) {
            reads++;
            Optional<AttemptCounter> found = Optional.ofNullable(counters.get(key));
            Runnable r = duringNextRead;
            duringNextRead = null;
            if (r != null) {
                r.run();
            }
            return found;
        }

        @Override
        public AttemptCounter recordFailure(String key, Instant now, Duration window) {
            writes++;
            AttemptCounter c = counters.get(key);
            AttemptCounter next = c == null || c.windowStart().isBefore(now.minus(window))
                    ? new AttemptCounter(key, now, 1, null)
                    : new AttemptCounter(key, c.windowStart(), c.failures() + 1, c.lockedUntil());
            counters.put(key, next);
            return next;
        }

        @Override
        public void lockUntil(String key, Instant until) {
            writes++;
            AttemptCounter c = counters.get(key);
            counters.put(key, new AttemptCounter(key, c.windowStart(), c.failures(), until));
        }

        @Override
        public void reset(String key) {
            writes++;
            counters.remove(key);
        }
    }

    private final MapRepository repo = new MapRepository();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final AttemptLimiter limiter = new AttemptLimiter(repo, clock);
    private final AttemptPolicy three = AttemptPolicy.named("test", 3, Duration.ofMinutes(5), Duration.ofMinutes(15));

    @Test
    void checkWhenNoFailuresThenNothingOnRecordAndNoWrite() {
        assertThat(limiter.check("k")).isFalse();
        assertThat(repo.writes).isZero();
    }

    @Test
    void checkWhenFailuresBelowLimitThenOnRecordAndSuccessClearsThem() {
        limiter.recordFailure("k", three);
        limiter.recordFailure("k", three);
        assertThat(limiter.check("k")).isTrue();
        limiter.recordSuccess("k");
        assertThat(limiter.check("k")).isFalse();
    }

    @Test
    void checkWhenLimitReachedThenLockedWithRetryAfter() {
        limiter.recordFailure("k", three);
        limiter.recordFailure("k", three);
        assertThat(limiter.recordFailure("k", three)).isTrue();
        assertThatThrownBy(() -> limiter.check("k")).isInstanceOfSatisfying(LatchkeyException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_LOCKED);
        });
        assertThat(limiter.check("other")).isFalse();
    }

    @Test
    void checkWhenKeyCleanThenStorageReadOncePerTtl() {
        limiter.check("k");
        limiter.check("k");
        limiter.check("k");
        assertThat(repo.reads).isEqualTo(1);
        clock.advance(AttemptLimiter.CLEAN_TTL);
        limiter.check("k");
        assertThat(repo.reads).isEqualTo(2);
    }

    @Test
    void checkWhenThisNodeCountedFailuresThenLockoutSeenAtOnce() {
        limiter.check("k");
        limiter.recordFailure("k", three);
        limiter.recordFailure("k", three);
        limiter.recordFailure("k", three);
        assertThatThrownBy(() -> limiter.check("k")).isInstanceOf(LatchkeyException.class);
    }

    @Test
    void checkWhenAnotherNodeLockedTheKeyThenSeenWithinTheTtl() {
        assertThat(limiter.check("k")).isFalse();
        repo.counters.put("k", new AttemptCounter("k", clock.instant(), 3, clock.instant().plus(Duration.ofMinutes(15))));
        clock.advance(AttemptLimiter.CLEAN_TTL);
        assertThatThrownBy(() -> limiter.check("k")).isInstanceOf(LatchkeyException.class);
    }

    @Test
    void checkWhenFailureCountedWhileReadingThenKeyNotRememberedClean() {
        repo.duringNextRead = () -> limiter.recordFailure("k", three);
        assertThat(limiter.check("k")).as("the read saw no counter yet").isFalse();
        assertThat(limiter.check("k")).as("the failure counted meanwhile").isTrue();
    }
}
