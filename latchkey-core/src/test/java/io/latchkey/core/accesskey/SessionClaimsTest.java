package io.latchkey.core.accesskey;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SessionClaimsTest {

    @Test
    void checkCustomClaimsWhenReservedNameThenRefusedNamingTheClaim() {
        for (String name : List.of("sub", "iss", "exp", "iat", "nbf", "jti", "aud", "roles", "permissions", "tenants",
                "nsec", "dct", "drn", "token_use", "rexp", "Sub", "EXP")) {
            LatchkeyException e = catchThrowableOfType(LatchkeyException.class,
                    () -> SessionClaims.checkCustomClaims(Map.of(name, "x"), "customClaims"));
            assertThat(e.code()).as(name).isEqualTo(ErrorCode.RESERVED_CLAIM);
            assertThat(e.field()).isEqualTo("customClaims." + name);
        }
    }

    @Test
    void checkCustomClaimsWhenOrdinaryThenFrozenCopyWithLongNumbers() {
        Map<String, Object> in = new java.util.HashMap<>();
        in.put("team", "platform");
        in.put("level", 3);
        in.put("nested", Map.of("sub", "allowed below the top level"));
        in.put("none", null);
        Map<String, Object> out = SessionClaims.checkCustomClaims(in, "customClaims");
        assertThat(out).containsEntry("level", 3L).containsEntry("none", null).containsKey("nested");
        assertThatThrownBy(() -> out.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(SessionClaims.checkCustomClaims(null, "customClaims")).isNull();
    }

    @Test
    void checkCustomClaimsWhenBadNamesOrValuesThenInvalidField() {
        assertThat(catchThrowableOfType(LatchkeyException.class,
                () -> SessionClaims.checkCustomClaims(Map.of("", "x"), "customClaims")).field()).isEqualTo("customClaims");
        assertThat(catchThrowableOfType(LatchkeyException.class, () -> SessionClaims.checkCustomClaims(
                Map.of("big", BigInteger.TEN.pow(30)), "customClaims")).field()).isEqualTo("customClaims.big");
        assertThat(catchThrowableOfType(LatchkeyException.class, () -> SessionClaims.checkCustomClaims(
                Map.of("huge", "x".repeat(20_000)), "customClaims")).code()).isEqualTo(ErrorCode.INVALID_FIELD);
    }
}
