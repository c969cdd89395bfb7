-- Queries on the actors table. Every statement returns rows so that the generated code runs it
-- on a prepared, per-connection cached statement.

--: ActorIdParam()
--: ActorIdsParam()
--: CreatorParam()
--: ActorRow(created_at?)

--! actor_by_id ActorIdParam : ActorRow
SELECT id, creator, passphrase, created_at FROM actors WHERE id = :actor_id;

--! actors_by_creator CreatorParam : ActorRow
SELECT id, creator, passphrase, created_at FROM actors WHERE creator = :creator ORDER BY id;

--! list_actors : (id, creator)
SELECT id, creator FROM actors ORDER BY id;

--! insert_actor : ActorRow
-- created_at is naive UTC whatever the session TimeZone; no row when the id is taken.
INSERT INTO actors (id, creator, passphrase, created_at)
VALUES (:actor_id, :creator, :passphrase, now() AT TIME ZONE 'UTC')
ON CONFLICT (id) DO NOTHING
RETURNING id, creator, passphrase, created_at;

--! update_actor (creator?, passphrase?)
-- A NULL argument leaves that column as it is; no row when the actor does not exist.
UPDATE actors
SET creator = COALESCE(:creator, creator), passphrase = COALESCE(:passphrase, passphrase)
WHERE id = :actor_id
RETURNING true AS updated;

--! delete_actor ActorIdParam
-- Cascades to the actor's property_lookup rows (the only foreign key).
DELETE FROM actors WHERE id = :actor_id RETURNING true AS deleted;

--! lock_actor ActorIdParam
-- Whether the actor exists; its row stays key-share locked (cannot be deleted) until the
-- transaction ends.
SELECT true AS present FROM actors WHERE id = :actor_id FOR KEY SHARE;

--! lock_actor_for_delete ActorIdParam
-- Locks the actor row so that writers that need the actor wait for the delete.
SELECT true AS present FROM actors WHERE id = :actor_id FOR UPDATE;

--! delete_actor_everywhere ActorIdParam : DeletedRows()
-- Every row of the actor in all nine tables, in one statement; the counts per table. Each of
-- its lookup rows is handed to a remaining holder of the value, as release_stale_lookups in
-- queries/property_lookup.sql does (see there; lock_actor_lookups runs first).
WITH
    deleted_properties AS (DELETE FROM properties WHERE id = :actor_id RETURNING 1),
    deleted_lookups AS (
        DELETE FROM property_lookup WHERE actor_id = :actor_id RETURNING property_name, value
    ),
    handed_lookups AS (
        INSERT INTO property_lookup (property_name, value, actor_id)
        SELECT r.property_name, r.value, h.id
        FROM deleted_lookups r
        CROSS JOIN LATERAL (
            SELECT p.id FROM properties p JOIN actors a ON a.id = p.id
            WHERE left(p.name, 200) = left(r.property_name, 200)
              AND left(p.value, 200) = left(r.value, 200)
              AND p.name NOT LIKE 'list:%'
              AND p.name = r.property_name AND p.value = r.value AND p.id <> :actor_id
            ORDER BY p.id COLLATE "C"
            LIMIT 1
            FOR SHARE OF p FOR KEY SHARE OF a
        ) h
        WHERE (SELECT i.indisvalid FROM pg_index i
               WHERE i.indexrelid = to_regclass('idx_properties_name_value_prefix'))
        ON CONFLICT (property_name, value) DO NOTHING
        RETURNING 1
    ),
    deleted_trusts AS (DELETE FROM trusts WHERE id = :actor_id RETURNING 1),
    deleted_peertrustees AS (DELETE FROM peertrustees WHERE id = :actor_id RETURNING 1),
    deleted_subscriptions AS (DELETE FROM subscriptions WHERE id = :actor_id RETURNING 1),
    deleted_diffs AS (DELETE FROM subscription_diffs WHERE id = :actor_id RETURNING 1),
    deleted_attributes AS (DELETE FROM attributes WHERE id = :actor_id RETURNING 1),
    deleted_suspensions AS (DELETE FROM subscription_suspensions WHERE id = :actor_id RETURNING 1),
    deleted_actors AS (DELETE FROM actors WHERE id = :actor_id RETURNING 1)
SELECT
    (SELECT count(*) FROM deleted_actors) AS actors,
    (SELECT count(*) FROM deleted_properties) AS properties,
    (SELECT count(*) FROM deleted_lookups) AS property_lookup,
    (SELECT count(*) FROM deleted_trusts) AS trusts,
    (SELECT count(*) FROM deleted_peertrustees) AS peer_trustees,
    (SELECT count(*) FROM deleted_subscriptions) AS subscriptions,
    (SELECT count(*) FROM deleted_diffs) AS subscription_diffs,
    (SELECT count(*) FROM deleted_attributes) AS attributes,
    (SELECT count(*) FROM deleted_suspensions) AS suspensions;

-- Bulk transfer (export/import)
-- Used by src/transfer/. Imports take one array per column (one element per record, all of
-- the same length) and insert them with a single INSERT ... SELECT FROM unnest(...); rows whose
-- key is taken are left as they are (ON CONFLICT DO NOTHING), so a re-import inserts nothing.
-- `ords` are the records' positions in their JSON file, used to name a record in a result.
-- Where the entity reads return the same columns, exports and stored-row reads return the
-- entity's row type (here ActorRow).

--! export_actors : ActorRow
SELECT id, creator, passphrase, created_at FROM actors ORDER BY id;

--! import_actors (created_ats[?])
WITH inserted AS (
    INSERT INTO actors (id, creator, passphrase, created_at)
    SELECT * FROM unnest(:actor_ids::varchar[], :creators::varchar[], :passphrases::text[],
                         :created_ats::timestamp[])
    ON CONFLICT (id) DO NOTHING
    RETURNING 1
)
SELECT count(*) AS inserted FROM inserted;

--! missing_actors
-- The positions of the records whose actor is not stored.
SELECT k.ord FROM unnest(:ords::bigint[], :actor_ids::varchar[]) AS k(ord, id)
WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = k.id)
ORDER BY k.ord;

--! stored_actors ActorIdsParam : ActorRow
SELECT id, creator, passphrase, created_at FROM actors WHERE id = ANY(:actor_ids::varchar[]);

--! delete_actor_rows ActorIdsParam
-- A synchronisation removing rows that changed or are gone at its source (the actor rows only:
-- the other tables are synchronised on their own).
WITH deleted AS (DELETE FROM actors WHERE id = ANY(:actor_ids::varchar[]) RETURNING 1)
SELECT count(*) AS deleted FROM deleted;
