// This file was generated with `cornucopia`. Do not modify.

#[derive(Debug)]
pub struct SubscriptionParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
> {
    pub actor_id: T1,
    pub peer_sub_id: T2,
    pub peerid: T3,
    pub subid: T4,
}
#[derive(Debug)]
pub struct InsertSubscriptionParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
    T5: crate::StringSql,
    T6: crate::StringSql,
    T7: crate::StringSql,
    T8: crate::StringSql,
> {
    pub actor_id: T1,
    pub peer_sub_id: T2,
    pub peerid: T3,
    pub subid: T4,
    pub granularity: Option<T5>,
    pub target: Option<T6>,
    pub subtarget: Option<T7>,
    pub resource: Option<T8>,
    pub seqnr: i32,
    pub callback: bool,
}
#[derive(Debug)]
pub struct SubscriptionKeyHolderParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub actor_id: T1,
    pub peer_sub_id: T2,
}
#[derive(Debug)]
pub struct UpdateSubscriptionParams<
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
> {
    pub actor_id: T1,
    pub new_peer_sub_id: T2,
    pub peer_sub_id: T3,
    pub new_peerid: T4,
    pub new_subid: T5,
    pub granularity: Option<T6>,
    pub target: Option<T7>,
    pub subtarget: Option<T8>,
    pub resource: Option<T9>,
    pub seqnr: Option<i32>,
    pub callback: Option<bool>,
    pub peerid: T10,
    pub subid: T11,
}
#[derive(Debug)]
pub struct DeleteSubscriptionParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
> {
    pub actor_id: T1,
    pub peer_sub_id: T2,
    pub peerid: T3,
    pub subid: T4,
}
#[derive(Debug)]
pub struct ActorIdParam<T1: crate::StringSql> {
    pub actor_id: T1,
}
#[derive(Debug)]
pub struct ImportSubscriptionsParams<
    T1: crate::ArraySql<Item = i64>,
    T2: crate::StringSql,
    T3: crate::ArraySql<Item = T2>,
    T4: crate::StringSql,
    T5: crate::ArraySql<Item = T4>,
    T6: crate::StringSql,
    T7: crate::ArraySql<Item = T6>,
    T8: crate::StringSql,
    T9: crate::ArraySql<Item = T8>,
    T10: crate::StringSql,
    T11: crate::ArraySql<Item = Option<T10>>,
    T12: crate::StringSql,
    T13: crate::ArraySql<Item = Option<T12>>,
    T14: crate::StringSql,
    T15: crate::ArraySql<Item = Option<T14>>,
    T16: crate::StringSql,
    T17: crate::ArraySql<Item = Option<T16>>,
    T18: crate::ArraySql<Item = i32>,
    T19: crate::ArraySql<Item = bool>,
> {
    pub ords: T1,
    pub actor_ids: T3,
    pub peer_sub_ids: T5,
    pub peerids: T7,
    pub subids: T9,
    pub granularities: T11,
    pub targets: T13,
    pub subtargets: T15,
    pub resources: T17,
    pub seqnrs: T18,
    pub callbacks: T19,
}
#[derive(Debug)]
pub struct MissingSubscriptionsParams<
    T1: crate::ArraySql<Item = i64>,
    T2: crate::StringSql,
    T3: crate::ArraySql<Item = T2>,
    T4: crate::StringSql,
    T5: crate::ArraySql<Item = T4>,
    T6: crate::StringSql,
    T7: crate::ArraySql<Item = T6>,
    T8: crate::StringSql,
    T9: crate::ArraySql<Item = T8>,
> {
    pub ords: T1,
    pub actor_ids: T3,
    pub peer_sub_ids: T5,
    pub peerids: T7,
    pub subids: T9,
}
#[derive(Debug)]
pub struct StoredSubscriptionsParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
    T5: crate::StringSql,
    T6: crate::ArraySql<Item = T5>,
    T7: crate::StringSql,
    T8: crate::ArraySql<Item = T7>,
