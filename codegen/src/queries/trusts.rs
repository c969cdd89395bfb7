// This file was generated with `cornucopia`. Do not modify.

#[derive(Debug)]
pub struct TrustByPeerParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub actor_id: T1,
    pub peerid: T2,
}
#[derive(Debug)]
pub struct TrustBySecretParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub actor_id: T1,
    pub secret: T2,
}
#[derive(Debug)]
pub struct SecretExistsParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub actor_id: T1,
    pub secret: T2,
}
#[derive(Debug)]
pub struct ActorIdParam<T1: crate::StringSql> {
    pub actor_id: T1,
}
#[derive(Debug)]
pub struct UpsertTrustParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
    T5: crate::StringSql,
    T6: crate::StringSql,
    T7: crate::StringSql,
    T8: crate::StringSql,
    T9: crate::StringSql,
    T10: crate::StringSql,
    T11: crate::StringSql,
    T12: crate::StringSql,
    T13: crate::StringSql,
    T14: crate::StringSql,
    T15: crate::StringSql,
    T16: crate::StringSql,
    T17: crate::StringSql,
> {
    pub actor_id: T1,
    pub peerid: T2,
    pub baseuri: T3,
    pub peer_type: T4,
    pub relationship: T5,
    pub secret: T6,
    pub desc: T7,
    pub approved: bool,
    pub peer_approved: bool,
    pub verified: bool,
    pub verification_token: T8,
    pub peer_identifier: Option<T9>,
    pub established_via: Option<T10>,
    pub created_at: Option<chrono::NaiveDateTime>,
    pub last_accessed: Option<chrono::NaiveDateTime>,
    pub last_connected_via: Option<T11>,
    pub client_name: Option<T12>,
    pub client_version: Option<T13>,
    pub client_platform: Option<T14>,
    pub oauth_client_id: Option<T15>,
    pub aw_supported: Option<T16>,
    pub aw_version: Option<T17>,
    pub capabilities_fetched_at: Option<chrono::DateTime<chrono::FixedOffset>>,
}
#[derive(Debug)]
pub struct UpdateTrustParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
    T5: crate::StringSql,
    T6: crate::StringSql,
    T7: crate::StringSql,
    T8: crate::StringSql,
    T9: crate::StringSql,
    T10: crate::StringSql,
    T11: crate::StringSql,
    T12: crate::StringSql,
    T13: crate::StringSql,
    T14: crate::StringSql,
    T15: crate::StringSql,
> {
    pub baseuri: Option<T1>,
    pub secret: Option<T2>,
    pub desc: Option<T3>,
    pub approved: Option<bool>,
    pub peer_approved: Option<bool>,
    pub verified: Option<bool>,
    pub verification_token: Option<T4>,
    pub peer_identifier: Option<T5>,
    pub established_via: Option<T6>,
    pub created_at: Option<chrono::NaiveDateTime>,
    pub last_accessed: Option<chrono::NaiveDateTime>,
    pub set_last_connected_via: bool,
    pub last_connected_via: Option<T7>,
    pub client_name: Option<T8>,
    pub client_version: Option<T9>,
    pub client_platform: Option<T10>,
    pub oauth_client_id: Option<T11>,
    pub aw_supported: Option<T12>,
    pub aw_version: Option<T13>,
    pub capabilities_fetched_at: Option<chrono::DateTime<chrono::FixedOffset>>,
    pub actor_id: T14,
    pub peerid: T15,
}
#[derive(Debug)]
pub struct DeleteTrustParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub actor_id: T1,
    pub peerid: T2,
}
#[derive(Debug)]
pub struct ImportTrustsParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
    T5: crate::StringSql,
    T6: crate::ArraySql<Item = T5>,
    T7: crate::StringSql,
    T8: crate::ArraySql<Item = T7>,
    T9: crate::StringSql,
    T10: crate::ArraySql<Item = T9>,
    T11: crate::StringSql,
    T12: crate::ArraySql<Item = T11>,
    T13: crate::StringSql,
    T14: crate::ArraySql<Item = Option<T13>>,
    T15: crate::ArraySql<Item = bool>,
    T16: crate::ArraySql<Item = bool>,
    T17: crate::ArraySql<Item = bool>,
    T18: crate::StringSql,
    T19: crate::ArraySql<Item = Option<T18>>,
    T20: crate::StringSql,
    T21: crate::ArraySql<Item = Option<T20>>,
    T22: crate::StringSql,
    T23: crate::ArraySql<Item = Option<T22>>,
    T24: crate::ArraySql<Item = Option<chrono::NaiveDateTime>>,
    T25: crate::ArraySql<Item = Option<chrono::NaiveDateTime>>,
    T26: crate::StringSql,
    T27: crate::ArraySql<Item = Option<T26>>,
    T28: crate::StringSql,
    T29: crate::ArraySql<Item = Option<T28>>,
    T30: crate::StringSql,
    T31: crate::ArraySql<Item = Option<T30>>,
    T32: crate::StringSql,
    T33: crate::ArraySql<Item = Option<T32>>,
    T34: crate::StringSql,
    T35: crate::ArraySql<Item = Option<T34>>,
    T36: crate::StringSql,
    T37: crate::ArraySql<Item = Option<T36>>,
    T38: crate::StringSql,
    T39: crate::ArraySql<Item = Option<T38>>,
    T40: crate::ArraySql<Item = Option<chrono::DateTime<chrono::FixedOffset>>>,
> {
    pub actor_ids: T2,
    pub peerids: T4,
    pub baseuris: T6,
    pub peer_types: T8,
    pub relationships: T10,
    pub secrets: T12,
    pub descs: T14,
    pub approveds: T15,
    pub peer_approveds: T16,
    pub verifieds: T17,
    pub verification_tokens: T19,
    pub peer_identifiers: T21,
    pub established_vias: T23,
    pub created_ats: T24,
    pub last_accesseds: T25,
    pub last_connected_vias: T27,
    pub client_names: T29,
    pub client_versions: T31,
    pub client_platforms: T33,
    pub oauth_client_ids: T35,
    pub aw_supporteds: T37,
    pub aw_versions: T39,
    pub capabilities_fetched_ats: T40,
}
#[derive(Debug)]
pub struct MissingTrustsParams<
    T1: crate::ArraySql<Item = i64>,
    T2: crate::StringSql,
    T3: crate::ArraySql<Item = T2>,
    T4: crate::StringSql,
    T5: crate::ArraySql<Item = T4>,
