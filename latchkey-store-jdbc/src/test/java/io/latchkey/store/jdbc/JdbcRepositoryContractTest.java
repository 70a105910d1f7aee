package io.latchkey.store.jdbc;

import io.latchkey.core.accesskey.AccessKey;
import io.latchkey.core.accesskey.CredentialStatus;
import io.latchkey.core.accesskey.KeyTenant;
import io.latchkey.core.accesskey.Tenant;
import io.latchkey.core.audit.AuditChain;
import io.latchkey.core.audit.AuditEvent;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditPage;
import io.latchkey.core.audit.AuditQuery;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.identity.ClientSecret;
import io.latchkey.core.identity.ClientSecretUse;
import io.latchkey.core.identity.IdentityAccessToken;
import io.latchkey.core.org.OrgMembership;
import io.latchkey.core.org.Organization;
import io.latchkey.core.pat.PersonalAccessToken;
import io.latchkey.core.pat.PublicKeyInfo;
import io.latchkey.core.pat.ReplayMark;
import io.latchkey.core.policy.Effect;
import io.latchkey.core.policy.PolicyCondition;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.PolicyStatement;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.project.Environment;
import io.latchkey.core.project.Project;
import io.latchkey.core.project.ProjectMember;
import io.latchkey.core.project.ProjectType;
import io.latchkey.core.ratelimit.AttemptCounter;
import io.latchkey.core.token.JwsAlgorithm;
import io.latchkey.core.token.Revocation;
import io.latchkey.core.token.RevocationKind;
import io.latchkey.core.user.User;
import io.latchkey.core.user.UserStatus;
import io.latchkey.core.keys.KeyStatus;
import io.latchkey.core.keys.SigningKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One contract suite for every JDBC repository, run against H2 and against PostgreSQL. */
class JdbcRepositoryContractTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123Z");

    private static Organization org(StoreFixture f, String id) {
        Organization o = new Organization(id, "Org " + id, "org-" + id, NOW, NOW);
        new JdbcOrganizationRepository(f.db).insert(o);
        return o;
    }

    private static User user(StoreFixture f, String id, String email) {
        User u = new User(id, email, null, "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", UserStatus.ACTIVE, false, NOW, NOW);
        new JdbcUserRepository(f.db).insert(u);
        return u;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void instancePutIfAbsentWhenRepeatedThenFirstWinsAndLockNeedsTransaction(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            JdbcInstanceRepository repo = new JdbcInstanceRepository(f.db);
            assertThat(repo.putIfAbsent("k", "v1")).isTrue();
            assertThat(repo.putIfAbsent("k", "v2")).isFalse();
            assertThat(repo.get("k")).contains("v1");
            repo.put("k", "v3");
            repo.put("other", "x");
            assertThat(repo.get("k")).contains("v3");
            assertThat(repo.get("other")).contains("x");
            f.db.run(() -> repo.lock("l"));
            assertThatThrownBy(() -> repo.lock("l")).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void transactionWhenWorkThrowsThenNothingIsWritten(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            assertThatThrownBy(() -> f.db.run(() -> {
                org(f, "o1");
                user(f, "u1", "a@example.com");
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(new JdbcOrganizationRepository(f.db).findById("o1")).isEmpty();
            assertThat(new JdbcUserRepository(f.db).findById("u1")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void textWithNulWhenLookedUpOrStoredThenInvalidRequestOnEveryBackend(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            JdbcUserRepository users = new JdbcUserRepository(f.db);
            assertThatThrownBy(() -> users.findByEmail("a\u0000@example.com"))
                    .isInstanceOfSatisfying(LatchkeyException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                        assertThat(e.getMessage()).isEqualTo(JdbcDatabase.NUL_IN_TEXT);
                    });
            assertThatThrownBy(() -> user(f, "u\u0000", "nul@example.com")).isInstanceOf(LatchkeyException.class);
            assertThat(users.findByEmail("nul@example.com")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void usersWhenEmailTakenInAnyCaseThenAlreadyExistsNamingEmail(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            Organization o = org(f, "o1");
            user(f, "u1", "Ada@Example.com");
            JdbcUserRepository users = new JdbcUserRepository(f.db);
            assertThat(users.findByEmail("ada@example.COM")).map(User::id).contains("u1");
            assertThatThrownBy(() -> user(f, "u2", "ada@example.com"))
                    .isInstanceOfSatisfying(LatchkeyException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
                        assertThat(e.field()).isEqualTo("email");
                    });
            JdbcOrganizationRepository orgs = new JdbcOrganizationRepository(f.db);
            for (int i = 0; i < 3; i++) {
                user(f, "p" + i, "p" + i + "@example.com");
                orgs.insertMembership(new OrgMembership(o.id(), PrincipalType.USER, "p" + i, "member", NOW, NOW));
            }
            assertThat(users.findByOrg(o.id(), null, 2)).extracting(User::id).containsExactly("p0", "p1");
            assertThat(users.findByOrg(o.id(), "p1", 2)).extracting(User::id).containsExactly("p2");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void signingKeysWhenChangedThenVersionChangesAndTimesRoundTrip(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            JdbcSigningKeyRepository keys = new JdbcSigningKeyRepository(f.db);
            String v0 = keys.version();
            SigningKey k = new SigningKey("kid1", JwsAlgorithm.ES256, KeyStatus.NEXT, new byte[] {1, 2, 3}, new byte[] {4, 5}, NOW, null, null, null);
            keys.insert(k);
            String v1 = keys.version();
            assertThat(v1).isNotEqualTo(v0);
            keys.updateStatus(k.withStatus(KeyStatus.ACTIVE, NOW, null, NOW.plusSeconds(60)));
            assertThat(keys.version()).isNotEqualTo(v1);
            SigningKey read = keys.findAll().get(0);
            assertThat(read.status()).isEqualTo(KeyStatus.ACTIVE);
            assertThat(read.activatedAt()).isEqualTo(NOW);
            assertThat(read.publishUntil()).isEqualTo(NOW.plusSeconds(60));
            assertThat(read.privateKeyWrapped()).containsExactly(1, 2, 3);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void revocationsWhenSavedTwiceThenOneEntryAndPurgeDropsExpired(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            JdbcRevocationRepository repo = new JdbcRevocationRepository(f.db);
            repo.save(new Revocation(RevocationKind.JTI, "j1", NOW, NOW.plusSeconds(10)));
            repo.save(new Revocation(RevocationKind.JTI, "j1", NOW.plusSeconds(1), NOW.plusSeconds(20)));
            repo.save(new Revocation(RevocationKind.SUBJECT, "user:u1", NOW, null));
            List<Revocation> all = repo.listRevokedSince(Instant.EPOCH);
            assertThat(all).hasSize(2);
            assertThat(repo.listRevokedSince(NOW.plusMillis(500))).extracting(Revocation::value).containsExactly("j1");
            assertThat(repo.purgeExpired(NOW.plusSeconds(30))).isEqualTo(1);
            assertThat(repo.listRevokedSince(Instant.EPOCH)).extracting(Revocation::value).containsExactly("user:u1");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void attemptCountersWhenFailuresInWindowThenCountedAndResetAfterWindow(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            JdbcAttemptCounterRepository repo = new JdbcAttemptCounterRepository(f.db);
            Duration window = Duration.ofMinutes(1);
            assertThat(repo.recordFailure("k", NOW, window).failures()).isEqualTo(1);
            assertThat(repo.recordFailure("k", NOW.plusSeconds(10), window).failures()).isEqualTo(2);
            AttemptCounter fresh = repo.recordFailure("k", NOW.plusSeconds(120), window);
            assertThat(fresh.failures()).isEqualTo(1);
            assertThat(fresh.windowStart()).isEqualTo(NOW.plusSeconds(120));
            repo.lockUntil("k", NOW.plusSeconds(300));
            assertThat(repo.find("k")).map(AttemptCounter::lockedUntil).contains(NOW.plusSeconds(300));
            repo.reset("k");
            assertThat(repo.find("k")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void auditWhenAppendedConcurrentlyThenOneContiguousValidChain(Dialect d) throws Exception {
        try (StoreFixture f = StoreFixture.open(d)) {
            JdbcAuditRepository repo = new JdbcAuditRepository(f.db);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        AuditRecord r = AuditRecord.builder("test.event", AuditOutcome.SUCCESS).org("o" + (thread % 2))
                                .detail("n", Integer.toString(i)).build(NOW);
                        f.db.inTransaction(() -> repo.append(List.of(r, r)));
                    }
                }));
            }
            for (Future<?> fu : futures) {
                fu.get();
            }
            pool.shutdown();
            List<AuditEvent> events = new ArrayList<>();
            repo.forEachInOrder(Long.MAX_VALUE, events::add);
            assertThat(events).hasSize(80);
            String prev = AuditChain.GENESIS;
            for (int i = 0; i < events.size(); i++) {
                AuditEvent e = events.get(i);
                assertThat(e.seq()).isEqualTo(i + 1);
                assertThat(e.prevHash()).isEqualTo(prev);
                assertThat(AuditChain.hash(e.prevHash(), e.seq(), e.id(), e.record())).isEqualTo(e.hash());
                prev = e.hash();
            }
            assertThat(repo.headPointer()).containsExactly("80", prev);
            AuditPage page = repo.query(new AuditQuery("o1", null, null, "test.*", null, null, null, null, 5));
            assertThat(page.events()).hasSize(5).allSatisfy(e -> assertThat(e.record().orgId()).isEqualTo("o1"));
            assertThat(page.nextBeforeSeq()).isNotNull();
            AuditPage next = repo.query(new AuditQuery("o1", null, null, null, null, null, null, page.nextBeforeSeq(), 100));
            assertThat(next.events()).hasSize(35);
            assertThat(next.nextBeforeSeq()).isNull();
        }
    }

    /** Each instance extends the chain from the head it wrote last; another node's append or a rollback moves it. */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void auditWhenTwoNodesAppendInTurnOrOneRollsBackThenTheChainStaysContiguous(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            JdbcAuditRepository node1 = new JdbcAuditRepository(f.db);
            JdbcAuditRepository node2 = new JdbcAuditRepository(f.db);
            AuditRecord r = AuditRecord.builder("test.event", AuditOutcome.SUCCESS).org("o1").build(NOW);
            f.db.inTransaction(() -> node1.append(List.of(r, r)));
            f.db.inTransaction(() -> node1.append(List.of(r)));
            f.db.inTransaction(() -> node2.append(List.of(r)));
            assertThat(f.db.inTransaction(() -> node1.append(List.of(r))).get(0).seq()).as("after node 2's").isEqualTo(5);
            assertThatThrownBy(() -> f.db.inTransaction(() -> {
                node1.append(List.of(r, r));
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");
            assertThat(f.db.inTransaction(() -> node1.append(List.of(r))).get(0).seq()).as("after the rollback").isEqualTo(6);
            f.db.inTransaction(() -> node2.append(List.of(r)));
            List<AuditEvent> events = new ArrayList<>();
            node1.forEachInOrder(Long.MAX_VALUE, events::add);
            assertThat(events).extracting(AuditEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            String prev = AuditChain.GENESIS;
            for (AuditEvent e : events) {
                assertThat(e.prevHash()).isEqualTo(prev);
                assertThat(AuditChain.hash(e.prevHash(), e.seq(), e.id(), e.record())).isEqualTo(e.hash());
                prev = e.hash();
            }
            assertThat(node2.headPointer()).containsExactly("7", prev);
        }
    }

    /** A key is read in one statement with its tenants and roles; none of another key's may join it. */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void accessKeysWhenReadThenOneKeyWithItsOwnAssociationsInOrder(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            Organization o = org(f, "o1");
            new JdbcProjectRepository(f.db).insert(new Project("P1", o.id(), "One", "one", null, ProjectType.SECRET_MANAGER,
                    PrincipalType.USER, "u1", false, new byte[] {9}, 0, NOW, NOW));
            JdbcTenantRepository tenants = new JdbcTenantRepository(f.db);
            tenants.insert(new Tenant("P1", "tb", "Bravo", null, NOW));
            tenants.insert(new Tenant("P1", "ta", "Alpha", null, NOW));
            JdbcAccessKeyRepository keys = new JdbcAccessKeyRepository(f.db);
            keys.insert(accessKey("k1", List.of("Writer", "Reader"), List.of(
                    new KeyTenant("tb", null, List.of("Tenant Admin")), new KeyTenant("ta", null, List.of()))), "hash-1");
            keys.insert(accessKey("k2", List.of("Other"), List.of(new KeyTenant("ta", null, List.of("Other Admin")))), "hash-2");
            keys.insert(accessKey("k3", List.of(), List.of()), "hash-3");

            AccessKey k1 = keys.findBySecretHash("hash-1").orElseThrow();
            assertThat(k1.id()).isEqualTo("k1");
            assertThat(k1.name()).isEqualTo("key k1");
            assertThat(k1.roleNames()).as("stored order, not sorted").containsExactly("Writer", "Reader");
            assertThat(k1.keyTenants()).containsExactly(new KeyTenant("tb", "Bravo", List.of("Tenant Admin")),
                    new KeyTenant("ta", "Alpha", List.of()));
            for (AccessKey same : List.of(keys.findById("P1", "k1").orElseThrow(), keys.findUnscoped("k1").orElseThrow())) {
                assertThat(same.roleNames()).isEqualTo(k1.roleNames());
                assertThat(same.keyTenants()).isEqualTo(k1.keyTenants());
            }
            AccessKey k3 = keys.findBySecretHash("hash-3").orElseThrow();
            assertThat(k3.roleNames()).isEmpty();
            assertThat(k3.keyTenants()).isEmpty();
            assertThat(keys.findBySecretHash("hash-none")).isEmpty();
            assertThat(keys.findById("P2", "k1")).as("another project's id").isEmpty();
        }
    }

    private static AccessKey accessKey(String id, List<String> roles, List<KeyTenant> keyTenants) {
        return AccessKey.builder().id(id).projectId("P1").name("key " + id).status(CredentialStatus.ACTIVE)
                .createdBy("u1").roleNames(roles).keyTenants(keyTenants).createdAt(NOW).updatedAt(NOW).build();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void projectsWhenMembersPoliciesAndDeleteThenRoundTripAndCascade(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            Organization o = org(f, "o1");
            JdbcProjectRepository repo = new JdbcProjectRepository(f.db);
            Project p = new Project("P1", o.id(), "One", "one", null, ProjectType.SECRET_MANAGER, PrincipalType.USER, "u1",
                    false, new byte[] {9}, 0, NOW, NOW);
            repo.insert(p);
            assertThatThrownBy(() -> repo.insert(new Project("P2", o.id(), "Two", "one", null, ProjectType.KMS,
                    PrincipalType.USER, "u1", false, new byte[] {9}, 0, NOW, NOW)))
                    .isInstanceOfSatisfying(LatchkeyException.class, e -> assertThat(e.field()).isEqualTo("slug"));
            repo.insertEnvironment(new Environment("e1", "P1", "Development", "dev", 1, NOW, NOW));
            repo.insertMember(new ProjectMember("P1", PrincipalType.TOKEN, "t1", List.of(), NOW, NOW));
            repo.insertMember(new ProjectMember("P1", PrincipalType.IDENTITY, "i1", List.of("admin"), NOW, NOW));
            assertThat(repo.findMembers("P1", null, 10)).extracting(ProjectMember::principalId).containsExactly("i1", "t1");
            assertThat(repo.findMembers("P1", "identity|i1", 10)).extracting(ProjectMember::principalId).containsExactly("t1");
            PolicyDocument doc = new PolicyDocument("x", "2022-12-15", "n", null, List.of(new PolicyStatement(null, Effect.ALLOW,
                    List.of("ari:iam::P1:token/t1"), List.of("*"), List.of("*"),
                    List.of(new PolicyCondition("IpAddress", "lk:SourceIp", List.of("10.0.0.0/8"))))));
            repo.putPolicy("P1", PrincipalType.TOKEN, "t1", doc);
            repo.putPolicy("P1", PrincipalType.TOKEN, "t1", doc);
            assertThat(repo.findPolicy("P1", PrincipalType.TOKEN, "t1")).contains(doc);
            long v = repo.authzVersion("P1");
            repo.bumpAuthzVersion("P1");
            assertThat(repo.authzVersion("P1")).isEqualTo(v + 1);
            assertThat(repo.findForPrincipal(PrincipalType.TOKEN, "t1", null, 10)).extracting(Project::id).containsExactly("P1");
            assertThat(repo.findForPrincipal(PrincipalType.USER, "u1", null, 10)).extracting(Project::id).containsExactly("P1");
            assertThat(repo.deleteMemberEverywhere(PrincipalType.TOKEN, "t1")).containsExactly("P1");
            assertThat(repo.findPolicy("P1", PrincipalType.TOKEN, "t1")).isEmpty();
            assertThat(repo.delete("P1")).isTrue();
            assertThat(repo.findEnvironments("P1")).isEmpty();
            assertThat(repo.findMember("P1", PrincipalType.IDENTITY, "i1")).isEmpty();
            assertThat(repo.authzVersion("P1")).isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void patsAndReplayCacheWhenUsedThenRoundTripAndJtiOnce(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            org(f, "o1");
            user(f, "u1", "u@example.com");
            JdbcPatRepository pats = new JdbcPatRepository(f.db);
            PersonalAccessToken t = pat("t1", "ci", JwsAlgorithm.RS256, NOW);
            pats.insert(t);
            assertThat(pats.findById("t1")).contains(t);
            assertThat(pats.findByOwner("u1", null, 10)).containsExactly(t);
            JdbcAssertionReplayRepository replays = new JdbcAssertionReplayRepository(f.db);
            assertThat(mark(replays, "t1", NOW, "h")).isTrue();
            assertThat(mark(replays, "t1", NOW, "h")).as("replay").isFalse();
            assertThat(mark(replays, "t1", NOW, "h2")).isTrue();
            assertThat(mark(replays, "t1", NOW.minusSeconds(1), "h3")).as("client changed").isFalse();
            assertThat(mark(replays, "t2", NOW, "h")).as("no such client").isFalse();
            PersonalAccessToken second = pat("t2", "ci2", JwsAlgorithm.ES256, NOW.plusNanos(123_456_000));
            pats.insert(second);
            Instant version = pats.findById("t2").orElseThrow().updatedAt();
            assertThat(mark(replays, "t2", version, "h")).as("the version as read back").isTrue();
            assertThat(replays.purgeExpired(NOW.plus(1, ChronoUnit.HOURS))).isEqualTo(3);
            assertThat(pats.delete("t1")).isTrue();
            assertThat(pats.findById("t1")).isEmpty();
            assertThat(mark(replays, "t1", NOW, "h4")).as("client deleted").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void replayMarksWhenKeyedByExpiryThenAReplayIsRefusedAndThePurgeGoesByExp(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            JdbcAssertionReplayRepository replays = replaysOfPatT1(f);
            Instant exp = NOW.plusSeconds(300);
            assertThat(mark(replays, "t1", NOW, "j1", exp)).isTrue();
            assertThat(mark(replays, "t1", NOW, "j1", exp)).as("a replay: the same assertion, so the same exp").isFalse();
            assertThat(mark(replays, "t1", NOW, "j1", exp.plusSeconds(1)))
                    .as("the same jti in another assertion (another exp) is another mark").isTrue();
            assertThat(mark(replays, "t1", NOW, "j2", exp.minusSeconds(200))).isTrue();
            assertThat(replays.purgeExpired(exp)).as("marks of assertions expired before the horizon").isEqualTo(1);
            assertThat(mark(replays, "t1", NOW, "j1", exp)).as("a mark at the horizon stays").isFalse();
            assertThat(replays.purgeExpired(exp.plusSeconds(2))).isEqualTo(2);
            assertThat(mark(replays, "t1", NOW, "j1", exp)).as("purged, so marked again").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void replayMarksWhenWrittenBeforeV7ThenStillRefuseTheirJtiUntilPurged(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            JdbcAssertionReplayRepository replays = replaysOfPatT1(f);
            // Before V7 a mark was (client, jti hash) with the assertion's exp plus the writer's clock skew.
            f.db.update("INSERT INTO assertion_jtis (client_id, jti_hash, expires_at) VALUES (?, ?, ?)",
                    "t1", "old", NOW.plusSeconds(360));
            assertThat(mark(replays, "t1", NOW, "old", NOW.plusSeconds(300))).as("replayed across the upgrade").isFalse();
            assertThat(replays.purgeExpired(NOW.plusSeconds(359))).isZero();
            assertThat(replays.purgeExpired(NOW.plusSeconds(361))).isEqualTo(1);
            assertThat(mark(replays, "t1", NOW, "old", NOW.plusSeconds(300))).isTrue();
        }
    }

    /** The replay cache over a store holding organization o1, its user u1 and u1's PAT t1 (RS256, at NOW). */
    private static JdbcAssertionReplayRepository replaysOfPatT1(StoreFixture f) {
        org(f, "o1");
        user(f, "u1", "u@example.com");
        new JdbcPatRepository(f.db).insert(pat("t1", "ci", JwsAlgorithm.RS256, NOW));
        return new JdbcAssertionReplayRepository(f.db);
    }

    /** A PAT of user u1 with a JWKS URI, created at NOW. */
    private static PersonalAccessToken pat(String id, String name, JwsAlgorithm algorithm, Instant updatedAt) {
        return new PersonalAccessToken(id, "u1", name, null, algorithm,
                new PublicKeyInfo.JwksUri("https://example.com/jwks"), NOW, updatedAt);
    }

    private static boolean mark(JdbcAssertionReplayRepository replays, String clientId, Instant version, String jtiHash) {
        return mark(replays, clientId, version, jtiHash, NOW.plusSeconds(60));
    }

    private static boolean mark(JdbcAssertionReplayRepository replays, String clientId, Instant version, String jtiHash,
            Instant exp) {
        return replays.markUsed(List.of(new ReplayMark(clientId, version, jtiHash, exp))).get(0);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void replayMarksWhenSentTogetherThenEachAnsweredAsIfAlone(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            org(f, "o1");
            user(f, "u1", "u@example.com");
            JdbcPatRepository pats = new JdbcPatRepository(f.db);
            pats.insert(pat("t1", "ci", JwsAlgorithm.RS256, NOW));
            JdbcAssertionReplayRepository replays = new JdbcAssertionReplayRepository(f.db);
            Instant keep = NOW.plusSeconds(60);
            List<Boolean> marked = f.db.inTransaction(() -> replays.markUsed(List.of(
                    new ReplayMark("t1", NOW, "a", keep),
                    new ReplayMark("t1", NOW, "b", keep),
                    new ReplayMark("t1", NOW, "a", keep),
                    new ReplayMark("t1", NOW.minusSeconds(1), "c", keep),
                    new ReplayMark("t9", NOW, "d", keep))));
            assertThat(marked).as("new, new, replayed within the batch, client changed, no such client")
                    .containsExactly(true, true, false, false, false);
            assertThat(mark(replays, "t1", NOW, "b")).as("committed").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void clientSecretUsesWhenSentTogetherThenCountedInOrderUpToTheLimit(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            org(f, "o1");
            JdbcIdentityRepository ids = new JdbcIdentityRepository(f.db);
            ids.insert(identity("i1"));
            JdbcIdentityAuthRepository auth = new JdbcIdentityAuthRepository(f.db);
            auth.insertClientSecret(new ClientSecret("cs1", "i1", "", "abc", "hash1", 0, 2, 0, false, NOW, NOW));
            auth.insertClientSecret(new ClientSecret("cs2", "i1", "", "def", "hash2", 0, 0, 0, false, NOW, NOW));
            Instant later = NOW.plusSeconds(5);
            List<Boolean> counted = f.db.inTransaction(() -> auth.consumeClientSecretUses(List.of(
                    new ClientSecretUse("cs1", later), new ClientSecretUse("cs2", later),
                    new ClientSecretUse("cs1", later), new ClientSecretUse("cs1", later),
                    new ClientSecretUse("nope", later))));
            assertThat(counted).as("limit 2: the third use of cs1 is refused; cs2 has no limit; unknown secret")
                    .containsExactly(true, true, true, false, false);
            assertThat(auth.findClientSecret("i1", "cs1").orElseThrow().numUses()).isEqualTo(2);
            assertThat(auth.findClientSecret("i1", "cs2").orElseThrow().numUses()).isEqualTo(1);
            assertThat(auth.revokeClientSecret("i1", "cs2", later)).isTrue();
            assertThat(auth.consumeClientSecretUses(List.of(new ClientSecretUse("cs2", later))))
                    .as("revoked").containsExactly(false);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void clientSecretUsesWhenOneSecretIsUsedManyTimesThenCountedAsIfOneByOne(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            org(f, "o1");
            new JdbcIdentityRepository(f.db).insert(identity("i1"));
            JdbcIdentityAuthRepository auth = new JdbcIdentityAuthRepository(f.db);
            auth.insertClientSecret(new ClientSecret("cs1", "i1", "", "abc", "hash1", 0, 5, 0, false, NOW, NOW));
            auth.insertClientSecret(new ClientSecret("cs2", "i1", "", "def", "hash2", 0, 0, 0, false, NOW, NOW));
            Instant t1 = NOW.plusSeconds(1);
            Instant t2 = NOW.plusSeconds(2);
            ClientSecretUse a1 = new ClientSecretUse("cs1", t2);
            ClientSecretUse a2 = new ClientSecretUse("cs1", t1);
            ClientSecretUse b = new ClientSecretUse("cs2", t1);
            assertThat(f.db.inTransaction(() -> auth.consumeClientSecretUses(List.of(a1, b, a2, a1, b, b))))
                    .as("three of cs1 under its limit of 5, three of cs2 without a limit")
                    .containsExactly(true, true, true, true, true, true);
            ClientSecret cs1 = auth.findClientSecret("i1", "cs1").orElseThrow();
            assertThat(cs1.numUses()).isEqualTo(3);
            assertThat(cs1.updatedAt()).as("the latest use").isEqualTo(t2);
            assertThat(auth.findClientSecret("i1", "cs2").orElseThrow().numUses()).isEqualTo(3);
            assertThat(f.db.inTransaction(() -> auth.consumeClientSecretUses(List.of(a1, a1, b, a1))))
                    .as("two uses left of cs1: the third is refused").containsExactly(true, true, true, false);
            assertThat(auth.findClientSecret("i1", "cs1").orElseThrow().numUses()).isEqualTo(5);
            assertThat(auth.revokeClientSecret("i1", "cs2", t2)).isTrue();
            assertThat(f.db.inTransaction(() -> auth.consumeClientSecretUses(List.of(b, b))))
                    .as("revoked").containsExactly(false, false);
            assertThat(auth.findClientSecret("i1", "cs2").orElseThrow().numUses()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void identitySessionsWhenInsertedTogetherThenEachStoredAndAFailureStoresNone(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            org(f, "o1");
            JdbcIdentityRepository ids = new JdbcIdentityRepository(f.db);
            ids.insert(identity("i1"));
            assertThat(f.db.inTransaction(() -> ids.insertAccessTokens(List.of(session("s1", "i1"), session("s2", "i1")))))
                    .containsExactly(true, true);
            assertThat(ids.findAccessToken("s1")).contains(session("s1", "i1"));
            assertThat(ids.findAccessToken("s2")).isPresent();
            assertThatThrownBy(() -> f.db.run(() -> ids.insertAccessTokens(List.of(session("s3", "i1"), session("s4", "gone")))))
                    .as("an unknown identity").isInstanceOf(RuntimeException.class);
            assertThat(ids.findAccessToken("s3")).as("rolled back with its batch").isEmpty();
        }
    }

    private static io.latchkey.core.identity.MachineIdentity identity(String id) {
        return new io.latchkey.core.identity.MachineIdentity(id, "o1", "ci", false, Map.of(), NOW, NOW);
    }

    private static IdentityAccessToken session(String id, String identityId) {
        return new IdentityAccessToken(id, identityId, "universal-auth", null, 3600, 7200, 0, 0, false, List.of(),
                NOW, NOW, NOW.plusSeconds(3600), null, 0, null);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void identitiesWhenInsertedThenMetadataAndTokenRecordsRoundTrip(Dialect d) {
        try (StoreFixture f = StoreFixture.open(d)) {
            org(f, "o1");
            JdbcIdentityRepository ids = new JdbcIdentityRepository(f.db);
            io.latchkey.core.identity.MachineIdentity i = new io.latchkey.core.identity.MachineIdentity("i1", "o1", "ci",
                    false, Map.of("team", "a \"quoted\" value"), NOW, NOW);
            ids.insert(i);
            assertThat(ids.findById("i1")).contains(i);
            assertThat(ids.delete("i1")).isTrue();
            assertThat(ids.findById("i1")).isEmpty();
        }
    }
}
