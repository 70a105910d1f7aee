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
 *   <li>token: {@code LATCHKEY_TOKEN}, else a machine identity's universal-auth login with
 *       {@code LATCHKEY_CLIENT_ID} and {@code LATCHKEY_CLIENT_SECRET} (renewing itself, nothing stored), else
 *       the profile's, but only when the profile was logged in to the same server, so that {@code --server}
 *       never sends a stored token somewhere else.</li>
 * </ul>
 *
 * @since 0.1
 */
final class CliSession {
    static final String DEFAULT_SERVER = "http://127.0.0.1:8400";
    static final String DEFAULT_PROFILE = "default";
    static final String TOKEN_VARIABLE = "LATCHKEY_TOKEN";
    static final String CLIENT_ID_VARIABLE = "LATCHKEY_CLIENT_ID";
    static final String CLIENT_SECRET_VARIABLE = "LATCHKEY_CLIENT_SECRET";

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

    /** Whether a person is at a terminal (stdin and stdout), so that secrets shown there may be seen by others. */
    boolean interactive() {
        return env.prompter().interactive();
    }

    /** An environment variable, or null when unset or empty. */
    String variable(String name) {
        return env.variable(name);
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

    /** A client with the stored (or LATCHKEY_TOKEN, or LATCHKEY_CLIENT_ID/SECRET) credentials. */
    LatchkeyClient client() {
        if (env.variable(TOKEN_VARIABLE) == null && env.variable(CLIENT_ID_VARIABLE) != null
                && env.variable(CLIENT_SECRET_VARIABLE) != null) {
            return anonymousClient().withCredentials(Credentials.universalAuth(env.variable(CLIENT_ID_VARIABLE),
                    env.variable(CLIENT_SECRET_VARIABLE)));
        }
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

    /** The folder of the config file (keys that {@code token create-token -g} generates go below it). */
    java.nio.file.Path configDir() {
        return store.file().getParent();
    }

    /** Standard input (a document passed as {@code -}). */
    java.io.InputStream stdin() {
        return env.stdin();
    }

    /**
     * A client holding a project-scoped token for {@code projectId}, obtained from the STS with the stored
     * user token (the principals and policies of a project accept only such tokens).
     */
    LatchkeyClient projectClient(String projectId) {
        LatchkeyClient user = client();
        String token = user.sts().createProjectScopedToken(projectId).accessToken();
        return user.withCredentials(Credentials.staticToken(token, io.latchkey.sdk.AuthMode.PROJECT));
    }

    /**
     * An optional secret: its option, else (on a terminal, without --no-input) read without echo and asked
     * twice; null when none is given or the person leaves it empty.
     */
    char[] optionalSecret(String value, String label) {
        if (value != null) {
            return value.toCharArray();
        }
        if (options.noInput || !env.prompter().interactive()) {
            return null;
        }
        char[] first = env.prompter().readSecret(label + " (leave empty for none): ");
        if (first == null || first.length == 0) {
            return null;
        }
        char[] again = env.prompter().readSecret("Repeat " + label.toLowerCase(java.util.Locale.ROOT) + ": ");
        boolean same = Arrays.equals(first, again);
        if (again != null) {
            Arrays.fill(again, '\0');
        }
        if (!same) {
            Arrays.fill(first, '\0');
            throw new CliException(ExitCode.USAGE, "the two entries differ");
        }
        return first;
    }

    /** An optional value asked on the terminal; null when the person leaves it empty. */
    String optionalInput(String label) {
        if (!canPrompt()) {
            return null;
        }
        String v = env.prompter().readLine(label + ": ");
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** Whether prompting is possible (a terminal, and no --no-input). */
    boolean canPrompt() {
        return !options.noInput && env.prompter().interactive();
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
