-- Queries on the subscription_diffs table. Every statement returns rows so that the generated
-- code runs it on a prepared, per-connection cached statement. The key column subid_seqnr is
-- subid + ':' + seqnr in plain decimal; reads and deletes also match the subid and seqnr
-- columns. Sequence numbers order numerically (the seqnr column, never the text key).

--: DiffRow()

--! insert_diff : DiffRow
-- "timestamp" is the server's now as naive UTC; no row when the key is taken.
INSERT INTO subscription_diffs (id, subid_seqnr, subid, "timestamp", diff, seqnr)
VALUES (:actor_id, :subid_seqnr, :subid, now() AT TIME ZONE 'UTC', :diff, :seqnr)
ON CONFLICT (id, subid_seqnr) DO NOTHING
RETURNING id, subid, "timestamp", diff, seqnr;

--! diff_by_seqnr : DiffRow
SELECT id, subid, "timestamp", diff, seqnr FROM subscription_diffs
WHERE id = :actor_id AND subid_seqnr = :subid_seqnr AND subid = :subid AND seqnr = :seqnr;

--! first_diff : DiffRow
-- The lowest sequence number of exactly this subscription.
SELECT id, subid, "timestamp", diff, seqnr FROM subscription_diffs
WHERE id = :actor_id AND subid = :subid
ORDER BY seqnr
LIMIT 1;

--! diffs (subid?) : DiffRow
-- All of the actor's diffs, or one subscription's; by seqnr, then subid (bytewise).
SELECT id, subid, "timestamp", diff, seqnr FROM subscription_diffs
WHERE id = :actor_id AND (CAST(:subid AS varchar) IS NULL OR subid = :subid)
ORDER BY seqnr, subid COLLATE "C";

--! delete_diff
DELETE FROM subscription_diffs
WHERE id = :actor_id AND subid_seqnr = :subid_seqnr AND subid = :subid AND seqnr = :seqnr
RETURNING true AS deleted;

--! delete_diffs (subid?, max_seqnr?)
-- The actor's diffs (of one subscription when subid is given) up to max_seqnr inclusive
-- (all of them when it is NULL). One row with the count (see queries/attributes.sql,
-- delete_bucket).
WITH deleted AS (
    DELETE FROM subscription_diffs
    WHERE id = :actor_id
      AND (CAST(:subid AS varchar) IS NULL OR subid = :subid)
      AND (CAST(:max_seqnr AS integer) IS NULL OR seqnr <= :max_seqnr)
    RETURNING 1
)
SELECT count(*) AS deleted FROM deleted;

-- Bulk transfer (export/import)
-- Used by src/transfer/; see the notes in queries/actors.sql and, for `ambiguous`, in
-- queries/attributes.sql (a key built here cannot be ambiguous, but a stored row whose
-- columns disagree with its key is still reported rather than counted as present).

--! export_subscription_diffs : DiffRow
SELECT id, subid, "timestamp", diff, seqnr FROM subscription_diffs ORDER BY id, subid_seqnr;

--! import_subscription_diffs : (inserted, ambiguous?)
WITH input AS (
    SELECT * FROM unnest(:ords::bigint[], :actor_ids::varchar[], :subid_seqnrs::varchar[],
                         :subids::varchar[], :timestamps::timestamp[], :diffs::text[],
                         :seqnrs::int[])
        AS i(ord, id, subid_seqnr, subid, ts, diff, seqnr)
), inserted AS (
    INSERT INTO subscription_diffs (id, subid_seqnr, subid, "timestamp", diff, seqnr)
    SELECT id, subid_seqnr, subid, ts, diff, seqnr FROM input ORDER BY ord
    ON CONFLICT (id, subid_seqnr) DO NOTHING
    RETURNING 1
), ambiguous AS (
    SELECT i.ord FROM input i
    JOIN subscription_diffs d ON d.id = i.id AND d.subid_seqnr = i.subid_seqnr
    WHERE d.subid <> i.subid OR d.seqnr <> i.seqnr
)
SELECT (SELECT count(*) FROM inserted) AS inserted,
       (SELECT min(ord) FROM ambiguous) AS ambiguous;

--! missing_subscription_diffs
SELECT k.ord
FROM unnest(:ords::bigint[], :actor_ids::varchar[], :subid_seqnrs::varchar[], :subids::varchar[],
            :seqnrs::int[]) AS k(ord, id, subid_seqnr, subid, seqnr)
WHERE NOT EXISTS (
    SELECT 1 FROM subscription_diffs d
    WHERE d.id = k.id AND d.subid_seqnr = k.subid_seqnr AND d.subid = k.subid
      AND d.seqnr = k.seqnr
)
ORDER BY k.ord;

--! stored_subscription_diffs : DiffRow
SELECT id, subid, "timestamp", diff, seqnr FROM subscription_diffs
WHERE (id, subid_seqnr, subid, seqnr) IN (
    SELECT * FROM unnest(:actor_ids::varchar[], :subid_seqnrs::varchar[], :subids::varchar[],
                         :seqnrs::int[])
);

--! delete_subscription_diff_rows
-- A synchronisation removing rows that changed or are gone at its source.
WITH deleted AS (
    DELETE FROM subscription_diffs
    WHERE (id, subid_seqnr) IN (SELECT * FROM unnest(:actor_ids::varchar[], :subid_seqnrs::varchar[]))
    RETURNING 1
)
SELECT count(*) AS deleted FROM deleted;
