package io.latchkey.sdk;

/**
 * A client secret as created: the secret, this once, and its record.
 *
 * @param clientSecret     the secret; shown once, never again: store it in a secret manager
 * @param clientSecretData its record
 * @since 0.1
 */
public record CreatedClientSecret(String clientSecret, ClientSecret clientSecretData) {

    @Override
    public String toString() {
        // INVARIANT: the secret never appears in logs or messages.
        return "CreatedClientSecret[clientSecret=***, clientSecretData=" + clientSecretData + "]";
    }
}