> {
    pub actor_ids: T2,
    pub peer_sub_ids: T4,
    pub peerids: T6,
    pub subids: T8,
}
#[derive(Debug)]
pub struct DeleteSubscriptionRowsParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
> {
    pub actor_ids: T2,
    pub peer_sub_ids: T4,
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SubscriptionRow {
    pub id: String,
    pub peerid: String,
    pub subid: String,
    pub granularity: Option<String>,
    pub target: Option<String>,
    pub subtarget: Option<String>,
    pub resource: Option<String>,
    pub seqnr: i32,
    pub callback: bool,
}
pub struct SubscriptionRowBorrowed<'a> {
    pub id: &'a str,
    pub peerid: &'a str,
    pub subid: &'a str,
    pub granularity: Option<&'a str>,
    pub target: Option<&'a str>,
    pub subtarget: Option<&'a str>,
    pub resource: Option<&'a str>,
    pub seqnr: i32,
    pub callback: bool,
}
impl<'a> From<SubscriptionRowBorrowed<'a>> for SubscriptionRow {
    fn from(
        SubscriptionRowBorrowed {
            id,
            peerid,
            subid,
            granularity,
            target,
            subtarget,
            resource,
            seqnr,
            callback,
        }: SubscriptionRowBorrowed<'a>,
    ) -> Self {
        Self {
            id: id.into(),
            peerid: peerid.into(),
            subid: subid.into(),
            granularity: granularity.map(|v| v.into()),
            target: target.map(|v| v.into()),
            subtarget: subtarget.map(|v| v.into()),
            resource: resource.map(|v| v.into()),
            seqnr,
            callback,
        }
    }
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SubscriptionKeyHolder {
    pub peerid: String,
    pub subid: String,
}
pub struct SubscriptionKeyHolderBorrowed<'a> {
    pub peerid: &'a str,
    pub subid: &'a str,
}
impl<'a> From<SubscriptionKeyHolderBorrowed<'a>> for SubscriptionKeyHolder {
    fn from(
        SubscriptionKeyHolderBorrowed { peerid, subid }: SubscriptionKeyHolderBorrowed<'a>,
    ) -> Self {
        Self {
            peerid: peerid.into(),
            subid: subid.into(),
        }
    }
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct UpdateSubscription {
    pub found: bool,
    pub updated: bool,
    pub holder_peerid: Option<String>,
    pub holder_subid: Option<String>,
}
pub struct UpdateSubscriptionBorrowed<'a> {
    pub found: bool,
    pub updated: bool,
    pub holder_peerid: Option<&'a str>,
    pub holder_subid: Option<&'a str>,
}
impl<'a> From<UpdateSubscriptionBorrowed<'a>> for UpdateSubscription {
    fn from(
        UpdateSubscriptionBorrowed {
            found,
            updated,
            holder_peerid,
            holder_subid,
        }: UpdateSubscriptionBorrowed<'a>,
    ) -> Self {
        Self {
            found,
            updated,
            holder_peerid: holder_peerid.map(|v| v.into()),
            holder_subid: holder_subid.map(|v| v.into()),
        }
    }
}
#[derive(Debug, Clone, PartialEq, Copy, serde::Serialize)]
pub struct ImportSubscriptions {
    pub inserted: i64,
    pub ambiguous: Option<i64>,
}
use crate::client::async_::GenericClient;
use futures::{self, StreamExt, TryStreamExt};
pub struct SubscriptionRowQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<SubscriptionRowBorrowed, tokio_postgres::Error>,
    mapper: fn(SubscriptionRowBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> SubscriptionRowQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(SubscriptionRowBorrowed) -> R,
    ) -> SubscriptionRowQuery<'c, 'a, 's, C, R, N> {
        SubscriptionRowQuery {
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
pub struct SubscriptionKeyHolderQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor:
        fn(&tokio_postgres::Row) -> Result<SubscriptionKeyHolderBorrowed, tokio_postgres::Error>,
    mapper: fn(SubscriptionKeyHolderBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> SubscriptionKeyHolderQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(SubscriptionKeyHolderBorrowed) -> R,
    ) -> SubscriptionKeyHolderQuery<'c, 'a, 's, C, R, N> {
        SubscriptionKeyHolderQuery {
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
pub struct UpdateSubscriptionQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor:
        fn(&tokio_postgres::Row) -> Result<UpdateSubscriptionBorrowed, tokio_postgres::Error>,
    mapper: fn(UpdateSubscriptionBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> UpdateSubscriptionQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(UpdateSubscriptionBorrowed) -> R,
    ) -> UpdateSubscriptionQuery<'c, 'a, 's, C, R, N> {
        UpdateSubscriptionQuery {
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
pub struct ImportSubscriptionsQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<ImportSubscriptions, tokio_postgres::Error>,
    mapper: fn(ImportSubscriptions) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> ImportSubscriptionsQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(ImportSubscriptions) -> R,
    ) -> ImportSubscriptionsQuery<'c, 'a, 's, C, R, N> {
        ImportSubscriptionsQuery {
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
pub struct SubscriptionStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn subscription() -> SubscriptionStmt {
    SubscriptionStmt(
        "SELECT id, peerid, subid, granularity, target, subtarget, resource, seqnr, callback FROM subscriptions WHERE id = $1 AND peer_sub_id = $2 AND peerid = $3 AND subid = $4",
        None,
    )
}
impl SubscriptionStmt {
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
    >(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        peer_sub_id: &'a T2,
        peerid: &'a T3,
        subid: &'a T4,
    ) -> SubscriptionRowQuery<'c, 'a, 's, C, SubscriptionRow, 4> {
        SubscriptionRowQuery {
            client,
            params: [actor_id, peer_sub_id, peerid, subid],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<SubscriptionRowBorrowed, tokio_postgres::Error> {
                Ok(SubscriptionRowBorrowed {
                    id: row.try_get(0)?,
                    peerid: row.try_get(1)?,
                    subid: row.try_get(2)?,
                    granularity: row.try_get(3)?,
                    target: row.try_get(4)?,
                    subtarget: row.try_get(5)?,
                    resource: row.try_get(6)?,
                    seqnr: row.try_get(7)?,
                    callback: row.try_get(8)?,
                })
            },
            mapper: |it| SubscriptionRow::from(it),
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
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        SubscriptionParams<T1, T2, T3, T4>,
        SubscriptionRowQuery<'c, 'a, 's, C, SubscriptionRow, 4>,
        C,
    > for SubscriptionStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a SubscriptionParams<T1, T2, T3, T4>,
    ) -> SubscriptionRowQuery<'c, 'a, 's, C, SubscriptionRow, 4> {
        self.bind(
            client,
            &params.actor_id,
            &params.peer_sub_id,
            &params.peerid,
            &params.subid,
        )
    }
}
pub struct InsertSubscriptionStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn insert_subscription() -> InsertSubscriptionStmt {
    InsertSubscriptionStmt(
        "INSERT INTO subscriptions (id, peer_sub_id, peerid, subid, granularity, target, subtarget, resource, seqnr, callback) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id, peer_sub_id) DO NOTHING RETURNING id, peerid, subid, granularity, target, subtarget, resource, seqnr, callback",
        None,
    )
}
impl InsertSubscriptionStmt {
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
    >(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        peer_sub_id: &'a T2,
        peerid: &'a T3,
        subid: &'a T4,
        granularity: &'a Option<T5>,
        target: &'a Option<T6>,
        subtarget: &'a Option<T7>,
        resource: &'a Option<T8>,
        seqnr: &'a i32,
        callback: &'a bool,
    ) -> SubscriptionRowQuery<'c, 'a, 's, C, SubscriptionRow, 10> {
        SubscriptionRowQuery {
            client,
            params: [
                actor_id,
                peer_sub_id,
                peerid,
                subid,
                granularity,
                target,
                subtarget,
                resource,
                seqnr,
                callback,
            ],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<SubscriptionRowBorrowed, tokio_postgres::Error> {
                Ok(SubscriptionRowBorrowed {
                    id: row.try_get(0)?,
                    peerid: row.try_get(1)?,
                    subid: row.try_get(2)?,
                    granularity: row.try_get(3)?,
                    target: row.try_get(4)?,
                    subtarget: row.try_get(5)?,
                    resource: row.try_get(6)?,
                    seqnr: row.try_get(7)?,
                    callback: row.try_get(8)?,
                })
            },
            mapper: |it| SubscriptionRow::from(it),
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
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        InsertSubscriptionParams<T1, T2, T3, T4, T5, T6, T7, T8>,
        SubscriptionRowQuery<'c, 'a, 's, C, SubscriptionRow, 10>,
        C,
    > for InsertSubscriptionStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a InsertSubscriptionParams<T1, T2, T3, T4, T5, T6, T7, T8>,
    ) -> SubscriptionRowQuery<'c, 'a, 's, C, SubscriptionRow, 10> {
        self.bind(
            client,
            &params.actor_id,
            &params.peer_sub_id,
            &params.peerid,
            &params.subid,
            &params.granularity,
            &params.target,
            &params.subtarget,
            &params.resource,
            &params.seqnr,
            &params.callback,
        )
    }
}
pub struct SubscriptionKeyHolderStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn subscription_key_holder() -> SubscriptionKeyHolderStmt {
    SubscriptionKeyHolderStmt(
        "SELECT peerid, subid FROM subscriptions WHERE id = $1 AND peer_sub_id = $2",
        None,
    )
}
impl SubscriptionKeyHolderStmt {
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
        peer_sub_id: &'a T2,
    ) -> SubscriptionKeyHolderQuery<'c, 'a, 's, C, SubscriptionKeyHolder, 2> {
        SubscriptionKeyHolderQuery {
            client,
            params: [actor_id, peer_sub_id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<SubscriptionKeyHolderBorrowed, tokio_postgres::Error> {
                Ok(SubscriptionKeyHolderBorrowed {
                    peerid: row.try_get(0)?,
                    subid: row.try_get(1)?,
                })
            },
            mapper: |it| SubscriptionKeyHolder::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        SubscriptionKeyHolderParams<T1, T2>,
        SubscriptionKeyHolderQuery<'c, 'a, 's, C, SubscriptionKeyHolder, 2>,
        C,
    > for SubscriptionKeyHolderStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a SubscriptionKeyHolderParams<T1, T2>,
    ) -> SubscriptionKeyHolderQuery<'c, 'a, 's, C, SubscriptionKeyHolder, 2> {
        self.bind(client, &params.actor_id, &params.peer_sub_id)
    }
}
pub struct UpdateSubscriptionStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn update_subscription() -> UpdateSubscriptionStmt {
    UpdateSubscriptionStmt(
        "WITH holder AS ( SELECT peerid, subid FROM subscriptions WHERE id = $1 AND peer_sub_id = $2 AND peer_sub_id <> $3 ), updated AS ( UPDATE subscriptions SET peer_sub_id = $2, peerid = $4, subid = $5, granularity = COALESCE(NULLIF($6, ''), granularity), target = COALESCE(NULLIF($7, ''), target), subtarget = COALESCE(NULLIF($8, ''), subtarget), resource = COALESCE(NULLIF($9, ''), resource), seqnr = COALESCE($10, seqnr), callback = COALESCE($11, callback) WHERE id = $1 AND peer_sub_id = $3 AND peerid = $12 AND subid = $13 AND NOT EXISTS (SELECT 1 FROM holder) RETURNING 1 ) SELECT EXISTS ( SELECT 1 FROM subscriptions WHERE id = $1 AND peer_sub_id = $3 AND peerid = $12 AND subid = $13 ) AS found, EXISTS (SELECT 1 FROM updated) AS updated, (SELECT peerid FROM holder) AS holder_peerid, (SELECT subid FROM holder) AS holder_subid",
        None,
    )
}
impl UpdateSubscriptionStmt {
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
    >(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        new_peer_sub_id: &'a T2,
        peer_sub_id: &'a T3,
        new_peerid: &'a T4,
        new_subid: &'a T5,
        granularity: &'a Option<T6>,
        target: &'a Option<T7>,
        subtarget: &'a Option<T8>,
        resource: &'a Option<T9>,
        seqnr: &'a Option<i32>,
        callback: &'a Option<bool>,
        peerid: &'a T10,
        subid: &'a T11,
    ) -> UpdateSubscriptionQuery<'c, 'a, 's, C, UpdateSubscription, 13> {
        UpdateSubscriptionQuery {
            client,
            params: [
                actor_id,
                new_peer_sub_id,
                peer_sub_id,
                new_peerid,
                new_subid,
                granularity,
                target,
                subtarget,
                resource,
                seqnr,
                callback,
                peerid,
                subid,
            ],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<UpdateSubscriptionBorrowed, tokio_postgres::Error> {
                Ok(UpdateSubscriptionBorrowed {
                    found: row.try_get(0)?,
                    updated: row.try_get(1)?,
                    holder_peerid: row.try_get(2)?,
                    holder_subid: row.try_get(3)?,
                })
            },
            mapper: |it| UpdateSubscription::from(it),
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
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        UpdateSubscriptionParams<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>,
        UpdateSubscriptionQuery<'c, 'a, 's, C, UpdateSubscription, 13>,
        C,
    > for UpdateSubscriptionStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a UpdateSubscriptionParams<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>,
    ) -> UpdateSubscriptionQuery<'c, 'a, 's, C, UpdateSubscription, 13> {
        self.bind(
            client,
            &params.actor_id,
            &params.new_peer_sub_id,
            &params.peer_sub_id,
            &params.new_peerid,
            &params.new_subid,
            &params.granularity,
            &params.target,
            &params.subtarget,
            &params.resource,
            &params.seqnr,
            &params.callback,
            &params.peerid,
            &params.subid,
        )
    }
}
pub struct DeleteSubscriptionStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_subscription() -> DeleteSubscriptionStmt {
    DeleteSubscriptionStmt(
        "DELETE FROM subscriptions WHERE id = $1 AND peer_sub_id = $2 AND peerid = $3 AND subid = $4 RETURNING true AS deleted",
        None,
    )
}
impl DeleteSubscriptionStmt {
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
    >(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        peer_sub_id: &'a T2,
        peerid: &'a T3,
        subid: &'a T4,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 4> {
        BoolQuery {
            client,
            params: [actor_id, peer_sub_id, peerid, subid],
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
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        DeleteSubscriptionParams<T1, T2, T3, T4>,
        BoolQuery<'c, 'a, 's, C, bool, 4>,
        C,
    > for DeleteSubscriptionStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteSubscriptionParams<T1, T2, T3, T4>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 4> {
        self.bind(
            client,
            &params.actor_id,
            &params.peer_sub_id,
            &params.peerid,
            &params.subid,
        )
    }
}
pub struct SubscriptionsOfActorStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn subscriptions_of_actor() -> SubscriptionsOfActorStmt {
    SubscriptionsOfActorStmt(
        "SELECT id, peerid, subid, granularity, target, subtarget, resource, seqnr, callback FROM subscriptions WHERE id = $1 ORDER BY peer_sub_id COLLATE \"C\"",
        None,
    )
}
impl SubscriptionsOfActorStmt {
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
    ) -> SubscriptionRowQuery<'c, 'a, 's, C, SubscriptionRow, 1> {
        SubscriptionRowQuery {
            client,
            params: [actor_id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<SubscriptionRowBorrowed, tokio_postgres::Error> {
                Ok(SubscriptionRowBorrowed {
                    id: row.try_get(0)?,
                    peerid: row.try_get(1)?,
                    subid: row.try_get(2)?,
                    granularity: row.try_get(3)?,
                    target: row.try_get(4)?,
                    subtarget: row.try_get(5)?,
                    resource: row.try_get(6)?,
                    seqnr: row.try_get(7)?,
                    callback: row.try_get(8)?,
                })
            },
            mapper: |it| SubscriptionRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ActorIdParam<T1>,
        SubscriptionRowQuery<'c, 'a, 's, C, SubscriptionRow, 1>,
        C,
    > for SubscriptionsOfActorStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> SubscriptionRowQuery<'c, 'a, 's, C, SubscriptionRow, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct DeleteAllSubscriptionsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_all_subscriptions() -> DeleteAllSubscriptionsStmt {
    DeleteAllSubscriptionsStmt(
        "WITH deleted AS (DELETE FROM subscriptions WHERE id = $1 RETURNING 1) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeleteAllSubscriptionsStmt {
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
    for DeleteAllSubscriptionsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> I64Query<'c, 'a, 's, C, i64, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct ExportSubscriptionsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn export_subscriptions() -> ExportSubscriptionsStmt {
    ExportSubscriptionsStmt(
        "SELECT id, peerid, subid, granularity, target, subtarget, resource, seqnr, callback FROM subscriptions ORDER BY id, peer_sub_id",
        None,
    )
}
impl ExportSubscriptionsStmt {
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
    ) -> SubscriptionRowQuery<'c, 'a, 's, C, SubscriptionRow, 0> {
        SubscriptionRowQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<SubscriptionRowBorrowed, tokio_postgres::Error> {
                Ok(SubscriptionRowBorrowed {
                    id: row.try_get(0)?,
                    peerid: row.try_get(1)?,
                    subid: row.try_get(2)?,
                    granularity: row.try_get(3)?,
                    target: row.try_get(4)?,
                    subtarget: row.try_get(5)?,
                    resource: row.try_get(6)?,
                    seqnr: row.try_get(7)?,
                    callback: row.try_get(8)?,
                })
            },
            mapper: |it| SubscriptionRow::from(it),
        }
    }
}
pub struct ImportSubscriptionsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn import_subscriptions() -> ImportSubscriptionsStmt {
    ImportSubscriptionsStmt(
        "WITH input AS ( SELECT * FROM unnest($1::bigint[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[], $9::varchar[], $10::int[], $11::bool[]) AS i(ord, id, peer_sub_id, peerid, subid, granularity, target, subtarget, resource, seqnr, callback) ), inserted AS ( INSERT INTO subscriptions (id, peer_sub_id, peerid, subid, granularity, target, subtarget, resource, seqnr, callback) SELECT id, peer_sub_id, peerid, subid, granularity, target, subtarget, resource, seqnr, callback FROM input ORDER BY ord ON CONFLICT (id, peer_sub_id) DO NOTHING RETURNING 1 ), ambiguous AS ( SELECT i.ord FROM input i JOIN subscriptions s ON s.id = i.id AND s.peer_sub_id = i.peer_sub_id WHERE s.peerid <> i.peerid OR s.subid <> i.subid UNION ALL SELECT j.ord FROM input i JOIN input j ON j.id = i.id AND j.peer_sub_id = i.peer_sub_id AND i.ord < j.ord WHERE i.peerid <> j.peerid OR i.subid <> j.subid ) SELECT (SELECT count(*) FROM inserted) AS inserted, (SELECT min(ord) FROM ambiguous) AS ambiguous",
        None,
    )
}
impl ImportSubscriptionsStmt {
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
        T6: crate::StringSql,
        T7: crate::ArraySql<Item = T6>,
        T8: crate::StringSql,
        T9: crate::ArraySql<Item = T8>,
        T10: crate::StringSql,
        T11: crate::ArraySql<Item = Option<T10>>,
        T12: crate::StringSql,
        T13: crate::ArraySql<Item = Option<T12>>,
        T14: crate::StringSql,
        T15: crate::ArraySql<Item = Option<T14>>,
        T16: crate::StringSql,
        T17: crate::ArraySql<Item = Option<T16>>,
        T18: crate::ArraySql<Item = i32>,
        T19: crate::ArraySql<Item = bool>,
    >(
        &'s self,
        client: &'c C,
        ords: &'a T1,
        actor_ids: &'a T3,
        peer_sub_ids: &'a T5,
        peerids: &'a T7,
        subids: &'a T9,
        granularities: &'a T11,
        targets: &'a T13,
        subtargets: &'a T15,
        resources: &'a T17,
        seqnrs: &'a T18,
        callbacks: &'a T19,
    ) -> ImportSubscriptionsQuery<'c, 'a, 's, C, ImportSubscriptions, 11> {
        ImportSubscriptionsQuery {
            client,
            params: [
                ords,
                actor_ids,
                peer_sub_ids,
                peerids,
                subids,
                granularities,
                targets,
                subtargets,
                resources,
                seqnrs,
                callbacks,
            ],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<ImportSubscriptions, tokio_postgres::Error> {
                    Ok(ImportSubscriptions {
                        inserted: row.try_get(0)?,
                        ambiguous: row.try_get(1)?,
                    })
                },
            mapper: |it| ImportSubscriptions::from(it),
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
    T6: crate::StringSql,
    T7: crate::ArraySql<Item = T6>,
    T8: crate::StringSql,
    T9: crate::ArraySql<Item = T8>,
    T10: crate::StringSql,
    T11: crate::ArraySql<Item = Option<T10>>,
    T12: crate::StringSql,
    T13: crate::ArraySql<Item = Option<T12>>,
    T14: crate::StringSql,
    T15: crate::ArraySql<Item = Option<T14>>,
    T16: crate::StringSql,
    T17: crate::ArraySql<Item = Option<T16>>,
    T18: crate::ArraySql<Item = i32>,
    T19: crate::ArraySql<Item = bool>,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ImportSubscriptionsParams<
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
        >,
        ImportSubscriptionsQuery<'c, 'a, 's, C, ImportSubscriptions, 11>,
        C,
    > for ImportSubscriptionsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ImportSubscriptionsParams<
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
        >,
    ) -> ImportSubscriptionsQuery<'c, 'a, 's, C, ImportSubscriptions, 11> {
        self.bind(
            client,
            &params.ords,
            &params.actor_ids,
            &params.peer_sub_ids,
            &params.peerids,
            &params.subids,
            &params.granularities,
            &params.targets,
            &params.subtargets,
            &params.resources,
            &params.seqnrs,
            &params.callbacks,
        )
    }
}
pub struct MissingSubscriptionsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn missing_subscriptions() -> MissingSubscriptionsStmt {
    MissingSubscriptionsStmt(
        "SELECT k.ord FROM unnest($1::bigint[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[]) AS k(ord, id, peer_sub_id, peerid, subid) WHERE NOT EXISTS ( SELECT 1 FROM subscriptions s WHERE s.id = k.id AND s.peer_sub_id = k.peer_sub_id AND s.peerid = k.peerid AND s.subid = k.subid ) ORDER BY k.ord",
        None,
    )
}
impl MissingSubscriptionsStmt {
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
        T6: crate::StringSql,
        T7: crate::ArraySql<Item = T6>,
        T8: crate::StringSql,
        T9: crate::ArraySql<Item = T8>,
    >(
        &'s self,
        client: &'c C,
        ords: &'a T1,
        actor_ids: &'a T3,
        peer_sub_ids: &'a T5,
        peerids: &'a T7,
        subids: &'a T9,
    ) -> I64Query<'c, 'a, 's, C, i64, 5> {
        I64Query {
            client,
            params: [ords, actor_ids, peer_sub_ids, peerids, subids],
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
    T6: crate::StringSql,
    T7: crate::ArraySql<Item = T6>,
    T8: crate::StringSql,
    T9: crate::ArraySql<Item = T8>,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        MissingSubscriptionsParams<T1, T2, T3, T4, T5, T6, T7, T8, T9>,
        I64Query<'c, 'a, 's, C, i64, 5>,
        C,
    > for MissingSubscriptionsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a MissingSubscriptionsParams<T1, T2, T3, T4, T5, T6, T7, T8, T9>,
    ) -> I64Query<'c, 'a, 's, C, i64, 5> {
        self.bind(
            client,
            &params.ords,
            &params.actor_ids,
            &params.peer_sub_ids,
            &params.peerids,
            &params.subids,
        )
    }
}
pub struct StoredSubscriptionsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn stored_subscriptions() -> StoredSubscriptionsStmt {
    StoredSubscriptionsStmt(
        "SELECT id, peerid, subid, granularity, target, subtarget, resource, seqnr, callback FROM subscriptions WHERE (id, peer_sub_id, peerid, subid) IN ( SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[]) )",
        None,
    )
}
impl StoredSubscriptionsStmt {
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
    >(
        &'s self,
        client: &'c C,
        actor_ids: &'a T2,
        peer_sub_ids: &'a T4,
        peerids: &'a T6,
        subids: &'a T8,
    ) -> SubscriptionRowQuery<'c, 'a, 's, C, SubscriptionRow, 4> {
        SubscriptionRowQuery {
            client,
            params: [actor_ids, peer_sub_ids, peerids, subids],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<SubscriptionRowBorrowed, tokio_postgres::Error> {
                Ok(SubscriptionRowBorrowed {
                    id: row.try_get(0)?,
                    peerid: row.try_get(1)?,
                    subid: row.try_get(2)?,
                    granularity: row.try_get(3)?,
                    target: row.try_get(4)?,
                    subtarget: row.try_get(5)?,
                    resource: row.try_get(6)?,
                    seqnr: row.try_get(7)?,
                    callback: row.try_get(8)?,
                })
            },
            mapper: |it| SubscriptionRow::from(it),
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
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        StoredSubscriptionsParams<T1, T2, T3, T4, T5, T6, T7, T8>,
        SubscriptionRowQuery<'c, 'a, 's, C, SubscriptionRow, 4>,
        C,
    > for StoredSubscriptionsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a StoredSubscriptionsParams<T1, T2, T3, T4, T5, T6, T7, T8>,
    ) -> SubscriptionRowQuery<'c, 'a, 's, C, SubscriptionRow, 4> {
        self.bind(
            client,
            &params.actor_ids,
            &params.peer_sub_ids,
            &params.peerids,
            &params.subids,
        )
    }
}
pub struct DeleteSubscriptionRowsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_subscription_rows() -> DeleteSubscriptionRowsStmt {
    DeleteSubscriptionRowsStmt(
        "WITH deleted AS ( DELETE FROM subscriptions WHERE (id, peer_sub_id) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[])) RETURNING 1 ) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeleteSubscriptionRowsStmt {
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
        peer_sub_ids: &'a T4,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        I64Query {
            client,
            params: [actor_ids, peer_sub_ids],
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
        DeleteSubscriptionRowsParams<T1, T2, T3, T4>,
        I64Query<'c, 'a, 's, C, i64, 2>,
        C,
    > for DeleteSubscriptionRowsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteSubscriptionRowsParams<T1, T2, T3, T4>,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        self.bind(client, &params.actor_ids, &params.peer_sub_ids)
    }
}
