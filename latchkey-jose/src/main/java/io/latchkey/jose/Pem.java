package io.latchkey.jose;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;

/**
 * PEM parsing with Bouncy Castle. Only public keys are accepted where public keys are expected: a PEM that
 * holds a private key is refused, so that a user who pastes the wrong file learns it at once and the
 * private key is not stored.
 *
 * @since 0.1
 */
public final class Pem {
    private Pem() {
    }

    public static PublicKey parsePublicKey(String pem, String field) {
        if (pem == null || pem.isBlank()) {
            throw LatchkeyException.missingField(field);
        }
        if (pem.length() > 20_000) {
            throw error(field, field + " is too long for a public key");
        }
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw error(field, field + " is not a valid PEM document");
        }
        if (parsed == null) {
            throw error(field, field + " is not a valid PEM document");
        }
        if (!(parsed instanceof SubjectPublicKeyInfo spki)) {
            throw error(field, field + " must be a public key (-----BEGIN PUBLIC KEY-----), not a private key or certificate");
        }
        try {
            return new JcaPEMKeyConverter().getPublicKey(spki);
        } catch (IOException | RuntimeException e) {
            throw error(field, field + " holds an unsupported public key");
        }
    }

    private static LatchkeyException error(String field, String message) {
        return LatchkeyException.field(ErrorCode.INVALID_KEY_MATERIAL, field, message);
    }
}
