package io.latchkey.policy;

import io.latchkey.core.policy.AuthzRequest;
import io.latchkey.core.policy.Decision;
import io.latchkey.core.policy.DecisionOutcome;
import io.latchkey.core.policy.PolicyDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static io.latchkey.policy.TestPolicies.allow;
import static io.latchkey.policy.TestPolicies.deny;
import static io.latchkey.policy.TestPolicies.document;
import static io.latchkey.policy.TestPolicies.request;
import static org.assertj.core.api.Assertions.assertThat;

class ConditionEvaluationTest {
    private static final String SOURCE_IP = "lk:SourceIp";
    private static final String CURRENT_TIME = "lk:CurrentTime";

    private final DefaultPolicyEngine engine = new DefaultPolicyEngine();

    private Decision evaluate(AuthzRequest request, PolicyDocument document) {
        engine.validate(document);
        return engine.compile(List.of(document)).evaluate(request);
    }

    private boolean allowedFrom(String sourceIp, String... blocks) {
        PolicyDocument policy = document("p", allow().condition("IpAddress", SOURCE_IP, blocks));
        return evaluate(request().sourceIp(sourceIp).build(), policy).allowed();
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.1          | 10.0.0.0/8             | true
            10.255.255.255    | 10.0.0.0/8             | true
            11.0.0.0          | 10.0.0.0/8             | false
            192.168.1.7       | 192.168.1.7            | true
            192.168.1.8       | 192.168.1.7            | false
            192.168.1.8       | 192.168.1.7/32         | false
            192.168.1.7       | 192.168.1.0/29         | true
            192.168.1.8       | 192.168.1.0/29         | false
            192.168.1.9       | 192.168.1.0/29         | false
            1.2.3.4           | 0.0.0.0/0              | true
            10.1.2.3          | 10.9.9.9/8             | true
            2001:db8::1       | 2001:db8::/32          | true
            2001:db9::1       | 2001:db8::/32          | false
            2001:DB8:0:0:0:0:0:1 | 2001:db8::1         | true
            2001:db8::1       | 2001:db8::1/128        | true
            2001:db8::2       | 2001:db8::1/128        | false
            2001:db8::ffff:ffff:ffff:ffff | 2001:db8::/64 | true
            2001:db8:0:ffff::    | 2001:db8::/64          | false
            2001:db8:0:1::    | 2001:db8::/64          | false
            2001:db8::1       | 2001:db8::/65          | true
            2001:db8::8000:0:0:1 | 2001:db8::/65       | false
            ::1               | ::1                    | true
            ::1               | ::/0                   | true
            ::ffff:10.0.0.1   | 10.0.0.0/8             | true
            10.0.0.1          | ::ffff:10.0.0.0/104    | true
            10.0.0.1          | ::ffff:0:0/96          | true
            10.0.0.1          | ::/0                   | true
            ::10.0.0.1        | 10.0.0.0/8             | false
            10.0.0.1          | 2001:db8::/32          | false
            2001:db8::1       | 10.0.0.0/8             | false
            """)
    void evaluateWhenIpAddressConditionThenMembershipDecides(String sourceIp, String block, boolean allowed) {
        assertThat(allowedFrom(sourceIp, block)).isEqualTo(allowed);
    }

    @Test
    void evaluateWhenSeveralBlocksThenAnyOfThemMatches() {
        assertThat(allowedFrom("192.0.2.5", "10.0.0.0/8", "192.0.2.0/24")).isTrue();
        assertThat(allowedFrom("2001:db8::5", "10.0.0.0/8", "2001:db8::/32")).isTrue();
        assertThat(allowedFrom("172.16.0.1", "10.0.0.0/8", "192.0.2.0/24")).isFalse();
    }

    @Test
    void evaluateWhenNotIpAddressThenAddressMustBeInNoneOfTheBlocks() {
        PolicyDocument policy = document("p", allow(),
                deny().condition("NotIpAddress", SOURCE_IP, "10.0.0.0/8", "192.0.2.0/24"));

        assertThat(evaluate(request().sourceIp("10.1.1.1").build(), policy).outcome()).isEqualTo(DecisionOutcome.ALLOW);
        assertThat(evaluate(request().sourceIp("192.0.2.9").build(), policy).outcome()).isEqualTo(DecisionOutcome.ALLOW);
        assertThat(evaluate(request().sourceIp("203.0.113.1").build(), policy).outcome())
                .isEqualTo(DecisionOutcome.EXPLICIT_DENY);
    }

    @Test
    void evaluateWhenConditionKeyCaseDiffersThenKeyStillApplies() {
        PolicyDocument policy = document("p", allow().condition("IpAddress", "LK:SOURCEIP", "10.0.0.0/8"));

        assertThat(evaluate(request().sourceIp("10.0.0.1").build(), policy).allowed()).isTrue();
        assertThat(evaluate(request().sourceIp("11.0.0.1").build(), policy).allowed()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1} at {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            DateGreaterThan       | 2024-06-01T12:00:00Z | 2024-06-01T12:00:00Z          | false
            DateGreaterThan       | 2024-06-01T12:00:00Z | 2024-06-01T12:00:00.000000001Z | true
            DateGreaterThanEquals | 2024-06-01T12:00:00Z | 2024-06-01T12:00:00Z          | true
            DateGreaterThanEquals | 2024-06-01T12:00:00Z | 2024-06-01T11:59:59.999Z      | false
            DateLessThan          | 2024-06-01T12:00:00Z | 2024-06-01T12:00:00Z          | false
            DateLessThan          | 2024-06-01T12:00:00Z | 2024-06-01T11:59:59.999999999Z | true
            DateLessThanEquals    | 2024-06-01T12:00:00Z | 2024-06-01T12:00:00Z          | true
            DateLessThanEquals    | 2024-06-01T12:00:00Z | 2024-06-01T12:00:00.001Z      | false
            DateLessThan          | 2024-06-01T14:00:00+02:00 | 2024-06-01T11:59:00Z     | true
            """)
    void evaluateWhenDateConditionThenComparesToTheNanosecond(String operator, String value, String now,
                                                              boolean allowed) {
        PolicyDocument policy = document("p", allow().condition(operator, CURRENT_TIME, value));

        assertThat(evaluate(request().time(Instant.parse(now)).build(), policy).allowed()).isEqualTo(allowed);
    }

