package io.latchkey.server;

import io.latchkey.core.crypto.RootKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Loads the root key from configuration, or from {@code <data-dir>/root.key}, generating that file once
 * with owner-only permissions (0600) when it does not exist.
 *
 * <p>Trap: with several nodes on one PostgreSQL database every node must use the same key; configure it
 * with {@code LATCHKEY_ROOT_KEY} rather than relying on per-node files. A node with a different key refuses
 * to start (the stored key check fails).
 *
 * @since 0.1
 */
final class RootKeyFile {
    private static final Logger LOG = LoggerFactory.getLogger(RootKeyFile.class);
    static final String FILE_NAME = "root.key";

    private RootKeyFile() {
    }

    static RootKey load(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return RootKey.fromBase64(configured);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                warnIfReadableByOthers(file);
                return RootKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            RootKey key = RootKey.generate();
            Files.createDirectories(dataDir);
            write(file, key.toBase64());
            LOG.info("generated a new root key in {} (fingerprint {}); back it up: without it the data cannot be decrypted",
                    file, key.fingerprint());
            return key;
        } catch (FileAlreadyExistsException e) {
            return load(null, dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the root key file " + file + ": " + e.getMessage());
        }
    }

    private static void write(Path file, String content) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE)));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
        if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
            LOG.warn("{} is readable by other users; restrict it with chmod 600", file);
        }
    }
}
