package io.latchkey.core.support;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidateTest {

    @Test
    void nameWhenSurroundedByWhitespaceThenStripped() {
        assertThat(Validate.name("  ci runner \n", "name", 64)).isEqualTo("ci runner");
    }

    @Test
    void nameWhenOnlyControlCharactersThen400NamingTheFieldNeverABlankName() {
        for (String v : new String[] {"\u0000", " \u0000 ", "\u0001", "a\u0000"}) {
            assertThatThrownBy(() -> Validate.name(v, "name", 64)).isInstanceOfSatisfying(LatchkeyException.class,
                    e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                        assertThat(e.field()).isEqualTo("name");
                    });
        }
    }

    @Test
    void nameWhenBlankThenMissing() {
        assertThatThrownBy(() -> Validate.name(" \t", "name", 64)).isInstanceOfSatisfying(LatchkeyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FIELD));
    }
}
