package io.latchkey.cli;

import io.latchkey.sdk.AuditEvent;
import io.latchkey.sdk.AuditFilter;
import io.latchkey.sdk.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code latchkey audit list|verify}: the audit log.
 *
 * @since 0.1
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Read the audit log and verify its hash chain.",
        subcommands = {AuditCommand.ListEvents.class, AuditCommand.Verify.class},
        footer = {"", "Examples:", "  latchkey audit list --outcome failure", "  latchkey audit verify"})
final class AuditCommand extends GroupCommand {

    /** {@code audit list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
            description = "List audit events of your organization, newest first (organization administrators).",
            footer = {"", "Examples:", "  latchkey audit list", "  latchkey audit list --action 'auth.*' --outcome failure",
                    "  latchkey audit list --from 2026-01-01T00:00:00Z --limit 500",
                    "  latchkey --json audit list --actor-id 5f0c... | jq '.events[].action'"})
    static final class ListEvents extends LeafCommand {
        @Option(names = "--project-id", paramLabel = "<id>", description = "Only events of this project.")
        String projectId;

        @Option(names = "--actor-id", paramLabel = "<id>", description = "Only events by this principal.")
        String actorId;

        @Option(names = "--action", paramLabel = "<action>", description = "Only this action; a trailing * matches a prefix (auth.*).")
        String action;

        @Option(names = "--outcome", paramLabel = "<outcome>", description = "success, failure or denied.")
        String outcome;

        @Option(names = "--from", paramLabel = "<instant>", description = "Events at or after this instant (ISO-8601, e.g. 2026-01-31T12:00:00Z).")
        String from;

        @Option(names = "--to", paramLabel = "<instant>", description = "Events before this instant.")
        String to;

        @Option(names = "--limit", paramLabel = "<n>", defaultValue = "100", description = "Show at most this many events (default 100).")
        int limit;

        @Override
        ExitCode run(CliSession s) {
            AuditFilter filter = AuditFilter.all().withProjectId(projectId).withActorId(actorId).withAction(action)
                    .withOutcome(outcome).withFrom(instant(from, "--from")).withTo(instant(to, "--to"))
                    .withPageSize(Math.max(1, Math.min(limit, 500)));
            List<AuditEvent> events = s.client().audit().list(filter).stream().limit(Math.max(0, limit)).toList();
            Output out = s.output();
            out.result(Map.of("events", events), () -> out.table(
                    List.of("SEQ", "TIME", "ACTION", "OUTCOME", "ACTOR", "TARGET", "SOURCE IP"),
                    events.stream().map(e -> Arrays.asList(Long.toString(e.seq()), Formats.time(e.occurredAt()), e.action(),
                            e.outcome(), join(e.actorType(), e.actorId()), join(e.targetType(), e.targetId()), e.sourceIp())).toList(),
                    "No events."));
            return ExitCode.OK;
        }

        private static Instant instant(String value, String option) {
            try {
                return value == null ? null : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new CliException(ExitCode.USAGE, option + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            }
        }

        private static String join(String type, String id) {
            return id == null ? type : type + ":" + id;
        }
    }

    /** {@code audit verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify the audit hash chain (exit code 9 when broken).",
                    "Recomputes the chain and reports the first altered, missing or reordered event",
                    "(instance administrator)."},
            footer = {"", "Examples:", "  latchkey audit verify", "  latchkey --json audit verify || alert-oncall"})
    static final class Verify extends LeafCommand {
        @Override
        ExitCode run(CliSession s) {
            AuditVerification v = s.client().audit().verify();
            Output out = s.output();
            out.result(v, () -> {
                if (v.valid()) {
                    out.line(out.green("Audit chain intact") + ": " + v.eventsChecked() + " events checked.");
                } else {
                    out.line(out.red("Audit chain BROKEN") + " at event #" + v.firstBrokenSeq() + ": " + v.problem()
                            + " (" + v.eventsChecked() + " events checked).");
                }
            });
            return v.valid() ? ExitCode.OK : ExitCode.AUDIT_BROKEN;
        }
    }
}
