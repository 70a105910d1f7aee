package io.latchkey.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WildcardPatternTest {

    @ParameterizedTest(name = "''{0}'' vs ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *           | ''                    | true
            *           | anything:at/all       | true
            **          | ''                    | true
            ***         | abc                   | true
            ?           | ''                    | false
            ?           | a                     | true
            ?           | ab                    | false
            ??          | ab                    | true
            a?          | a                     | false
            a?          | ab                    | true
            ab?         | ab                    | false
            a*          | a                     | true
            a*          | abc                   | true
            a*          | ba                    | false
            *a          | a                     | true
            *a          | ba                    | true
            *a          | ab                    | false
            a*b         | ab                    | true
            a*b         | axxb                  | true
            a*b         | axxbx                 | false
            a**b        | axb                   | true
            a*b*c       | abc                   | true
            a*b*c       | aXbYbZc               | true
            a*b*c       | acb                   | false
            *?          | ''                    | false
            *?          | x                     | true
            ?*          | x                     | true
            *a*         | bab                   | true
            *a*         | bbb                   | false
            *ab         | aab                   | true
            *aab        | aaab                  | true
            a*a*a*a*b   | aaaaaaaaaaaaaaaaaaaa  | false
            a*a*a*a*b   | aaaaaaaaaaaaaaaaaaab  | true
            abc         | abc                   | true
            abc         | ABC                   | false
            abc         | abcd                  | false
            ''          | ''                    | true
            ''          | a                     | false
            ari:iam::P1:token/*  | ari:iam::P1:token/abc      | true
            ari:iam::P1:token/*  | ari:iam::P1:token/         | true
            ari:iam::P1:token/*  | ari:iam::P1:user/abc       | false
            ari:*:token/abc      | ari:iam::P1:token/abc      | true
            ari:iam::*:token/?bc | ari:iam::P1:token/abc      | true
            ari:iam::*:token/?bc | ari:iam::P1:token/abcd     | false
            ari:iam::?:token/*   | ari:iam::P12:token/a       | false
            ari:iam::P1:*/abc    | ari:iam::P1:user/x/y/abc   | true
            """)
    void matchesWhenPatternAndInputThenExpected(String pattern, String input, boolean expected) {
        assertThat(WildcardPattern.of(pattern).matches(input, 0)).isEqualTo(expected);
    }

    @Test
    void ofWhenShapesThenCheapestKindIsChosen() {
        assertThat(WildcardPattern.of("*").kind()).isEqualTo(WildcardPattern.Kind.ANY);
        assertThat(WildcardPattern.of("***").kind()).isEqualTo(WildcardPattern.Kind.ANY);
        assertThat(WildcardPattern.of("abc").kind()).isEqualTo(WildcardPattern.Kind.EXACT);
        assertThat(WildcardPattern.of("abc*").kind()).isEqualTo(WildcardPattern.Kind.PREFIX);
        assertThat(WildcardPattern.of("abc**").kind()).isEqualTo(WildcardPattern.Kind.PREFIX);
        assertThat(WildcardPattern.of("*abc").kind()).isEqualTo(WildcardPattern.Kind.SUFFIX);
        assertThat(WildcardPattern.of("a*c").kind()).isEqualTo(WildcardPattern.Kind.GENERAL);
        assertThat(WildcardPattern.of("abc?").kind()).isEqualTo(WildcardPattern.Kind.GENERAL);
        assertThat(WildcardPattern.of("?").kind()).isEqualTo(WildcardPattern.Kind.GENERAL);
        assertThat(WildcardPattern.action("*:Read").kind()).isEqualTo(WildcardPattern.Kind.GENERAL);
    }

    @Test
    void matchesWhenLongInputAgainstManyStarsThenFinishesQuickly() {
        String input = "a".repeat(1024);
        WildcardPattern pattern = WildcardPattern.of("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b");

        long start = System.nanoTime();
        boolean matched = pattern.matches(input, 0);

        assertThat(matched).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }

    @ParameterizedTest(name = "action ''{0}'' vs ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            iam:CreateToken    | iam:CreateToken   | true
            IAM:CreateToken    | iam:CreateToken   | true
            iam:CreateToken    | IAM:CreateToken   | true
            Iam:CreateToken    | iAM:CreateToken   | true
            iam:CreateToken    | iam:createtoken   | false
            iam:createtoken    | iam:CreateToken   | false
            IAM:*              | iam:Anything      | true
            IAM:Create*        | iam:CreateToken   | true
            IAM:create*        | iam:CreateToken   | false
            IAM*               | iam:CreateToken   | true
            *                  | IAM:CreateToken   | true
            *:CreateToken      | IAM:CreateToken   | true
            *:createToken      | IAM:CreateToken   | false
            I?M:CreateToken    | iam:CreateToken   | true
            *AM:CreateToken    | iam:CreateToken   | true
            i*:Create?oken     | IAM:CreateToken   | true
            *Token             | IAM:CreateToken   | true
            *token             | IAM:CreateToken   | false
            *TOKEN             | IAM:CreateToken   | false
            IAM                | iam               | true
            *:IAM:x            | a:IAM:x           | true
            *:iam:x            | a:IAM:x           | false
            """)
    void actionMatchesWhenServiceCaseDiffersThenServiceIgnoresCaseAndVerbDoesNot(String pattern, String request,
                                                                               boolean expected) {
        String canonical = ActionNames.canonical(request);

        boolean matched = WildcardPattern.action(pattern).matches(canonical, ActionNames.serviceEnd(canonical));

        assertThat(matched).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is bound to {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            iam:Get*        | iam
            IAM:Get*        | iam
            Iam:Get?x       | iam
            iam:*           | iam
            iam:*:x         | iam
            *               | null
            *:Get           | null
            i?m:Get         | null
            iam*            | null
            IAM*:Get        | null
            """)
    void boundServiceWhenActionPatternThenServiceOnlyIfSpelledOutBeforeAnyWildcard(String pattern, String service) {
        assertThat(WildcardPattern.action(pattern).boundService()).isEqualTo(service);
    }

    @Test
    void canonicalWhenServiceIsLowerCaseThenSameInstance() {
        String action = "iam:CreateToken";

        assertThat(ActionNames.canonical(action)).isSameAs(action);
    }

    @Test
    void canonicalWhenServiceHasUpperCaseThenOnlyServiceIsFolded() {
        assertThat(ActionNames.canonical("IAM:CreateToken")).isEqualTo("iam:CreateToken");
        assertThat(ActionNames.canonical("IAM")).isEqualTo("iam");
        assertThat(ActionNames.canonical("ÄBC:X")).isEqualTo("Äbc:X");
    }
}
