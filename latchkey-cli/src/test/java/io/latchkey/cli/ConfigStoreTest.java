package io.latchkey.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigStoreTest {

    @Test
    void saveWhenFirstTimeThenPrivateFolderAndFileAndRoundTrip() throws Exception {
        Path dir = Files.createTempDirectory("cfg").resolve("nested/latchkey");
        ConfigStore store = new ConfigStore(dir);
        store.save(CliConfig.empty().with("prod", new Profile("https://x", "secret-token", "P1")));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(store.load().profile("prod")).isEqualTo(new Profile("https://x", "secret-token", "P1"));
        assertThat(store.load().profile("other")).isEqualTo(Profile.EMPTY);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(store.file());
        }
    }

    @Test
    void saveWhenFileWasWorldReadableThenTightened() throws Exception {
        Path dir = Files.createTempDirectory("cfg");
        ConfigStore store = new ConfigStore(dir);
        Files.writeString(store.file(), "{\"version\":1,\"profiles\":{}}");
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));
        store.save(store.load().with("default", new Profile("http://127.0.0.1:8400", "t", null)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void loadWhenMissingThenEmptyAndWhenCorruptThenGeneralErrorNamingFile() throws Exception {
        Path dir = Files.createTempDirectory("cfg");
        ConfigStore store = new ConfigStore(dir);
        assertThat(store.load().profiles()).isEmpty();
        Files.writeString(store.file(), "{not json");
        assertThatThrownBy(store::load).isInstanceOf(CliException.class).hasMessageContaining(store.file().toString())
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCode.GENERAL));
    }

    @Test
    void ofWhenVariablesSetThenConfigDirThenXdgThenHome() {
        Path home = Path.of("/home/u");
        assertThat(ConfigStore.of(env(Map.of("LATCHKEY_CONFIG_DIR", "/c", "XDG_CONFIG_HOME", "/x"), home)).file())
                .isEqualTo(Path.of("/c/config.json"));
        assertThat(ConfigStore.of(env(Map.of("XDG_CONFIG_HOME", "/x"), home)).file()).isEqualTo(Path.of("/x/latchkey/config.json"));
        assertThat(ConfigStore.of(env(Map.of(), home)).file()).isEqualTo(Path.of("/home/u/.config/latchkey/config.json"));
    }

    @Test
    void profileToStringWhenTokenThenMasked() {
        assertThat(new Profile("s", "secret-token", null).toString()).doesNotContain("secret-token");
        assertThatThrownBy(() -> new ConfigStore(null)).hasMessage("dir cannot be null");
    }

    private static CliEnvironment env(Map<String, String> vars, Path home) {
        java.io.PrintWriter w = new java.io.PrintWriter(new java.io.StringWriter());
        return new CliEnvironment(vars, home, w, w, Prompter.NONE, null, java.time.Clock.systemUTC());
    }
}
