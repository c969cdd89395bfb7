-- Queries on the properties table. Every statement returns rows so that the generated code runs
-- it on a prepared, per-connection cached statement. Name ranges compare bytewise (COLLATE "C").

--: ActorIdParam()
--: PropertyRow()

--! property_value
SELECT value FROM properties WHERE id = :actor_id AND name = :name;

--! upsert_property
INSERT INTO properties (id, name, value) VALUES (:actor_id, :name, :value)
ON CONFLICT (id, name) DO UPDATE SET value = EXCLUDED.value
RETURNING true AS written;

--! insert_property_if_absent
INSERT INTO properties (id, name, value) VALUES (:actor_id, :name, :value)
ON CONFLICT (id, name) DO NOTHING
RETURNING true AS created;

--! update_property_if_value
UPDATE properties SET value = :value
WHERE id = :actor_id AND name = :name AND value = :expected
RETURNING true AS updated;

--! delete_property_if_value
DELETE FROM properties WHERE id = :actor_id AND name = :name AND value = :value
RETURNING true AS deleted;

--! delete_properties_named
-- One row with the count (see queries/attributes.sql, delete_bucket); the lookup rows are
-- released by name in the facade, which knows the indexed names.
WITH deleted AS (DELETE FROM properties WHERE id = :actor_id AND name = ANY(:names) RETURNING 1)
SELECT count(*) AS deleted FROM deleted;

--! delete_all_properties ActorIdParam
WITH deleted AS (DELETE FROM properties WHERE id = :actor_id RETURNING 1)
SELECT count(*) AS deleted FROM deleted;

--! properties_in_range : PropertyRow
SELECT name, value FROM properties
WHERE id = :actor_id AND name COLLATE "C" >= :lower AND name COLLATE "C" <= :upper;

--! property_names_in_range
SELECT name FROM properties
WHERE id = :actor_id AND name COLLATE "C" >= :lower AND name COLLATE "C" <= :upper;

--! last_property_name_in_range
SELECT name FROM properties
WHERE id = :actor_id AND name COLLATE "C" >= :lower AND name COLLATE "C" <= :upper
ORDER BY name COLLATE "C" DESC
LIMIT 1;

--! plain_properties ActorIdParam : PropertyRow
-- Every property except list rows (names starting with "list:", case-sensitive).
SELECT name, value FROM properties WHERE id = :actor_id AND name NOT LIKE 'list:%';

--! all_properties ActorIdParam : PropertyRow
SELECT name, value FROM properties WHERE id = :actor_id;

--! actor_id_by_property_scan
-- Reverse lookup without the lookup table (legacy mode): a scan, as in the reference.
SELECT id FROM properties WHERE name = :name AND value = :value ORDER BY id LIMIT 1;

-- Bulk transfer (export/import)
-- Used by src/transfer/; see the notes in queries/actors.sql. There is no entity row with the
-- actor id, so the records are PropertyTransfer.

--: PropertyTransfer()

--! export_properties : PropertyTransfer
SELECT id, name, value FROM properties ORDER BY id, name;

--! import_properties
WITH inserted AS (
    INSERT INTO properties (id, name, value)
    SELECT * FROM unnest(:actor_ids::varchar[], :names::text[], :vals::text[])
    ON CONFLICT (id, name) DO NOTHING
    RETURNING 1
)
SELECT count(*) AS inserted FROM inserted;

--! missing_properties
SELECT k.ord FROM unnest(:ords::bigint[], :actor_ids::varchar[], :names::text[]) AS k(ord, id, name)
WHERE NOT EXISTS (SELECT 1 FROM properties p WHERE p.id = k.id AND p.name = k.name)
ORDER BY k.ord;

--! stored_properties : PropertyTransfer
SELECT id, name, value FROM properties
WHERE (id, name) IN (SELECT * FROM unnest(:actor_ids::varchar[], :names::text[]));

--! delete_property_rows
-- A synchronisation removing rows that changed or are gone at its source; the lookup rows
-- that pointed at the removed values go too (rebuild_property_lookup hands each value to a
-- remaining holder afterwards).
WITH deleted AS (
    DELETE FROM properties
    WHERE (id, name) IN (SELECT * FROM unnest(:actor_ids::varchar[], :names::text[]))
    RETURNING id, name, value
), released AS (
    DELETE FROM property_lookup l USING deleted d
    WHERE l.actor_id = d.id AND l.property_name = d.name AND l.value = d.value
    RETURNING 1
)
SELECT count(*) AS deleted FROM deleted;
