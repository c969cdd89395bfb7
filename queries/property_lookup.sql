-- Queries on the property_lookup table: indexed (property_name, value) -> actor_id, first
-- writer wins. Every statement returns rows so that the generated code runs it on a prepared,
-- per-connection cached statement.

--: NamesParam()
--: ActorIdParam()

--! lookup_actor_id
SELECT actor_id FROM property_lookup WHERE property_name = :name AND value = :value;

--! lookup_actor_id_verified
-- A lookup row counts only while its actor still has exactly that value for that name.
SELECT l.actor_id
FROM property_lookup l
JOIN properties p ON p.id = l.actor_id AND p.name = l.property_name AND p.value = l.value
WHERE l.property_name = :name AND l.value = :value;

--! claim_lookup
-- Inserts the row unless the value is claimed already (first writer wins); returns the owner.
-- An existing row is locked (ON CONFLICT DO UPDATE locks the row even when its WHERE is false,
-- and then updates nothing) until the transaction ends, so an owner giving the value up
-- waits for this claimer to commit and then sees it as a remaining holder (see
-- lock_stale_lookups). No row when another transaction claimed it after this statement's
-- snapshot.
WITH inserted AS (
    INSERT INTO property_lookup (property_name, value, actor_id)
    VALUES (:name, :value, :actor_id)
    ON CONFLICT (property_name, value) DO UPDATE SET actor_id = property_lookup.actor_id
    WHERE false
    RETURNING actor_id
)
SELECT actor_id FROM inserted
UNION ALL
SELECT actor_id FROM property_lookup
WHERE property_name = :name AND value = :value AND NOT EXISTS (SELECT 1 FROM inserted);

--! upsert_lookup
INSERT INTO property_lookup (property_name, value, actor_id) VALUES (:name, :value, :actor_id)
ON CONFLICT (property_name, value) DO UPDATE SET actor_id = EXCLUDED.actor_id
RETURNING actor_id;

--! delete_lookup
DELETE FROM property_lookup WHERE property_name = :name AND value = :value RETURNING actor_id;

-- Giving values up: when an actor's lookup row goes (its value changed, its property or the
-- actor was deleted), the row is handed to a remaining holder in the same statement: the
-- lowest actor id (bytewise, COLLATE "C", as add_property_lookups picks) among the existing
-- actors other than the giver that hold exactly that value for that name. The holders are found
-- through idx_properties_name_value_prefix (schema.sql), whose expressions and predicate the
-- search repeats so that the planner uses it; where that index does not exist (a database the
-- reference's Alembic made) the search is not run at all (a one-time filter), so a hand-over
-- never scans `properties`. The chosen holder's property row is share-locked and its actor row
-- key-share-locked, so that it cannot change or delete the value, or be deleted, until the
-- hand-over commits (a holder that changed meanwhile is skipped for the next one).
--
-- Each release is preceded by a lock_* statement that locks the rows to release (FOR UPDATE):
-- it waits for any claimer that holds a row locked (claim_lookup), so the release, a later
-- statement with a later snapshot, sees that claimer's property as a remaining holder.

--! lock_stale_lookups
-- Locks the actor's rows for this name that no longer hold its current value.
SELECT value FROM property_lookup
WHERE property_name = :name AND actor_id = :actor_id AND value <> :value
FOR UPDATE;

--! release_stale_lookups : (heir?)
-- Removes the actor's rows for this name that no longer hold its current value and hands each
-- to a remaining holder; `heir` is the new owner, NULL when there is none.
WITH released AS (
    DELETE FROM property_lookup
    WHERE property_name = :name AND actor_id = :actor_id AND value <> :value
    RETURNING property_name, value
), handed AS (
    INSERT INTO property_lookup (property_name, value, actor_id)
    SELECT r.property_name, r.value, h.id
    FROM released r
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
    RETURNING value, actor_id
)
SELECT r.value, h.actor_id AS heir
FROM released r LEFT JOIN handed h ON h.value = r.value;

--! lock_actor_lookups_named
-- Locks the actor's rows for these names.
SELECT property_name FROM property_lookup
WHERE actor_id = :actor_id AND property_name = ANY(:names)
FOR UPDATE;

--! release_actor_lookups_named : (heir?)
-- Removes the actor's rows for these names and hands each to a remaining holder; `heir` is the
-- new owner, NULL when there is none.
WITH released AS (
    DELETE FROM property_lookup
    WHERE actor_id = :actor_id AND property_name = ANY(:names)
    RETURNING property_name, value
), handed AS (
    INSERT INTO property_lookup (property_name, value, actor_id)
    SELECT r.property_name, r.value, h.id
    FROM released r
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
    RETURNING property_name, value, actor_id
)
SELECT r.property_name, r.value, h.actor_id AS heir
FROM released r
LEFT JOIN handed h ON h.property_name = r.property_name AND h.value = r.value;

--! lock_actor_lookups ActorIdParam
-- Locks every row of the actor, before delete_actor_everywhere (queries/actors.sql) releases
-- them.
SELECT property_name FROM property_lookup WHERE actor_id = :actor_id FOR UPDATE;

-- Bulk transfer (export/import)

--! indexed_values_without_lookup NamesParam
-- properties().rebuild_lookup(): every non-empty value of the given (indexed) names that no
-- lookup row holds, across all actors (one pass over `properties`); add_property_lookups then
-- gives each its owner.
SELECT DISTINCT p.name, p.value FROM properties p
WHERE p.name = ANY(:names::text[]) AND p.value <> ''
  AND NOT EXISTS (SELECT 1 FROM property_lookup l
                  WHERE l.property_name = p.name AND l.value = p.value);

--! add_property_lookups : (candidates, inserted)
-- Lookup rows for these (indexed name, non-empty value) pairs, each owned by the rule a
-- hand-over applies (release_* above): the lowest actor id (bytewise, COLLATE "C") among the
-- existing actors whose property of that name holds exactly that value; a row already there is
-- kept (first writer wins). `candidates` counts the pairs that have a holder. Used after an
-- import, for the values its records hold, and by properties().rebuild_lookup(), for every
-- value without a row. The holders are found through idx_properties_name_value_prefix, whose
-- expressions and predicate the join repeats (one index probe per pair); without that index
-- the planner joins the pairs against one scan of `properties`.
WITH candidates AS (
    SELECT DISTINCT ON (p.name, p.value) p.name, p.value, p.id
    FROM unnest(:names::text[], :vals::text[]) AS k(name, value)
    JOIN properties p
      ON left(p.name, 200) = left(k.name, 200) AND left(p.value, 200) = left(k.value, 200)
     AND p.name = k.name AND p.value = k.value
    JOIN actors a ON a.id = p.id
    WHERE p.name NOT LIKE 'list:%'
    ORDER BY p.name, p.value, p.id COLLATE "C"
), inserted AS (
    INSERT INTO property_lookup (property_name, value, actor_id)
    SELECT name, value, id FROM candidates
    ON CONFLICT (property_name, value) DO NOTHING
    RETURNING 1
)
SELECT (SELECT count(*) FROM candidates) AS candidates,
       (SELECT count(*) FROM inserted) AS inserted;

--! all_lookups : LookupRow()
-- Every row, for tools that compare the table with another copy of it (validate-dynamodb).
SELECT property_name, value, actor_id FROM property_lookup;
