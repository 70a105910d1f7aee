package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * One past or current version of a secret.
 *
 * @param secretId    the secret
 * @param version     the version number
 * @param key         the secret's name at that version
 * @param value       the value at that version; secret (hidden unless the caller may read it)
 * @param valueHidden whether the value was withheld
 * @param createdAt   when the version was written
 * @since 0.1
 */
public record SecretVersion(String secretId, int version, String environment, @JsonProperty("secretPath") String path,
                            @JsonProperty("secretKey") String key, @JsonProperty("secretValue") String value,
                            @JsonProperty("secretValueHidden") boolean valueHidden,
                            @JsonProperty("secretComment") String comment, Instant createdAt) {

    @Override
    public String toString() {
        return "SecretVersion[secretId=" + secretId + ", version=" + version + ", key=" + key + ", value=***]";
    }
}