> {
    pub ords: T1,
    pub actor_ids: T3,
    pub peerids: T5,
}
#[derive(Debug)]
pub struct StoredTrustsParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
> {
    pub actor_ids: T2,
    pub peerids: T4,
}
#[derive(Debug)]
pub struct DeleteTrustRowsParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
> {
    pub actor_ids: T2,
    pub peerids: T4,
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TrustRow {
    pub id: String,
    pub peerid: String,
    pub baseuri: String,
    pub peer_type: String,
    pub relationship: String,
    pub secret: String,
    pub desc: Option<String>,
    pub approved: bool,
    pub peer_approved: bool,
    pub verified: bool,
    pub verification_token: Option<String>,
    pub peer_identifier: Option<String>,
    pub established_via: Option<String>,
    pub created_at: Option<chrono::NaiveDateTime>,
    pub last_accessed: Option<chrono::NaiveDateTime>,
    pub last_connected_via: Option<String>,
    pub client_name: Option<String>,
    pub client_version: Option<String>,
    pub client_platform: Option<String>,
    pub oauth_client_id: Option<String>,
    pub aw_supported: Option<String>,
    pub aw_version: Option<String>,
    pub capabilities_fetched_at: Option<chrono::DateTime<chrono::FixedOffset>>,
}
pub struct TrustRowBorrowed<'a> {
    pub id: &'a str,
    pub peerid: &'a str,
    pub baseuri: &'a str,
    pub peer_type: &'a str,
    pub relationship: &'a str,
    pub secret: &'a str,
    pub desc: Option<&'a str>,
    pub approved: bool,
    pub peer_approved: bool,
    pub verified: bool,
    pub verification_token: Option<&'a str>,
    pub peer_identifier: Option<&'a str>,
    pub established_via: Option<&'a str>,
    pub created_at: Option<chrono::NaiveDateTime>,
    pub last_accessed: Option<chrono::NaiveDateTime>,
    pub last_connected_via: Option<&'a str>,
    pub client_name: Option<&'a str>,
    pub client_version: Option<&'a str>,
    pub client_platform: Option<&'a str>,
    pub oauth_client_id: Option<&'a str>,
    pub aw_supported: Option<&'a str>,
    pub aw_version: Option<&'a str>,
    pub capabilities_fetched_at: Option<chrono::DateTime<chrono::FixedOffset>>,
}
impl<'a> From<TrustRowBorrowed<'a>> for TrustRow {
    fn from(
        TrustRowBorrowed {
            id,
            peerid,
            baseuri,
            peer_type,
            relationship,
            secret,
            desc,
            approved,
            peer_approved,
            verified,
            verification_token,
            peer_identifier,
            established_via,
            created_at,
            last_accessed,
            last_connected_via,
            client_name,
            client_version,
            client_platform,
            oauth_client_id,
            aw_supported,
            aw_version,
            capabilities_fetched_at,
        }: TrustRowBorrowed<'a>,
    ) -> Self {
        Self {
            id: id.into(),
            peerid: peerid.into(),
            baseuri: baseuri.into(),
            peer_type: peer_type.into(),
            relationship: relationship.into(),
            secret: secret.into(),
            desc: desc.map(|v| v.into()),
            approved,
            peer_approved,
            verified,
            verification_token: verification_token.map(|v| v.into()),
            peer_identifier: peer_identifier.map(|v| v.into()),
            established_via: established_via.map(|v| v.into()),
            created_at,
            last_accessed,
            last_connected_via: last_connected_via.map(|v| v.into()),
            client_name: client_name.map(|v| v.into()),
            client_version: client_version.map(|v| v.into()),
            client_platform: client_platform.map(|v| v.into()),
            oauth_client_id: oauth_client_id.map(|v| v.into()),
            aw_supported: aw_supported.map(|v| v.into()),
            aw_version: aw_version.map(|v| v.into()),
            capabilities_fetched_at,
        }
    }
}
use crate::client::async_::GenericClient;
use futures::{self, StreamExt, TryStreamExt};
pub struct TrustRowQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<TrustRowBorrowed, tokio_postgres::Error>,
    mapper: fn(TrustRowBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> TrustRowQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(self, mapper: fn(TrustRowBorrowed) -> R) -> TrustRowQuery<'c, 'a, 's, C, R, N> {
        TrustRowQuery {
            client: self.client,
            params: self.params,
            query: self.query,
            cached: self.cached,
            extractor: self.extractor,
            mapper,
        }
    }
    pub async fn one(self) -> Result<T, tokio_postgres::Error> {
        let row =
            crate::client::async_::one(self.client, self.query, &self.params, self.cached).await?;
        Ok((self.mapper)((self.extractor)(&row)?))
    }
    pub async fn all(self) -> Result<Vec<T>, tokio_postgres::Error> {
        self.iter().await?.try_collect().await
    }
    pub async fn opt(self) -> Result<Option<T>, tokio_postgres::Error> {
        let opt_row =
            crate::client::async_::opt(self.client, self.query, &self.params, self.cached).await?;
        Ok(opt_row
            .map(|row| {
                let extracted = (self.extractor)(&row)?;
                Ok((self.mapper)(extracted))
            })
            .transpose()?)
    }
    pub async fn iter(
        self,
    ) -> Result<
        impl futures::Stream<Item = Result<T, tokio_postgres::Error>> + 'c,
        tokio_postgres::Error,
    > {
        let stream = crate::client::async_::raw(
            self.client,
            self.query,
            crate::slice_iter(&self.params),
            self.cached,
        )
        .await?;
        let mapped = stream
            .map(move |res| {
                res.and_then(|row| {
                    let extracted = (self.extractor)(&row)?;
                    Ok((self.mapper)(extracted))
                })
            })
            .into_stream();
        Ok(mapped)
    }
}
pub struct BoolQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<bool, tokio_postgres::Error>,
    mapper: fn(bool) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> BoolQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(self, mapper: fn(bool) -> R) -> BoolQuery<'c, 'a, 's, C, R, N> {
        BoolQuery {
            client: self.client,
            params: self.params,
            query: self.query,
            cached: self.cached,
            extractor: self.extractor,
            mapper,
        }
    }
    pub async fn one(self) -> Result<T, tokio_postgres::Error> {
        let row =
            crate::client::async_::one(self.client, self.query, &self.params, self.cached).await?;
        Ok((self.mapper)((self.extractor)(&row)?))
    }
    pub async fn all(self) -> Result<Vec<T>, tokio_postgres::Error> {
        self.iter().await?.try_collect().await
    }
    pub async fn opt(self) -> Result<Option<T>, tokio_postgres::Error> {
        let opt_row =
            crate::client::async_::opt(self.client, self.query, &self.params, self.cached).await?;
        Ok(opt_row
            .map(|row| {
                let extracted = (self.extractor)(&row)?;
                Ok((self.mapper)(extracted))
            })
            .transpose()?)
    }
    pub async fn iter(
        self,
    ) -> Result<
        impl futures::Stream<Item = Result<T, tokio_postgres::Error>> + 'c,
        tokio_postgres::Error,
    > {
        let stream = crate::client::async_::raw(
            self.client,
            self.query,
            crate::slice_iter(&self.params),
            self.cached,
        )
        .await?;
        let mapped = stream
            .map(move |res| {
                res.and_then(|row| {
                    let extracted = (self.extractor)(&row)?;
                    Ok((self.mapper)(extracted))
                })
            })
            .into_stream();
        Ok(mapped)
    }
}
pub struct I64Query<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<i64, tokio_postgres::Error>,
    mapper: fn(i64) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> I64Query<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(self, mapper: fn(i64) -> R) -> I64Query<'c, 'a, 's, C, R, N> {
        I64Query {
            client: self.client,
            params: self.params,
            query: self.query,
            cached: self.cached,
            extractor: self.extractor,
            mapper,
        }
    }
    pub async fn one(self) -> Result<T, tokio_postgres::Error> {
        let row =
            crate::client::async_::one(self.client, self.query, &self.params, self.cached).await?;
        Ok((self.mapper)((self.extractor)(&row)?))
    }
    pub async fn all(self) -> Result<Vec<T>, tokio_postgres::Error> {
        self.iter().await?.try_collect().await
    }
    pub async fn opt(self) -> Result<Option<T>, tokio_postgres::Error> {
        let opt_row =
            crate::client::async_::opt(self.client, self.query, &self.params, self.cached).await?;
        Ok(opt_row
            .map(|row| {
                let extracted = (self.extractor)(&row)?;
                Ok((self.mapper)(extracted))
            })
            .transpose()?)
    }
    pub async fn iter(
        self,
    ) -> Result<
        impl futures::Stream<Item = Result<T, tokio_postgres::Error>> + 'c,
        tokio_postgres::Error,
    > {
        let stream = crate::client::async_::raw(
            self.client,
            self.query,
            crate::slice_iter(&self.params),
            self.cached,
        )
        .await?;
        let mapped = stream
            .map(move |res| {
                res.and_then(|row| {
                    let extracted = (self.extractor)(&row)?;
                    Ok((self.mapper)(extracted))
                })
            })
            .into_stream();
        Ok(mapped)
    }
}
pub struct TrustByPeerStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn trust_by_peer() -> TrustByPeerStmt {
    TrustByPeerStmt(
        "SELECT id, peerid, baseuri, type AS peer_type, relationship, secret, \"desc\", approved, peer_approved, verified, verification_token, peer_identifier, established_via, created_at, last_accessed, last_connected_via, client_name, client_version, client_platform, oauth_client_id, aw_supported, aw_version, capabilities_fetched_at FROM trusts WHERE id = $1 AND peerid = $2",
        None,
    )
}
impl TrustByPeerStmt {
    pub async fn prepare<'a, C: GenericClient>(
        mut self,
        client: &'a C,
    ) -> Result<Self, tokio_postgres::Error> {
        self.1 = Some(client.prepare(self.0).await?);
        Ok(self)
    }
    fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        peerid: &'a T2,
    ) -> TrustRowQuery<'c, 'a, 's, C, TrustRow, 2> {
        TrustRowQuery {
            client,
            params: [actor_id, peerid],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<TrustRowBorrowed, tokio_postgres::Error> {
                    Ok(TrustRowBorrowed {
                        id: row.try_get(0)?,
                        peerid: row.try_get(1)?,
                        baseuri: row.try_get(2)?,
                        peer_type: row.try_get(3)?,
                        relationship: row.try_get(4)?,
                        secret: row.try_get(5)?,
                        desc: row.try_get(6)?,
                        approved: row.try_get(7)?,
                        peer_approved: row.try_get(8)?,
                        verified: row.try_get(9)?,
                        verification_token: row.try_get(10)?,
                        peer_identifier: row.try_get(11)?,
                        established_via: row.try_get(12)?,
                        created_at: row.try_get(13)?,
                        last_accessed: row.try_get(14)?,
                        last_connected_via: row.try_get(15)?,
                        client_name: row.try_get(16)?,
                        client_version: row.try_get(17)?,
                        client_platform: row.try_get(18)?,
                        oauth_client_id: row.try_get(19)?,
                        aw_supported: row.try_get(20)?,
                        aw_version: row.try_get(21)?,
                        capabilities_fetched_at: row.try_get(22)?,
                    })
                },
            mapper: |it| TrustRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        TrustByPeerParams<T1, T2>,
        TrustRowQuery<'c, 'a, 's, C, TrustRow, 2>,
        C,
    > for TrustByPeerStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a TrustByPeerParams<T1, T2>,
    ) -> TrustRowQuery<'c, 'a, 's, C, TrustRow, 2> {
        self.bind(client, &params.actor_id, &params.peerid)
    }
}
pub struct TrustBySecretStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn trust_by_secret() -> TrustBySecretStmt {
    TrustBySecretStmt(
        "SELECT id, peerid, baseuri, type AS peer_type, relationship, secret, \"desc\", approved, peer_approved, verified, verification_token, peer_identifier, established_via, created_at, last_accessed, last_connected_via, client_name, client_version, client_platform, oauth_client_id, aw_supported, aw_version, capabilities_fetched_at FROM trusts WHERE id = $1 AND secret = $2 ORDER BY peerid LIMIT 1",
        None,
    )
}
impl TrustBySecretStmt {
    pub async fn prepare<'a, C: GenericClient>(
        mut self,
        client: &'a C,
    ) -> Result<Self, tokio_postgres::Error> {
        self.1 = Some(client.prepare(self.0).await?);
        Ok(self)
    }
    fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        secret: &'a T2,
    ) -> TrustRowQuery<'c, 'a, 's, C, TrustRow, 2> {
        TrustRowQuery {
            client,
            params: [actor_id, secret],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<TrustRowBorrowed, tokio_postgres::Error> {
                    Ok(TrustRowBorrowed {
                        id: row.try_get(0)?,
                        peerid: row.try_get(1)?,
                        baseuri: row.try_get(2)?,
                        peer_type: row.try_get(3)?,
                        relationship: row.try_get(4)?,
                        secret: row.try_get(5)?,
                        desc: row.try_get(6)?,
                        approved: row.try_get(7)?,
                        peer_approved: row.try_get(8)?,
                        verified: row.try_get(9)?,
                        verification_token: row.try_get(10)?,
                        peer_identifier: row.try_get(11)?,
                        established_via: row.try_get(12)?,
                        created_at: row.try_get(13)?,
                        last_accessed: row.try_get(14)?,
                        last_connected_via: row.try_get(15)?,
                        client_name: row.try_get(16)?,
                        client_version: row.try_get(17)?,
                        client_platform: row.try_get(18)?,
                        oauth_client_id: row.try_get(19)?,
                        aw_supported: row.try_get(20)?,
                        aw_version: row.try_get(21)?,
                        capabilities_fetched_at: row.try_get(22)?,
                    })
                },
            mapper: |it| TrustRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        TrustBySecretParams<T1, T2>,
        TrustRowQuery<'c, 'a, 's, C, TrustRow, 2>,
        C,
    > for TrustBySecretStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a TrustBySecretParams<T1, T2>,
    ) -> TrustRowQuery<'c, 'a, 's, C, TrustRow, 2> {
        self.bind(client, &params.actor_id, &params.secret)
    }
}
pub struct SecretExistsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn secret_exists() -> SecretExistsStmt {
    SecretExistsStmt(
        "SELECT EXISTS (SELECT 1 FROM trusts WHERE id = $1 AND secret = $2) AS found",
        None,
    )
}
impl SecretExistsStmt {
    pub async fn prepare<'a, C: GenericClient>(
        mut self,
        client: &'a C,
    ) -> Result<Self, tokio_postgres::Error> {
        self.1 = Some(client.prepare(self.0).await?);
        Ok(self)
    }
    fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        secret: &'a T2,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 2> {
        BoolQuery {
            client,
            params: [actor_id, secret],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        SecretExistsParams<T1, T2>,
        BoolQuery<'c, 'a, 's, C, bool, 2>,
        C,
    > for SecretExistsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a SecretExistsParams<T1, T2>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 2> {
        self.bind(client, &params.actor_id, &params.secret)
    }
}
pub struct TrustsOfActorStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn trusts_of_actor() -> TrustsOfActorStmt {
    TrustsOfActorStmt(
        "SELECT id, peerid, baseuri, type AS peer_type, relationship, secret, \"desc\", approved, peer_approved, verified, verification_token, peer_identifier, established_via, created_at, last_accessed, last_connected_via, client_name, client_version, client_platform, oauth_client_id, aw_supported, aw_version, capabilities_fetched_at FROM trusts WHERE id = $1 ORDER BY peerid",
        None,
    )
}
impl TrustsOfActorStmt {
    pub async fn prepare<'a, C: GenericClient>(
        mut self,
        client: &'a C,
    ) -> Result<Self, tokio_postgres::Error> {
        self.1 = Some(client.prepare(self.0).await?);
        Ok(self)
    }
    fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
    ) -> TrustRowQuery<'c, 'a, 's, C, TrustRow, 1> {
        TrustRowQuery {
            client,
            params: [actor_id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<TrustRowBorrowed, tokio_postgres::Error> {
                    Ok(TrustRowBorrowed {
                        id: row.try_get(0)?,
                        peerid: row.try_get(1)?,
                        baseuri: row.try_get(2)?,
                        peer_type: row.try_get(3)?,
                        relationship: row.try_get(4)?,
                        secret: row.try_get(5)?,
                        desc: row.try_get(6)?,
                        approved: row.try_get(7)?,
                        peer_approved: row.try_get(8)?,
                        verified: row.try_get(9)?,
                        verification_token: row.try_get(10)?,
                        peer_identifier: row.try_get(11)?,
                        established_via: row.try_get(12)?,
                        created_at: row.try_get(13)?,
                        last_accessed: row.try_get(14)?,
                        last_connected_via: row.try_get(15)?,
                        client_name: row.try_get(16)?,
                        client_version: row.try_get(17)?,
                        client_platform: row.try_get(18)?,
                        oauth_client_id: row.try_get(19)?,
                        aw_supported: row.try_get(20)?,
                        aw_version: row.try_get(21)?,
                        capabilities_fetched_at: row.try_get(22)?,
                    })
                },
            mapper: |it| TrustRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ActorIdParam<T1>,
        TrustRowQuery<'c, 'a, 's, C, TrustRow, 1>,
        C,
    > for TrustsOfActorStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> TrustRowQuery<'c, 'a, 's, C, TrustRow, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct UpsertTrustStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn upsert_trust() -> UpsertTrustStmt {
    UpsertTrustStmt(
        "INSERT INTO trusts ( id, peerid, baseuri, type, relationship, secret, \"desc\", approved, peer_approved, verified, verification_token, peer_identifier, established_via, created_at, last_accessed, last_connected_via, client_name, client_version, client_platform, oauth_client_id, aw_supported, aw_version, capabilities_fetched_at ) VALUES ( $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, COALESCE($14, now() AT TIME ZONE 'UTC'), COALESCE($15, $14, now() AT TIME ZONE 'UTC'), $16, $17, $18, $19, $20, $21, $22, $23 ) ON CONFLICT (id, peerid) DO UPDATE SET baseuri = EXCLUDED.baseuri, type = EXCLUDED.type, relationship = EXCLUDED.relationship, secret = EXCLUDED.secret, \"desc\" = EXCLUDED.\"desc\", approved = EXCLUDED.approved, peer_approved = EXCLUDED.peer_approved, verified = EXCLUDED.verified, verification_token = EXCLUDED.verification_token, peer_identifier = EXCLUDED.peer_identifier, established_via = EXCLUDED.established_via, last_accessed = EXCLUDED.last_accessed, last_connected_via = EXCLUDED.last_connected_via, client_name = EXCLUDED.client_name, client_version = EXCLUDED.client_version, client_platform = EXCLUDED.client_platform, oauth_client_id = EXCLUDED.oauth_client_id, aw_supported = EXCLUDED.aw_supported, aw_version = EXCLUDED.aw_version, capabilities_fetched_at = EXCLUDED.capabilities_fetched_at RETURNING id, peerid, baseuri, type AS peer_type, relationship, secret, \"desc\", approved, peer_approved, verified, verification_token, peer_identifier, established_via, created_at, last_accessed, last_connected_via, client_name, client_version, client_platform, oauth_client_id, aw_supported, aw_version, capabilities_fetched_at",
        None,
    )
}
impl UpsertTrustStmt {
    pub async fn prepare<'a, C: GenericClient>(
        mut self,
        client: &'a C,
    ) -> Result<Self, tokio_postgres::Error> {
        self.1 = Some(client.prepare(self.0).await?);
        Ok(self)
    }
    fn bind<
        'c,
        'a,
        's,
        C: GenericClient,
        T1: crate::StringSql,
        T2: crate::StringSql,
        T3: crate::StringSql,
        T4: crate::StringSql,
        T5: crate::StringSql,
        T6: crate::StringSql,
        T7: crate::StringSql,
        T8: crate::StringSql,
        T9: crate::StringSql,
        T10: crate::StringSql,
        T11: crate::StringSql,
        T12: crate::StringSql,
        T13: crate::StringSql,
        T14: crate::StringSql,
        T15: crate::StringSql,
        T16: crate::StringSql,
        T17: crate::StringSql,
    >(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        peerid: &'a T2,
        baseuri: &'a T3,
        peer_type: &'a T4,
        relationship: &'a T5,
        secret: &'a T6,
        desc: &'a T7,
        approved: &'a bool,
        peer_approved: &'a bool,
        verified: &'a bool,
        verification_token: &'a T8,
        peer_identifier: &'a Option<T9>,
        established_via: &'a Option<T10>,
        created_at: &'a Option<chrono::NaiveDateTime>,
        last_accessed: &'a Option<chrono::NaiveDateTime>,
        last_connected_via: &'a Option<T11>,
        client_name: &'a Option<T12>,
        client_version: &'a Option<T13>,
        client_platform: &'a Option<T14>,
        oauth_client_id: &'a Option<T15>,
        aw_supported: &'a Option<T16>,
        aw_version: &'a Option<T17>,
        capabilities_fetched_at: &'a Option<chrono::DateTime<chrono::FixedOffset>>,
    ) -> TrustRowQuery<'c, 'a, 's, C, TrustRow, 23> {
        TrustRowQuery {
            client,
            params: [
                actor_id,
                peerid,
                baseuri,
                peer_type,
                relationship,
                secret,
                desc,
                approved,
                peer_approved,
                verified,
                verification_token,
                peer_identifier,
                established_via,
                created_at,
                last_accessed,
                last_connected_via,
                client_name,
                client_version,
                client_platform,
                oauth_client_id,
                aw_supported,
                aw_version,
                capabilities_fetched_at,
            ],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<TrustRowBorrowed, tokio_postgres::Error> {
                    Ok(TrustRowBorrowed {
                        id: row.try_get(0)?,
                        peerid: row.try_get(1)?,
                        baseuri: row.try_get(2)?,
                        peer_type: row.try_get(3)?,
                        relationship: row.try_get(4)?,
                        secret: row.try_get(5)?,
                        desc: row.try_get(6)?,
                        approved: row.try_get(7)?,
                        peer_approved: row.try_get(8)?,
                        verified: row.try_get(9)?,
                        verification_token: row.try_get(10)?,
                        peer_identifier: row.try_get(11)?,
                        established_via: row.try_get(12)?,
                        created_at: row.try_get(13)?,
                        last_accessed: row.try_get(14)?,
                        last_connected_via: row.try_get(15)?,
                        client_name: row.try_get(16)?,
                        client_version: row.try_get(17)?,
                        client_platform: row.try_get(18)?,
                        oauth_client_id: row.try_get(19)?,
                        aw_supported: row.try_get(20)?,
                        aw_version: row.try_get(21)?,
                        capabilities_fetched_at: row.try_get(22)?,
                    })
                },
            mapper: |it| TrustRow::from(it),
        }
    }
}
impl<
    'c,
    'a,
    's,
    C: GenericClient,
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
    T5: crate::StringSql,
    T6: crate::StringSql,
    T7: crate::StringSql,
    T8: crate::StringSql,
    T9: crate::StringSql,
    T10: crate::StringSql,
    T11: crate::StringSql,
    T12: crate::StringSql,
    T13: crate::StringSql,
    T14: crate::StringSql,
    T15: crate::StringSql,
    T16: crate::StringSql,
    T17: crate::StringSql,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        UpsertTrustParams<
            T1,
            T2,
            T3,
            T4,
            T5,
            T6,
            T7,
            T8,
            T9,
            T10,
            T11,
            T12,
            T13,
            T14,
            T15,
            T16,
            T17,
        >,
        TrustRowQuery<'c, 'a, 's, C, TrustRow, 23>,
        C,
    > for UpsertTrustStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a UpsertTrustParams<
            T1,
            T2,
            T3,
            T4,
            T5,
            T6,
            T7,
            T8,
            T9,
            T10,
            T11,
            T12,
            T13,
            T14,
            T15,
            T16,
            T17,
        >,
    ) -> TrustRowQuery<'c, 'a, 's, C, TrustRow, 23> {
        self.bind(
            client,
            &params.actor_id,
            &params.peerid,
            &params.baseuri,
            &params.peer_type,
            &params.relationship,
            &params.secret,
            &params.desc,
            &params.approved,
            &params.peer_approved,
            &params.verified,
            &params.verification_token,
            &params.peer_identifier,
            &params.established_via,
            &params.created_at,
            &params.last_accessed,
            &params.last_connected_via,
            &params.client_name,
            &params.client_version,
            &params.client_platform,
            &params.oauth_client_id,
            &params.aw_supported,
            &params.aw_version,
            &params.capabilities_fetched_at,
        )
    }
}
pub struct UpdateTrustStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn update_trust() -> UpdateTrustStmt {
    UpdateTrustStmt(
        "UPDATE trusts SET baseuri = COALESCE(NULLIF($1, ''), baseuri), secret = COALESCE(NULLIF($2, ''), secret), \"desc\" = COALESCE(NULLIF($3, ''), \"desc\"), approved = COALESCE($4, approved), peer_approved = COALESCE($5, peer_approved), verified = COALESCE($6, verified), verification_token = COALESCE(NULLIF($7, ''), verification_token), peer_identifier = COALESCE($8, peer_identifier), established_via = COALESCE($9, established_via), created_at = COALESCE($10, created_at), last_accessed = COALESCE($11, last_accessed), last_connected_via = CASE WHEN $12 THEN $13 ELSE last_connected_via END, client_name = COALESCE($14, client_name), client_version = COALESCE($15, client_version), client_platform = COALESCE($16, client_platform), oauth_client_id = COALESCE($17, oauth_client_id), aw_supported = COALESCE($18, aw_supported), aw_version = COALESCE($19, aw_version), capabilities_fetched_at = COALESCE($20, capabilities_fetched_at) WHERE id = $21 AND peerid = $22 RETURNING true AS updated",
        None,
    )
}
impl UpdateTrustStmt {
    pub async fn prepare<'a, C: GenericClient>(
        mut self,
        client: &'a C,
    ) -> Result<Self, tokio_postgres::Error> {
        self.1 = Some(client.prepare(self.0).await?);
        Ok(self)
    }
    fn bind<
        'c,
        'a,
        's,
        C: GenericClient,
        T1: crate::StringSql,
        T2: crate::StringSql,
        T3: crate::StringSql,
        T4: crate::StringSql,
        T5: crate::StringSql,
        T6: crate::StringSql,
        T7: crate::StringSql,
        T8: crate::StringSql,
        T9: crate::StringSql,
        T10: crate::StringSql,
        T11: crate::StringSql,
        T12: crate::StringSql,
        T13: crate::StringSql,
        T14: crate::StringSql,
        T15: crate::StringSql,
    >(
        &'s self,
        client: &'c C,
        baseuri: &'a Option<T1>,
        secret: &'a Option<T2>,
        desc: &'a Option<T3>,
        approved: &'a Option<bool>,
        peer_approved: &'a Option<bool>,
        verified: &'a Option<bool>,
        verification_token: &'a Option<T4>,
        peer_identifier: &'a Option<T5>,
        established_via: &'a Option<T6>,
        created_at: &'a Option<chrono::NaiveDateTime>,
        last_accessed: &'a Option<chrono::NaiveDateTime>,
        set_last_connected_via: &'a bool,
        last_connected_via: &'a Option<T7>,
        client_name: &'a Option<T8>,
        client_version: &'a Option<T9>,
        client_platform: &'a Option<T10>,
        oauth_client_id: &'a Option<T11>,
        aw_supported: &'a Option<T12>,
        aw_version: &'a Option<T13>,
        capabilities_fetched_at: &'a Option<chrono::DateTime<chrono::FixedOffset>>,
        actor_id: &'a T14,
        peerid: &'a T15,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 22> {
        BoolQuery {
            client,
            params: [
                baseuri,
                secret,
                desc,
                approved,
                peer_approved,
                verified,
                verification_token,
                peer_identifier,
                established_via,
                created_at,
                last_accessed,
                set_last_connected_via,
                last_connected_via,
                client_name,
                client_version,
                client_platform,
                oauth_client_id,
                aw_supported,
                aw_version,
                capabilities_fetched_at,
                actor_id,
                peerid,
            ],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
    }
}
impl<
    'c,
    'a,
    's,
    C: GenericClient,
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
    T5: crate::StringSql,
    T6: crate::StringSql,
    T7: crate::StringSql,
    T8: crate::StringSql,
    T9: crate::StringSql,
    T10: crate::StringSql,
    T11: crate::StringSql,
    T12: crate::StringSql,
    T13: crate::StringSql,
    T14: crate::StringSql,
    T15: crate::StringSql,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        UpdateTrustParams<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15>,
        BoolQuery<'c, 'a, 's, C, bool, 22>,
        C,
    > for UpdateTrustStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a UpdateTrustParams<
            T1,
            T2,
            T3,
            T4,
            T5,
            T6,
            T7,
            T8,
            T9,
            T10,
            T11,
            T12,
            T13,
            T14,
            T15,
        >,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 22> {
        self.bind(
            client,
            &params.baseuri,
            &params.secret,
            &params.desc,
            &params.approved,
            &params.peer_approved,
            &params.verified,
            &params.verification_token,
            &params.peer_identifier,
            &params.established_via,
            &params.created_at,
            &params.last_accessed,
            &params.set_last_connected_via,
            &params.last_connected_via,
            &params.client_name,
            &params.client_version,
            &params.client_platform,
            &params.oauth_client_id,
            &params.aw_supported,
            &params.aw_version,
            &params.capabilities_fetched_at,
            &params.actor_id,
            &params.peerid,
        )
    }
}
pub struct DeleteTrustStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_trust() -> DeleteTrustStmt {
    DeleteTrustStmt(
        "DELETE FROM trusts WHERE id = $1 AND peerid = $2 RETURNING true AS deleted",
        None,
    )
}
impl DeleteTrustStmt {
    pub async fn prepare<'a, C: GenericClient>(
        mut self,
        client: &'a C,
    ) -> Result<Self, tokio_postgres::Error> {
        self.1 = Some(client.prepare(self.0).await?);
        Ok(self)
    }
    fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        peerid: &'a T2,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 2> {
        BoolQuery {
            client,
            params: [actor_id, peerid],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        DeleteTrustParams<T1, T2>,
        BoolQuery<'c, 'a, 's, C, bool, 2>,
        C,
    > for DeleteTrustStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteTrustParams<T1, T2>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 2> {
        self.bind(client, &params.actor_id, &params.peerid)
    }
}
pub struct DeleteTrustsOfActorStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_trusts_of_actor() -> DeleteTrustsOfActorStmt {
    DeleteTrustsOfActorStmt(
        "WITH deleted AS (DELETE FROM trusts WHERE id = $1 RETURNING 1) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeleteTrustsOfActorStmt {
    pub async fn prepare<'a, C: GenericClient>(
        mut self,
        client: &'a C,
    ) -> Result<Self, tokio_postgres::Error> {
        self.1 = Some(client.prepare(self.0).await?);
        Ok(self)
    }
    fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
    ) -> I64Query<'c, 'a, 's, C, i64, 1> {
        I64Query {
            client,
            params: [actor_id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>
    crate::client::async_::Params<'c, 'a, 's, ActorIdParam<T1>, I64Query<'c, 'a, 's, C, i64, 1>, C>
    for DeleteTrustsOfActorStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> I64Query<'c, 'a, 's, C, i64, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct ExportTrustsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn export_trusts() -> ExportTrustsStmt {
    ExportTrustsStmt(
        "SELECT id, peerid, baseuri, type AS peer_type, relationship, secret, \"desc\", approved, peer_approved, verified, verification_token, peer_identifier, established_via, created_at, last_accessed, last_connected_via, client_name, client_version, client_platform, oauth_client_id, aw_supported, aw_version, capabilities_fetched_at FROM trusts ORDER BY id, peerid",
        None,
    )
}
impl ExportTrustsStmt {
    pub async fn prepare<'a, C: GenericClient>(
        mut self,
        client: &'a C,
    ) -> Result<Self, tokio_postgres::Error> {
        self.1 = Some(client.prepare(self.0).await?);
        Ok(self)
    }
    pub fn bind<'c, 'a, 's, C: GenericClient>(
        &'s self,
        client: &'c C,
    ) -> TrustRowQuery<'c, 'a, 's, C, TrustRow, 0> {
        TrustRowQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<TrustRowBorrowed, tokio_postgres::Error> {
                    Ok(TrustRowBorrowed {
                        id: row.try_get(0)?,
                        peerid: row.try_get(1)?,
                        baseuri: row.try_get(2)?,
                        peer_type: row.try_get(3)?,
                        relationship: row.try_get(4)?,
                        secret: row.try_get(5)?,
                        desc: row.try_get(6)?,
                        approved: row.try_get(7)?,
                        peer_approved: row.try_get(8)?,
                        verified: row.try_get(9)?,
                        verification_token: row.try_get(10)?,
                        peer_identifier: row.try_get(11)?,
                        established_via: row.try_get(12)?,
                        created_at: row.try_get(13)?,
                        last_accessed: row.try_get(14)?,
                        last_connected_via: row.try_get(15)?,
                        client_name: row.try_get(16)?,
                        client_version: row.try_get(17)?,
                        client_platform: row.try_get(18)?,
                        oauth_client_id: row.try_get(19)?,
                        aw_supported: row.try_get(20)?,
                        aw_version: row.try_get(21)?,
                        capabilities_fetched_at: row.try_get(22)?,
                    })
                },
            mapper: |it| TrustRow::from(it),
        }
    }
}
pub struct ImportTrustsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn import_trusts() -> ImportTrustsStmt {
    ImportTrustsStmt(
        "WITH inserted AS ( INSERT INTO trusts ( id, peerid, baseuri, type, relationship, secret, \"desc\", approved, peer_approved, verified, verification_token, peer_identifier, established_via, created_at, last_accessed, last_connected_via, client_name, client_version, client_platform, oauth_client_id, aw_supported, aw_version, capabilities_fetched_at ) SELECT * FROM unnest( $1::varchar[], $2::varchar[], $3::text[], $4::varchar[], $5::varchar[], $6::varchar[], $7::text[], $8::bool[], $9::bool[], $10::bool[], $11::varchar[], $12::varchar[], $13::varchar[], $14::timestamp[], $15::timestamp[], $16::varchar[], $17::varchar[], $18::varchar[], $19::varchar[], $20::varchar[], $21::text[], $22::varchar[], $23::timestamptz[] ) ON CONFLICT (id, peerid) DO NOTHING RETURNING 1 ) SELECT count(*) AS inserted FROM inserted",
        None,
    )
}
impl ImportTrustsStmt {
    pub async fn prepare<'a, C: GenericClient>(
        mut self,
        client: &'a C,
    ) -> Result<Self, tokio_postgres::Error> {
        self.1 = Some(client.prepare(self.0).await?);
        Ok(self)
    }
    fn bind<
        'c,
        'a,
        's,
        C: GenericClient,
        T1: crate::StringSql,
        T2: crate::ArraySql<Item = T1>,
        T3: crate::StringSql,
        T4: crate::ArraySql<Item = T3>,
        T5: crate::StringSql,
        T6: crate::ArraySql<Item = T5>,
        T7: crate::StringSql,
        T8: crate::ArraySql<Item = T7>,
        T9: crate::StringSql,
        T10: crate::ArraySql<Item = T9>,
        T11: crate::StringSql,
        T12: crate::ArraySql<Item = T11>,
        T13: crate::StringSql,
        T14: crate::ArraySql<Item = Option<T13>>,
        T15: crate::ArraySql<Item = bool>,
        T16: crate::ArraySql<Item = bool>,
        T17: crate::ArraySql<Item = bool>,
        T18: crate::StringSql,
        T19: crate::ArraySql<Item = Option<T18>>,
        T20: crate::StringSql,
        T21: crate::ArraySql<Item = Option<T20>>,
        T22: crate::StringSql,
        T23: crate::ArraySql<Item = Option<T22>>,
        T24: crate::ArraySql<Item = Option<chrono::NaiveDateTime>>,
        T25: crate::ArraySql<Item = Option<chrono::NaiveDateTime>>,
        T26: crate::StringSql,
        T27: crate::ArraySql<Item = Option<T26>>,
        T28: crate::StringSql,
        T29: crate::ArraySql<Item = Option<T28>>,
        T30: crate::StringSql,
        T31: crate::ArraySql<Item = Option<T30>>,
        T32: crate::StringSql,
        T33: crate::ArraySql<Item = Option<T32>>,
        T34: crate::StringSql,
        T35: crate::ArraySql<Item = Option<T34>>,
        T36: crate::StringSql,
        T37: crate::ArraySql<Item = Option<T36>>,
        T38: crate::StringSql,
        T39: crate::ArraySql<Item = Option<T38>>,
        T40: crate::ArraySql<Item = Option<chrono::DateTime<chrono::FixedOffset>>>,
    >(
        &'s self,
        client: &'c C,
        actor_ids: &'a T2,
        peerids: &'a T4,
        baseuris: &'a T6,
        peer_types: &'a T8,
        relationships: &'a T10,
        secrets: &'a T12,
        descs: &'a T14,
        approveds: &'a T15,
        peer_approveds: &'a T16,
        verifieds: &'a T17,
        verification_tokens: &'a T19,
        peer_identifiers: &'a T21,
        established_vias: &'a T23,
        created_ats: &'a T24,
        last_accesseds: &'a T25,
        last_connected_vias: &'a T27,
        client_names: &'a T29,
        client_versions: &'a T31,
        client_platforms: &'a T33,
        oauth_client_ids: &'a T35,
        aw_supporteds: &'a T37,
        aw_versions: &'a T39,
        capabilities_fetched_ats: &'a T40,
    ) -> I64Query<'c, 'a, 's, C, i64, 23> {
        I64Query {
            client,
            params: [
                actor_ids,
                peerids,
                baseuris,
                peer_types,
                relationships,
                secrets,
                descs,
                approveds,
                peer_approveds,
                verifieds,
                verification_tokens,
                peer_identifiers,
                established_vias,
                created_ats,
                last_accesseds,
                last_connected_vias,
                client_names,
                client_versions,
                client_platforms,
                oauth_client_ids,
                aw_supporteds,
                aw_versions,
                capabilities_fetched_ats,
            ],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
    }
}
impl<
    'c,
    'a,
    's,
    C: GenericClient,
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
    T5: crate::StringSql,
    T6: crate::ArraySql<Item = T5>,
    T7: crate::StringSql,
    T8: crate::ArraySql<Item = T7>,
    T9: crate::StringSql,
    T10: crate::ArraySql<Item = T9>,
    T11: crate::StringSql,
    T12: crate::ArraySql<Item = T11>,
    T13: crate::StringSql,
    T14: crate::ArraySql<Item = Option<T13>>,
    T15: crate::ArraySql<Item = bool>,
    T16: crate::ArraySql<Item = bool>,
    T17: crate::ArraySql<Item = bool>,
    T18: crate::StringSql,
    T19: crate::ArraySql<Item = Option<T18>>,
    T20: crate::StringSql,
    T21: crate::ArraySql<Item = Option<T20>>,
    T22: crate::StringSql,
    T23: crate::ArraySql<Item = Option<T22>>,
    T24: crate::ArraySql<Item = Option<chrono::NaiveDateTime>>,
    T25: crate::ArraySql<Item = Option<chrono::NaiveDateTime>>,
    T26: crate::StringSql,
    T27: crate::ArraySql<Item = Option<T26>>,
    T28: crate::StringSql,
    T29: crate::ArraySql<Item = Option<T28>>,
    T30: crate::StringSql,
    T31: crate::ArraySql<Item = Option<T30>>,
    T32: crate::StringSql,
    T33: crate::ArraySql<Item = Option<T32>>,
    T34: crate::StringSql,
    T35: crate::ArraySql<Item = Option<T34>>,
    T36: crate::StringSql,
    T37: crate::ArraySql<Item = Option<T36>>,
    T38: crate::StringSql,
    T39: crate::ArraySql<Item = Option<T38>>,
    T40: crate::ArraySql<Item = Option<chrono::DateTime<chrono::FixedOffset>>>,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ImportTrustsParams<
            T1,
            T2,
            T3,
            T4,
            T5,
            T6,
            T7,
            T8,
            T9,
            T10,
            T11,
            T12,
            T13,
            T14,
            T15,
            T16,
            T17,
            T18,
            T19,
            T20,
            T21,
            T22,
            T23,
            T24,
            T25,
            T26,
            T27,
            T28,
            T29,
            T30,
            T31,
            T32,
            T33,
            T34,
            T35,
            T36,
            T37,
            T38,
            T39,
            T40,
        >,
        I64Query<'c, 'a, 's, C, i64, 23>,
        C,
    > for ImportTrustsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ImportTrustsParams<
            T1,
            T2,
            T3,
            T4,
            T5,
            T6,
            T7,
            T8,
            T9,
            T10,
            T11,
            T12,
            T13,
            T14,
            T15,
            T16,
            T17,
            T18,
            T19,
            T20,
            T21,
            T22,
            T23,
            T24,
            T25,
            T26,
            T27,
            T28,
            T29,
            T30,
            T31,
            T32,
            T33,
            T34,
            T35,
            T36,
            T37,
            T38,
            T39,
            T40,
        >,
    ) -> I64Query<'c, 'a, 's, C, i64, 23> {
        self.bind(
            client,
            &params.actor_ids,
            &params.peerids,
            &params.baseuris,
            &params.peer_types,
            &params.relationships,
            &params.secrets,
            &params.descs,
            &params.approveds,
            &params.peer_approveds,
            &params.verifieds,
            &params.verification_tokens,
            &params.peer_identifiers,
            &params.established_vias,
            &params.created_ats,
            &params.last_accesseds,
            &params.last_connected_vias,
            &params.client_names,
            &params.client_versions,
            &params.client_platforms,
            &params.oauth_client_ids,
            &params.aw_supporteds,
            &params.aw_versions,
            &params.capabilities_fetched_ats,
        )
    }
}
pub struct MissingTrustsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn missing_trusts() -> MissingTrustsStmt {
    MissingTrustsStmt(
        "SELECT k.ord FROM unnest($1::bigint[], $2::varchar[], $3::varchar[]) AS k(ord, id, peerid) WHERE NOT EXISTS (SELECT 1 FROM trusts t WHERE t.id = k.id AND t.peerid = k.peerid) ORDER BY k.ord",
        None,
    )
}
impl MissingTrustsStmt {
    pub async fn prepare<'a, C: GenericClient>(
        mut self,
        client: &'a C,
    ) -> Result<Self, tokio_postgres::Error> {
        self.1 = Some(client.prepare(self.0).await?);
        Ok(self)
    }
    fn bind<
        'c,
        'a,
        's,
        C: GenericClient,
        T1: crate::ArraySql<Item = i64>,
        T2: crate::StringSql,
        T3: crate::ArraySql<Item = T2>,
        T4: crate::StringSql,
        T5: crate::ArraySql<Item = T4>,
    >(
        &'s self,
        client: &'c C,
        ords: &'a T1,
        actor_ids: &'a T3,
        peerids: &'a T5,
    ) -> I64Query<'c, 'a, 's, C, i64, 3> {
        I64Query {
            client,
            params: [ords, actor_ids, peerids],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
    }
}
impl<
    'c,
    'a,
    's,
    C: GenericClient,
    T1: crate::ArraySql<Item = i64>,
    T2: crate::StringSql,
    T3: crate::ArraySql<Item = T2>,
    T4: crate::StringSql,
    T5: crate::ArraySql<Item = T4>,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        MissingTrustsParams<T1, T2, T3, T4, T5>,
        I64Query<'c, 'a, 's, C, i64, 3>,
        C,
    > for MissingTrustsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a MissingTrustsParams<T1, T2, T3, T4, T5>,
    ) -> I64Query<'c, 'a, 's, C, i64, 3> {
        self.bind(client, &params.ords, &params.actor_ids, &params.peerids)
    }
}
pub struct StoredTrustsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn stored_trusts() -> StoredTrustsStmt {
    StoredTrustsStmt(
        "SELECT id, peerid, baseuri, type AS peer_type, relationship, secret, \"desc\", approved, peer_approved, verified, verification_token, peer_identifier, established_via, created_at, last_accessed, last_connected_via, client_name, client_version, client_platform, oauth_client_id, aw_supported, aw_version, capabilities_fetched_at FROM trusts WHERE (id, peerid) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[]))",
        None,
    )
}
impl StoredTrustsStmt {
    pub async fn prepare<'a, C: GenericClient>(
        mut self,
        client: &'a C,
    ) -> Result<Self, tokio_postgres::Error> {
        self.1 = Some(client.prepare(self.0).await?);
        Ok(self)
    }
    fn bind<
        'c,
        'a,
        's,
        C: GenericClient,
        T1: crate::StringSql,
        T2: crate::ArraySql<Item = T1>,
        T3: crate::StringSql,
        T4: crate::ArraySql<Item = T3>,
    >(
        &'s self,
        client: &'c C,
        actor_ids: &'a T2,
        peerids: &'a T4,
    ) -> TrustRowQuery<'c, 'a, 's, C, TrustRow, 2> {
        TrustRowQuery {
            client,
            params: [actor_ids, peerids],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<TrustRowBorrowed, tokio_postgres::Error> {
                    Ok(TrustRowBorrowed {
                        id: row.try_get(0)?,
                        peerid: row.try_get(1)?,
                        baseuri: row.try_get(2)?,
                        peer_type: row.try_get(3)?,
                        relationship: row.try_get(4)?,
                        secret: row.try_get(5)?,
                        desc: row.try_get(6)?,
                        approved: row.try_get(7)?,
                        peer_approved: row.try_get(8)?,
                        verified: row.try_get(9)?,
                        verification_token: row.try_get(10)?,
                        peer_identifier: row.try_get(11)?,
                        established_via: row.try_get(12)?,
                        created_at: row.try_get(13)?,
                        last_accessed: row.try_get(14)?,
                        last_connected_via: row.try_get(15)?,
                        client_name: row.try_get(16)?,
                        client_version: row.try_get(17)?,
                        client_platform: row.try_get(18)?,
                        oauth_client_id: row.try_get(19)?,
                        aw_supported: row.try_get(20)?,
                        aw_version: row.try_get(21)?,
                        capabilities_fetched_at: row.try_get(22)?,
                    })
                },
            mapper: |it| TrustRow::from(it),
        }
    }
}
impl<
    'c,
    'a,
    's,
    C: GenericClient,
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        StoredTrustsParams<T1, T2, T3, T4>,
        TrustRowQuery<'c, 'a, 's, C, TrustRow, 2>,
        C,
    > for StoredTrustsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a StoredTrustsParams<T1, T2, T3, T4>,
    ) -> TrustRowQuery<'c, 'a, 's, C, TrustRow, 2> {
        self.bind(client, &params.actor_ids, &params.peerids)
    }
}
pub struct DeleteTrustRowsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_trust_rows() -> DeleteTrustRowsStmt {
    DeleteTrustRowsStmt(
        "WITH deleted AS ( DELETE FROM trusts WHERE (id, peerid) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[])) RETURNING 1 ) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeleteTrustRowsStmt {
    pub async fn prepare<'a, C: GenericClient>(
        mut self,
        client: &'a C,
    ) -> Result<Self, tokio_postgres::Error> {
        self.1 = Some(client.prepare(self.0).await?);
        Ok(self)
    }
    fn bind<
        'c,
        'a,
        's,
        C: GenericClient,
        T1: crate::StringSql,
        T2: crate::ArraySql<Item = T1>,
        T3: crate::StringSql,
        T4: crate::ArraySql<Item = T3>,
    >(
        &'s self,
        client: &'c C,
        actor_ids: &'a T2,
        peerids: &'a T4,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        I64Query {
            client,
            params: [actor_ids, peerids],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
    }
}
impl<
    'c,
    'a,
    's,
    C: GenericClient,
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        DeleteTrustRowsParams<T1, T2, T3, T4>,
        I64Query<'c, 'a, 's, C, i64, 2>,
        C,
    > for DeleteTrustRowsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteTrustRowsParams<T1, T2, T3, T4>,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        self.bind(client, &params.actor_ids, &params.peerids)
    }
}
