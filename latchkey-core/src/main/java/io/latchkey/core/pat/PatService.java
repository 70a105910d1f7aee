package io.latchkey.core.pat;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.ProjectRepository;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.Validate;
import io.latchkey.core.token.JwsAlgorithm;
import io.latchkey.core.token.TokenService;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Personal access tokens (IAM dialect T1-T6). A user manages only the tokens it owns; another user's token
 * answers "not found". Deleting a token revokes every session it holds and removes it from every project.
 *
 * @since 0.1
 */
public final class PatService {
    public static final int MAX_NAME = 100;

    private final Transactions transactions;
    private final PatRepository tokens;
    private final ProjectRepository projects;
    private final ClientKeys clientKeys;
    private final TokenService tokenService;
    private final AuditLog audit;
    private final Clock clock;

    public PatService(Transactions transactions, PatRepository tokens, ProjectRepository projects, ClientKeys clientKeys,
                      TokenService tokenService, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.tokens = Require.nonNull(tokens, "tokens");
        this.projects = Require.nonNull(projects, "projects");
        this.clientKeys = Require.nonNull(clientKeys, "clientKeys");
        this.tokenService = Require.nonNull(tokenService, "tokenService");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** The user on whose behalf the actor manages tokens: the user itself, or a token's owner. */
    public String ownerUserId(Actor actor) {
        if (actor.type() == PrincipalType.USER) {
            return actor.id();
        }
        if (actor.type() == PrincipalType.TOKEN) {
            return tokens.findById(actor.id()).map(PersonalAccessToken::ownerUserId)
                    .orElseThrow(() -> LatchkeyException.forbidden("the calling token no longer exists"));
        }
        throw LatchkeyException.forbidden("only users manage personal access tokens");
    }

    public PersonalAccessToken create(Actor actor, String name, String description, JwsAlgorithm algorithm,
                                      PublicKeyInfo keys, RequestMeta meta) {
        String owner = ownerUserId(actor);
        String n = Validate.name(name, "name", MAX_NAME);
        String d = Validate.optionalText(description, "description", 1000);
        if (algorithm == null) {
            throw LatchkeyException.missingField("authenticationMethod.signingAlgorithm");
        }
        PublicKeyInfo checked = clientKeys.validate(algorithm, keys, "authenticationMethod.publicKeyInfo");
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            PersonalAccessToken t = new PersonalAccessToken(Ids.uuid(), owner, n, d, algorithm, checked, now, now);
            tokens.insert(t);
            audit.record(AuditRecord.builder("token.create", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .target("token", t.id()).detail("algorithm", algorithm.name()));
            return t;
        });
    }

    public List<PersonalAccessToken> list(Actor actor, String afterId, int limit) {
        return tokens.findByOwner(ownerUserId(actor), afterId, limit);
    }

    /** The actor's own token; another user's token or an unknown id is "not found". */
    public PersonalAccessToken get(Actor actor, String id) {
        String owner = ownerUserId(actor);
        return tokens.findById(id == null ? "" : id).filter(t -> t.ownerUserId().equals(owner))
                .orElseThrow(() -> LatchkeyException.notFound("token", id));
    }

    /** Absent members stay unchanged; new key material is validated like at creation. */
    public PersonalAccessToken update(Actor actor, String id, String name, JwsAlgorithm algorithm, PublicKeyInfo keys,
                                      RequestMeta meta) {
        PersonalAccessToken t = get(actor, id);
        String n = name == null ? t.name() : Validate.name(name, "name", MAX_NAME);
        JwsAlgorithm alg = algorithm == null ? t.signingAlgorithm() : algorithm;
        PublicKeyInfo k = keys == null ? t.publicKeyInfo() : keys;
        PublicKeyInfo checked = (keys == null && algorithm == null) ? k
                : clientKeys.validate(alg, k, "authenticationMethod.publicKeyInfo");
        return transactions.inTransaction(() -> {
            PersonalAccessToken updated = t.with(n, alg, checked, clock.instant());
            tokens.update(updated);
            audit.record(AuditRecord.builder("token.update", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .target("token", t.id()).detail("keysChanged", Boolean.toString(keys != null || algorithm != null)));
            return updated;
        });
    }

    public void delete(Actor actor, String id, RequestMeta meta) {
        PersonalAccessToken t = get(actor, id);
        transactions.run(() -> {
            List<String> affected = projects.deleteMemberEverywhere(PrincipalType.TOKEN, t.id());
            for (String projectId : affected) {
                projects.bumpAuthzVersion(projectId);
            }
            tokens.delete(t.id());
            tokenService.revokeAllOf(PrincipalType.TOKEN, t.id());
            audit.record(AuditRecord.builder("token.delete", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .target("token", t.id()).detail("projects", Integer.toString(affected.size())));
        });
    }

    /** Project ids the token is a principal of, ordered, after the given id. */
    public List<String> projectIds(Actor actor, String id, String afterProjectId, int limit) {
        PersonalAccessToken t = get(actor, id);
        List<String> all = projects.findProjectIdsOfMember(PrincipalType.TOKEN, t.id());
        return all.stream().sorted().filter(p -> afterProjectId == null || p.compareTo(afterProjectId) > 0)
                .limit(limit).toList();
    }
}
