-- Queries on the attributes table. Every statement returns rows so that the generated code runs
-- it on a prepared, per-connection cached statement.
--
-- Expired, the one rule (see src/attributes.rs): a row is expired when
--     ttl_timestamp IS NOT NULL AND ttl_timestamp <= floor(extract(epoch FROM now()))::bigint
-- Every read and the consume-once delete treat such rows as absent; each statement below
-- repeats that predicate verbatim. delete_expired purges exactly those rows (for its epoch).
--
-- A point operation names the row by its key (id, bucket_name) AND by its parts (bucket, name):
-- bucket_name = bucket || ':' || name is ambiguous, and the part columns tell the pairs apart.
-- data is read as text: the facade parses it, so a value serde_json cannot hold is an error
-- rather than a panic in the generated code.

--: ActorIdParam()
--: AttributeRow(data?, timestamp?, ttl_timestamp?)
--: NamedAttributeRow(data?, timestamp?, ttl_timestamp?)
--: BucketAttributeRow(data?, timestamp?, ttl_timestamp?)

--! attribute : AttributeRow
SELECT data::text AS data, timestamp, ttl_timestamp FROM attributes
WHERE id = :actor_id AND bucket_name = :bucket_name AND bucket = :bucket AND name = :name
  AND NOT (ttl_timestamp IS NOT NULL
           AND ttl_timestamp <= floor(extract(epoch FROM now()))::bigint);

