package io.latchkey.cli;

import io.latchkey.sdk.BootstrapRequest;
import io.latchkey.sdk.BootstrapResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code latchkey bootstrap}: initialises an empty instance and prints the instance-admin token once.
 *
 * @since 0.1
 */
@Command(name = "bootstrap", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Initialise an empty instance and print its admin token once.",
                "Creates the first organization, its owner, and an instance-admin machine identity whose",
                "token is printed once (store it in a secret manager).",
                "Missing values are prompted for; the password is read without echo."},
        footer = {"", "Examples:",
                "  latchkey bootstrap --email owner@example.com --organization Acme",
                "  latchkey bootstrap --server http://127.0.0.1:8400 --email owner@example.com --organization Acme",
                "  latchkey --json --no-input bootstrap --email owner@example.com --password \"$PW\" --organization Acme",
                "", "Passing --password on the command line exposes it to other users of the machine and to the",
                "shell history; prefer the prompt."})
final class BootstrapCommand extends LeafCommand {
    @Option(names = "--email", paramLabel = "<email>", description = "The owner's email.")
    String email;

    @Option(names = "--password", paramLabel = "<password>", description = "The owner's password (prompted when missing).")
    String password;

    @Option(names = "--organization", paramLabel = "<name>", description = "The organization's name.")
    String organization;

    @Override
    ExitCode run(CliSession s) {
        String mail = s.input(email, "--email", "Owner email");
        String org = s.input(organization, "--organization", "Organization");
        String pw = s.secret(password, "--password", "Owner password", true);
        BootstrapResponse r = s.anonymousClient().admin().bootstrap(new BootstrapRequest(mail, pw, org));
        s.saveProfile(s.profile().withServer(s.server()));
        Output out = s.output();
        // The response, token included, is the documented output of --json: the caller asked for it.
        out.result(r, () -> printText(out, r, s));
        return ExitCode.OK;
    }

    private static void printText(Output out, BootstrapResponse r, CliSession s) {
        out.line(out.green("Instance bootstrapped") + " at " + s.server() + ".");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Organization", r.organization() == null ? null : r.organization().name() + " (" + r.organization().id() + ")");
        f.put("Owner", r.user() == null ? null : r.user().email() + " (" + r.user().id() + ")");
        f.put("Admin identity", r.identity() == null ? null : r.identity().name() + " (" + r.identity().id() + ")");
        out.fields(f);
        out.line("");
        out.line(out.bold("Instance-admin token") + " (shown once, never again):");
        out.line(r.adminToken());
        out.warn("store this token in a secret manager now; it does not expire and can administer the whole"
                + " instance. Log in as the owner for everyday work: latchkey login --email " + r.user().email());
    }
}
