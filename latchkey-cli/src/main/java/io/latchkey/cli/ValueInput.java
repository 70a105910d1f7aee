package io.latchkey.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Reads values that must stay out of the command line (and so out of shell history and {@code ps}):
 * secret values, client secrets, data to encrypt or sign. Sources: standard input, a file, or a prompt
 * without echo. Reads are bounded, so a wrong pipe cannot exhaust memory.
 *
 * @since 0.1
 */
final class ValueInput {
    /** The largest value read from stdin or a file. */
    static final int MAX_BYTES = 1 << 20;

    private ValueInput() {
    }

    /** All of standard input as bytes. */
    static byte[] stdinBytes(CliSession s, String what) {
        return bounded(s.stdin(), what + " from standard input");
    }

    /** Standard input as text, without one trailing newline (what {@code echo} adds). */
    static String stdinText(CliSession s, String what) {
        return chompNewline(new String(stdinBytes(s, what), StandardCharsets.UTF_8));
    }

    /** A file's bytes, or stdin's when the path is {@code -}. Warns when others may read the file. */
    static byte[] fileBytes(CliSession s, String path, String what) {
        if (path.equals("-")) {
            return stdinBytes(s, what);
        }
        Path f = Path.of(path);
        try (InputStream in = Files.newInputStream(f)) {
            warnIfShared(s, f, what);
            return bounded(in, what + " from " + path);
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot read " + what + " from " + path + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * A file's text (stdin's for {@code -}) that is not secret, such as a public key: bounded like the others,
     * without the warning about other users reading it.
     */
    static String publicFileText(CliSession s, String path, String what) {
        if (path.equals("-")) {
            return chompNewline(new String(stdinBytes(s, what), StandardCharsets.UTF_8));
        }
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return chompNewline(new String(bounded(in, what + " from " + path), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot read " + what + " from " + path + ": " + e.getMessage(), null, e);
        }
    }

    static String fileText(CliSession s, String path, String what) {
        return chompNewline(new String(fileBytes(s, path, what), StandardCharsets.UTF_8));
    }

    /** A secret value: from a prompt without echo on a terminal, else from standard input. */
    static String secretValue(CliSession s, String name) {
        if (s.canPrompt()) {
            return s.secret(null, "a value", "Value of " + name, false);
        }
        return stdinText(s, "the value of " + name);
    }

    static String chompNewline(String v) {
        if (v.endsWith("\r\n")) {
            return v.substring(0, v.length() - 2);
        }
        return v.endsWith("\n") ? v.substring(0, v.length() - 1) : v;
    }

    private static byte[] bounded(InputStream in, String what) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw new CliException(ExitCode.USAGE, what + " is larger than " + MAX_BYTES + " bytes");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot read " + what + ": " + e.getMessage(), null, e);
        }
    }

    private static void warnIfShared(CliSession s, Path f, String what) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(f);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                s.output().warn(f + " (" + what + ") is readable by other users; chmod 600 it");
            }
        } catch (IOException | UnsupportedOperationException notPosix) {
            // nothing to check on this file system
        }
    }
}
