package io.latchkey.core.secrets;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretPathTest {

    @Test
    void parseWhenLooseFormsThenNormalized() {
        assertThat(SecretPath.parse(null, "secretPath")).isEqualTo(SecretPath.ROOT);
        assertThat(SecretPath.parse("", "secretPath").isRoot()).isTrue();
        assertThat(SecretPath.parse("/a/b/", "secretPath").value()).isEqualTo("/a/b");
        assertThat(SecretPath.parse("a/b", "secretPath").value()).isEqualTo("/a/b");
        assertThat(SecretPath.parse(" /db_1/x-y ", "secretPath").value()).isEqualTo("/db_1/x-y");
    }

    @Test
    void parseWhenNotAFolderPathThenInvalidFieldNamingTheField() {
        for (String bad : List.of("//", "/a//b", "/..", "/a b", "/a/*", "/%", "/a?")) {
            assertThatThrownBy(() -> SecretPath.parse(bad, "secretPath"))
                    .isInstanceOfSatisfying(LatchkeyException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                        assertThat(e.field()).isEqualTo("secretPath");
                    });
        }
    }

    @Test
    void navigationWhenNestedThenParentNameLineageAndWithin() {
        SecretPath p = SecretPath.parse("/a/b/c", "p");
        assertThat(p.parent().value()).isEqualTo("/a/b");
        assertThat(p.name()).isEqualTo("c");
        assertThat(p.lineage()).extracting(SecretPath::value).containsExactly("/a", "/a/b", "/a/b/c");
        assertThat(p.isWithin(SecretPath.parse("/a", "p"))).isTrue();
        assertThat(p.isWithin(SecretPath.ROOT)).isTrue();
        assertThat(SecretPath.parse("/ab", "p").isWithin(SecretPath.parse("/a", "p"))).isFalse();
        assertThat(SecretPath.ROOT.parent()).isEqualTo(SecretPath.ROOT);
    }

    @Test
    void rebaseWhenRenamingASubtreeThenPrefixReplaced() {
        SecretPath from = SecretPath.parse("/a/b", "p");
        SecretPath to = SecretPath.parse("/a/z", "p");
        assertThat(SecretPath.parse("/a/b", "p").rebase(from, to).value()).isEqualTo("/a/z");
        assertThat(SecretPath.parse("/a/b/c/d", "p").rebase(from, to).value()).isEqualTo("/a/z/c/d");
        assertThat(SecretPath.parse("/x", "p").rebase(SecretPath.ROOT, SecretPath.parse("/y", "p")).value()).isEqualTo("/y/x");
    }

    @Test
    void arisWhenRootOrNestedThenGrammarOfTheReadme() {
        assertThat(SecretsAccess.secretAri("P1", "prod", SecretPath.ROOT, "API_KEY")).isEqualTo("ari:secrets::P1:secret/prod/API_KEY");
        assertThat(SecretsAccess.secretAri("P1", "prod", SecretPath.parse("/db", "p"), "PASSWORD"))
                .isEqualTo("ari:secrets::P1:secret/prod/db/PASSWORD");
        assertThat(SecretsAccess.folderAri("P1", "prod", SecretPath.ROOT)).isEqualTo("ari:secrets::P1:folder/prod/");
        assertThat(SecretsAccess.folderAri("P1", "prod", SecretPath.parse("/db", "p"))).isEqualTo("ari:secrets::P1:folder/prod/db");
        assertThat(SecretsAccess.folderSecretsAri("P1", "dev", SecretPath.ROOT)).isEqualTo("ari:secrets::P1:secret/dev/*");
    }

    @Test
    void constructorWhenNotNormalizedThenRejected() {
        assertThatThrownBy(() -> new SecretPath("/a/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretPath(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
