-- Queries on the trusts table. Every statement returns rows so that the generated code runs it
-- on a prepared, per-connection cached statement. created_at and last_accessed are naive UTC
-- (timestamp); capabilities_fetched_at is timestamptz.

--: ActorIdParam()
--: TrustRow(desc?, verification_token?, peer_identifier?, established_via?, created_at?, last_accessed?, last_connected_via?, client_name?, client_version?, client_platform?, oauth_client_id?, aw_supported?, aw_version?, capabilities_fetched_at?)

--! trust_by_peer : TrustRow
SELECT id, peerid, baseuri, type AS peer_type, relationship, secret, "desc", approved,
       peer_approved, verified, verification_token, peer_identifier, established_via,
       created_at, last_accessed, last_connected_via, client_name, client_version,
       client_platform, oauth_client_id, aw_supported, aw_version, capabilities_fetched_at
FROM trusts
WHERE id = :actor_id AND peerid = :peerid;

--! trust_by_secret : TrustRow
-- Can use idx_trusts_secret; the lowest peer id wins when several trusts share a secret.
SELECT id, peerid, baseuri, type AS peer_type, relationship, secret, "desc", approved,
       peer_approved, verified, verification_token, peer_identifier, established_via,
       created_at, last_accessed, last_connected_via, client_name, client_version,
       client_platform, oauth_client_id, aw_supported, aw_version, capabilities_fetched_at
FROM trusts
WHERE id = :actor_id AND secret = :secret
ORDER BY peerid
LIMIT 1;

--! secret_exists
SELECT EXISTS (SELECT 1 FROM trusts WHERE id = :actor_id AND secret = :secret) AS found;

--! trusts_of_actor ActorIdParam : TrustRow
SELECT id, peerid, baseuri, type AS peer_type, relationship, secret, "desc", approved,
       peer_approved, verified, verification_token, peer_identifier, established_via,
       created_at, last_accessed, last_connected_via, client_name, client_version,
       client_platform, oauth_client_id, aw_supported, aw_version, capabilities_fetched_at
FROM trusts
WHERE id = :actor_id
ORDER BY peerid;

--! upsert_trust (peer_identifier?, established_via?, created_at?, last_accessed?, last_connected_via?, client_name?, client_version?, client_platform?, oauth_client_id?, aw_supported?, aw_version?, capabilities_fetched_at?) : TrustRow
-- The reference's create: an existing trust is overwritten except for its created_at. A NULL
-- created_at means now (naive UTC); a NULL last_accessed means the created_at written.
INSERT INTO trusts (
    id, peerid, baseuri, type, relationship, secret, "desc", approved, peer_approved, verified,
    verification_token, peer_identifier, established_via, created_at, last_accessed,
    last_connected_via, client_name, client_version, client_platform, oauth_client_id,
    aw_supported, aw_version, capabilities_fetched_at
) VALUES (
    :actor_id, :peerid, :baseuri, :peer_type, :relationship, :secret, :desc, :approved,
    :peer_approved, :verified, :verification_token, :peer_identifier, :established_via,
    COALESCE(:created_at, now() AT TIME ZONE 'UTC'),
    COALESCE(:last_accessed, :created_at, now() AT TIME ZONE 'UTC'),
    :last_connected_via, :client_name, :client_version, :client_platform, :oauth_client_id,
    :aw_supported, :aw_version, :capabilities_fetched_at
)
ON CONFLICT (id, peerid) DO UPDATE SET
    baseuri = EXCLUDED.baseuri,
    type = EXCLUDED.type,
    relationship = EXCLUDED.relationship,
    secret = EXCLUDED.secret,
    "desc" = EXCLUDED."desc",
    approved = EXCLUDED.approved,
    peer_approved = EXCLUDED.peer_approved,
    verified = EXCLUDED.verified,
    verification_token = EXCLUDED.verification_token,
    peer_identifier = EXCLUDED.peer_identifier,
    established_via = EXCLUDED.established_via,
    last_accessed = EXCLUDED.last_accessed,
    last_connected_via = EXCLUDED.last_connected_via,
    client_name = EXCLUDED.client_name,
    client_version = EXCLUDED.client_version,
    client_platform = EXCLUDED.client_platform,
    oauth_client_id = EXCLUDED.oauth_client_id,
    aw_supported = EXCLUDED.aw_supported,
    aw_version = EXCLUDED.aw_version,
    capabilities_fetched_at = EXCLUDED.capabilities_fetched_at
RETURNING id, peerid, baseuri, type AS peer_type, relationship, secret, "desc", approved,
          peer_approved, verified, verification_token, peer_identifier, established_via,
          created_at, last_accessed, last_connected_via, client_name, client_version,
          client_platform, oauth_client_id, aw_supported, aw_version, capabilities_fetched_at;

