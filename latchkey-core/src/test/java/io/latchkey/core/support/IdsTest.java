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
    void projectIdsHaveTheAccessKeyDialectsShape() {
        String id = Ids.projectId();
        assertThat(id).hasSize(28).startsWith("P");
        assertThat(Ids.isProjectId(id)).isTrue();
        assertThat(Ids.isProjectId("P" + "-".repeat(27))).isFalse();
    }
}
