package io.latchkey.http.iam;

import io.latchkey.core.authz.AuthzCheckService;
import io.latchkey.core.authz.StsService;
import io.latchkey.core.pat.ClientAssertionService;
import io.latchkey.core.pat.PatService;
import io.latchkey.core.project.MemberService;
import io.latchkey.core.project.ProjectService;

/**
 * The core services behind the IAM dialect's projects, principals, policies, STS, tokens, token endpoint
 * and authorization checks.
 *
 * @since 0.1
 */
public record IamServices(ProjectService projects, MemberService members, PatService tokens, StsService sts,
                          ClientAssertionService clientAssertions, AuthzCheckService authz) {
}
