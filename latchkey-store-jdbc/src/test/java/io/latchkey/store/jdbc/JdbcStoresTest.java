package io.latchkey.store.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcStoresTest {
    @Test
    void withH2DefaultsWhenUrlSetsNothingThenEveryDefaultIsAppended() {
        assertThat(JdbcStores.withH2Defaults("jdbc:h2:file:/d/latchkey")).isEqualTo("jdbc:h2:file:/d/latchkey"
                + JdbcStores.H2_OPTIONS + JdbcStores.H2_DURABLE_COMMITS + JdbcStores.H2_CACHE + JdbcStores.H2_QUERY_CACHE);
    }

    @Test
    void withH2DefaultsWhenUrlSetsAnOptionThenTheOperatorsValueIsKept() {
        String url = JdbcStores.withH2Defaults("jdbc:h2:file:/d/latchkey;query_cache_size=4;CACHE_SIZE=1024");
        assertThat(url).contains(";query_cache_size=4", ";CACHE_SIZE=1024", JdbcStores.H2_OPTIONS, JdbcStores.H2_DURABLE_COMMITS)
                .doesNotContain(JdbcStores.H2_CACHE, JdbcStores.H2_QUERY_CACHE);
    }
}