--! update_trust (baseuri?, secret?, desc?, approved?, peer_approved?, verified?, verification_token?, peer_identifier?, established_via?, created_at?, last_accessed?, last_connected_via?, client_name?, client_version?, client_platform?, oauth_client_id?, aw_supported?, aw_version?, capabilities_fetched_at?)
-- A NULL argument leaves that column as it is; so does an empty baseuri, secret, desc or
-- verification_token (as in the reference). last_connected_via is written, NULL included,
-- when set_last_connected_via is true. No row when the trust does not exist.
UPDATE trusts SET
    baseuri = COALESCE(NULLIF(:baseuri, ''), baseuri),
    secret = COALESCE(NULLIF(:secret, ''), secret),
    "desc" = COALESCE(NULLIF(:desc, ''), "desc"),
    approved = COALESCE(:approved, approved),
    peer_approved = COALESCE(:peer_approved, peer_approved),
    verified = COALESCE(:verified, verified),
    verification_token = COALESCE(NULLIF(:verification_token, ''), verification_token),
    peer_identifier = COALESCE(:peer_identifier, peer_identifier),
    established_via = COALESCE(:established_via, established_via),
    created_at = COALESCE(:created_at, created_at),
    last_accessed = COALESCE(:last_accessed, last_accessed),
    last_connected_via = CASE WHEN :set_last_connected_via THEN :last_connected_via
                              ELSE last_connected_via END,
    client_name = COALESCE(:client_name, client_name),
    client_version = COALESCE(:client_version, client_version),
    client_platform = COALESCE(:client_platform, client_platform),
    oauth_client_id = COALESCE(:oauth_client_id, oauth_client_id),
    aw_supported = COALESCE(:aw_supported, aw_supported),
    aw_version = COALESCE(:aw_version, aw_version),
    capabilities_fetched_at = COALESCE(:capabilities_fetched_at, capabilities_fetched_at)
WHERE id = :actor_id AND peerid = :peerid
RETURNING true AS updated;

--! delete_trust
DELETE FROM trusts WHERE id = :actor_id AND peerid = :peerid RETURNING true AS deleted;

--! delete_trusts_of_actor ActorIdParam
WITH deleted AS (DELETE FROM trusts WHERE id = :actor_id RETURNING 1)
SELECT count(*) AS deleted FROM deleted;

-- Bulk transfer (export/import)
-- Used by src/transfer/; see the notes in queries/actors.sql.

--! export_trusts : TrustRow
SELECT id, peerid, baseuri, type AS peer_type, relationship, secret, "desc", approved,
       peer_approved, verified, verification_token, peer_identifier, established_via,
       created_at, last_accessed, last_connected_via, client_name, client_version,
       client_platform, oauth_client_id, aw_supported, aw_version, capabilities_fetched_at
FROM trusts ORDER BY id, peerid;

--! import_trusts (descs[?], verification_tokens[?], peer_identifiers[?], established_vias[?], created_ats[?], last_accesseds[?], last_connected_vias[?], client_names[?], client_versions[?], client_platforms[?], oauth_client_ids[?], aw_supporteds[?], aw_versions[?], capabilities_fetched_ats[?])
WITH inserted AS (
    INSERT INTO trusts (
        id, peerid, baseuri, type, relationship, secret, "desc", approved, peer_approved,
        verified, verification_token, peer_identifier, established_via, created_at,
        last_accessed, last_connected_via, client_name, client_version, client_platform,
        oauth_client_id, aw_supported, aw_version, capabilities_fetched_at
    )
    SELECT * FROM unnest(
        :actor_ids::varchar[], :peerids::varchar[], :baseuris::text[], :peer_types::varchar[],
        :relationships::varchar[], :secrets::varchar[], :descs::text[], :approveds::bool[],
        :peer_approveds::bool[], :verifieds::bool[], :verification_tokens::varchar[],
        :peer_identifiers::varchar[], :established_vias::varchar[],
        :created_ats::timestamp[], :last_accesseds::timestamp[],
        :last_connected_vias::varchar[], :client_names::varchar[], :client_versions::varchar[],
        :client_platforms::varchar[], :oauth_client_ids::varchar[], :aw_supporteds::text[],
        :aw_versions::varchar[], :capabilities_fetched_ats::timestamptz[]
    )
    ON CONFLICT (id, peerid) DO NOTHING
    RETURNING 1
)
SELECT count(*) AS inserted FROM inserted;

--! missing_trusts
SELECT k.ord FROM unnest(:ords::bigint[], :actor_ids::varchar[], :peerids::varchar[]) AS k(ord, id, peerid)
WHERE NOT EXISTS (SELECT 1 FROM trusts t WHERE t.id = k.id AND t.peerid = k.peerid)
ORDER BY k.ord;

--! stored_trusts : TrustRow
SELECT id, peerid, baseuri, type AS peer_type, relationship, secret, "desc", approved,
       peer_approved, verified, verification_token, peer_identifier, established_via,
       created_at, last_accessed, last_connected_via, client_name, client_version,
       client_platform, oauth_client_id, aw_supported, aw_version, capabilities_fetched_at
FROM trusts
WHERE (id, peerid) IN (SELECT * FROM unnest(:actor_ids::varchar[], :peerids::varchar[]));

--! delete_trust_rows
-- A synchronisation removing rows that changed or are gone at its source.
WITH deleted AS (
    DELETE FROM trusts
    WHERE (id, peerid) IN (SELECT * FROM unnest(:actor_ids::varchar[], :peerids::varchar[]))
    RETURNING 1
)
SELECT count(*) AS deleted FROM deleted;
