-- Client assertions' replay marks, keyed by the assertion's exp first. assertion_jtis was keyed by
-- (client, SHA-256 of the jti): every mark went to a random leaf of its primary key and another of the
-- index on expires_at, each group commit rewrote every leaf it dirtied (H2) or logged it (PostgreSQL), and
-- once the marks outgrew the page cache each insert read its leaf back first. A replay is the same signed
-- assertion, so it carries the same exp; in exp order new marks land in the last leaves, and the purge of
-- expired ones reads the same index from its start.
CREATE TABLE assertion_replay_marks (
    assertion_exp  TIMESTAMP WITH TIME ZONE NOT NULL,
    client_id      VARCHAR(64) NOT NULL,
    jti_hash       VARCHAR(64) NOT NULL,
    PRIMARY KEY (assertion_exp, client_id, jti_hash)
);
-- assertion_jtis takes no new marks. Its expires_at is the exp plus the clock skew of the node that wrote
-- it, so its marks cannot move here under their exp: new marks are checked against it until the purge has
-- emptied it (assertions live at most five minutes), and a later migration drops it.
