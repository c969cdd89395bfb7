-- Queries on the subscriptions table. Every statement returns rows so that the generated code
-- runs it on a prepared, per-connection cached statement. The key column peer_sub_id is
-- peerid + ':' + subid; since two pairs can build the same key when a part contains ':',
-- reads, updates and deletes also match the part columns, so they never touch another pair's
-- row. Lists order bytewise (COLLATE "C") whatever the database collation.

--: ActorIdParam()
--: SubscriptionRow(granularity?, target?, subtarget?, resource?)

--! subscription : SubscriptionRow
SELECT id, peerid, subid, granularity, target, subtarget, resource, seqnr, callback
FROM subscriptions
WHERE id = :actor_id AND peer_sub_id = :peer_sub_id AND peerid = :peerid AND subid = :subid;

--! insert_subscription (granularity?, target?, subtarget?, resource?) : SubscriptionRow
-- No row when the key is taken (by this pair or, ambiguously, by another pair).
INSERT INTO subscriptions
    (id, peer_sub_id, peerid, subid, granularity, target, subtarget, resource, seqnr, callback)
VALUES
    (:actor_id, :peer_sub_id, :peerid, :subid, :granularity, :target, :subtarget, :resource,
     :seqnr, :callback)
ON CONFLICT (id, peer_sub_id) DO NOTHING
RETURNING id, peerid, subid, granularity, target, subtarget, resource, seqnr, callback;

--! subscription_key_holder
-- The pair that holds a key, to tell a duplicate from an ambiguous key.
SELECT peerid, subid FROM subscriptions WHERE id = :actor_id AND peer_sub_id = :peer_sub_id;

--! update_subscription (granularity?, target?, subtarget?, resource?, seqnr?, callback?) : (holder_peerid?, holder_subid?)
-- Moves the row to new_peerid/new_subid (rewriting peer_sub_id with them) and applies the
-- fields that are neither NULL nor empty (the reference skips empty text values), unless
-- another row holds the new key: then nothing changes and the holder's pair is returned.
-- `found` says whether the row to modify exists.
WITH holder AS (
    SELECT peerid, subid FROM subscriptions
    WHERE id = :actor_id AND peer_sub_id = :new_peer_sub_id AND peer_sub_id <> :peer_sub_id
), updated AS (
    UPDATE subscriptions
    SET peer_sub_id = :new_peer_sub_id,
        peerid = :new_peerid,
        subid = :new_subid,
        granularity = COALESCE(NULLIF(:granularity, ''), granularity),
        target = COALESCE(NULLIF(:target, ''), target),
        subtarget = COALESCE(NULLIF(:subtarget, ''), subtarget),
        resource = COALESCE(NULLIF(:resource, ''), resource),
        seqnr = COALESCE(:seqnr, seqnr),
        callback = COALESCE(:callback, callback)
    WHERE id = :actor_id AND peer_sub_id = :peer_sub_id AND peerid = :peerid AND subid = :subid
      AND NOT EXISTS (SELECT 1 FROM holder)
    RETURNING 1
)
SELECT
    EXISTS (
        SELECT 1 FROM subscriptions
        WHERE id = :actor_id AND peer_sub_id = :peer_sub_id AND peerid = :peerid
          AND subid = :subid
    ) AS found,
    EXISTS (SELECT 1 FROM updated) AS updated,
    (SELECT peerid FROM holder) AS holder_peerid,
    (SELECT subid FROM holder) AS holder_subid;

--! delete_subscription
DELETE FROM subscriptions
WHERE id = :actor_id AND peer_sub_id = :peer_sub_id AND peerid = :peerid AND subid = :subid
RETURNING true AS deleted;

--! subscriptions_of_actor ActorIdParam : SubscriptionRow
SELECT id, peerid, subid, granularity, target, subtarget, resource, seqnr, callback
FROM subscriptions
WHERE id = :actor_id
ORDER BY peer_sub_id COLLATE "C";

--! delete_all_subscriptions ActorIdParam
-- One row with the count (see queries/attributes.sql, delete_bucket).
WITH deleted AS (DELETE FROM subscriptions WHERE id = :actor_id RETURNING 1)
SELECT count(*) AS deleted FROM deleted;

-- Bulk transfer (export/import)
-- Used by src/transfer/; see the notes in queries/actors.sql and, for `ambiguous`, in
-- queries/attributes.sql.

--! export_subscriptions : SubscriptionRow
SELECT id, peerid, subid, granularity, target, subtarget, resource, seqnr, callback
FROM subscriptions ORDER BY id, peer_sub_id;

--! import_subscriptions (granularities[?], targets[?], subtargets[?], resources[?]) : (inserted, ambiguous?)
WITH input AS (
    SELECT * FROM unnest(:ords::bigint[], :actor_ids::varchar[], :peer_sub_ids::varchar[],
                         :peerids::varchar[], :subids::varchar[], :granularities::varchar[],
                         :targets::varchar[], :subtargets::varchar[], :resources::varchar[],
                         :seqnrs::int[], :callbacks::bool[])
        AS i(ord, id, peer_sub_id, peerid, subid, granularity, target, subtarget, resource,
             seqnr, callback)
), inserted AS (
    INSERT INTO subscriptions
        (id, peer_sub_id, peerid, subid, granularity, target, subtarget, resource, seqnr,
         callback)
    SELECT id, peer_sub_id, peerid, subid, granularity, target, subtarget, resource, seqnr,
           callback
    FROM input ORDER BY ord
    ON CONFLICT (id, peer_sub_id) DO NOTHING
    RETURNING 1
), ambiguous AS (
    SELECT i.ord FROM input i
    JOIN subscriptions s ON s.id = i.id AND s.peer_sub_id = i.peer_sub_id
    WHERE s.peerid <> i.peerid OR s.subid <> i.subid
    UNION ALL
    SELECT j.ord FROM input i
    JOIN input j ON j.id = i.id AND j.peer_sub_id = i.peer_sub_id AND i.ord < j.ord
    WHERE i.peerid <> j.peerid OR i.subid <> j.subid
)
SELECT (SELECT count(*) FROM inserted) AS inserted,
       (SELECT min(ord) FROM ambiguous) AS ambiguous;

--! missing_subscriptions
SELECT k.ord
FROM unnest(:ords::bigint[], :actor_ids::varchar[], :peer_sub_ids::varchar[], :peerids::varchar[],
            :subids::varchar[]) AS k(ord, id, peer_sub_id, peerid, subid)
WHERE NOT EXISTS (
    SELECT 1 FROM subscriptions s
    WHERE s.id = k.id AND s.peer_sub_id = k.peer_sub_id AND s.peerid = k.peerid
      AND s.subid = k.subid
)
ORDER BY k.ord;

--! stored_subscriptions : SubscriptionRow
SELECT id, peerid, subid, granularity, target, subtarget, resource, seqnr, callback
FROM subscriptions
WHERE (id, peer_sub_id, peerid, subid) IN (
    SELECT * FROM unnest(:actor_ids::varchar[], :peer_sub_ids::varchar[], :peerids::varchar[],
                         :subids::varchar[])
);

--! delete_subscription_rows
-- A synchronisation removing rows that changed or are gone at its source.
WITH deleted AS (
    DELETE FROM subscriptions
    WHERE (id, peer_sub_id) IN (SELECT * FROM unnest(:actor_ids::varchar[], :peer_sub_ids::varchar[]))
    RETURNING 1
)
SELECT count(*) AS deleted FROM deleted;
