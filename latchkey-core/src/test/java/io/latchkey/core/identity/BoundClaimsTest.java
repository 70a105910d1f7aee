package io.latchkey.core.identity;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.token.VerifiedJwt;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundClaimsTest {
    private static final VerifiedJwt JWT = new VerifiedJwt("k", null, "https://issuer.example", "repo:acme/api:ref:main",
            List.of("latchkey", "other"), null, null, "j", Map.of("iss", "https://issuer.example",
            "sub", "repo:acme/api:ref:main", "groups", List.of("ops", "dev"), "env", "prod",
            "ctx", Map.of("team", "payments")));

    private static void refused(BoundClaims b) {
        assertThatThrownBy(() -> b.check(JWT)).isInstanceOfSatisfying(LatchkeyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CREDENTIALS_INVALID));
    }

    @Test
    void checkWhenEveryBindingHoldsThenAccepted() {
        BoundClaims b = new BoundClaims("https://issuer.example", List.of("latchkey"), "repo:acme/api:*",
                Map.of("groups", List.of("ops"), "env", List.of("staging", "prod"), "ctx.team", List.of("payments")));
        assertThatCode(() -> b.check(JWT)).doesNotThrowAnyException();
        assertThatCode(() -> new BoundClaims(null, null, null, null).check(JWT)).doesNotThrowAnyException();
    }

    @Test
    void checkWhenAnyBindingFailsThenRefused() {
        refused(new BoundClaims("https://other.example", null, null, null));
        refused(new BoundClaims(null, List.of("someone-else"), null, null));
        refused(new BoundClaims(null, null, "repo:acme/web:*", null));
        refused(new BoundClaims(null, null, null, Map.of("env", List.of("dev"))));
        refused(new BoundClaims(null, null, null, Map.of("missing", List.of("x"))));
        refused(new BoundClaims(null, null, null, Map.of("ctx", List.of("payments"))));
    }

    @Test
    void metadataWhenMappedThenScalarClaimsCarried() {
        Map<String, String> md = BoundClaims.metadata(JWT, Map.of("environment", "env", "team", "ctx.team",
                "groups", "groups", "absent", "nope"));
        assertThat(md).containsExactlyInAnyOrderEntriesOf(Map.of("environment", "prod", "team", "payments"));
    }
}
