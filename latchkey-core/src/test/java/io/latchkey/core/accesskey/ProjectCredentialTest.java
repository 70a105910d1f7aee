package io.latchkey.core.accesskey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectCredentialTest {
    static final String PROJECT = "P" + "a1".repeat(13) + "Z";

    @Test
    void parseWhenTwoOrThreeFieldsThenSplitOnColons() {
        ProjectCredential c = ProjectCredential.parse(PROJECT + ":secret");
        assertThat(c.projectId()).isEqualTo(PROJECT);
        assertThat(c.secret()).isEqualTo("secret");
        assertThat(c.extra()).isNull();
        assertThat(ProjectCredential.parse(PROJECT + ":secret:auth").extra()).isEqualTo("auth");
    }

    @Test
    void parseWhenMalformedThenNull() {
        for (String bad : new String[] {null, "", PROJECT, PROJECT + ":", ":secret", PROJECT + "::x", PROJECT + ":a:b:c",
                "P:secret", "Q" + PROJECT.substring(1) + ":secret", "P12:" + PROJECT.substring(3) + ":secret",
                PROJECT + ":" + "x".repeat(ProjectCredential.MAX_LENGTH)}) {
            assertThat(ProjectCredential.parse(bad)).as(String.valueOf(bad)).isNull();
        }
    }

    @Test
    void toStringWhenPrintedThenSecretHidden() {
        assertThat(ProjectCredential.parse(PROJECT + ":topsecret").toString()).doesNotContain("topsecret");
    }
}
