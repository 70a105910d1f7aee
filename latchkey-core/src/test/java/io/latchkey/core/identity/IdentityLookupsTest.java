package io.latchkey.core.identity;

import io.latchkey.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityLookupsTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final Map<String, AtomicInteger> reads = new HashMap<>();
    final Map<String, Object> rows = new HashMap<>();
    final IdentityLookups lookups = new IdentityLookups(fake(IdentityAuthRepository.class), fake(IdentityRepository.class), clock);

    /** A repository that counts each read and answers from {@link #rows} by method name and argument. */
    @SuppressWarnings("unchecked")
    <T> T fake(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            String key = method.getName() + ":" + args[0];
            reads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            return Optional.ofNullable(rows.get(key));
        });
    }

    int reads(String key) {
        AtomicInteger n = reads.get(key);
        return n == null ? 0 : n.get();
    }

    @Test
    void foundRowsWhenReadAgainWithinTheTtlThenStorageIsAskedOnce() {
        ClientSecret secret = new ClientSecret("cs1", "i1", "", "abc", "h1", 0, 0, 0, false, T0, T0);
        rows.put("findClientSecretByHash:h1", secret);
        rows.put("findById:i1", new MachineIdentity("i1", "o1", "ci", false, Map.of(), T0, T0));

        for (int i = 0; i < 5; i++) {
            assertThat(lookups.clientSecretByHash("h1")).contains(secret);
            assertThat(lookups.identity("i1")).isPresent();
        }
        assertThat(reads("findClientSecretByHash:h1")).isEqualTo(1);
        assertThat(reads("findById:i1")).isEqualTo(1);

        clock.advance(IdentityLookups.TTL);
        lookups.clientSecretByHash("h1");
        assertThat(reads("findClientSecretByHash:h1")).as("read again once the TTL is over").isEqualTo(2);
    }

    @Test
    void unknownClientIdOrSecretWhenLookedUpAgainThenStorageIsAskedEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThat(lookups.universalAuthByClientId("nobody")).isEmpty();
            assertThat(lookups.clientSecretByHash("wrong")).isEmpty();
        }
        assertThat(reads("findUniversalAuthByClientId:nobody")).isEqualTo(3);
        assertThat(reads("findClientSecretByHash:wrong")).isEqualTo(3);
    }

    @Test
    void localChangeWhenForgottenThenTheNextLookupReadsStorage() {
        rows.put("findById:i1", new MachineIdentity("i1", "o1", "before", false, Map.of(), T0, T0));
        assertThat(lookups.identity("i1")).get().extracting(MachineIdentity::name).isEqualTo("before");
        rows.put("findById:i1", new MachineIdentity("i1", "o1", "after", false, Map.of(), T0, T0));
        clock.advance(Duration.ofMillis(10));
        assertThat(lookups.identity("i1")).get().extracting(MachineIdentity::name).as("remembered").isEqualTo("before");

        lookups.forget();
        assertThat(lookups.identity("i1")).get().extracting(MachineIdentity::name).isEqualTo("after");
        assertThat(reads("findById:i1")).isEqualTo(2);
    }
}
