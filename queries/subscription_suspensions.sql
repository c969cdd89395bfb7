-- Queries on the subscription_suspensions table. Every statement returns rows so that the
-- generated code runs it on a prepared, per-connection cached statement. A subtarget of ''
-- is the target-level suspension, which covers every subtarget of the target.

--: ActorIdParam()
--: SuspensionRow()

--! suspension_exists
-- The exact subtarget or the target-level row ('' for a target-level question).
SELECT EXISTS (
    SELECT 1 FROM subscription_suspensions
    WHERE id = :actor_id AND target = :target AND subtarget IN (:subtarget, '')
) AS suspended;

--! insert_suspension
-- No row when exactly this key is suspended already.
INSERT INTO subscription_suspensions (id, target, subtarget, suspended_at)
VALUES (:actor_id, :target, :subtarget, now())
ON CONFLICT (id, target, subtarget) DO NOTHING
RETURNING true AS suspended;

--! delete_suspension
DELETE FROM subscription_suspensions
WHERE id = :actor_id AND target = :target AND subtarget = :subtarget
RETURNING true AS resumed;

--! suspensions_of_actor ActorIdParam : SuspensionRow
SELECT target, subtarget, suspended_at FROM subscription_suspensions
WHERE id = :actor_id
ORDER BY target COLLATE "C", subtarget COLLATE "C";

--! delete_all_suspensions ActorIdParam
-- One row with the count (see queries/attributes.sql, delete_bucket).
WITH deleted AS (DELETE FROM subscription_suspensions WHERE id = :actor_id RETURNING 1)
SELECT count(*) AS deleted FROM deleted;

-- Bulk transfer (export/import)
-- Used by src/transfer/; see the notes in queries/actors.sql. SuspensionRow has no actor id,
-- so the records are SuspensionTransfer.

--: SuspensionTransfer()

--! export_subscription_suspensions : SuspensionTransfer
SELECT id, target, subtarget, suspended_at FROM subscription_suspensions
ORDER BY id, target, subtarget;

--! import_subscription_suspensions
WITH inserted AS (
    INSERT INTO subscription_suspensions (id, target, subtarget, suspended_at)
    SELECT * FROM unnest(:actor_ids::varchar[], :targets::varchar[], :subtargets::varchar[],
                         :suspended_ats::timestamptz[])
    ON CONFLICT (id, target, subtarget) DO NOTHING
    RETURNING 1
)
SELECT count(*) AS inserted FROM inserted;

--! missing_subscription_suspensions
SELECT k.ord
FROM unnest(:ords::bigint[], :actor_ids::varchar[], :targets::varchar[], :subtargets::varchar[])
    AS k(ord, id, target, subtarget)
WHERE NOT EXISTS (
    SELECT 1 FROM subscription_suspensions s
    WHERE s.id = k.id AND s.target = k.target AND s.subtarget = k.subtarget
)
ORDER BY k.ord;

--! stored_subscription_suspensions : SuspensionTransfer
SELECT id, target, subtarget, suspended_at FROM subscription_suspensions
WHERE (id, target, subtarget) IN (
    SELECT * FROM unnest(:actor_ids::varchar[], :targets::varchar[], :subtargets::varchar[])
);

--! delete_subscription_suspension_rows
-- A synchronisation removing rows that changed or are gone at its source.
WITH deleted AS (
    DELETE FROM subscription_suspensions
    WHERE (id, target, subtarget) IN (
        SELECT * FROM unnest(:actor_ids::varchar[], :targets::varchar[], :subtargets::varchar[])
    )
    RETURNING 1
)
SELECT count(*) AS deleted FROM deleted;
