package io.latchkey.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code latchkey serve}: runs the server until interrupted. Every setting can come from a flag, a
 * {@code LATCHKEY_*} environment variable or the {@code --config} properties file, in that order.
 *
 * @since 0.1
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Latchkey server (embedded H2 in ./data unless --db-url is given).",
        footer = {"", "Examples:",
                "  latchkey serve",
                "  latchkey serve --port 9000 --data-dir /var/lib/latchkey",
                "  LATCHKEY_ROOT_KEY=... latchkey serve --db-url 'jdbc:postgresql://db:5432/latchkey?user=latchkey'",
                "", "Every flag also reads LATCHKEY_<NAME> from the environment (e.g. LATCHKEY_DB_URL)."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", description = "Address to listen on (default 127.0.0.1).")
    String host;
    @Option(names = "--port", description = "Port to listen on (default 8400).")
    String port;
    @Option(names = "--public-url", description = "Base URL clients use (default http://<host>:<port>).")
    String publicUrl;
    @Option(names = "--data-dir", description = "Data folder (default ./data).")
    String dataDir;
    @Option(names = "--db-url", description = "JDBC URL; jdbc:postgresql://... switches to PostgreSQL.")
    String dbUrl;
    @Option(names = "--db-user", description = "Database user.")
    String dbUser;
    @Option(names = "--db-password", description = "Database password (prefer LATCHKEY_DB_PASSWORD).")
    String dbPassword;
    @Option(names = "--config", description = "Optional properties file with settings (same names as the flags).")
    Path configFile;
    @Option(names = "--log-level", description = "error, warn, info or debug (default info).")
    String logLevel;
    @Option(names = "--crypto-provider", description = "JWT signature provider: auto (default), accp, conscrypt, bc or jdk.")
    String cryptoProvider;

    Map<String, String> flags() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(ConfigKey.HOST.key(), host);
        f.put(ConfigKey.PORT.key(), port);
        f.put(ConfigKey.PUBLIC_URL.key(), publicUrl);
        f.put(ConfigKey.DATA_DIR.key(), dataDir);
        f.put(ConfigKey.DB_URL.key(), dbUrl);
        f.put(ConfigKey.DB_USER.key(), dbUser);
        f.put(ConfigKey.DB_PASSWORD.key(), dbPassword);
        f.put(ConfigKey.LOG_LEVEL.key(), logLevel);
        f.put(ConfigKey.CRYPTO_PROVIDER.key(), cryptoProvider);
        return f;
    }

    @Override
    public Integer call() throws Exception {
        ServerConfig config = ServerConfig.load(flags(), System.getenv(), configFile);
        Logging.setLevel(config.get(ConfigKey.LOG_LEVEL));
        LatchkeyServer server;
        try {
            server = LatchkeyServer.start(config);
        } catch (IllegalStateException e) {
            System.err.println("latchkey: cannot start: " + e.getMessage());
            return 2;
        }
        System.out.println("Latchkey listening on " + server.baseUrl());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "latchkey-shutdown"));
        stopped.await();
        return 0;
    }
}
