package io.latchkey.sdk;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {
    private static final String AUDIT = "GET /iam/v1/audit";

    private final FakeTransport transport = new FakeTransport();
    private final LatchkeyClient client = LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400")
            .credentials(Credentials.staticToken(TestTokens.ofUse("user"))).transport(transport).build();

    private static String page(String cursor, long... seqs) {
        List<String> events = new ArrayList<>();
        for (long s : seqs) {
            events.add("{\"seq\":" + s + ",\"action\":\"user.create\",\"occurredAt\":\"2026-01-01T00:00:0" + s + "Z\"}");
        }
        return "{\"events\":[" + String.join(",", events) + "],\"lastEvaluatedKey\":" + (cursor == null ? "null" : "\"" + cursor + "\"") + "}";
    }

    private void threePages() {
        transport.on(AUDIT, r -> {
            String q = r.uri().getRawQuery() == null ? "" : r.uri().getRawQuery();
            if (q.contains("exclusiveStartKey=c2")) {
                return FakeTransport.json(200, page(null, 1));
            }
            if (q.contains("exclusiveStartKey=c1")) {
                return FakeTransport.json(200, page("c2", 3, 2));
            }
            return FakeTransport.json(200, page("c1", 5, 4));
        });
    }

    @Test
    void listWhenSeveralPagesThenIteratesAllFollowingTheCursor() {
        threePages();
        List<Long> seqs = new ArrayList<>();
        for (AuditEvent e : client.audit().list(AuditFilter.all().withPageSize(2))) {
            seqs.add(e.seq());
        }
        assertThat(seqs).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(transport.count(AUDIT)).isEqualTo(3);
        assertThat(transport.requests().get(0).uri().getRawQuery()).isEqualTo("limit=2");
        assertThat(transport.requests().get(1).uri().getRawQuery()).isEqualTo("limit=2&exclusiveStartKey=c1");
    }

    @Test
    void listWhenFilteredThenSendsEveryFilterEncoded() {
        threePages();
        client.audit().list(AuditFilter.all().withProjectId("P1").withActorId("a b").withAction("auth.*")
                .withOutcome("failure").withFrom(Instant.parse("2026-01-01T00:00:00Z"))).firstPage();
        assertThat(transport.last().uri().getRawQuery()).isEqualTo(
                "projectId=P1&actorId=a%20b&action=auth.*&outcome=failure&from=2026-01-01T00%3A00%3A00Z");
    }

    @Test
    void listWhenOnlyFirstItemsUsedThenLaterPagesNotFetched() {
        threePages();
        assertThat(client.audit().list().stream().limit(2).map(AuditEvent::seq)).containsExactly(5L, 4L);
        assertThat(transport.count(AUDIT)).isEqualTo(1);
    }

    @Test
    void pagesWhenIteratedThenEachPageWithItsCursor() {
        threePages();
        List<String> cursors = new ArrayList<>();
        client.audit().list().pages().forEach(p -> cursors.add(p.nextKey()));
        assertThat(cursors).containsExactly("c1", "c2", null);
    }

    @Test
    void listWhenServerRepeatsCursorThenFailsInsteadOfLooping() {
        transport.on(AUDIT, r -> FakeTransport.json(200, page("same", 1)));
        assertThatThrownBy(() -> client.audit().list().forEach(e -> { }))
                .isInstanceOf(LatchkeyApiException.class).hasMessageContaining("same page cursor twice");
        assertThat(transport.count(AUDIT)).isEqualTo(2);
    }

    @Test
    void usersListWhenPageSizeOutOfRangeThenRejected() {
        assertThatThrownBy(() -> client.users().list(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditFilter.all().withPageSize(501)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PagedIterable<>(null)).hasMessage("fetch cannot be null");
    }
}