    @Test
    void evaluateWhenTimeWindowThenOnlyInsideTheWindowIsAllowed() {
        PolicyDocument policy = document("p", allow()
                .condition("DateGreaterThanEquals", CURRENT_TIME, "2024-06-01T09:00:00Z")
                .condition("DateLessThan", CURRENT_TIME, "2024-06-01T17:00:00Z"));

        assertThat(evaluate(request().time(Instant.parse("2024-06-01T08:59:59Z")).build(), policy).allowed()).isFalse();
        assertThat(evaluate(request().time(Instant.parse("2024-06-01T09:00:00Z")).build(), policy).allowed()).isTrue();
        assertThat(evaluate(request().time(Instant.parse("2024-06-01T16:59:59Z")).build(), policy).allowed()).isTrue();
        assertThat(evaluate(request().time(Instant.parse("2024-06-01T17:00:00Z")).build(), policy).allowed()).isFalse();
    }

    @Test
    void evaluateWhenSeveralDatesUnderOneOperatorThenAnyOfThemSuffices() {
        PolicyDocument policy = document("p", allow()
                .condition("DateLessThan", CURRENT_TIME, "2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z"));

        assertThat(evaluate(request().build(), policy).allowed()).isTrue();
    }

    @Test
    void evaluateWhenIpAndTimeConditionsThenBothMustHold() {
        PolicyDocument policy = document("p", allow()
                .condition("IpAddress", SOURCE_IP, "10.0.0.0/8")
                .condition("DateLessThan", CURRENT_TIME, "2024-06-01T17:00:00Z"));

        assertThat(evaluate(request().build(), policy).allowed()).isTrue();
        assertThat(evaluate(request().sourceIp("11.0.0.1").build(), policy).allowed()).isFalse();
        assertThat(evaluate(request().time(Instant.parse("2024-06-02T00:00:00Z")).build(), policy).allowed())
                .isFalse();
    }

    @Test
    void evaluateWhenConditionFailsForFirstAllowThenLaterAllowCanStillGrant() {
        PolicyDocument policy = document("p",
                allow().sid("office").condition("IpAddress", SOURCE_IP, "192.0.2.0/24"),
                allow().sid("vpn").condition("IpAddress", SOURCE_IP, "10.0.0.0/8"));

        Decision decision = evaluate(request().build(), policy);

        assertThat(decision.deciding().sid()).isEqualTo("vpn");
        assertThat(decision.errors()).isEmpty();
    }
}
