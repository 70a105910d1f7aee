package io.latchkey.core.authz;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.Project;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.IssuedToken;
import io.latchkey.core.token.TokenService;
import io.latchkey.core.token.TokenUse;

/**
 * The security token service (IAM dialect S1): exchanges a user token or a personal access token's session
 * for a token bound to one project, when the principal owns or belongs to that project. A project that does
 * not exist answers exactly like one the principal does not belong to.
 *
 * @since 0.1
 */
public final class StsService {
    private final AccessControl access;
    private final TokenService tokens;
    private final AuditLog audit;

    public StsService(AccessControl access, TokenService tokens, AuditLog audit) {
        this.access = Require.nonNull(access, "access");
        this.tokens = Require.nonNull(tokens, "tokens");
        this.audit = Require.nonNull(audit, "audit");
    }

    public IssuedToken createProjectScopedToken(Actor actor, String projectId, RequestMeta meta) {
        if (projectId == null || projectId.isBlank()) {
            throw LatchkeyException.missingField("projectId");
        }
        if (actor.type() != PrincipalType.USER && actor.type() != PrincipalType.TOKEN) {
            throw LatchkeyException.forbidden("only users and personal access tokens obtain project-scoped tokens here");
        }
        Project project = access.memberProject(projectId, actor.type(), actor.id()).orElse(null);
        if (project == null) {
            audit.recordAsync(AuditRecord.builder("sts.project_token", AuditOutcome.DENIED).actor(actor).meta(meta)
                    .target("project", projectId).reason(ErrorCode.PRINCIPAL_NOT_IN_PROJECT.code()));
            throw LatchkeyException.of(ErrorCode.PRINCIPAL_NOT_IN_PROJECT, "the principal does not belong to project " + projectId);
        }
        IssuedToken t = tokens.issue(TokenService.request(TokenUse.PROJECT, actor.type(), actor.id())
                .orgId(project.orgId()).projectId(project.id()).scope("project:" + project.id()));
        audit.recordAsync(AuditRecord.builder("sts.project_token", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                .org(project.orgId()).project(project.id()).target("token", t.jti()));
        return t;
    }
}
