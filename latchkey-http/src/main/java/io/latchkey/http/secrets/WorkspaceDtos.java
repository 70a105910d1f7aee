package io.latchkey.http.secrets;

import io.latchkey.core.authz.BuiltInRoles;
import io.latchkey.core.org.OrgPermission;
import io.latchkey.core.org.OrgRole;
import io.latchkey.core.org.OrganizationService.UserMember;
import io.latchkey.core.project.Environment;
import io.latchkey.core.project.Project;
import io.latchkey.core.project.ProjectMember;
import io.latchkey.core.project.WorkspaceService.IdentityMember;

import java.time.Instant;
import java.util.List;

/**
 * Request and response records of the secrets dialect's projects ("workspaces"), environments,
 * memberships and organizations (specs/infisical.md sections 6 and 7, seed 003). {@code workspaceId} and
 * {@code projectId} are the project's one id ({@code P} + 27 alphanumerics), the same as in the IAM dialect.
 *
 * @since 0.1
 */
public final class WorkspaceDtos {
    private WorkspaceDtos() {
    }

    // ---- projects ------------------------------------------------------------------------------

    public record CreateProjectRequest(String projectName, String type, String projectDescription, String slug,
                                       String template, String kmsKeyId) {
    }

    public record UpdateProjectRequest(String name, String description) {
    }

    public record EnvironmentRef(String id, String name, String slug) {
    }

    public record ProjectDto(String id, String _id, String name, String slug, String description, String type,
                             String orgId, int version, boolean autoCapitalization, List<EnvironmentRef> environments,
                             Instant createdAt, Instant updatedAt) {
        static ProjectDto of(Project p, List<Environment> environments) {
            return new ProjectDto(p.id(), p.id(), p.name(), p.slug(), p.description(), p.type().wire(), p.orgId(), 3, false,
                    environments.stream().map(e -> new EnvironmentRef(e.id(), e.name(), e.slug())).toList(),
                    p.createdAt(), p.updatedAt());
        }
    }

    // ---- environments --------------------------------------------------------------------------

    public record EnvironmentRequest(String name, String slug, Integer position) {
    }

    public record EnvironmentDto(String id, String name, String slug, int position, String projectId, Instant createdAt,
                                 Instant updatedAt) {
        static EnvironmentDto of(Environment e) {
            return new EnvironmentDto(e.id(), e.name(), e.slug(), e.position(), e.projectId(), e.createdAt(), e.updatedAt());
        }
    }

    /** E1, E3, E4 answer: the environment with the project it belongs to. */
    public record EnvironmentChange(String message, String workspace, String projectId, EnvironmentDto environment) {
        static EnvironmentChange of(String message, Environment e) {
            return new EnvironmentChange(message, e.projectId(), e.projectId(), EnvironmentDto.of(e));
        }
    }

    // ---- memberships ---------------------------------------------------------------------------

    public record InviteUsersRequest(List<String> emails, List<String> usernames, List<String> roleSlugs) {
    }

    public record UserProjectMembershipDto(String id, String userId, String projectId, String role, List<String> roles,
                                           String status, Instant createdAt, Instant updatedAt) {
        static UserProjectMembershipDto of(ProjectMember m) {
            return new UserProjectMembershipDto(SecretsAuthDtos.membershipId(m.projectId(), "user", m.principalId()),
                    m.principalId(), m.projectId(), m.roles().isEmpty() ? null : m.roles().get(0), m.roles(), "accepted",
                    m.createdAt(), m.updatedAt());
        }
    }

    /** MB2 role entry; temporary access is not supported. */
    public record RoleRequest(String role, Boolean isTemporary, String temporaryMode, String temporaryRange,
                              String temporaryAccessStartTime) {
    }

    public record IdentityMembershipRequest(String role, List<RoleRequest> roles) {
    }

    public record MembershipRoleDto(String id, String role, String customRoleId, String customRoleSlug,
                                    boolean isTemporary, Instant createdAt, Instant updatedAt) {
    }

    public record IdentityRef(String id, String name, List<String> authMethods) {
    }

    public record ProjectRef(String id, String name, String slug, String type) {
    }

    public record IdentityProjectMembershipDto(String id, String identityId, String projectId,
                                               List<MembershipRoleDto> roles, IdentityRef identity, ProjectRef project,
                                               Instant createdAt, Instant updatedAt) {
        static IdentityProjectMembershipDto of(IdentityMember m, Project p) {
            return of(m.member(), new IdentityRef(m.identity().id(), m.identity().name(), m.authMethods()), p);
        }

        static IdentityProjectMembershipDto of(ProjectMember m, IdentityRef identity, Project p) {
            List<MembershipRoleDto> roles = m.roles().stream().map(r -> new MembershipRoleDto(
                    SecretsAuthDtos.membershipId(m.projectId(), "role:" + r, m.principalId()), r, null,
                    BuiltInRoles.SLUGS.contains(r) ? null : r, false, m.createdAt(), m.updatedAt())).toList();
            return new IdentityProjectMembershipDto(SecretsAuthDtos.membershipId(m.projectId(), "identity", m.principalId()),
                    m.principalId(), m.projectId(), roles, identity,
                    p == null ? null : new ProjectRef(p.id(), p.name(), p.slug(), p.type().wire()), m.createdAt(), m.updatedAt());
        }
    }

    // ---- organizations -------------------------------------------------------------------------

    public record OrgRoleRequest(String slug, String name, String description, List<String> permissions) {
    }

    public record OrgRoleDto(String id, String orgId, String slug, String name, String description,
                             List<String> permissions, Instant createdAt, Instant updatedAt) {
        static OrgRoleDto of(OrgRole r) {
            return new OrgRoleDto(r.id(), r.orgId(), r.slug(), r.name(), r.description(),
                    r.permissions().stream().map(OrgPermission::wire).sorted().toList(), r.createdAt(), r.updatedAt());
        }
    }

    public record OrgRoleChangeRequest(String role) {
    }

    public record OrgUserDto(String id, String email, String username, String firstName, String lastName) {
    }

    public record OrgUserMembershipDto(String id, String userId, String orgId, String role, String status, OrgUserDto user,
                                       Instant createdAt, Instant updatedAt) {
        static OrgUserMembershipDto of(UserMember m) {
            return new OrgUserMembershipDto(m.user().id(), m.user().id(), m.membership().orgId(), m.membership().role(),
                    "accepted", new OrgUserDto(m.user().id(), m.user().email(), m.user().email(), m.user().displayName(), null),
                    m.membership().createdAt(), m.membership().updatedAt());
        }
    }
}
