package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.sdk.internal.EcdsaSignatures;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A personal access token's credentials for one project: the flow of seed 001, section 3, and RFC 7523.
 * Whenever a token is due (see {@link RenewingCredentials}):
 * <ol>
 *   <li>signs a client assertion with the token's private key: header {@code alg} (the token's signing
 *       algorithm), {@code typ: JWT}, {@code kid} (the key id, by default the token id); claims
 *       {@code iss = sub = } the token id, {@code aud = } the token endpoint URL, {@code iat}, {@code exp}
 *       ({@code iat} + 5 minutes), a random {@code jti};</li>
 *   <li>exchanges it at {@code POST /auth/oauth2/token} ({@code grant_type=client_credentials},
 *       {@code client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer}) for the
 *       token's session;</li>
 *   <li>asks the STS ({@code POST /iam/v1/sts/create-project-scoped-token}) for a token bound to the
 *       project, which is what the client then sends.</li>
 * </ol>
 * The client therefore holds {@link AuthMode#PROJECT} credentials: principals, policies and the project's
 * services. The token must be a principal of the project (see {@link PrincipalsApi#add}).
 *
 * <pre>{@code
 * Credentials pat = Credentials.personalAccessToken()
 *         .tokenId(tokenId)
 *         .privateKeyPem(Files.readString(Path.of("latchkey-token.pem")), passphrase) // passphrase: null if none
 *         .projectId(projectId)
 *         .build();
 * }</pre>
 *
 * <p>The private key stays in memory for the life of this object and is used for signing only; it is never
 * sent anywhere. Which PEM forms are read: see {@link TokenKeys#readPrivateKey(String, char[])}.
 *
 * @since 0.1
 */
public final class PersonalAccessTokenCredentials extends RenewingCredentials {
    /** The token endpoint's path on the server. */
    public static final String TOKEN_ENDPOINT_PATH = "/auth/oauth2/token";
    /** How long an assertion is valid: the server accepts at most 5 minutes. */
    public static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final String tokenId;
    private final String keyId;
    private final PrivateKey privateKey;
    private final TokenSigningAlgorithm algorithm;
    private final String projectId;
    private final String audience;

    private PersonalAccessTokenCredentials(Builder b) {
        super(AuthMode.PROJECT);
        this.tokenId = b.tokenId;
        this.keyId = b.keyId != null ? b.keyId : b.tokenId;
        this.privateKey = b.privateKey;
        this.algorithm = b.algorithm != null ? b.algorithm : TokenKeys.defaultAlgorithm(b.privateKey);
        this.projectId = b.projectId;
        this.audience = b.audience;
        TokenKeys.requireCompatible(privateKey, algorithm);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The token's session answer of the token endpoint (only {@code access_token} is used). */
    record TokenEndpointResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
        @Override
        public String toString() {
            return "TokenEndpointResponse[access_token=***, expires_in=" + expiresIn + "]";
        }
    }

    @Override
    protected AccessToken obtain(RenewalContext context) {
        String aud = audience != null ? audience : context.baseUrl() + TOKEN_ENDPOINT_PATH;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("scope", "openid");
        form.put("client_assertion_type", ASSERTION_TYPE);
        form.put("client_assertion", assertion(aud, context.clock().instant()));
        form.put("client_id", tokenId);
        TokenEndpointResponse session = context.postForm(TOKEN_ENDPOINT_PATH, form, TokenEndpointResponse.class);
        if (session == null || session.accessToken() == null || session.accessToken().isBlank()) {
            throw missing("the token endpoint's answer carried no access_token");
        }
        ProjectScopedToken scoped = context.postJson(StsApi.CREATE_PATH, Map.of("projectId", projectId), session.accessToken(),
                ProjectScopedToken.class);
        if (scoped == null || scoped.accessToken() == null || scoped.accessToken().isBlank()) {
            throw missing("the STS answer carried no accessToken");
        }
        return AccessToken.of(scoped.accessToken(), scoped.expiresIn(), context.clock());
    }

    /** A signed client assertion for {@code aud} issued at {@code now}; visible for tests. */
    String assertion(String aud, Instant now) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", algorithm.name());
        header.put("typ", "JWT");
        header.put("kid", keyId);
        long iat = now.getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", tokenId);
        claims.put("sub", tokenId);
        claims.put("aud", aud);
        claims.put("iat", iat);
        claims.put("exp", iat + ASSERTION_LIFETIME.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(JsonCodec.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(JsonCodec.write(claims).getBytes(StandardCharsets.UTF_8));
        return input + "." + b64.encodeToString(sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private byte[] sign(byte[] input) {
        try {
            Signature s = Signature.getInstance(algorithm.jdkName());
            s.initSign(privateKey);
            s.update(input);
            byte[] sig = s.sign();
            return algorithm.ecPartLength() == 0 ? sig : EcdsaSignatures.derToJose(sig, algorithm.ecPartLength());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the client assertion with " + algorithm, e);
        }
    }

    private static UnauthorizedException missing(String message) {
        return new UnauthorizedException(new ApiError(200, null, UnauthorizedException.RENEWAL_FAILED, null, message, List.of()));
    }

    /** The token this provider authenticates as. */
    public String tokenId() {
        return tokenId;
    }

    /** The project its tokens are bound to. */
    public String projectId() {
        return projectId;
    }

    /** The algorithm its assertions are signed with. */
    public TokenSigningAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public String toString() {
        // INVARIANT: never the key.
        return "PersonalAccessTokenCredentials[tokenId=" + tokenId + ", projectId=" + projectId + ", algorithm=" + algorithm + "]";
    }

    /**
     * Builds {@link PersonalAccessTokenCredentials}; token id, private key and project id are required.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String tokenId;
        private String keyId;
        private PrivateKey privateKey;
        private TokenSigningAlgorithm algorithm;
        private String projectId;
        private String audience;

        private Builder() {
        }

        /** The token's id (its client id). */
        public Builder tokenId(String value) {
            this.tokenId = requireText(value, "tokenId");
            return this;
        }

        /** The {@code kid} of the assertion's header; the token id by default (as the vendor's tools do). */
        public Builder keyId(String value) {
            this.keyId = requireText(value, "keyId");
            return this;
        }

        /** The token's private key. */
        public Builder privateKey(PrivateKey value) {
            this.privateKey = Objects.requireNonNull(value, "privateKey cannot be null");
            return this;
        }

        /**
         * The token's private key as PEM (forms: {@link TokenKeys#readPrivateKey(String, char[])}).
         *
         * @param passphrase the passphrase of an encrypted key, or null; the array is not kept (clear it
         *                   yourself when done)
         * @throws IllegalArgumentException when the key cannot be read; the message names no key material
         */
        public Builder privateKeyPem(String pem, char[] passphrase) {
            this.privateKey = TokenKeys.readPrivateKey(Objects.requireNonNull(pem, "pem cannot be null"), passphrase);
            return this;
        }

        /** An unencrypted PEM private key. */
        public Builder privateKeyPem(String pem) {
            return privateKeyPem(pem, null);
        }

        /**
         * The token's signing algorithm; by default RS256 for RSA keys, ES256 for P-256 and ES512 for P-521.
         * It must be the algorithm the token was created with: the server rejects assertions signed with
         * any other.
         */
        public Builder algorithm(TokenSigningAlgorithm value) {
            this.algorithm = Objects.requireNonNull(value, "algorithm cannot be null");
            return this;
        }

        /** The project the tokens are for. */
        public Builder projectId(String value) {
            this.projectId = requireText(value, "projectId");
            return this;
        }

        /**
         * The token endpoint's public URL, the assertion's {@code aud}; by default the client's base URL plus
         * {@value #TOKEN_ENDPOINT_PATH}. Set it when the client reaches the server under another URL than
         * its configured public one (behind a proxy).
         */
        public Builder audience(String value) {
            this.audience = requireText(value, "audience");
            return this;
        }

        /**
         * @throws IllegalStateException    when token id, private key or project id is missing
         * @throws IllegalArgumentException when the key cannot sign with the algorithm
         */
        public PersonalAccessTokenCredentials build() {
            for (Object[] r : new Object[][] {{tokenId, "tokenId"}, {privateKey, "privateKey"}, {projectId, "projectId"}}) {
                if (r[0] == null) {
                    throw new IllegalStateException(r[1] + " cannot be null: set it on the builder");
                }
            }
            return new PersonalAccessTokenCredentials(this);
        }

        private static String requireText(String value, String name) {
            Objects.requireNonNull(value, name + " cannot be null");
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " cannot be blank");
            }
            return value.trim();
        }
    }
}
