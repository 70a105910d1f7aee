package io.latchkey.core.support;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void nonSecretUuidIsACanonicalVersion4UuidAndDoesNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.nonSecretUuid();
            UUID u = UUID.fromString(id);
            assertThat(u.version()).isEqualTo(4);
            assertThat(u.variant()).isEqualTo(2);
            assertThat(Ids.isUuid(id)).isTrue();
            assertThat(seen.add(id)).as("repeated %s", id).isTrue();
        }
    }

    @Test
    void timeOrderedUuidIsAVersion7UuidCarryingTheTimeAndSortsByIt() throws InterruptedException {
        long before = System.currentTimeMillis();
        String first = Ids.timeOrderedUuid();
        Thread.sleep(2);
        String second = Ids.timeOrderedUuid();
        long after = System.currentTimeMillis();
        for (String id : new String[] {first, second}) {
            UUID u = UUID.fromString(id);
            assertThat(u.version()).isEqualTo(7);
            assertThat(u.variant()).isEqualTo(2);
            assertThat(u.getMostSignificantBits() >>> 16).isBetween(before, after);
            assertThat(Ids.isUuid(id)).isTrue();
        }
        assertThat(second).as("a later id sorts after, as text too").isGreaterThan(first);
        Set<String> seen = new HashSet<>();
        Set<Long> randomParts = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID u = UUID.fromString(Ids.timeOrderedUuid());
            assertThat(seen.add(u.toString())).isTrue();
            randomParts.add(u.getLeastSignificantBits());
        }
        assertThat(randomParts).as("the random part differs within a millisecond").hasSize(10_000);
    }

    @Test
    void projectIdsHaveTheAccessKeyDialectsShape() {
        String id = Ids.projectId();
        assertThat(id).hasSize(28).startsWith("P");
        assertThat(Ids.isProjectId(id)).isTrue();
        assertThat(Ids.isProjectId("P" + "-".repeat(27))).isFalse();
    }
}
