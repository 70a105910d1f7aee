package io.latchkey.http.iam;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.latchkey.core.pat.PersonalAccessToken;
import io.latchkey.core.pat.PublicKeyInfo;
import io.latchkey.core.policy.Effect;
import io.latchkey.core.policy.PolicyCondition;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.PolicyJson;
import io.latchkey.core.policy.PolicyStatement;
import io.latchkey.core.project.Project;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.http.common.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Request and response records of the IAM dialect, named as in specs/affinidi-iam.md section 4.
 *
 * @since 0.1
 */
public final class IamDtos {
    private IamDtos() {
    }

    /** {@code type} and {@code slug} are Latchkey extensions (project type of the secrets dialect). */
    public record CreateProjectInput(String name, String description, String type, String slug) {
    }

    public record UpdateProjectInput(String name, String description, Boolean identityVerificationEnabled) {
    }

    public record ProjectDto(String id, String name, String ownerId, String description,
                             boolean identityVerificationEnabled, String createdAt, String updatedAt, String type,
                             String slug, String orgId) {
        static ProjectDto of(Project p) {
            return new ProjectDto(p.id(), p.name(), p.ownerId(), p.description(), p.identityVerificationEnabled(),
                    p.createdAt().toString(), p.updatedAt().toString(), p.type().wire(), p.slug(), p.orgId());
        }
    }

    public record ProjectList(List<ProjectDto> projects, String lastEvaluatedKey) {
    }

    public record AddUserToProjectInput(String principalId, String principalType) {
    }

    public record PrincipalRecord(String principalId, String principalType) {
    }

    public record UserList(List<PrincipalRecord> records, String lastEvaluatedKey) {
    }

    /**
     * A statement; {@code condition} and {@code sid} are Latchkey extensions. A condition value may be a single
     * string or a list ({@link PolicyConditionsDeserializer}); it is always stored and returned as a list.
     */
    public record PolicyStatementDto(List<String> action, String effect, List<String> principal, List<String> resource,
                                     @JsonDeserialize(using = PolicyConditionsDeserializer.class)
                                     Map<String, Map<String, List<String>>> condition, String sid) {
    }

    public record PolicyDto(String version, List<PolicyStatementDto> statement, String name, String description,
                            String principalId, String projectId) {

        PolicyDocument toDocument() {
            if (version == null) {
                throw LatchkeyException.missingField("version");
            }
            if (statement == null) {
                throw LatchkeyException.missingField("statement");
            }
            List<PolicyStatement> out = new ArrayList<>();
            for (int i = 0; i < statement.size(); i++) {
                out.add(toStatement(statement.get(i), "statement[" + i + "]"));
            }
            return new PolicyDocument(null, version, name, description, out);
        }

        private static PolicyStatement toStatement(PolicyStatementDto s, String field) {
            if (s == null) {
                throw LatchkeyException.missingField(field);
            }
            List<PolicyCondition> conditions = new ArrayList<>();
            if (s.condition() != null) {
                s.condition().forEach((op, keys) -> {
                    if (keys == null) {
                        throw LatchkeyException.invalidField(field + ".condition." + op, "condition operators map keys to value lists");
                    }
                    keys.forEach((k, values) -> conditions.add(new PolicyCondition(op, k, values)));
                });
            }
            return new PolicyStatement(s.sid(), Effect.fromWire(s.effect(), field + ".effect"), require(s.principal(), field + ".principal"),
                    require(s.action(), field + ".action"), require(s.resource(), field + ".resource"), conditions);
        }

        private static List<String> require(List<String> v, String field) {
            if (v == null) {
                throw LatchkeyException.missingField(field);
            }
            return v;
        }

        static PolicyDto of(PolicyDocument d, String principalId, String projectId) {
            List<PolicyStatementDto> statements = new ArrayList<>();
            for (PolicyStatement s : d.statements()) {
                statements.add(new PolicyStatementDto(s.actions(), s.effect().wire(), s.principals(), s.resources(),
                        s.conditions().isEmpty() ? null : PolicyJson.conditions(s.conditions()), s.sid()));
            }
            return new PolicyDto(d.version(), statements, d.name(), d.description(), principalId, projectId);
        }
    }

