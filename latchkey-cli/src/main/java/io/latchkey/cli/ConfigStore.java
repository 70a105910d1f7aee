package io.latchkey.cli;

import io.latchkey.sdk.JsonCodec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * Reads and writes {@code config.json} in the config folder: {@code $LATCHKEY_CONFIG_DIR}, else
 * {@code $XDG_CONFIG_HOME/latchkey}, else {@code ~/.config/latchkey}.
 *
 * <p>The file holds tokens, so the folder is created 0700 and the file written 0600 (on file systems with
 * POSIX permissions), through a temporary file and an atomic rename so that a crash never leaves half a
 * file and the token is never readable by others, not even for a moment.
 *
 * @since 0.1
 */
final class ConfigStore {
    static final String FILE_NAME = "config.json";

    private final Path dir;

    ConfigStore(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir cannot be null");
    }

    static ConfigStore of(CliEnvironment env) {
        String explicit = env.variable("LATCHKEY_CONFIG_DIR");
        if (explicit != null) {
            return new ConfigStore(Path.of(explicit));
        }
        String xdg = env.variable("XDG_CONFIG_HOME");
        Path base = xdg != null ? Path.of(xdg) : env.home().resolve(".config");
        return new ConfigStore(base.resolve("latchkey"));
    }

    Path file() {
        return dir.resolve(FILE_NAME);
    }

    CliConfig load() {
        Path f = file();
        if (!Files.exists(f)) {
            return CliConfig.empty();
        }
        try {
            return JsonCodec.read(Files.readString(f, StandardCharsets.UTF_8), CliConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException(ExitCode.GENERAL, "cannot read the config file " + f + ": " + e.getMessage(),
                    "fix or delete the file (it holds profiles and login tokens)", e);
        }
    }

    void save(CliConfig config) {
        try {
            createPrivateDir();
            Path tmp = Files.createTempFile(dir, ".config-", ".tmp");
            try {
                restrict(tmp);
                Files.writeString(tmp, JsonCodec.writePretty(config) + "\n", StandardCharsets.UTF_8);
                move(tmp, file());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.GENERAL, "cannot write the config file " + file() + ": " + e.getMessage(), null, e);
        }
    }

    private void createPrivateDir() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.toAbsolutePath().getParent());
        try {
            if (posix()) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException raced) {
            // another latchkey process created it first
        }
    }

    private void restrict(Path f) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private boolean posix() {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
