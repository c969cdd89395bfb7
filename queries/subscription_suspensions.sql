-- Queries on the subscription_suspensions table. Every statement returns rows so that the
-- generated code runs it on a prepared, per-connection cached statement. A subtarget of ''
-- is the target-level suspension, which covers every subtarget of the target.

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

--! suspensions_of_actor : SuspensionRow
SELECT target, subtarget, suspended_at FROM subscription_suspensions
WHERE id = :actor_id
ORDER BY target COLLATE "C", subtarget COLLATE "C";

--! delete_all_suspensions
DELETE FROM subscription_suspensions WHERE id = :actor_id RETURNING target;