    /** {@code publicKeyInfo}: exactly one of {@code jwks}, {@code jwksUri} or (extension) {@code pem}. */
    public record PublicKeyInfoDto(JsonNode jwks, String jwksUri, String pem) {
        PublicKeyInfo toInfo(String field) {
            int given = (jwks != null && !jwks.isNull() ? 1 : 0) + (jwksUri != null ? 1 : 0) + (pem != null ? 1 : 0);
            if (given != 1) {
                throw LatchkeyException.invalidField(field, field + " must hold exactly one of jwks, jwksUri or pem");
            }
            if (jwks != null && !jwks.isNull()) {
                if (!jwks.isObject()) {
                    throw LatchkeyException.invalidField(field + ".jwks", field + ".jwks must be a JWK set object");
                }
                return new PublicKeyInfo.Jwks(jwks.toString());
            }
            return jwksUri != null ? new PublicKeyInfo.JwksUri(jwksUri) : new PublicKeyInfo.Pem(pem);
        }

        static PublicKeyInfoDto of(PublicKeyInfo info) {
            if (info instanceof PublicKeyInfo.Jwks j) {
                try {
                    return new PublicKeyInfoDto(Json.mapper().readTree(j.json()), null, null);
                } catch (Exception e) {
                    throw new IllegalStateException("stored JWKS is not JSON", e);
                }
            }
            return info instanceof PublicKeyInfo.JwksUri u ? new PublicKeyInfoDto(null, u.uri(), null)
                    : new PublicKeyInfoDto(null, null, ((PublicKeyInfo.Pem) info).pem());
        }
    }

    public record AuthenticationMethodDto(String type, String signingAlgorithm, PublicKeyInfoDto publicKeyInfo) {
    }

    public record CreateTokenInput(String name, AuthenticationMethodDto authenticationMethod, String description) {
    }

    public record UpdateTokenInput(String name, AuthenticationMethodDto authenticationMethod) {
    }

    public record TokenDto(String id, String ari, String ownerAri, String name, AuthenticationMethodDto authenticationMethod,
                           List<String> scopes, String description, String createdAt, String updatedAt) {
        static TokenDto of(PersonalAccessToken t) {
            return new TokenDto(t.id(), "ari:iam:::token/" + t.id(), "ari:iam:::user/" + t.ownerUserId(), t.name(),
                    new AuthenticationMethodDto("PRIVATE_KEY", t.signingAlgorithm().name(),
                            PublicKeyInfoDto.of(t.publicKeyInfo())),
                    List.of(), t.description(), t.createdAt().toString(), t.updatedAt().toString());
        }
    }

    public record TokenList(List<TokenDto> tokens, String lastEvaluatedKey) {
    }

    public record ProjectWithPolicy(String id, String name, PolicyDto policy) {
    }

    public record ProjectWithPolicyList(List<ProjectWithPolicy> projects, String lastEvaluatedKey) {
    }

    public record CreateProjectScopedTokenInput(String projectId) {
    }

    public record CreateProjectScopedTokenOutput(String accessToken, long expiresIn, String scope) {
    }

    public record WhoamiDto(String principalId, String principalType, String projectId, String tokenUse, String expiresAt) {
    }

    /** Authorization check (Latchkey extension). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record CheckContext(String sourceIp, String time) {
    }

    public record CheckInput(String principal, String action, String resource, CheckContext context) {
    }

    public record BatchCheckInput(List<CheckInput> requests) {
    }

    public record DecidingStatement(String policyId, int index, String sid, String effect) {
    }

    public record CheckOutput(String decision, String outcome, DecidingStatement decidingStatement, String reason,
                              String decisionId, List<String> errors) {
    }

    public record BatchCheckOutput(List<CheckOutput> results) {
    }
}
