package io.latchkey.cli;

import io.latchkey.sdk.Credentials;
import io.latchkey.sdk.LatchkeyClient;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a command works with: the effective profile, server and token, SDK clients, the output and the
 * prompter. Resolution order:
 * <ul>
 *   <li>profile: {@code --profile}, {@code LATCHKEY_PROFILE}, {@code default};</li>
 *   <li>server: {@code --server}, {@code LATCHKEY_SERVER}, the profile's, {@code http://127.0.0.1:8400};</li>
 *   <li>token: {@code LATCHKEY_TOKEN}, else the profile's, but only when the profile was logged in to the
 *       same server, so that {@code --server} never sends a stored token somewhere else.</li>
 * </ul>
 *
 * @since 0.1
 */
final class CliSession {
    static final String DEFAULT_SERVER = "http://127.0.0.1:8400";
    static final String DEFAULT_PROFILE = "default";
    static final String TOKEN_VARIABLE = "LATCHKEY_TOKEN";

    private final GlobalOptions options;
    private final CliEnvironment env;
    private final ConfigStore store;
    private final Output output;

    CliSession(GlobalOptions options, CliEnvironment env) {
        this.options = Objects.requireNonNull(options, "options cannot be null");
        this.env = Objects.requireNonNull(env, "env cannot be null");
        this.store = ConfigStore.of(env);
        this.output = new Output(env.out(), env.err(), options.json, !options.noColor && env.colorCapable());
    }

    static CliSession of(CommandSpec spec) {
        return ((LatchkeyCommand) spec.root().userObject()).session();
    }

    /** The process clock. */
    java.time.Clock clock() {
        return env.clock();
    }

    Output output() {
        return output;
    }

    String profileName() {
        if (options.profile != null) {
            return options.profile;
        }
        String v = env.variable("LATCHKEY_PROFILE");
        return v != null ? v : DEFAULT_PROFILE;
    }

    Profile profile() {
        return store.load().profile(profileName());
    }

    void saveProfile(Profile profile) {
        store.save(store.load().with(profileName(), profile));
    }

    String server() {
        if (options.server != null) {
            return options.server;
        }
        String v = env.variable("LATCHKEY_SERVER");
        if (v != null) {
            return v;
        }
        String stored = profile().server();
        return stored != null ? stored : DEFAULT_SERVER;
    }

    /** The token for {@link #server()}, or null when not logged in there. */
    String token() {
        String fromEnv = env.variable(TOKEN_VARIABLE);
        if (fromEnv != null) {
            return fromEnv;
        }
        Profile p = profile();
        return p.token() != null && server().equals(p.server()) ? p.token() : null;
    }

    /** Where {@link #token()} came from, for whoami. */
    String tokenSource() {
        return env.variable(TOKEN_VARIABLE) != null ? TOKEN_VARIABLE : "profile " + profileName();
    }

    /** A client without credentials (bootstrap, login). */
    LatchkeyClient anonymousClient() {
        LatchkeyClient.Builder b = LatchkeyClient.builder().timeout(Duration.ofSeconds(30));
        try {
            b.baseUrl(server());
            if (options.allowPlainHttp) {
                b.allowPlainHttp();
            }
            if (env.transport() != null) {
                b.transport(env.transport());
            }
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException(ExitCode.USAGE, "--server " + server() + ": " + e.getMessage(),
                    e.getMessage().contains("plain http") ? "pass --allow-plain-http if the network is trusted" : null, e);
        }
    }

    /** A client with the stored (or LATCHKEY_TOKEN) credentials. */
    LatchkeyClient client() {
        String token = token();
        if (token == null) {
            throw new CliException(ExitCode.AUTH, "not logged in to " + server() + " (profile " + profileName() + ")",
                    "run: latchkey login" + (options.server != null ? " --server " + server() : ""));
        }
        try {
            return anonymousClient().withCredentials(Credentials.staticToken(token));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.AUTH, "the token from " + tokenSource() + " is not a Latchkey token",
                    "run: latchkey login", e);
        }
    }

    /** A value from its option, else from a prompt; never prompts under --no-input or without a terminal. */
    String input(String value, String option, String label) {
        if (value != null) {
            return value;
        }
        requirePrompt(option);
        String v = env.prompter().readLine(label + ": ");
        if (v == null || v.isBlank()) {
            throw new CliException(ExitCode.USAGE, "no " + label.toLowerCase(java.util.Locale.ROOT) + " given");
        }
        return v.trim();
    }

    /** A secret from its option, else read without echo; {@code confirm} asks twice (new passwords). */
    String secret(String value, String option, String label, boolean confirm) {
        if (value != null) {
            return value;
        }
        requirePrompt(option);
        char[] first = env.prompter().readSecret(label + ": ");
        if (first == null || first.length == 0) {
            throw new CliException(ExitCode.USAGE, "no " + label.toLowerCase(java.util.Locale.ROOT) + " given");
        }
        if (confirm) {
            char[] again = env.prompter().readSecret("Repeat " + label.toLowerCase(java.util.Locale.ROOT) + ": ");
            boolean same = Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new CliException(ExitCode.USAGE, "the two entries differ");
            }
        }
        String s = new String(first);
        Arrays.fill(first, '\0');
        return s;
    }

    /** Asks a yes/no question (default no), unless {@code assumeYes}. */
    boolean confirm(String question, boolean assumeYes, String yesOption) {
        if (assumeYes) {
            return true;
        }
        requirePrompt(yesOption);
        String a = env.prompter().readLine(question + " [y/N] ");
        return a != null && (a.trim().equalsIgnoreCase("y") || a.trim().equalsIgnoreCase("yes"));
    }

    private void requirePrompt(String option) {
        if (options.noInput) {
            throw new CliException(ExitCode.USAGE, "missing " + option + " (--no-input forbids prompting)");
        }
        if (!env.prompter().interactive()) {
            throw new CliException(ExitCode.USAGE, "missing " + option + ": there is no terminal to prompt on",
                    "pass " + option);
        }
    }
}