--! upsert_attribute (timestamp?, ttl_seconds?)
-- ttl_timestamp = floor(server epoch now) + ttl + 3600 (the reference's clock-skew buffer), or
-- NULL without a TTL. On a key collision the row is replaced only when it holds the same parts
-- or is expired (absent by the rule); otherwise no row comes back and nothing changes.
INSERT INTO attributes AS a (id, bucket_name, bucket, name, data, timestamp, ttl_timestamp)
VALUES (:actor_id, :bucket_name, :bucket, :name, :data, :timestamp,
        floor(extract(epoch FROM now()))::bigint + :ttl_seconds + 3600)
ON CONFLICT (id, bucket_name) DO UPDATE
SET bucket = EXCLUDED.bucket, name = EXCLUDED.name, data = EXCLUDED.data,
    timestamp = EXCLUDED.timestamp, ttl_timestamp = EXCLUDED.ttl_timestamp
WHERE (a.bucket = EXCLUDED.bucket AND a.name = EXCLUDED.name)
   OR (a.ttl_timestamp IS NOT NULL
       AND a.ttl_timestamp <= floor(extract(epoch FROM now()))::bigint)
RETURNING true AS written;

--! delete_attribute
-- Removes the row whatever its state; `live` says whether it was not expired.
DELETE FROM attributes
WHERE id = :actor_id AND bucket_name = :bucket_name AND bucket = :bucket AND name = :name
RETURNING NOT (ttl_timestamp IS NOT NULL
               AND ttl_timestamp <= floor(extract(epoch FROM now()))::bigint) AS live;

--! compare_and_swap_attribute (timestamp?)
-- jsonb equality (key order and formatting do not matter); SQL NULL compares as JSON null.
-- A NULL timestamp leaves the stored one; ttl_timestamp is untouched.
UPDATE attributes
SET data = :new, timestamp = COALESCE(:timestamp, timestamp)
WHERE id = :actor_id AND bucket_name = :bucket_name AND bucket = :bucket AND name = :name
  AND COALESCE(data, 'null'::jsonb) = :old
  AND NOT (ttl_timestamp IS NOT NULL
           AND ttl_timestamp <= floor(extract(epoch FROM now()))::bigint)
RETURNING true AS swapped;

--! bucket_attributes : NamedAttributeRow
SELECT name, data::text AS data, timestamp, ttl_timestamp FROM attributes
WHERE id = :actor_id AND bucket = :bucket
  AND NOT (ttl_timestamp IS NOT NULL
           AND ttl_timestamp <= floor(extract(epoch FROM now()))::bigint);

--! actor_attributes ActorIdParam : BucketAttributeRow
SELECT bucket, name, data::text AS data, timestamp, ttl_timestamp FROM attributes
WHERE id = :actor_id
  AND NOT (ttl_timestamp IS NOT NULL
           AND ttl_timestamp <= floor(extract(epoch FROM now()))::bigint);

--! bucket_timestamps ActorIdParam : (latest?)
SELECT bucket, MAX(timestamp) AS latest FROM attributes
WHERE id = :actor_id
  AND NOT (ttl_timestamp IS NOT NULL
           AND ttl_timestamp <= floor(extract(epoch FROM now()))::bigint)
GROUP BY bucket;

-- The deletes that remove many rows return one row with their count (read with .one()): in
-- transaction pooling mode an operation knows the outcome of a one-row statement's COMMIT
-- before it reports, not that of a statement whose rows it streams (see src/executor.rs).
-- And no rows travel only to be counted.

--! delete_bucket
WITH deleted AS (
    DELETE FROM attributes WHERE id = :actor_id AND bucket = :bucket RETURNING 1
)
SELECT count(*) AS deleted FROM deleted;

--! delete_actor_attributes ActorIdParam
WITH deleted AS (DELETE FROM attributes WHERE id = :actor_id RETURNING 1)
SELECT count(*) AS deleted FROM deleted;

--! delete_attributes_by_chain
-- The predicate on chain_id must stay `data ->> 'chain_id' = :chain_id` so that the expression
-- index idx_attributes_chain_id (partial: chain_id IS NOT NULL, implied by the equality) is used.
WITH deleted AS (
    DELETE FROM attributes
    WHERE id = :actor_id AND bucket = ANY(:buckets) AND data ->> 'chain_id' = :chain_id
    RETURNING 1
)
SELECT count(*) AS deleted FROM deleted;

--! delete_expired_attributes (now_epoch?, buckets?)
-- Across all actors; a NULL epoch means the server's now, NULL buckets means every bucket.
-- The comparison is the rule's `<=` (the reference purges with `<`).
-- Returns the count only: a purge can remove many rows.
WITH purged AS (
    DELETE FROM attributes
    WHERE ttl_timestamp IS NOT NULL
      AND ttl_timestamp <= COALESCE(:now_epoch::bigint, floor(extract(epoch FROM now()))::bigint)
      AND (:buckets::text[] IS NULL OR bucket = ANY(:buckets::text[]))
    RETURNING 1
)
SELECT count(*) AS purged FROM purged;

-- Bulk transfer (export/import)
-- Used by src/transfer/; see the notes in queries/actors.sql. The import also reports the
-- first record (lowest position) whose key bucket_name is held by a row of different parts,
-- stored before the statement or earlier in the batch; the caller then rolls back. The
-- records are AttributeTransfer: the key with the data as jsonb text, copied verbatim (the
-- entity's Attribute holds no key and parsed JSON).

--: AttributeTransfer(data?, timestamp?, ttl_timestamp?)

--! export_attributes : AttributeTransfer
SELECT id, bucket, name, data::text AS data, "timestamp", ttl_timestamp
FROM attributes ORDER BY id, bucket_name;

--! import_attributes (datas[?], timestamps[?], ttl_timestamps[?]) : (inserted, ambiguous?)
WITH input AS (
    SELECT * FROM unnest(:ords::bigint[], :actor_ids::varchar[], :bucket_names::varchar[],
                         :buckets::varchar[], :names::varchar[], :datas::text[],
                         :timestamps::timestamp[], :ttl_timestamps::bigint[])
        AS i(ord, id, bucket_name, bucket, name, data, ts, ttl)
), inserted AS (
    INSERT INTO attributes (id, bucket_name, bucket, name, data, "timestamp", ttl_timestamp)
    SELECT id, bucket_name, bucket, name, data::jsonb, ts, ttl FROM input ORDER BY ord
    ON CONFLICT (id, bucket_name) DO NOTHING
    RETURNING 1
), ambiguous AS (
    SELECT i.ord FROM input i
    JOIN attributes a ON a.id = i.id AND a.bucket_name = i.bucket_name
    WHERE a.bucket <> i.bucket OR a.name <> i.name
    UNION ALL
    SELECT j.ord FROM input i
    JOIN input j ON j.id = i.id AND j.bucket_name = i.bucket_name AND i.ord < j.ord
    WHERE i.bucket <> j.bucket OR i.name <> j.name
)
SELECT (SELECT count(*) FROM inserted) AS inserted,
       (SELECT min(ord) FROM ambiguous) AS ambiguous;

--! missing_attributes
SELECT k.ord
FROM unnest(:ords::bigint[], :actor_ids::varchar[], :bucket_names::varchar[], :buckets::varchar[],
            :names::varchar[]) AS k(ord, id, bucket_name, bucket, name)
WHERE NOT EXISTS (
    SELECT 1 FROM attributes a
    WHERE a.id = k.id AND a.bucket_name = k.bucket_name AND a.bucket = k.bucket
      AND a.name = k.name
)
ORDER BY k.ord;

--! stored_attributes : AttributeTransfer
SELECT id, bucket, name, data::text AS data, "timestamp", ttl_timestamp FROM attributes
WHERE (id, bucket_name, bucket, name) IN (
    SELECT * FROM unnest(:actor_ids::varchar[], :bucket_names::varchar[], :buckets::varchar[],
                         :names::varchar[])
);

--! canonical_jsonb CanonicalJsonbParams(texts[?]) : (canonical?)
-- Each JSON text as jsonb renders it (NULL stays NULL), in input order.
SELECT t::jsonb::text AS canonical
FROM unnest(:texts::text[]) WITH ORDINALITY AS u(t, n)
ORDER BY n;

--! delete_attribute_rows
-- A synchronisation removing rows that changed or are gone at its source.
WITH deleted AS (
    DELETE FROM attributes
    WHERE (id, bucket_name) IN (SELECT * FROM unnest(:actor_ids::varchar[], :bucket_names::varchar[]))
    RETURNING 1
)
SELECT count(*) AS deleted FROM deleted;
