-- Queries on the peertrustees table. Every statement returns rows so that the generated code runs
-- it on a prepared, per-connection cached statement.

--: ActorIdParam()
--: PeerTrusteeRow()

--! peertrustee_by_peer : PeerTrusteeRow
SELECT id, peerid, baseuri, type AS peer_type, passphrase
FROM peertrustees
WHERE id = :actor_id AND peerid = :peerid;

--! peertrustees_by_type : PeerTrusteeRow
SELECT id, peerid, baseuri, type AS peer_type, passphrase
FROM peertrustees
WHERE id = :actor_id AND type = :peer_type
ORDER BY peerid;

--! peertrustees_of_actor ActorIdParam : PeerTrusteeRow
SELECT id, peerid, baseuri, type AS peer_type, passphrase
FROM peertrustees
WHERE id = :actor_id
ORDER BY peerid;

--! insert_peertrustee : PeerTrusteeRow
-- No row when the (actor, peer) key is taken; the existing row is left as it is.
INSERT INTO peertrustees (id, peerid, baseuri, type, passphrase)
VALUES (:actor_id, :peerid, :baseuri, :peer_type, :passphrase)
ON CONFLICT (id, peerid) DO NOTHING
RETURNING id, peerid, baseuri, type AS peer_type, passphrase;

--! update_peertrustee (peer_type?, baseuri?, passphrase?)
-- A NULL or empty argument leaves that column as it is (as in the reference); no row when the
-- peer trustee does not exist.
UPDATE peertrustees SET
    type = COALESCE(NULLIF(:peer_type, ''), type),
    baseuri = COALESCE(NULLIF(:baseuri, ''), baseuri),
    passphrase = COALESCE(NULLIF(:passphrase, ''), passphrase)
WHERE id = :actor_id AND peerid = :peerid
RETURNING true AS updated;

--! delete_peertrustee
DELETE FROM peertrustees WHERE id = :actor_id AND peerid = :peerid RETURNING true AS deleted;

--! delete_peertrustees_of_actor ActorIdParam
WITH deleted AS (DELETE FROM peertrustees WHERE id = :actor_id RETURNING 1)
SELECT count(*) AS deleted FROM deleted;

-- Bulk transfer (export/import)
-- Used by src/transfer/; see the notes in queries/actors.sql.

--! export_peertrustees : PeerTrusteeRow
SELECT id, peerid, baseuri, type AS peer_type, passphrase FROM peertrustees ORDER BY id, peerid;

--! import_peertrustees
WITH inserted AS (
    INSERT INTO peertrustees (id, peerid, baseuri, type, passphrase)
    SELECT * FROM unnest(:actor_ids::varchar[], :peerids::varchar[], :baseuris::text[],
                         :peer_types::varchar[], :passphrases::text[])
    ON CONFLICT (id, peerid) DO NOTHING
    RETURNING 1
)
SELECT count(*) AS inserted FROM inserted;

--! missing_peertrustees
SELECT k.ord FROM unnest(:ords::bigint[], :actor_ids::varchar[], :peerids::varchar[]) AS k(ord, id, peerid)
WHERE NOT EXISTS (SELECT 1 FROM peertrustees p WHERE p.id = k.id AND p.peerid = k.peerid)
ORDER BY k.ord;

--! stored_peertrustees : PeerTrusteeRow
SELECT id, peerid, baseuri, type AS peer_type, passphrase FROM peertrustees
WHERE (id, peerid) IN (SELECT * FROM unnest(:actor_ids::varchar[], :peerids::varchar[]));

--! delete_peertrustee_rows
-- A synchronisation removing rows that changed or are gone at its source.
WITH deleted AS (
    DELETE FROM peertrustees
    WHERE (id, peerid) IN (SELECT * FROM unnest(:actor_ids::varchar[], :peerids::varchar[]))
    RETURNING 1
)
SELECT count(*) AS deleted FROM deleted;
