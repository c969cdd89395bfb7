-- Queries on the property_lookup table: indexed (property_name, value) -> actor_id, first
-- writer wins. Every statement returns rows so that the generated code runs it on a prepared,
-- per-connection cached statement.

--: NamesParam()

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
-- No row when another transaction claimed it after this statement's snapshot.
WITH inserted AS (
    INSERT INTO property_lookup (property_name, value, actor_id)
    VALUES (:name, :value, :actor_id)
    ON CONFLICT (property_name, value) DO NOTHING
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

--! delete_stale_lookups
-- The actor's rows for this name that no longer hold its current value.
DELETE FROM property_lookup
WHERE property_name = :name AND actor_id = :actor_id AND value <> :value
RETURNING value;

--! delete_actor_lookups_named
DELETE FROM property_lookup
WHERE actor_id = :actor_id AND property_name = ANY(:names)
RETURNING property_name;

-- Bulk transfer (export/import)

--! rebuild_property_lookup NamesParam : (candidates, inserted)
-- After a bulk import: one lookup row per non-empty value of the given (indexed) names, owned
-- by the lowest actor id (bytewise) among the existing actors holding it; rows already there
-- are kept (first writer wins). `candidates` counts the (name, value) pairs found.
WITH candidates AS (
    SELECT DISTINCT ON (p.name, p.value) p.name, p.value, p.id
    FROM properties p
    JOIN actors a ON a.id = p.id
    WHERE p.name = ANY(:names::text[]) AND p.value <> ''
    ORDER BY p.name, p.value, p.id COLLATE "C"
), inserted AS (
    INSERT INTO property_lookup (property_name, value, actor_id)
    SELECT name, value, id FROM candidates
    ON CONFLICT (property_name, value) DO NOTHING
    RETURNING 1
)
SELECT (SELECT count(*) FROM candidates) AS candidates,
       (SELECT count(*) FROM inserted) AS inserted;
