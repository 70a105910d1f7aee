package io.latchkey.core.secrets;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SecretReferencesTest {
    private final Map<String, String> store = new HashMap<>();
    private int lookups;

    private SecretReferences.Lookup lookup() {
        return (env, path, name) -> {
            lookups++;
            return Optional.ofNullable(store.get(env + path.value() + "#" + name));
        };
    }

    private SecretReferences.Expanded expand(String value) {
        return SecretReferences.expand(value, "dev", SecretPath.ROOT, "SELF", lookup());
    }

    @Test
    void expandWhenLocalEnvironmentAndPathReferencesThenResolvedRelativeToEachValue() {
        store.put("dev/#USER", "admin");
        store.put("prod/#HOST", "db.prod");
        store.put("prod/db/a#PORT", "${PORT_BASE}2");
        store.put("prod/db/a#PORT_BASE", "543");
        SecretReferences.Expanded e = expand("postgres://${USER}@${prod.HOST}:${prod.db.a.PORT}/x");
        assertThat(e.value()).isEqualTo("postgres://admin@db.prod:5432/x");
        assertThat(e.problems()).isEmpty();
    }

    @Test
    void expandWhenUnknownThenEmptyAndReported() {
        SecretReferences.Expanded e = expand("a${MISSING}b");
        assertThat(e.value()).isEqualTo("ab");
        assertThat(e.problems()).containsExactly(new SecretReferences.Problem("${MISSING}", SecretReferences.Reason.UNRESOLVABLE));
    }

    @Test
    void expandWhenCycleThenBrokenAndReported() {
        store.put("dev/#A", "${B}");
        store.put("dev/#B", "${A}x");
        SecretReferences.Expanded e = expand("${A}");
        assertThat(e.value()).isEqualTo("x");
        assertThat(e.problems()).extracting(SecretReferences.Problem::reason).containsExactly(SecretReferences.Reason.CYCLE);
        assertThat(expand("${SELF}").problems()).extracting(SecretReferences.Problem::reason)
                .containsExactly(SecretReferences.Reason.CYCLE);
    }

    @Test
    void expandWhenChainDeeperThanLimitThenCutAndReported() {
        for (int i = 0; i < 10; i++) {
            store.put("dev/#K" + i, "${K" + (i + 1) + "}");
        }
        store.put("dev/#K10", "end");
        SecretReferences.Expanded e = expand("${K0}");
        assertThat(e.value()).isEmpty();
        assertThat(e.problems()).extracting(SecretReferences.Problem::reason).containsExactly(SecretReferences.Reason.DEPTH_EXCEEDED);
    }

    @Test
    void expandWhenFanOutExplodesThenBoundedByLimits() {
        store.put("dev/#X", "${Y}${Y}${Y}${Y}${Y}${Y}${Y}${Y}${Y}${Y}");
        store.put("dev/#Y", "${Z}${Z}${Z}${Z}${Z}${Z}${Z}${Z}${Z}${Z}");
        store.put("dev/#Z", "0123456789");
        SecretReferences.Expanded e = expand("${X}${X}${X}${X}${X}${X}${X}${X}${X}${X}");
        assertThat(lookups).isLessThanOrEqualTo(SecretReferences.MAX_REFERENCES);
        assertThat(e.value().length()).isLessThanOrEqualTo(SecretReferences.MAX_EXPANDED_CHARS);
        assertThat(e.problems()).extracting(SecretReferences.Problem::reason).contains(SecretReferences.Reason.LIMIT_EXCEEDED);
    }

    @Test
    void expandWhenNoWellFormedReferenceThenUnchangedWithoutLookups() {
        assertThat(expand("plain").value()).isEqualTo("plain");
        assertThat(expand("${a b} and ${").value()).isEqualTo("${a b} and ${");
        assertThat(expand("${dev..X}").problems()).hasSize(1);
        assertThat(lookups).isZero();
    }
}
