package io.latchkey.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command accepts, before or after the command name ({@code latchkey --json user list}
 * or {@code latchkey user list --json}): picocli copies inherited options to every subcommand and sets
 * them on this one object.
 *
 * @since 0.1
 */
final class GlobalOptions {
    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "<url>", order = 100,
            description = "Server URL (default: LATCHKEY_SERVER, else the profile's, else " + CliSession.DEFAULT_SERVER + ").")
    String server;

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "<name>", order = 101,
            description = "Profile of the config file (default: LATCHKEY_PROFILE, else default).")
    String profile;

    @Option(names = "--json", scope = ScopeType.INHERIT, order = 102,
            description = "Print exactly one JSON document on stdout and nothing else; errors go to stderr as JSON.")
    boolean json;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, order = 103,
            description = "No colors (also when NO_COLOR is set or stdout is not a terminal).")
    boolean noColor;

    @Option(names = "--no-input", scope = ScopeType.INHERIT, order = 104,
            description = "Never prompt; a missing value is an error (exit code 2).")
    boolean noInput;

    @Option(names = "--allow-plain-http", scope = ScopeType.INHERIT, order = 105,
            description = "Allow http:// to a server on another machine (insecure: tokens and passwords cross the"
                    + " network in clear text).")
    boolean allowPlainHttp;
}
