-- Audit events are found by seq (the chain) and by organization or project; nothing looks one up by id.
-- The unique index on the random id cost every group commit one scattered B-tree leaf per event (on H2
-- each commit rewrites every leaf it touched). Ids stay random UUIDs and stay covered by the chain hash.
ALTER TABLE audit_events DROP CONSTRAINT uq_audit_events_id;
