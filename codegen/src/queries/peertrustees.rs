// This file was generated with `cornucopia`. Do not modify.

#[derive(Debug)]
pub struct PeertrusteeByPeerParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub actor_id: T1,
    pub peerid: T2,
}
#[derive(Debug)]
pub struct PeertrusteesByTypeParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub actor_id: T1,
    pub peer_type: T2,
}
#[derive(Debug)]
pub struct ActorIdParam<T1: crate::StringSql> {
    pub actor_id: T1,
}
#[derive(Debug)]
pub struct InsertPeertrusteeParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
    T5: crate::StringSql,
> {
    pub actor_id: T1,
    pub peerid: T2,
    pub baseuri: T3,
    pub peer_type: T4,
    pub passphrase: T5,
}
#[derive(Debug)]
pub struct UpdatePeertrusteeParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
    T5: crate::StringSql,
> {
    pub peer_type: Option<T1>,
    pub baseuri: Option<T2>,
    pub passphrase: Option<T3>,
    pub actor_id: T4,
    pub peerid: T5,
}
#[derive(Debug)]
pub struct DeletePeertrusteeParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub actor_id: T1,
    pub peerid: T2,
}
#[derive(Debug)]
pub struct ImportPeertrusteesParams<
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
> {
    pub actor_ids: T2,
    pub peerids: T4,
    pub baseuris: T6,
    pub peer_types: T8,
    pub passphrases: T10,
}
#[derive(Debug)]
pub struct MissingPeertrusteesParams<
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
pub struct StoredPeertrusteesParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
> {
    pub actor_ids: T2,
    pub peerids: T4,
}
#[derive(Debug)]
pub struct DeletePeertrusteeRowsParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
> {
    pub actor_ids: T2,
    pub peerids: T4,
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PeerTrusteeRow {
    pub id: String,
    pub peerid: String,
    pub baseuri: String,
    pub peer_type: String,
    pub passphrase: String,
}
pub struct PeerTrusteeRowBorrowed<'a> {
    pub id: &'a str,
    pub peerid: &'a str,
    pub baseuri: &'a str,
    pub peer_type: &'a str,
    pub passphrase: &'a str,
}
impl<'a> From<PeerTrusteeRowBorrowed<'a>> for PeerTrusteeRow {
    fn from(
        PeerTrusteeRowBorrowed {
            id,
            peerid,
            baseuri,
            peer_type,
            passphrase,
        }: PeerTrusteeRowBorrowed<'a>,
    ) -> Self {
        Self {
            id: id.into(),
            peerid: peerid.into(),
            baseuri: baseuri.into(),
            peer_type: peer_type.into(),
            passphrase: passphrase.into(),
        }
    }
}
use crate::client::async_::GenericClient;
use futures::{self, StreamExt, TryStreamExt};
pub struct PeerTrusteeRowQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<PeerTrusteeRowBorrowed, tokio_postgres::Error>,
    mapper: fn(PeerTrusteeRowBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> PeerTrusteeRowQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(PeerTrusteeRowBorrowed) -> R,
    ) -> PeerTrusteeRowQuery<'c, 'a, 's, C, R, N> {
        PeerTrusteeRowQuery {
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
pub struct PeertrusteeByPeerStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn peertrustee_by_peer() -> PeertrusteeByPeerStmt {
    PeertrusteeByPeerStmt(
        "SELECT id, peerid, baseuri, type AS peer_type, passphrase FROM peertrustees WHERE id = $1 AND peerid = $2",
        None,
    )
}
impl PeertrusteeByPeerStmt {
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
    ) -> PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 2> {
        PeerTrusteeRowQuery {
            client,
            params: [actor_id, peerid],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<PeerTrusteeRowBorrowed, tokio_postgres::Error> {
                Ok(PeerTrusteeRowBorrowed {
                    id: row.try_get(0)?,
                    peerid: row.try_get(1)?,
                    baseuri: row.try_get(2)?,
                    peer_type: row.try_get(3)?,
                    passphrase: row.try_get(4)?,
                })
            },
            mapper: |it| PeerTrusteeRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        PeertrusteeByPeerParams<T1, T2>,
        PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 2>,
        C,
    > for PeertrusteeByPeerStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a PeertrusteeByPeerParams<T1, T2>,
    ) -> PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 2> {
        self.bind(client, &params.actor_id, &params.peerid)
    }
}
pub struct PeertrusteesByTypeStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn peertrustees_by_type() -> PeertrusteesByTypeStmt {
    PeertrusteesByTypeStmt(
        "SELECT id, peerid, baseuri, type AS peer_type, passphrase FROM peertrustees WHERE id = $1 AND type = $2 ORDER BY peerid",
        None,
    )
}
impl PeertrusteesByTypeStmt {
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
        peer_type: &'a T2,
    ) -> PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 2> {
        PeerTrusteeRowQuery {
            client,
            params: [actor_id, peer_type],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<PeerTrusteeRowBorrowed, tokio_postgres::Error> {
                Ok(PeerTrusteeRowBorrowed {
                    id: row.try_get(0)?,
                    peerid: row.try_get(1)?,
                    baseuri: row.try_get(2)?,
                    peer_type: row.try_get(3)?,
                    passphrase: row.try_get(4)?,
                })
            },
            mapper: |it| PeerTrusteeRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        PeertrusteesByTypeParams<T1, T2>,
        PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 2>,
        C,
    > for PeertrusteesByTypeStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a PeertrusteesByTypeParams<T1, T2>,
    ) -> PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 2> {
        self.bind(client, &params.actor_id, &params.peer_type)
    }
}
pub struct PeertrusteesOfActorStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn peertrustees_of_actor() -> PeertrusteesOfActorStmt {
    PeertrusteesOfActorStmt(
        "SELECT id, peerid, baseuri, type AS peer_type, passphrase FROM peertrustees WHERE id = $1 ORDER BY peerid",
        None,
    )
}
impl PeertrusteesOfActorStmt {
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
    ) -> PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 1> {
        PeerTrusteeRowQuery {
            client,
            params: [actor_id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<PeerTrusteeRowBorrowed, tokio_postgres::Error> {
                Ok(PeerTrusteeRowBorrowed {
                    id: row.try_get(0)?,
                    peerid: row.try_get(1)?,
                    baseuri: row.try_get(2)?,
                    peer_type: row.try_get(3)?,
                    passphrase: row.try_get(4)?,
                })
            },
            mapper: |it| PeerTrusteeRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ActorIdParam<T1>,
        PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 1>,
        C,
    > for PeertrusteesOfActorStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct InsertPeertrusteeStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn insert_peertrustee() -> InsertPeertrusteeStmt {
    InsertPeertrusteeStmt(
        "INSERT INTO peertrustees (id, peerid, baseuri, type, passphrase) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id, peerid) DO NOTHING RETURNING id, peerid, baseuri, type AS peer_type, passphrase",
        None,
    )
}
impl InsertPeertrusteeStmt {
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
    >(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        peerid: &'a T2,
        baseuri: &'a T3,
        peer_type: &'a T4,
        passphrase: &'a T5,
    ) -> PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 5> {
        PeerTrusteeRowQuery {
            client,
            params: [actor_id, peerid, baseuri, peer_type, passphrase],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<PeerTrusteeRowBorrowed, tokio_postgres::Error> {
                Ok(PeerTrusteeRowBorrowed {
                    id: row.try_get(0)?,
                    peerid: row.try_get(1)?,
                    baseuri: row.try_get(2)?,
                    peer_type: row.try_get(3)?,
                    passphrase: row.try_get(4)?,
                })
            },
            mapper: |it| PeerTrusteeRow::from(it),
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
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        InsertPeertrusteeParams<T1, T2, T3, T4, T5>,
        PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 5>,
        C,
    > for InsertPeertrusteeStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a InsertPeertrusteeParams<T1, T2, T3, T4, T5>,
    ) -> PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 5> {
        self.bind(
            client,
            &params.actor_id,
            &params.peerid,
            &params.baseuri,
            &params.peer_type,
            &params.passphrase,
        )
    }
}
pub struct UpdatePeertrusteeStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn update_peertrustee() -> UpdatePeertrusteeStmt {
    UpdatePeertrusteeStmt(
        "UPDATE peertrustees SET type = COALESCE(NULLIF($1, ''), type), baseuri = COALESCE(NULLIF($2, ''), baseuri), passphrase = COALESCE(NULLIF($3, ''), passphrase) WHERE id = $4 AND peerid = $5 RETURNING true AS updated",
        None,
    )
}
impl UpdatePeertrusteeStmt {
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
    >(
        &'s self,
        client: &'c C,
        peer_type: &'a Option<T1>,
        baseuri: &'a Option<T2>,
        passphrase: &'a Option<T3>,
        actor_id: &'a T4,
        peerid: &'a T5,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 5> {
        BoolQuery {
            client,
            params: [peer_type, baseuri, passphrase, actor_id, peerid],
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
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        UpdatePeertrusteeParams<T1, T2, T3, T4, T5>,
        BoolQuery<'c, 'a, 's, C, bool, 5>,
        C,
    > for UpdatePeertrusteeStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a UpdatePeertrusteeParams<T1, T2, T3, T4, T5>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 5> {
        self.bind(
            client,
            &params.peer_type,
            &params.baseuri,
            &params.passphrase,
            &params.actor_id,
            &params.peerid,
        )
    }
}
pub struct DeletePeertrusteeStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_peertrustee() -> DeletePeertrusteeStmt {
    DeletePeertrusteeStmt(
        "DELETE FROM peertrustees WHERE id = $1 AND peerid = $2 RETURNING true AS deleted",
        None,
    )
}
impl DeletePeertrusteeStmt {
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
        DeletePeertrusteeParams<T1, T2>,
        BoolQuery<'c, 'a, 's, C, bool, 2>,
        C,
    > for DeletePeertrusteeStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeletePeertrusteeParams<T1, T2>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 2> {
        self.bind(client, &params.actor_id, &params.peerid)
    }
}
pub struct DeletePeertrusteesOfActorStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_peertrustees_of_actor() -> DeletePeertrusteesOfActorStmt {
    DeletePeertrusteesOfActorStmt(
        "WITH deleted AS (DELETE FROM peertrustees WHERE id = $1 RETURNING 1) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeletePeertrusteesOfActorStmt {
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
    for DeletePeertrusteesOfActorStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> I64Query<'c, 'a, 's, C, i64, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct ExportPeertrusteesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn export_peertrustees() -> ExportPeertrusteesStmt {
    ExportPeertrusteesStmt(
        "SELECT id, peerid, baseuri, type AS peer_type, passphrase FROM peertrustees ORDER BY id, peerid",
        None,
    )
}
impl ExportPeertrusteesStmt {
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
    ) -> PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 0> {
        PeerTrusteeRowQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<PeerTrusteeRowBorrowed, tokio_postgres::Error> {
                Ok(PeerTrusteeRowBorrowed {
                    id: row.try_get(0)?,
                    peerid: row.try_get(1)?,
                    baseuri: row.try_get(2)?,
                    peer_type: row.try_get(3)?,
                    passphrase: row.try_get(4)?,
                })
            },
            mapper: |it| PeerTrusteeRow::from(it),
        }
    }
}
pub struct ImportPeertrusteesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn import_peertrustees() -> ImportPeertrusteesStmt {
    ImportPeertrusteesStmt(
        "WITH inserted AS ( INSERT INTO peertrustees (id, peerid, baseuri, type, passphrase) SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::text[], $4::varchar[], $5::text[]) ON CONFLICT (id, peerid) DO NOTHING RETURNING 1 ) SELECT count(*) AS inserted FROM inserted",
        None,
    )
}
impl ImportPeertrusteesStmt {
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
    >(
        &'s self,
        client: &'c C,
        actor_ids: &'a T2,
        peerids: &'a T4,
        baseuris: &'a T6,
        peer_types: &'a T8,
        passphrases: &'a T10,
    ) -> I64Query<'c, 'a, 's, C, i64, 5> {
        I64Query {
            client,
            params: [actor_ids, peerids, baseuris, peer_types, passphrases],
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
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ImportPeertrusteesParams<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>,
        I64Query<'c, 'a, 's, C, i64, 5>,
        C,
    > for ImportPeertrusteesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ImportPeertrusteesParams<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>,
    ) -> I64Query<'c, 'a, 's, C, i64, 5> {
        self.bind(
            client,
            &params.actor_ids,
            &params.peerids,
            &params.baseuris,
            &params.peer_types,
            &params.passphrases,
        )
    }
}
pub struct MissingPeertrusteesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn missing_peertrustees() -> MissingPeertrusteesStmt {
    MissingPeertrusteesStmt(
        "SELECT k.ord FROM unnest($1::bigint[], $2::varchar[], $3::varchar[]) AS k(ord, id, peerid) WHERE NOT EXISTS (SELECT 1 FROM peertrustees p WHERE p.id = k.id AND p.peerid = k.peerid) ORDER BY k.ord",
        None,
    )
}
impl MissingPeertrusteesStmt {
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
        MissingPeertrusteesParams<T1, T2, T3, T4, T5>,
        I64Query<'c, 'a, 's, C, i64, 3>,
        C,
    > for MissingPeertrusteesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a MissingPeertrusteesParams<T1, T2, T3, T4, T5>,
    ) -> I64Query<'c, 'a, 's, C, i64, 3> {
        self.bind(client, &params.ords, &params.actor_ids, &params.peerids)
    }
}
pub struct StoredPeertrusteesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn stored_peertrustees() -> StoredPeertrusteesStmt {
    StoredPeertrusteesStmt(
        "SELECT id, peerid, baseuri, type AS peer_type, passphrase FROM peertrustees WHERE (id, peerid) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[]))",
        None,
    )
}
impl StoredPeertrusteesStmt {
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
    ) -> PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 2> {
        PeerTrusteeRowQuery {
            client,
            params: [actor_ids, peerids],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<PeerTrusteeRowBorrowed, tokio_postgres::Error> {
                Ok(PeerTrusteeRowBorrowed {
                    id: row.try_get(0)?,
                    peerid: row.try_get(1)?,
                    baseuri: row.try_get(2)?,
                    peer_type: row.try_get(3)?,
                    passphrase: row.try_get(4)?,
                })
            },
            mapper: |it| PeerTrusteeRow::from(it),
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
        StoredPeertrusteesParams<T1, T2, T3, T4>,
        PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 2>,
        C,
    > for StoredPeertrusteesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a StoredPeertrusteesParams<T1, T2, T3, T4>,
    ) -> PeerTrusteeRowQuery<'c, 'a, 's, C, PeerTrusteeRow, 2> {
        self.bind(client, &params.actor_ids, &params.peerids)
    }
}
pub struct DeletePeertrusteeRowsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_peertrustee_rows() -> DeletePeertrusteeRowsStmt {
    DeletePeertrusteeRowsStmt(
        "WITH deleted AS ( DELETE FROM peertrustees WHERE (id, peerid) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[])) RETURNING 1 ) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeletePeertrusteeRowsStmt {
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
        DeletePeertrusteeRowsParams<T1, T2, T3, T4>,
        I64Query<'c, 'a, 's, C, i64, 2>,
        C,
    > for DeletePeertrusteeRowsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeletePeertrusteeRowsParams<T1, T2, T3, T4>,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        self.bind(client, &params.actor_ids, &params.peerids)
    }
}
