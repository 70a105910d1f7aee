package io.latchkey.core.kms;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.authz.AccessControl;
import io.latchkey.core.authz.Aris;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.Project;
import io.latchkey.core.project.ProjectType;
import io.latchkey.core.secrets.ProjectDataKeys;
import io.latchkey.core.secrets.SecretScopes;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.Validate;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Project keys of the KMS (specs/infisical.md section 8, K1-K12, plus rotation): create, read, list,
 * update, delete, rotate; encrypt and decrypt with AES-GCM keys; sign and verify with RSA-4096 and P-256
 * keys; export public keys. Key material is generated here, sealed with the project's data key and never
 * leaves the server: responses carry ciphertexts, signatures and public keys only.
 *
 * <p>Rotation adds a version; new ciphertexts and signatures use the newest. Decryption picks the version
 * named in the ciphertext, verification tries every version newest first, so what older versions produced
 * keeps working.
 *
 * <p>Resource names: {@code ari:kms::<projectId>:key/<keyId>}; creating and listing ask about
 * {@code key/*}. Actions: {@code kms:CreateKey}, {@code kms:GetKey} (also signing algorithms),
 * {@code kms:ListKeys}, {@code kms:UpdateKey}, {@code kms:DeleteKey}, {@code kms:RotateKey},
 * {@code kms:Encrypt}, {@code kms:Decrypt}, {@code kms:Sign}, {@code kms:Verify}, {@code kms:GetPublicKey}.
 *
 * @since 0.1
 */
public final class KmsService {
    public static final int MAX_NAME = 32;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_PLAINTEXT = 4096;

    private final Transactions transactions;
    private final KmsKeyRepository keys;
    private final SecretScopes scopes;
    private final AccessControl access;
    private final ProjectDataKeys dataKeys;
    private final AuditLog audit;
    private final Clock clock;

    /** A page of keys with the total the query matched. */
    public record KeyPage(List<KmsKey> keys, int totalCount) {
    }

    /** A signature with the key and algorithm that made it (K9). */
    public record SignResult(byte[] signature, String keyId, SigningAlgorithm algorithm) {
    }

    public KmsService(Transactions transactions, KmsKeyRepository keys, SecretScopes scopes, AccessControl access,
                      ProjectDataKeys dataKeys, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.keys = Require.nonNull(keys, "keys");
        this.scopes = Require.nonNull(scopes, "scopes");
        this.access = Require.nonNull(access, "access");
        this.dataKeys = Require.nonNull(dataKeys, "dataKeys");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    public KmsKey create(Actor actor, String projectId, String name, String description, KeyUsage usage,
                         KmsAlgorithm algorithm, RequestMeta meta) {
        String keyName = keyName(name);
        String desc = Validate.optionalText(description, "description", MAX_DESCRIPTION);
        if (algorithm.usage() != usage) {
            throw LatchkeyException.field(ErrorCode.INVALID_REQUEST, "encryptionAlgorithm",
                    "encryptionAlgorithm " + algorithm.wire() + " cannot be used for keyUsage " + usage.wire());
        }
        Project project = kmsProject(actor, projectId, true);
        access.require(actor, project, "kms:CreateKey", ari(project.id(), "*"), meta);
        if (keys.findByName(project.id(), keyName).isPresent()) {
            throw duplicateName(keyName);
        }
        KmsCrypto.Material material = KmsCrypto.generate(algorithm);
        Instant now = clock.instant();
        KmsKey key = new KmsKey(Ids.uuid(), project.id(), project.orgId(), keyName, desc == null ? "" : desc, usage,
                algorithm, false, 1, now, now);
        return transactions.inTransaction(() -> {
            if (!keys.insert(key)) {
                throw duplicateName(keyName);
            }
            keys.insertVersion(seal(project, key, 1, material, now));
            record("kms.key.create", actor, project, key, meta);
            return key;
        });
    }

    public KmsKey get(Actor actor, String keyId, RequestMeta meta) {
        return authorized(actor, keyId, "kms:GetKey", meta).key();
    }

    public KmsKey getByName(Actor actor, String projectId, String name, RequestMeta meta) {
        Project project = kmsProject(actor, projectId, false);
        KmsKey key = keys.findByName(project.id(), name == null ? "" : name)
                .orElseThrow(() -> LatchkeyException.notFound("key", name));
        access.require(actor, project, "kms:GetKey", ari(project.id(), key.id()), meta);
        return key;
    }

    public KeyPage list(Actor actor, String projectId, String search, boolean byCreation, boolean descending, int offset,
                        int limit, RequestMeta meta) {
        Project project = kmsProject(actor, projectId, false);
        access.require(actor, project, "kms:ListKeys", ari(project.id(), "*"), meta);
        String s = search == null || search.isBlank() ? null : search.trim();
        return new KeyPage(keys.findByProject(project.id(), s, byCreation, descending, offset, limit), keys.count(project.id(), s));
    }

    /** Absent members stay unchanged. */
    public KmsKey update(Actor actor, String keyId, String name, Boolean disabled, String description, RequestMeta meta) {
        Located l = authorized(actor, keyId, "kms:UpdateKey", meta);
        String newName = name == null ? l.key().name() : keyName(name);
        String desc = description == null ? l.key().description() : Validate.optionalText(description, "description", MAX_DESCRIPTION);
        return transactions.inTransaction(() -> {
            if (!newName.equals(l.key().name()) && keys.findByName(l.project().id(), newName).isPresent()) {
                throw duplicateName(newName);
            }
            KmsKey updated = l.key().with(newName, desc, disabled == null ? l.key().disabled() : disabled, clock.instant());
            if (!keys.update(updated)) {
                throw LatchkeyException.notFound("key", keyId);
            }
            record("kms.key.update", actor, l.project(), updated, meta);
            return updated;
        });
    }

    /** Deletes the key with every version: what it encrypted can no longer be decrypted. */
    public KmsKey delete(Actor actor, String keyId, RequestMeta meta) {
        Located l = authorized(actor, keyId, "kms:DeleteKey", meta);
        transactions.run(() -> {
            keys.delete(l.key().id());
            record("kms.key.delete", actor, l.project(), l.key(), meta);
        });
        return l.key();
    }

    /** Adds a version with fresh material; earlier versions keep decrypting and verifying. */
    public KmsKey rotate(Actor actor, String keyId, RequestMeta meta) {
        Located l = authorized(actor, keyId, "kms:RotateKey", meta);
        KmsCrypto.Material material = KmsCrypto.generate(l.key().algorithm());
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            KmsKey current = keys.lockById(keyId).orElseThrow(() -> LatchkeyException.notFound("key", keyId));
            KmsKey rotated = current.rotated(now);
            keys.insertVersion(seal(l.project(), rotated, rotated.version(), material, now));
            keys.update(rotated);
            record("kms.key.rotate", actor, l.project(), rotated, meta);
            return rotated;
        });
    }

    public byte[] encrypt(Actor actor, String keyId, byte[] plaintext, RequestMeta meta) {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw LatchkeyException.invalidField("plaintext", "plaintext must be at most " + MAX_PLAINTEXT + " bytes");
        }
        Located l = usable(actor, keyId, "kms:Encrypt", KeyUsage.ENCRYPT_DECRYPT, meta);
        KmsKeyVersion v = version(l.key(), l.key().version());
        return KmsCrypto.encrypt(open(l, v), l.key().id(), v.version(), plaintext);
    }

    public byte[] decrypt(Actor actor, String keyId, byte[] ciphertext, RequestMeta meta) {
        Located l = usable(actor, keyId, "kms:Decrypt", KeyUsage.ENCRYPT_DECRYPT, meta);
        KmsKeyVersion v = keys.findVersion(l.key().id(), KmsCrypto.versionOf(ciphertext))
                .orElseThrow(KmsCrypto::invalidCiphertext);
        return KmsCrypto.decrypt(open(l, v), l.key().id(), ciphertext);
    }

    public SignResult sign(Actor actor, String keyId, byte[] data, SigningAlgorithm algorithm, boolean isDigest, RequestMeta meta) {
        Located l = usable(actor, keyId, "kms:Sign", KeyUsage.SIGN_VERIFY, meta);
        requireFits(l.key(), algorithm);
        byte[] digest = KmsCrypto.digest(algorithm, data, isDigest);
        KmsKeyVersion v = version(l.key(), l.key().version());
        return new SignResult(KmsCrypto.sign(l.key().algorithm(), open(l, v), algorithm, digest), l.key().id(), algorithm);
    }

    /** True when any version of the key made {@code signature} over the data; a bad signature is not an error. */
    public boolean verify(Actor actor, String keyId, byte[] data, byte[] signature, SigningAlgorithm algorithm, boolean isDigest,
                          RequestMeta meta) {
        Located l = usable(actor, keyId, "kms:Verify", KeyUsage.SIGN_VERIFY, meta);
        requireFits(l.key(), algorithm);
        byte[] digest = KmsCrypto.digest(algorithm, data, isDigest);
        for (KmsKeyVersion v : keys.findVersions(l.key().id())) {
            if (KmsCrypto.verify(l.key().algorithm(), v.publicKey(), algorithm, digest, signature)) {
                return true;
            }
        }
        return false;
    }

    public List<SigningAlgorithm> signingAlgorithms(Actor actor, String keyId, RequestMeta meta) {
        Located l = authorized(actor, keyId, "kms:GetKey", meta);
        requireUsage(l.key(), KeyUsage.SIGN_VERIFY);
        return SigningAlgorithm.forKey(l.key().algorithm());
    }

    /** The public key (X.509 SubjectPublicKeyInfo, DER) of the current version, or of {@code version}. */
    public byte[] publicKey(Actor actor, String keyId, Integer version, RequestMeta meta) {
        Located l = authorized(actor, keyId, "kms:GetPublicKey", meta);
        requireUsage(l.key(), KeyUsage.SIGN_VERIFY);
        return version(l.key(), version == null ? l.key().version() : version).publicKey();
    }

    /** A key with its project, after the access check. */
    private record Located(Project project, KmsKey key) {
    }

    private Located authorized(Actor actor, String keyId, String action, RequestMeta meta) {
        if (!Ids.isUuid(keyId)) {
            throw LatchkeyException.invalidField("keyId", "keyId must be a UUID");
        }
        KmsKey key = keys.findById(keyId).orElseThrow(() -> LatchkeyException.notFound("key", keyId));
        Project project = scopes.projectOf(actor, key.projectId(), false, "key", keyId);
        access.require(actor, project, action, ari(project.id(), key.id()), meta);
        return new Located(project, key);
    }

    private Located usable(Actor actor, String keyId, String action, KeyUsage usage, RequestMeta meta) {
        Located l = authorized(actor, keyId, action, meta);
        if (l.key().disabled()) {
            throw LatchkeyException.field(ErrorCode.INVALID_REQUEST, "keyId", "key " + l.key().name() + " is disabled");
        }
        requireUsage(l.key(), usage);
        return l;
    }

    private static void requireUsage(KmsKey key, KeyUsage usage) {
        if (key.usage() != usage) {
            throw LatchkeyException.field(ErrorCode.INVALID_REQUEST, "keyId",
                    "key " + key.name() + " is a " + key.usage().wire() + " key; this operation needs " + usage.wire());
        }
    }

    private static void requireFits(KmsKey key, SigningAlgorithm algorithm) {
        if (!algorithm.fits(key.algorithm())) {
            throw LatchkeyException.field(ErrorCode.INVALID_REQUEST, "signingAlgorithm",
                    "signingAlgorithm " + algorithm.name() + " does not fit a " + key.algorithm().wire() + " key");
        }
    }

    private Project kmsProject(Actor actor, String projectId, boolean fresh) {
        if (projectId == null || projectId.isBlank()) {
            throw LatchkeyException.missingField("projectId");
        }
        Project project = scopes.project(actor, projectId, null, fresh);
        if (project.type() != ProjectType.KMS) {
            throw LatchkeyException.field(ErrorCode.WRONG_PROJECT_TYPE, "projectId",
                    "KMS keys exist only in projects of type kms; this project is " + project.type().wire());
        }
        return project;
    }

    private KmsKeyVersion version(KmsKey key, int version) {
        return keys.findVersion(key.id(), version)
                .orElseThrow(() -> LatchkeyException.notFound("key version", Integer.toString(version)));
    }

    private KmsKeyVersion seal(Project project, KmsKey key, int version, KmsCrypto.Material material, Instant now) {
        return new KmsKeyVersion(key.id(), version, dataKeys.seal(project, material.secret(), context(project, key.id(), version)),
                material.publicKey(), now);
    }

    private byte[] open(Located l, KmsKeyVersion v) {
        return dataKeys.open(l.project(), v.sealedMaterial(), context(l.project(), v.keyId(), v.version()));
    }

    private static String context(Project project, String keyId, int version) {
        return "kms-key:" + project.id() + ":" + keyId + ":" + version;
    }

    private static String keyName(String name) {
        if (name == null || name.isBlank()) {
            throw LatchkeyException.missingField("name");
        }
        if (name.length() > MAX_NAME || !Validate.isSlug(name)) {
            throw LatchkeyException.invalidField("name", "name must be a slug (lower-case letters, digits and dashes) of 1 to "
                    + MAX_NAME + " characters");
        }
        return name;
    }

    private static LatchkeyException duplicateName(String name) {
        return LatchkeyException.field(ErrorCode.ALREADY_EXISTS, "name", "a key named " + name + " already exists in the project");
    }

    static String ari(String projectId, String keyId) {
        return Aris.resource("kms", projectId, "key", keyId);
    }

    private void record(String action, Actor actor, Project project, KmsKey key, RequestMeta meta) {
        audit.record(AuditRecord.builder(action, AuditOutcome.SUCCESS).actor(actor).meta(meta).org(project.orgId())
                .project(project.id()).target("kms-key", key.id()).detail("name", key.name())
                .detail("version", Integer.toString(key.version())));
    }
}
