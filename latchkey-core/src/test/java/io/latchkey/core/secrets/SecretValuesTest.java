package io.latchkey.core.secrets;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretValuesTest {

    @Test
    void valueWhenSurroundedByWhitespaceThenTrimmedKeepingOneTrailingNewline() {
        assertThat(SecretValues.value("  abc  ", "secretValue")).isEqualTo("abc");
        assertThat(SecretValues.value("  abc \n\n", "secretValue")).isEqualTo("abc\n");
        assertThat(SecretValues.value("-----BEGIN-----\nx\n-----END-----\n", "secretValue"))
                .isEqualTo("-----BEGIN-----\nx\n-----END-----\n");
        assertThat(SecretValues.value("", "secretValue")).isEmpty();
    }

    @Test
    void valueWhenLargerThanLimitThenInvalidFieldWithoutEchoingIt() {
        String big = "x".repeat(SecretValues.MAX_VALUE_BYTES + 1);
        assertThatThrownBy(() -> SecretValues.value(big, "secretValue"))
                .isInstanceOfSatisfying(LatchkeyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.field()).isEqualTo("secretValue");
                    assertThat(e.getMessage()).doesNotContain("xxxx");
                });
        assertThat(SecretValues.value("x".repeat(SecretValues.MAX_VALUE_BYTES), "v")).hasSize(SecretValues.MAX_VALUE_BYTES);
    }

    @Test
    void nameWhenInvalidThenNamesTheField() {
        assertThat(SecretValues.name(" DB_PASSWORD ", "secretKey")).isEqualTo("DB_PASSWORD");
        for (String bad : List.of("a b", "a.b", "a/b", "${X}", "x".repeat(257))) {
            assertThatThrownBy(() -> SecretValues.name(bad, "secretKey"))
                    .isInstanceOfSatisfying(LatchkeyException.class, e -> assertThat(e.field()).isEqualTo("secretKey"));
        }
        assertThatThrownBy(() -> SecretValues.name(null, "secretKey"))
                .isInstanceOfSatisfying(LatchkeyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FIELD));
    }

    @Test
    void tagsAndMetadataWhenValidThenCopiedAndDeduplicated() {
        assertThat(SecretValues.tags(List.of("a", "b", "a"), "tagIds")).containsExactly("a", "b");
        assertThat(SecretValues.metadata(List.of(new SecretMetadata("k", null)), "m")).containsExactly(new SecretMetadata("k", ""));
    }
}
