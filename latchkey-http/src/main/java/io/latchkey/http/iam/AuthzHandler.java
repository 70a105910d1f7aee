package io.latchkey.http.iam;

import io.javalin.http.Context;
import io.latchkey.core.authz.AuthzCheckService;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.policy.Decision;
import io.latchkey.core.policy.DecisionOutcome;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.iam.IamDtos.BatchCheckInput;
import io.latchkey.http.iam.IamDtos.BatchCheckOutput;
import io.latchkey.http.iam.IamDtos.CheckInput;
import io.latchkey.http.iam.IamDtos.CheckOutput;
import io.latchkey.http.iam.IamDtos.DecidingStatement;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The authorization check (Latchkey extension): {@code POST /iam/v1/authz/check} and
 * {@code POST /iam/v1/authz/check-batch}. Answers {@code decision: Allow|Deny}, the outcome, the statement
 * that decided (null when none matched) and a decision id recorded in the audit log.
 *
 * @since 0.1
 */
public final class AuthzHandler {
    private final IamServices iam;
    private final Auth auth;

    public AuthzHandler(IamServices iam, Auth auth) {
        this.iam = Require.nonNull(iam, "iam");
        this.auth = Require.nonNull(auth, "auth");
    }

    public void check(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.ANY_BUT_ACCESS_KEY);
        CheckInput in = JsonBodies.read(ctx, CheckInput.class);
        ctx.json(render(iam.authz().check(actor, toCheck(in, ""), Requests.meta(ctx))));
    }

    public void checkBatch(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.ANY_BUT_ACCESS_KEY);
        BatchCheckInput in = JsonBodies.read(ctx, BatchCheckInput.class);
        if (in.requests() == null) {
            throw LatchkeyException.missingField("requests");
        }
        List<AuthzCheckService.Check> checks = new ArrayList<>();
        for (int i = 0; i < in.requests().size(); i++) {
            checks.add(toCheck(in.requests().get(i), "requests[" + i + "]."));
        }
        ctx.json(new BatchCheckOutput(iam.authz().checkBatch(actor, checks, Requests.meta(ctx)).stream()
                .map(AuthzHandler::render).toList()));
    }

    private static AuthzCheckService.Check toCheck(CheckInput in, String prefix) {
        if (in == null) {
            throw LatchkeyException.missingField(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1));
        }
        Instant time = null;
        String ip = null;
        if (in.context() != null) {
            ip = in.context().sourceIp();
            if (in.context().time() != null) {
                try {
                    time = Instant.parse(in.context().time());
                } catch (DateTimeParseException e) {
                    throw LatchkeyException.invalidField(prefix + "context.time", "context.time must be an ISO-8601 instant");
                }
            }
        }
        return new AuthzCheckService.Check(in.principal(), in.action(), in.resource(), ip, time);
    }

    private static CheckOutput render(AuthzCheckService.Result r) {
        Decision d = r.decision();
        DecidingStatement ds = d.deciding() == null ? null : new DecidingStatement(d.deciding().policyId(),
                d.deciding().index(), d.deciding().sid(), d.deciding().effect().wire());
        String reason = switch (d.outcome()) {
            case ALLOW -> "allowed by " + ds.policyId() + " statement " + ds.index();
            case EXPLICIT_DENY -> "denied by " + ds.policyId() + " statement " + ds.index();
            case NO_MATCH -> "no statement matched";
        };
        return new CheckOutput(d.outcome() == DecisionOutcome.ALLOW ? "Allow" : "Deny", d.outcome().name(), ds, reason,
                r.decisionId(), d.errors().stream().map(e -> e.message()).toList());
    }
}
