package io.latchkey.core.project;

import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.principal.PrincipalType;

import java.util.List;
import java.util.Optional;

/**
 * Port: projects, their environments, members, principal policies and custom roles.
 *
 * @since 0.1
 */
public interface ProjectRepository {

    /** @throws io.latchkey.core.error.LatchkeyException {@code already_exists} when the slug is taken in the organization */
    void insert(Project project);

    Optional<Project> findById(String id);

    Optional<Project> findBySlug(String orgId, String slug);

    boolean update(Project project);

    boolean delete(String id);

    /**
     * Projects the principal owns or is a member of, ordered by id, starting after {@code afterId}
     * (exclusive, null for the start), at most {@code limit}.
     */
    List<Project> findForPrincipal(PrincipalType type, String principalId, String afterId, int limit);

    /** Projects of an organization, ordered by id. */
    List<Project> findByOrg(String orgId, String afterId, int limit);

    /** Increments the project's authorization version (call in the transaction that changed access). */
    void bumpAuthzVersion(String projectId);

    /** The current authorization version, or -1 when the project does not exist. */
    long authzVersion(String projectId);

    void insertEnvironment(Environment environment);

    List<Environment> findEnvironments(String projectId);

    Optional<Environment> findEnvironment(String projectId, String slug);

    Optional<Environment> findEnvironmentById(String projectId, String id);

    boolean updateEnvironment(Environment environment);

    boolean deleteEnvironment(String projectId, String id);

    /** @throws io.latchkey.core.error.LatchkeyException {@code already_exists} when already a member */
    void insertMember(ProjectMember member);

    Optional<ProjectMember> findMember(String projectId, PrincipalType type, String principalId);

    /** Members ordered by (type, id), after the given position (exclusive; nulls for the start). */
    List<ProjectMember> findMembers(String projectId, String afterKey, int limit);

    boolean updateMemberRoles(String projectId, PrincipalType type, String principalId, List<String> roles);

    boolean deleteMember(String projectId, PrincipalType type, String principalId);

    /** Projects a principal is a member of (any project, any organization). */
    List<String> findProjectIdsOfMember(PrincipalType type, String principalId);

    /** Removes the principal from every project, with its policies; returns the affected project ids. */
    List<String> deleteMemberEverywhere(PrincipalType type, String principalId);

    Optional<PolicyDocument> findPolicy(String projectId, PrincipalType type, String principalId);

    void putPolicy(String projectId, PrincipalType type, String principalId, PolicyDocument document);

    boolean deletePolicy(String projectId, PrincipalType type, String principalId);

    void insertRole(ProjectRole role);

    Optional<ProjectRole> findRole(String projectId, String slug);

    List<ProjectRole> findRoles(String projectId);

    boolean deleteRole(String projectId, String slug);
}
