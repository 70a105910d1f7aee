package io.latchkey.server;

import java.util.Locale;

/**
 * Every configuration key. One flat name per setting, used three ways: as a flag ({@code --db-url}), as an
 * environment variable ({@code LATCHKEY_DB_URL}) and as a key in the optional properties file
 * ({@code db-url=...}). Precedence: flags, then environment, then file, then the default.
 *
 * @since 0.1
 */
public enum ConfigKey {
    HOST("host", "127.0.0.1", false, "address to listen on"),
    PORT("port", "8400", false, "port to listen on (0 = any free port)"),
    PUBLIC_URL("public-url", null, false, "base URL clients use (default http://<host>:<port>)"),
    MAX_REQUEST_BYTES("max-request-bytes", "1048576", false, "largest accepted request body"),
    TRUSTED_PROXIES("trusted-proxies", "", false, "comma-separated proxy addresses whose X-Forwarded-For is believed"),
    DATA_DIR("data-dir", "./data", false, "folder for the embedded database and the generated root key"),
    DB_URL("db-url", null, false, "JDBC URL (default: embedded H2 in the data folder); jdbc:postgresql://... for PostgreSQL"),
    DB_USER("db-user", null, false, "database user"),
    DB_PASSWORD("db-password", null, true, "database password"),
    DB_POOL_SIZE("db-pool-size", "16", false, "maximum database connections"),
    ROOT_KEY("root-key", null, true, "base64 of the 32-byte root key (default: generated once into <data-dir>/root.key)"),
    USER_TOKEN_TTL("user-token-ttl", "1h", false, "lifetime of user tokens"),
    PAT_TOKEN_TTL("pat-token-ttl", "1h", false, "lifetime of personal access token sessions"),
    PROJECT_TOKEN_TTL("project-token-ttl", "1h", false, "lifetime of project-scoped tokens"),
    ACCESS_KEY_SESSION_TTL("access-key-session-ttl", "10m", false, "lifetime of access-key session JWTs"),
    CLOCK_SKEW("clock-skew", "30s", false, "tolerated clock difference when checking token times"),
    MAX_ASSERTION_LIFETIME("max-assertion-lifetime", "5m", false, "longest exp - iat of a client assertion"),
    ARGON2_MEMORY_KIB("argon2-memory-kib", "19456", false, "Argon2id memory cost for password hashes"),
    ARGON2_ITERATIONS("argon2-iterations", "2", false, "Argon2id iterations for password hashes"),
    CRYPTO_PROVIDER("crypto-provider", "auto", false,
            "JCA provider for JWT signatures: auto (ACCP where it loads, else Conscrypt, else jdk), accp, conscrypt, bc, jdk"),
    LOCKOUT_LOGIN_ACCOUNT("lockout-login-account", "5/15m/15m", false,
            "password logins: failures per email / window / lockout"),
    LOCKOUT_LOGIN_ADDRESS("lockout-login-address", "20/15m/15m", false,
            "password logins: failures per source address / window / lockout"),
    LOCKOUT_TOKEN_CLIENT("lockout-token-client", "20/5m/5m", false,
            "OAuth2 token endpoint: failures per client id / window / lockout"),
    LOCKOUT_TOKEN_ADDRESS("lockout-token-address", "50/5m/5m", false,
            "OAuth2 token endpoint: failures per source address / window / lockout"),
    LOCKOUT_IDENTITY_LOGIN_ADDRESS("lockout-identity-login-address", "50/5m/5m", false,
            "machine-identity logins: failures per source address / window / lockout"),
    LOCKOUT_ACCESS_KEY("lockout-access-key", "20/5m/5m", false,
            "access-key exchange: failures per key / window / lockout"),
    LOCKOUT_ACCESS_KEY_ADDRESS("lockout-access-key-address", "50/5m/5m", false,
            "access-key exchange: failures per source address / window / lockout"),
    LOCKOUT_MANAGEMENT_KEY_ADDRESS("lockout-management-key-address", "50/5m/5m", false,
            "management keys: failures per source address / window / lockout"),
    LOG_LEVEL("log-level", "info", false, "log level: error, warn, info, debug");

    private final String key;
    private final String defaultValue;
    private final boolean secret;
    private final String description;

    ConfigKey(String key, String defaultValue, boolean secret, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** Secret values are never logged. */
    public boolean secret() {
        return secret;
    }

    public String description() {
        return description;
    }

    public String envName() {
        return "LATCHKEY_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public static ConfigKey fromKey(String key) {
        for (ConfigKey k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
