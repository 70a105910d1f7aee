package io.latchkey.core.crypto;

/**
 * Port: slow, salted password hashing (Argon2id in production). Encoded hashes are self-describing (PHC
 * string format), so parameters can be raised later and old hashes still verify.
 *
 * @since 0.1
 */
public interface PasswordHasher {

    /** Hashes a password with a fresh random salt. */
    String hash(char[] password);

    /** Verifies in constant time with respect to the password; false for a malformed encoded hash. */
    boolean verify(char[] password, String encoded);

    /** True when {@code encoded} was made with weaker parameters than the current ones. */
    default boolean needsRehash(String encoded) {
        return false;
    }
}
