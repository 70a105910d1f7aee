package io.latchkey.policy;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.PolicyStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.latchkey.policy.TestPolicies.allow;
import static io.latchkey.policy.TestPolicies.deny;
import static io.latchkey.policy.TestPolicies.document;
import static io.latchkey.policy.TestPolicies.documentBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefaultPolicyEngineValidateTest {
    private final DefaultPolicyEngine engine = new DefaultPolicyEngine();

    private LatchkeyException rejection(PolicyDocument document) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> engine.validate(document));
        assertThat(thrown).isInstanceOf(LatchkeyException.class);
        LatchkeyException e = (LatchkeyException) thrown;
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        return e;
    }

    private LatchkeyException rejection(TestPolicies.StatementBuilder... statements) {
        return rejection(document("p", statements));
    }

    @Test
    void validateWhenDocumentIsWellFormedThenAccepted() {
        PolicyDocument policy = document("p",
                allow().principal("ari:iam::P1:token/abc").action("iam:*", "kms:Encrypt").resource("*")
                        .condition("IpAddress", "lk:SourceIp", "10.0.0.0/8", "2001:db8::/32", "192.0.2.1")
                        .condition("DateLessThan", "LK:CURRENTTIME", "2030-01-01T00:00:00Z"),
                deny().action("iam:DeleteToken")
                        .condition("NotIpAddress", "lk:sourceip", "::ffff:10.0.0.0/104")
                        .condition("DateGreaterThanEquals", "lk:CurrentTime", "2024-01-01T00:00:00+02:00"));

        assertThatCode(() -> engine.validate(policy)).doesNotThrowAnyException();
    }

    @Test
    void validateWhenNoStatementsThenAccepted() {
        assertThatCode(() -> engine.validate(document("p"))).doesNotThrowAnyException();
    }

    @Test
    void validateWhenTenThousandStatementsThenAccepted() {
        TestPolicies.DocumentBuilder builder = documentBuilder("p");
        PolicyStatement statement = allow().build();
        for (int i = 0; i < PolicyValidator.MAX_STATEMENTS; i++) {
            builder.statement(statement);
        }

        assertThatCode(() -> engine.validate(builder.build())).doesNotThrowAnyException();
    }

    @Test
    void validateWhenMoreThanTenThousandStatementsThenStatementNamed() {
        TestPolicies.DocumentBuilder builder = documentBuilder("p");
        PolicyStatement statement = allow().build();
        for (int i = 0; i <= PolicyValidator.MAX_STATEMENTS; i++) {
            builder.statement(statement);
        }

        LatchkeyException e = rejection(builder.build());

        assertThat(e.field()).isEqualTo("statement");
        assertThat(e.getMessage()).isEqualTo("statement" + PolicyValidator.TOO_MANY_STATEMENTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2012-10-17", "2022-12-16", " 2022-12-15"})
    void validateWhenVersionIsNotKnownThenVersionNamed(String version) {
        LatchkeyException e = rejection(documentBuilder("p").version(version).build());

        assertThat(e.field()).isEqualTo("version");
        assertThat(e.getMessage()).isEqualTo("version must be \"2022-12-15\", the only policy version this server reads");
    }

    @Test
    void validateWhenVersionIsNullThenVersionNamed() {
        assertThat(rejection(documentBuilder("p").version(null).build()).field()).isEqualTo("version");
    }

    @Test
    void validateWhenEffectIsMissingThenEffectNamed() {
        LatchkeyException e = rejection(allow(), allow().effect(null));

        assertThat(e.field()).isEqualTo("statement[1].effect");
        assertThat(e.getMessage()).isEqualTo("statement[1].effect must be Allow or Deny");
    }

    @Test
    void validateWhenPatternListsAreEmptyThenListNamed() {
        assertThat(rejection(allow().principal()).field()).isEqualTo("statement[0].principal");
        assertThat(rejection(allow().action()).field()).isEqualTo("statement[0].action");
        LatchkeyException e = rejection(allow(), allow().resource());
        assertThat(e.field()).isEqualTo("statement[1].resource");
        assertThat(e.getMessage()).isEqualTo("statement[1].resource" + PolicyValidator.EMPTY_PATTERNS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void validateWhenPatternIsBlankThenPatternNamedWithIndex(String pattern) {
        LatchkeyException e = rejection(allow().action("iam:A", "iam:B", pattern));

        assertThat(e.field()).isEqualTo("statement[0].action[2]");
        assertThat(e.getMessage()).isEqualTo("statement[0].action[2]" + PolicyValidator.BLANK_PATTERN);
    }

    @Test
    void validateWhenPatternIsTooLongThenPatternNamed() {
        String longest = "a".repeat(PolicyValidator.MAX_PATTERN_LENGTH);
        assertThatCode(() -> engine.validate(document("p", allow().resource(longest)))).doesNotThrowAnyException();

        LatchkeyException e = rejection(allow().resource(longest + "a"));

        assertThat(e.field()).isEqualTo("statement[0].resource[0]");
        assertThat(e.getMessage()).isEqualTo("statement[0].resource[0]" + PolicyValidator.LONG_PATTERN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ari:iam::P1:token/a\nb", "a\u0000", "\u007fx", "x\u0085"})
    void validateWhenPatternHasControlCharacterThenPatternNamed(String pattern) {
        LatchkeyException e = rejection(allow(), allow(), allow().principal("*", pattern));

        assertThat(e.field()).isEqualTo("statement[2].principal[1]");
        assertThat(e.getMessage()).isEqualTo("statement[2].principal[1]" + PolicyValidator.CONTROL_IN_PATTERN);
    }

    @Test
    void validateWhenOperatorIsUnknownThenOperatorNamedWithTheSupportedOnes() {
        LatchkeyException e = rejection(allow(), allow(), allow(),
                allow().condition("StringEquals", "lk:SourceIp", "x"));

        assertThat(e.field()).isEqualTo("statement[3].condition.StringEquals");
        assertThat(e.getMessage()).isEqualTo("statement[3].condition.StringEquals is not a supported condition "
                + "operator; use one of IpAddress, NotIpAddress, DateGreaterThan, DateGreaterThanEquals, "
                + "DateLessThan, DateLessThanEquals (names are case-sensitive)");
    }

    @Test
    void validateWhenOperatorCaseDiffersThenRejected() {
        assertThat(rejection(allow().condition("ipaddress", "lk:SourceIp", "10.0.0.0/8")).field())
                .isEqualTo("statement[0].condition.ipaddress");
    }

    @Test
    void validateWhenOperatorIsNullThenConditionNamed() {
        assertThat(rejection(allow().condition(null, "lk:SourceIp", "10.0.0.0/8")).field())
                .isEqualTo("statement[0].condition");
    }

    @Test
    void validateWhenKeyDoesNotFitOperatorThenOperatorNamedWithTheRightKey() {
        LatchkeyException e = rejection(allow().condition("IpAddress", "lk:CurrentTime", "10.0.0.0/8"));

        assertThat(e.field()).isEqualTo("statement[0].condition.IpAddress");
        assertThat(e.getMessage()).isEqualTo(
                "statement[0].condition.IpAddress does not support the key 'lk:CurrentTime'; use lk:SourceIp");
    }

    @Test
    void validateWhenKeyIsUnknownThenOperatorNamed() {
        LatchkeyException e = rejection(allow().condition("DateLessThan", "aws:CurrentTime", "2030-01-01T00:00:00Z"));

        assertThat(e.field()).isEqualTo("statement[0].condition.DateLessThan");
        assertThat(e.getMessage()).endsWith("; use lk:CurrentTime");
    }

    @Test
    void validateWhenConditionHasNoValuesThenOperatorNamed() {
        LatchkeyException e = rejection(allow().condition("NotIpAddress", "lk:SourceIp"));

        assertThat(e.field()).isEqualTo("statement[0].condition.NotIpAddress");
        assertThat(e.getMessage())
                .isEqualTo("statement[0].condition.NotIpAddress must list at least one value for lk:SourceIp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.300/8", "10.0.0.0/33", "10.0.0.0/", "10.0.0/8", "2001:db8::/129",
            "2001:db8:::1", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "example.com", "10.0.0.0/-1", "10.0.0.0/8/8",
            "1::2::3", " 10.0.0.1", "01.2.3.4", "::ffff:1.2.3", "1.2.3.4::"})
    void validateWhenCidrIsMalformedThenValueNamedInMessage(String cidr) {
        LatchkeyException e = rejection(allow().condition("IpAddress", "lk:SourceIp", "10.0.0.0/8", cidr));

        assertThat(e.field()).isEqualTo("statement[0].condition.IpAddress");
        assertThat(e.getMessage()).startsWith("statement[0].condition.IpAddress value 1 '")
                .endsWith(" is not an IPv4 or IPv6 address or CIDR block; write it like 203.0.113.0/24 or 2001:db8::/32");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2024-01-01", "2024-01-01T00:00", "2024-13-01T00:00:00Z", "1700000000"})
    void validateWhenDateIsMalformedThenValueNamedInMessage(String date) {
        LatchkeyException e = rejection(allow().condition("DateGreaterThan", "lk:CurrentTime", date));

        assertThat(e.field()).isEqualTo("statement[0].condition.DateGreaterThan");
        assertThat(e.getMessage()).isEqualTo("statement[0].condition.DateGreaterThan value 0 '" + date
                + "' is not an ISO-8601 instant; write it like 2024-01-31T18:00:00Z");
    }

    @Test
    void validateWhenMalformedValueHasControlCharactersThenMessageNeutralisesThem() {
        LatchkeyException e = rejection(allow().condition("IpAddress", "lk:SourceIp", "10.0.0.1\nFAKE LOG LINE"));

        assertThat(e.getMessage()).doesNotContain("\n").contains("'10.0.0.1?FAKE LOG LINE'");
    }

    @Test
    void validateWhenMalformedValueIsLongThenMessageQuotesAnExcerpt() {
        LatchkeyException e = rejection(allow().condition("IpAddress", "lk:SourceIp", "x".repeat(5000)));

        assertThat(e.getMessage()).contains("'" + "x".repeat(64) + "...'").hasSizeLessThan(300);
    }

    @Test
    void validateWhenFirstProblemIsEarlierThenItIsTheOneNamed() {
        LatchkeyException e = rejection(allow().action(""), allow().effect(null));

        assertThat(e.field()).isEqualTo("statement[0].action[0]");
    }

    @Test
    void validateWhenRejectedThenThrowsLatchkeyExceptionNotIllegalArgument() {
        assertThatThrownBy(() -> engine.validate(document("p", allow().principal(""))))
                .isInstanceOf(LatchkeyException.class);
    }
}
