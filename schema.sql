-- actingweb-pg head schema.
--
-- Identical in tables, columns, types, nullability, defaults, constraint and index names to the
-- Python actingweb PostgreSQL backend at Alembic head e5f6a7b8c9d0, so both implementations can
-- share one database, plus two indexes of this crate (idx_properties_name_value_prefix, see
-- migrations/e5f6a7b8c9d0-properties-name-value-index.sql, and idx_attributes_id_bucket, see
-- migrations/e5f6a7b8c9d0-attributes-id-bucket-index.sql; the reference's Alembic ignores
-- extra indexes). Names are unqualified: the schema is chosen by search_path.

CREATE TABLE actors (
    id character varying(255) NOT NULL,
    creator character varying(255) NOT NULL,
    passphrase text NOT NULL,
    created_at timestamp without time zone,
    CONSTRAINT actors_pkey PRIMARY KEY (id)
);
CREATE INDEX ix_actors_creator ON actors USING btree (creator);

CREATE TABLE properties (
    id character varying(255) NOT NULL,
    name text NOT NULL,
    value text NOT NULL,
    CONSTRAINT properties_pkey PRIMARY KEY (id, name)
);
CREATE INDEX idx_properties_name_value_prefix ON properties
    USING btree ("left"(name, 200), "left"(value, 200)) WHERE (name !~~ 'list:%'::text);

CREATE TABLE property_lookup (
    property_name character varying(255) NOT NULL,
    value text NOT NULL,
    actor_id character varying(255) NOT NULL,
    CONSTRAINT property_lookup_pkey PRIMARY KEY (property_name, value),
    CONSTRAINT fk_property_lookup_actor FOREIGN KEY (actor_id) REFERENCES actors(id)
        ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_property_lookup_actor_id ON property_lookup USING btree (actor_id);

CREATE TABLE trusts (
    id character varying(255) NOT NULL,
    peerid character varying(255) NOT NULL,
    baseuri text NOT NULL,
    type character varying(255) NOT NULL,
    relationship character varying(255) NOT NULL,
    secret character varying(255) NOT NULL,
    "desc" text,
    approved boolean NOT NULL,
    peer_approved boolean NOT NULL,
    verified boolean NOT NULL,
    verification_token character varying(255),
    peer_identifier character varying(255),
    established_via character varying(255),
    created_at timestamp without time zone,
    last_accessed timestamp without time zone,
    last_connected_via character varying(255),
    client_name character varying(255),
    client_version character varying(255),
    client_platform character varying(255),
    oauth_client_id character varying(255),
    aw_supported text,
    aw_version character varying(50),
    capabilities_fetched_at timestamp with time zone,
    CONSTRAINT trusts_pkey PRIMARY KEY (id, peerid)
);
CREATE INDEX idx_trusts_secret ON trusts USING btree (secret);

CREATE TABLE peertrustees (
    id character varying(255) NOT NULL,
    peerid character varying(255) NOT NULL,
    baseuri text NOT NULL,
    type character varying(255) NOT NULL,
    passphrase text NOT NULL,
    CONSTRAINT peertrustees_pkey PRIMARY KEY (id, peerid)
);

CREATE TABLE subscriptions (
    id character varying(255) NOT NULL,
    peer_sub_id character varying(255) NOT NULL,
    peerid character varying(255) NOT NULL,
    subid character varying(255) NOT NULL,
    granularity character varying(255),
    target character varying(255),
    subtarget character varying(255),
    resource character varying(255),
    seqnr integer NOT NULL,
    callback boolean NOT NULL,
    CONSTRAINT subscriptions_pkey PRIMARY KEY (id, peer_sub_id)
);

CREATE TABLE subscription_diffs (
    id character varying(255) NOT NULL,
    subid_seqnr character varying(255) NOT NULL,
    subid character varying(255) NOT NULL,
    "timestamp" timestamp without time zone NOT NULL,
    diff text NOT NULL,
    seqnr integer NOT NULL,
    CONSTRAINT subscription_diffs_pkey PRIMARY KEY (id, subid_seqnr)
);

CREATE TABLE attributes (
    id character varying(255) NOT NULL,
    bucket_name character varying(255) NOT NULL,
    bucket character varying(255) NOT NULL,
    name character varying(255) NOT NULL,
    data jsonb,
    "timestamp" timestamp without time zone,
    ttl_timestamp bigint,
    CONSTRAINT attributes_pkey PRIMARY KEY (id, bucket_name)
);
CREATE INDEX idx_attributes_ttl ON attributes USING btree (ttl_timestamp)
    WHERE (ttl_timestamp IS NOT NULL);
CREATE INDEX idx_attributes_chain_id ON attributes USING btree (((data ->> 'chain_id'::text)))
    WHERE ((data ->> 'chain_id'::text) IS NOT NULL);
CREATE INDEX idx_attributes_id_bucket ON attributes USING btree (id, bucket);

CREATE TABLE subscription_suspensions (
    id character varying(255) NOT NULL,
    target character varying(255) NOT NULL,
    subtarget character varying(255) DEFAULT ''::character varying NOT NULL,
    suspended_at timestamp with time zone NOT NULL,
    CONSTRAINT subscription_suspensions_pkey PRIMARY KEY (id, target, subtarget)
);

CREATE TABLE alembic_version (
    version_num character varying(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO alembic_version (version_num) VALUES ('e5f6a7b8c9d0');
