package io.latchkey.core.keys;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.crypto.RootKey;
import io.latchkey.core.instance.InstanceRepository;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.JwsAlgorithm;
import io.latchkey.core.token.TokenSettings;
import io.latchkey.core.tx.Transactions;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instance's signing keys: one active key per algorithm it signs with (ES256 for the IAM and secrets
 * dialects, RS256 for the access-key dialect), one pre-published next key per algorithm, and retired keys
 * kept published until every token they signed has expired.
 *
 * <p>Rotation is a deliberate operator command ({@link #rotate}): the next key becomes active, the active
 * key retires, and a new next key is published. Because the next key was published one rotation ahead,
 * verifiers that refresh their JWKS already know the new signing key. Trap: the IAM dialect's official
 * auth provider fetches the JWKS once per process and keeps {@code keys[0]}; a process started before a
 * rotation cannot verify tokens signed after it and stops refreshing. Operators must restart such clients
 * after rotating ES256, or not rotate ES256 while they run (docs/OPERATIONS.md).
 *
 * <p>Nodes share the ring through storage and {@link #refresh()} it on a schedule; the snapshot swap is a
 * volatile write, so signers never see a half-loaded ring.
 *
 * @since 0.1
 */
public final class KeyRing {
    static final String LOCK = "keyring";
    static final List<JwsAlgorithm> SIGNING_ALGORITHMS = List.of(JwsAlgorithm.ES256, JwsAlgorithm.RS256);

    private final SigningKeyRepository repository;
    private final InstanceRepository instance;
    private final Transactions transactions;
    private final RootKey rootKey;
    private final TokenSettings tokenSettings;
    private final AuditLog audit;
    private final Clock clock;
    private volatile KeyRingSnapshot snapshot = new KeyRingSnapshot(List.of());
    private volatile String loadedVersion = "";

    public KeyRing(SigningKeyRepository repository, InstanceRepository instance, Transactions transactions,
                   RootKey rootKey, TokenSettings tokenSettings, AuditLog audit, Clock clock) {
        this.repository = Require.nonNull(repository, "repository");
        this.instance = Require.nonNull(instance, "instance");
        this.transactions = Require.nonNull(transactions, "transactions");
        this.rootKey = Require.nonNull(rootKey, "rootKey");
        this.tokenSettings = Require.nonNull(tokenSettings, "tokenSettings");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    public KeyRingSnapshot snapshot() {
        return snapshot;
    }

    /** The stored keys (wrapped private halves included; callers show only public metadata). */
    public List<SigningKey> stored() {
        return repository.findAll();
    }

    /** Creates the active and next key of each algorithm where missing, then loads the ring. */
    public void initialize() {
        transactions.run(() -> {
            instance.lock(LOCK);
            List<SigningKey> existing = repository.findAll();
            for (JwsAlgorithm alg : SIGNING_ALGORITHMS) {
                if (existing.stream().noneMatch(k -> k.algorithm() == alg && k.status() == KeyStatus.ACTIVE)) {
                    repository.insert(generate(alg, KeyStatus.ACTIVE));
                }
                if (existing.stream().noneMatch(k -> k.algorithm() == alg && k.status() == KeyStatus.NEXT)) {
                    repository.insert(generate(alg, KeyStatus.NEXT));
                }
            }
        });
        reload();
    }

    /** Reloads the ring if another node changed it. Cheap when nothing changed. */
    public void refresh() {
        if (!repository.version().equals(loadedVersion)) {
            reload();
        }
    }

    /**
     * Rotates one algorithm: next becomes active, active retires (published for the longest token lifetime
     * plus the clock skew), and a new next key is created. Returns the keys as they are after rotation.
     */
    public List<SigningKey> rotate(JwsAlgorithm algorithm, Actor actor, RequestMeta meta) {
        if (!SIGNING_ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("the instance does not sign with " + algorithm);
        }
        List<SigningKey> result = transactions.inTransaction(() -> {
            instance.lock(LOCK);
            Instant now = clock.instant();
            List<SigningKey> keys = repository.findAll();
            SigningKey active = find(keys, algorithm, KeyStatus.ACTIVE);
            SigningKey next = find(keys, algorithm, KeyStatus.NEXT);
            if (next == null) {
                next = generate(algorithm, KeyStatus.NEXT);
                repository.insert(next);
            }
            if (active != null) {
                repository.updateStatus(active.withStatus(KeyStatus.RETIRED, active.activatedAt(), now,
                        now.plus(tokenSettings.longestTokenTtl()).plus(tokenSettings.clockSkew())));
            }
            repository.updateStatus(next.withStatus(KeyStatus.ACTIVE, now, null, null));
            SigningKey newNext = generate(algorithm, KeyStatus.NEXT);
            repository.insert(newNext);
            audit.record(AuditRecord.builder("keys.rotate", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                    .target("signing_key", next.kid())
                    .detail("algorithm", algorithm.name())
                    .detail("retiredKid", active == null ? null : active.kid())
                    .detail("nextKid", newNext.kid()));
            return repository.findAll();
        });
        reload();
        return result;
    }

    private static SigningKey find(List<SigningKey> keys, JwsAlgorithm alg, KeyStatus status) {
        return keys.stream().filter(k -> k.algorithm() == alg && k.status() == status).findFirst().orElse(null);
    }

    private void reload() {
        String version = repository.version();
        List<LoadedKey> loaded = new ArrayList<>();
        for (SigningKey k : repository.findAll()) {
            PrivateKey priv = k.status() == KeyStatus.ACTIVE ? privateKey(k) : null;
            loaded.add(new LoadedKey(k.kid(), k.algorithm(), k.status(), publicKey(k), priv, k.publishUntil()));
        }
        this.snapshot = new KeyRingSnapshot(loaded);
        this.loadedVersion = version;
    }

    private SigningKey generate(JwsAlgorithm alg, KeyStatus status) {
        try {
            KeyPairGenerator g;
            if (alg.isEc()) {
                g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec(alg == JwsAlgorithm.ES256 ? "secp256r1" : "secp521r1"));
            } else {
                g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
            }
            KeyPair pair = g.generateKeyPair();
            String kid = alg.name().toLowerCase(Locale.ROOT) + "-" + Ids.alphanumeric(16);
            byte[] wrapped = rootKey.wrap(pair.getPrivate().getEncoded(), context(kid));
            Instant now = clock.instant();
            return new SigningKey(kid, alg, status, wrapped, pair.getPublic().getEncoded(), now,
                    status == KeyStatus.ACTIVE ? now : null, null, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + alg + " key", e);
        }
    }

    private PrivateKey privateKey(SigningKey k) {
        try {
            byte[] der = rootKey.unwrap(k.privateKeyWrapped(), context(k.kid()));
            return KeyFactory.getInstance(k.algorithm().keyType()).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored private key " + k.kid() + " cannot be decoded", e);
        }
    }

    private static PublicKey publicKey(SigningKey k) {
        try {
            return KeyFactory.getInstance(k.algorithm().keyType()).generatePublic(new X509EncodedKeySpec(k.publicKeyDer()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored public key " + k.kid() + " cannot be decoded", e);
        }
    }

    private static String context(String kid) {
        return "signing-key:" + kid;
    }
}
