// This file was generated with `cornucopia`. Do not modify.

#[derive(Debug)]
pub struct AttributeParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
> {
    pub actor_id: T1,
    pub bucket_name: T2,
    pub bucket: T3,
    pub name: T4,
}
#[derive(Debug)]
pub struct UpsertAttributeParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
    T5: crate::JsonSql,
> {
    pub actor_id: T1,
    pub bucket_name: T2,
    pub bucket: T3,
    pub name: T4,
    pub data: T5,
    pub timestamp: Option<chrono::NaiveDateTime>,
    pub ttl_seconds: Option<i64>,
}
#[derive(Debug)]
pub struct DeleteAttributeParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
> {
    pub actor_id: T1,
    pub bucket_name: T2,
    pub bucket: T3,
    pub name: T4,
}
#[derive(Debug)]
pub struct CompareAndSwapAttributeParams<
    T1: crate::JsonSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
    T5: crate::StringSql,
    T6: crate::JsonSql,
> {
    pub new: T1,
    pub timestamp: Option<chrono::NaiveDateTime>,
    pub actor_id: T2,
    pub bucket_name: T3,
    pub bucket: T4,
    pub name: T5,
    pub old: T6,
}
#[derive(Debug)]
pub struct BucketAttributesParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub actor_id: T1,
    pub bucket: T2,
}
#[derive(Debug)]
pub struct ActorIdParam<T1: crate::StringSql> {
    pub actor_id: T1,
}
#[derive(Debug)]
pub struct DeleteBucketParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub actor_id: T1,
    pub bucket: T2,
}
#[derive(Debug)]
pub struct DeleteAttributesByChainParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::ArraySql<Item = T2>,
    T4: crate::StringSql,
> {
    pub actor_id: T1,
    pub buckets: T3,
    pub chain_id: T4,
}
#[derive(Debug)]
pub struct DeleteExpiredAttributesParams<T1: crate::StringSql, T2: crate::ArraySql<Item = T1>> {
    pub now_epoch: Option<i64>,
    pub buckets: Option<T2>,
}
#[derive(Debug)]
pub struct ImportAttributesParams<
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
    T12: crate::ArraySql<Item = Option<chrono::NaiveDateTime>>,
    T13: crate::ArraySql<Item = Option<i64>>,
> {
    pub ords: T1,
    pub actor_ids: T3,
    pub bucket_names: T5,
    pub buckets: T7,
    pub names: T9,
    pub datas: T11,
    pub timestamps: T12,
    pub ttl_timestamps: T13,
}
#[derive(Debug)]
pub struct MissingAttributesParams<
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
    pub bucket_names: T5,
    pub buckets: T7,
    pub names: T9,
}
#[derive(Debug)]
pub struct StoredAttributesParams<
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
    pub bucket_names: T4,
    pub buckets: T6,
    pub names: T8,
}
#[derive(Debug)]
pub struct CanonicalJsonbParams<T1: crate::StringSql, T2: crate::ArraySql<Item = Option<T1>>> {
    pub texts: T2,
}
#[derive(Debug)]
pub struct DeleteAttributeRowsParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
> {
    pub actor_ids: T2,
    pub bucket_names: T4,
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AttributeRow {
    pub data: Option<String>,
    pub timestamp: Option<chrono::NaiveDateTime>,
    pub ttl_timestamp: Option<i64>,
}
pub struct AttributeRowBorrowed<'a> {
    pub data: Option<&'a str>,
    pub timestamp: Option<chrono::NaiveDateTime>,
    pub ttl_timestamp: Option<i64>,
}
impl<'a> From<AttributeRowBorrowed<'a>> for AttributeRow {
    fn from(
        AttributeRowBorrowed {
            data,
            timestamp,
            ttl_timestamp,
        }: AttributeRowBorrowed<'a>,
    ) -> Self {
        Self {
            data: data.map(|v| v.into()),
            timestamp,
            ttl_timestamp,
        }
    }
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NamedAttributeRow {
    pub name: String,
    pub data: Option<String>,
    pub timestamp: Option<chrono::NaiveDateTime>,
    pub ttl_timestamp: Option<i64>,
}
pub struct NamedAttributeRowBorrowed<'a> {
    pub name: &'a str,
    pub data: Option<&'a str>,
    pub timestamp: Option<chrono::NaiveDateTime>,
    pub ttl_timestamp: Option<i64>,
}
impl<'a> From<NamedAttributeRowBorrowed<'a>> for NamedAttributeRow {
    fn from(
        NamedAttributeRowBorrowed {
            name,
            data,
            timestamp,
            ttl_timestamp,
        }: NamedAttributeRowBorrowed<'a>,
    ) -> Self {
        Self {
            name: name.into(),
            data: data.map(|v| v.into()),
            timestamp,
            ttl_timestamp,
        }
    }
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BucketAttributeRow {
    pub bucket: String,
    pub name: String,
    pub data: Option<String>,
    pub timestamp: Option<chrono::NaiveDateTime>,
    pub ttl_timestamp: Option<i64>,
}
pub struct BucketAttributeRowBorrowed<'a> {
    pub bucket: &'a str,
    pub name: &'a str,
    pub data: Option<&'a str>,
    pub timestamp: Option<chrono::NaiveDateTime>,
    pub ttl_timestamp: Option<i64>,
}
impl<'a> From<BucketAttributeRowBorrowed<'a>> for BucketAttributeRow {
    fn from(
        BucketAttributeRowBorrowed {
            bucket,
            name,
            data,
            timestamp,
            ttl_timestamp,
        }: BucketAttributeRowBorrowed<'a>,
    ) -> Self {
        Self {
            bucket: bucket.into(),
            name: name.into(),
            data: data.map(|v| v.into()),
            timestamp,
            ttl_timestamp,
        }
    }
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BucketTimestamps {
    pub bucket: String,
    pub latest: Option<chrono::NaiveDateTime>,
}
pub struct BucketTimestampsBorrowed<'a> {
    pub bucket: &'a str,
    pub latest: Option<chrono::NaiveDateTime>,
}
impl<'a> From<BucketTimestampsBorrowed<'a>> for BucketTimestamps {
    fn from(BucketTimestampsBorrowed { bucket, latest }: BucketTimestampsBorrowed<'a>) -> Self {
        Self {
            bucket: bucket.into(),
            latest,
        }
    }
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AttributeTransfer {
    pub id: String,
    pub bucket: String,
    pub name: String,
    pub data: Option<String>,
    pub timestamp: Option<chrono::NaiveDateTime>,
    pub ttl_timestamp: Option<i64>,
}
pub struct AttributeTransferBorrowed<'a> {
    pub id: &'a str,
    pub bucket: &'a str,
    pub name: &'a str,
    pub data: Option<&'a str>,
    pub timestamp: Option<chrono::NaiveDateTime>,
    pub ttl_timestamp: Option<i64>,
}
impl<'a> From<AttributeTransferBorrowed<'a>> for AttributeTransfer {
    fn from(
        AttributeTransferBorrowed {
            id,
            bucket,
            name,
            data,
            timestamp,
            ttl_timestamp,
        }: AttributeTransferBorrowed<'a>,
    ) -> Self {
        Self {
            id: id.into(),
            bucket: bucket.into(),
            name: name.into(),
            data: data.map(|v| v.into()),
            timestamp,
            ttl_timestamp,
        }
    }
}
#[derive(Debug, Clone, PartialEq, Copy, serde::Serialize)]
pub struct ImportAttributes {
    pub inserted: i64,
    pub ambiguous: Option<i64>,
}
use crate::client::async_::GenericClient;
use futures::{self, StreamExt, TryStreamExt};
pub struct AttributeRowQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<AttributeRowBorrowed, tokio_postgres::Error>,
    mapper: fn(AttributeRowBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> AttributeRowQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(AttributeRowBorrowed) -> R,
    ) -> AttributeRowQuery<'c, 'a, 's, C, R, N> {
        AttributeRowQuery {
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
pub struct NamedAttributeRowQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<NamedAttributeRowBorrowed, tokio_postgres::Error>,
    mapper: fn(NamedAttributeRowBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> NamedAttributeRowQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(NamedAttributeRowBorrowed) -> R,
    ) -> NamedAttributeRowQuery<'c, 'a, 's, C, R, N> {
        NamedAttributeRowQuery {
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
pub struct BucketAttributeRowQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor:
        fn(&tokio_postgres::Row) -> Result<BucketAttributeRowBorrowed, tokio_postgres::Error>,
    mapper: fn(BucketAttributeRowBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> BucketAttributeRowQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(BucketAttributeRowBorrowed) -> R,
    ) -> BucketAttributeRowQuery<'c, 'a, 's, C, R, N> {
        BucketAttributeRowQuery {
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
pub struct BucketTimestampsQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<BucketTimestampsBorrowed, tokio_postgres::Error>,
    mapper: fn(BucketTimestampsBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> BucketTimestampsQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(BucketTimestampsBorrowed) -> R,
    ) -> BucketTimestampsQuery<'c, 'a, 's, C, R, N> {
        BucketTimestampsQuery {
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
pub struct AttributeTransferQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<AttributeTransferBorrowed, tokio_postgres::Error>,
    mapper: fn(AttributeTransferBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> AttributeTransferQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(AttributeTransferBorrowed) -> R,
    ) -> AttributeTransferQuery<'c, 'a, 's, C, R, N> {
        AttributeTransferQuery {
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
pub struct ImportAttributesQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<ImportAttributes, tokio_postgres::Error>,
    mapper: fn(ImportAttributes) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> ImportAttributesQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(ImportAttributes) -> R,
    ) -> ImportAttributesQuery<'c, 'a, 's, C, R, N> {
        ImportAttributesQuery {
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
pub struct OptionStringQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<Option<&str>, tokio_postgres::Error>,
    mapper: fn(Option<&str>) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> OptionStringQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(self, mapper: fn(Option<&str>) -> R) -> OptionStringQuery<'c, 'a, 's, C, R, N> {
        OptionStringQuery {
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
pub struct AttributeStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn attribute() -> AttributeStmt {
    AttributeStmt(
        "SELECT data::text AS data, timestamp, ttl_timestamp FROM attributes WHERE id = $1 AND bucket_name = $2 AND bucket = $3 AND name = $4 AND NOT (ttl_timestamp IS NOT NULL AND ttl_timestamp <= floor(extract(epoch FROM now()))::bigint)",
        None,
    )
}
impl AttributeStmt {
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
        bucket_name: &'a T2,
        bucket: &'a T3,
        name: &'a T4,
    ) -> AttributeRowQuery<'c, 'a, 's, C, AttributeRow, 4> {
        AttributeRowQuery {
            client,
            params: [actor_id, bucket_name, bucket, name],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<AttributeRowBorrowed, tokio_postgres::Error> {
                    Ok(AttributeRowBorrowed {
                        data: row.try_get(0)?,
                        timestamp: row.try_get(1)?,
                        ttl_timestamp: row.try_get(2)?,
                    })
                },
            mapper: |it| AttributeRow::from(it),
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
        AttributeParams<T1, T2, T3, T4>,
        AttributeRowQuery<'c, 'a, 's, C, AttributeRow, 4>,
        C,
    > for AttributeStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a AttributeParams<T1, T2, T3, T4>,
    ) -> AttributeRowQuery<'c, 'a, 's, C, AttributeRow, 4> {
        self.bind(
            client,
            &params.actor_id,
            &params.bucket_name,
            &params.bucket,
            &params.name,
        )
    }
}
pub struct UpsertAttributeStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn upsert_attribute() -> UpsertAttributeStmt {
    UpsertAttributeStmt(
        "INSERT INTO attributes AS a (id, bucket_name, bucket, name, data, timestamp, ttl_timestamp) VALUES ($1, $2, $3, $4, $5, $6, floor(extract(epoch FROM now()))::bigint + $7 + 3600) ON CONFLICT (id, bucket_name) DO UPDATE SET bucket = EXCLUDED.bucket, name = EXCLUDED.name, data = EXCLUDED.data, timestamp = EXCLUDED.timestamp, ttl_timestamp = EXCLUDED.ttl_timestamp WHERE (a.bucket = EXCLUDED.bucket AND a.name = EXCLUDED.name) OR (a.ttl_timestamp IS NOT NULL AND a.ttl_timestamp <= floor(extract(epoch FROM now()))::bigint) RETURNING true AS written",
        None,
    )
}
impl UpsertAttributeStmt {
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
        T5: crate::JsonSql,
    >(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        bucket_name: &'a T2,
        bucket: &'a T3,
        name: &'a T4,
        data: &'a T5,
        timestamp: &'a Option<chrono::NaiveDateTime>,
        ttl_seconds: &'a Option<i64>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 7> {
        BoolQuery {
            client,
            params: [
                actor_id,
                bucket_name,
                bucket,
                name,
                data,
                timestamp,
                ttl_seconds,
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
    T5: crate::JsonSql,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        UpsertAttributeParams<T1, T2, T3, T4, T5>,
        BoolQuery<'c, 'a, 's, C, bool, 7>,
        C,
    > for UpsertAttributeStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a UpsertAttributeParams<T1, T2, T3, T4, T5>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 7> {
        self.bind(
            client,
            &params.actor_id,
            &params.bucket_name,
            &params.bucket,
            &params.name,
            &params.data,
            &params.timestamp,
            &params.ttl_seconds,
        )
    }
}
pub struct DeleteAttributeStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_attribute() -> DeleteAttributeStmt {
    DeleteAttributeStmt(
        "DELETE FROM attributes WHERE id = $1 AND bucket_name = $2 AND bucket = $3 AND name = $4 RETURNING NOT (ttl_timestamp IS NOT NULL AND ttl_timestamp <= floor(extract(epoch FROM now()))::bigint) AS live",
        None,
    )
}
impl DeleteAttributeStmt {
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
        bucket_name: &'a T2,
        bucket: &'a T3,
        name: &'a T4,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 4> {
        BoolQuery {
            client,
            params: [actor_id, bucket_name, bucket, name],
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
        DeleteAttributeParams<T1, T2, T3, T4>,
        BoolQuery<'c, 'a, 's, C, bool, 4>,
        C,
    > for DeleteAttributeStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteAttributeParams<T1, T2, T3, T4>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 4> {
        self.bind(
            client,
            &params.actor_id,
            &params.bucket_name,
            &params.bucket,
            &params.name,
        )
    }
}
pub struct CompareAndSwapAttributeStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn compare_and_swap_attribute() -> CompareAndSwapAttributeStmt {
    CompareAndSwapAttributeStmt(
        "UPDATE attributes SET data = $1, timestamp = COALESCE($2, timestamp) WHERE id = $3 AND bucket_name = $4 AND bucket = $5 AND name = $6 AND COALESCE(data, 'null'::jsonb) = $7 AND NOT (ttl_timestamp IS NOT NULL AND ttl_timestamp <= floor(extract(epoch FROM now()))::bigint) RETURNING true AS swapped",
        None,
    )
}
impl CompareAndSwapAttributeStmt {
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
        T1: crate::JsonSql,
        T2: crate::StringSql,
        T3: crate::StringSql,
        T4: crate::StringSql,
        T5: crate::StringSql,
        T6: crate::JsonSql,
    >(
        &'s self,
        client: &'c C,
        new: &'a T1,
        timestamp: &'a Option<chrono::NaiveDateTime>,
        actor_id: &'a T2,
        bucket_name: &'a T3,
        bucket: &'a T4,
        name: &'a T5,
        old: &'a T6,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 7> {
        BoolQuery {
            client,
            params: [new, timestamp, actor_id, bucket_name, bucket, name, old],
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
    T1: crate::JsonSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
    T5: crate::StringSql,
    T6: crate::JsonSql,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        CompareAndSwapAttributeParams<T1, T2, T3, T4, T5, T6>,
        BoolQuery<'c, 'a, 's, C, bool, 7>,
        C,
    > for CompareAndSwapAttributeStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a CompareAndSwapAttributeParams<T1, T2, T3, T4, T5, T6>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 7> {
        self.bind(
            client,
            &params.new,
            &params.timestamp,
            &params.actor_id,
            &params.bucket_name,
            &params.bucket,
            &params.name,
            &params.old,
        )
    }
}
pub struct BucketAttributesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn bucket_attributes() -> BucketAttributesStmt {
    BucketAttributesStmt(
        "SELECT name, data::text AS data, timestamp, ttl_timestamp FROM attributes WHERE id = $1 AND bucket = $2 AND NOT (ttl_timestamp IS NOT NULL AND ttl_timestamp <= floor(extract(epoch FROM now()))::bigint)",
        None,
    )
}
impl BucketAttributesStmt {
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
        bucket: &'a T2,
    ) -> NamedAttributeRowQuery<'c, 'a, 's, C, NamedAttributeRow, 2> {
        NamedAttributeRowQuery {
            client,
            params: [actor_id, bucket],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<NamedAttributeRowBorrowed, tokio_postgres::Error> {
                Ok(NamedAttributeRowBorrowed {
                    name: row.try_get(0)?,
                    data: row.try_get(1)?,
                    timestamp: row.try_get(2)?,
                    ttl_timestamp: row.try_get(3)?,
                })
            },
            mapper: |it| NamedAttributeRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        BucketAttributesParams<T1, T2>,
        NamedAttributeRowQuery<'c, 'a, 's, C, NamedAttributeRow, 2>,
        C,
    > for BucketAttributesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a BucketAttributesParams<T1, T2>,
    ) -> NamedAttributeRowQuery<'c, 'a, 's, C, NamedAttributeRow, 2> {
        self.bind(client, &params.actor_id, &params.bucket)
    }
}
pub struct ActorAttributesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn actor_attributes() -> ActorAttributesStmt {
    ActorAttributesStmt(
        "SELECT bucket, name, data::text AS data, timestamp, ttl_timestamp FROM attributes WHERE id = $1 AND NOT (ttl_timestamp IS NOT NULL AND ttl_timestamp <= floor(extract(epoch FROM now()))::bigint)",
        None,
    )
}
impl ActorAttributesStmt {
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
    ) -> BucketAttributeRowQuery<'c, 'a, 's, C, BucketAttributeRow, 1> {
        BucketAttributeRowQuery {
            client,
            params: [actor_id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<BucketAttributeRowBorrowed, tokio_postgres::Error> {
                Ok(BucketAttributeRowBorrowed {
                    bucket: row.try_get(0)?,
                    name: row.try_get(1)?,
                    data: row.try_get(2)?,
                    timestamp: row.try_get(3)?,
                    ttl_timestamp: row.try_get(4)?,
                })
            },
            mapper: |it| BucketAttributeRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ActorIdParam<T1>,
        BucketAttributeRowQuery<'c, 'a, 's, C, BucketAttributeRow, 1>,
        C,
    > for ActorAttributesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> BucketAttributeRowQuery<'c, 'a, 's, C, BucketAttributeRow, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct BucketTimestampsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn bucket_timestamps() -> BucketTimestampsStmt {
    BucketTimestampsStmt(
        "SELECT bucket, MAX(timestamp) AS latest FROM attributes WHERE id = $1 AND NOT (ttl_timestamp IS NOT NULL AND ttl_timestamp <= floor(extract(epoch FROM now()))::bigint) GROUP BY bucket",
        None,
    )
}
impl BucketTimestampsStmt {
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
    ) -> BucketTimestampsQuery<'c, 'a, 's, C, BucketTimestamps, 1> {
        BucketTimestampsQuery {
            client,
            params: [actor_id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<BucketTimestampsBorrowed, tokio_postgres::Error> {
                Ok(BucketTimestampsBorrowed {
                    bucket: row.try_get(0)?,
                    latest: row.try_get(1)?,
                })
            },
            mapper: |it| BucketTimestamps::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ActorIdParam<T1>,
        BucketTimestampsQuery<'c, 'a, 's, C, BucketTimestamps, 1>,
        C,
    > for BucketTimestampsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> BucketTimestampsQuery<'c, 'a, 's, C, BucketTimestamps, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct DeleteBucketStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_bucket() -> DeleteBucketStmt {
    DeleteBucketStmt(
        "WITH deleted AS ( DELETE FROM attributes WHERE id = $1 AND bucket = $2 RETURNING 1 ) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeleteBucketStmt {
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
        bucket: &'a T2,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        I64Query {
            client,
            params: [actor_id, bucket],
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
        DeleteBucketParams<T1, T2>,
        I64Query<'c, 'a, 's, C, i64, 2>,
        C,
    > for DeleteBucketStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteBucketParams<T1, T2>,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        self.bind(client, &params.actor_id, &params.bucket)
    }
}
pub struct DeleteActorAttributesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_actor_attributes() -> DeleteActorAttributesStmt {
    DeleteActorAttributesStmt(
        "WITH deleted AS (DELETE FROM attributes WHERE id = $1 RETURNING 1) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeleteActorAttributesStmt {
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
    for DeleteActorAttributesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> I64Query<'c, 'a, 's, C, i64, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct DeleteAttributesByChainStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_attributes_by_chain() -> DeleteAttributesByChainStmt {
    DeleteAttributesByChainStmt(
        "WITH deleted AS ( DELETE FROM attributes WHERE id = $1 AND bucket = ANY($2) AND data ->> 'chain_id' = $3 RETURNING 1 ) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeleteAttributesByChainStmt {
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
        T3: crate::ArraySql<Item = T2>,
        T4: crate::StringSql,
    >(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        buckets: &'a T3,
        chain_id: &'a T4,
    ) -> I64Query<'c, 'a, 's, C, i64, 3> {
        I64Query {
            client,
            params: [actor_id, buckets, chain_id],
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
    T3: crate::ArraySql<Item = T2>,
    T4: crate::StringSql,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        DeleteAttributesByChainParams<T1, T2, T3, T4>,
        I64Query<'c, 'a, 's, C, i64, 3>,
        C,
    > for DeleteAttributesByChainStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteAttributesByChainParams<T1, T2, T3, T4>,
    ) -> I64Query<'c, 'a, 's, C, i64, 3> {
        self.bind(client, &params.actor_id, &params.buckets, &params.chain_id)
    }
}
pub struct DeleteExpiredAttributesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_expired_attributes() -> DeleteExpiredAttributesStmt {
    DeleteExpiredAttributesStmt(
        "WITH purged AS ( DELETE FROM attributes WHERE ttl_timestamp IS NOT NULL AND ttl_timestamp <= COALESCE($1::bigint, floor(extract(epoch FROM now()))::bigint) AND ($2::text[] IS NULL OR bucket = ANY($2::text[])) RETURNING 1 ) SELECT count(*) AS purged FROM purged",
        None,
    )
}
impl DeleteExpiredAttributesStmt {
    pub async fn prepare<'a, C: GenericClient>(
        mut self,
        client: &'a C,
    ) -> Result<Self, tokio_postgres::Error> {
        self.1 = Some(client.prepare(self.0).await?);
        Ok(self)
    }
    fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::ArraySql<Item = T1>>(
        &'s self,
        client: &'c C,
        now_epoch: &'a Option<i64>,
        buckets: &'a Option<T2>,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        I64Query {
            client,
            params: [now_epoch, buckets],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::ArraySql<Item = T1>>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        DeleteExpiredAttributesParams<T1, T2>,
        I64Query<'c, 'a, 's, C, i64, 2>,
        C,
    > for DeleteExpiredAttributesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteExpiredAttributesParams<T1, T2>,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        self.bind(client, &params.now_epoch, &params.buckets)
    }
}
pub struct ExportAttributesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn export_attributes() -> ExportAttributesStmt {
    ExportAttributesStmt(
        "SELECT id, bucket, name, data::text AS data, \"timestamp\", ttl_timestamp FROM attributes ORDER BY id, bucket_name",
        None,
    )
}
impl ExportAttributesStmt {
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
    ) -> AttributeTransferQuery<'c, 'a, 's, C, AttributeTransfer, 0> {
        AttributeTransferQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<AttributeTransferBorrowed, tokio_postgres::Error> {
                Ok(AttributeTransferBorrowed {
                    id: row.try_get(0)?,
                    bucket: row.try_get(1)?,
                    name: row.try_get(2)?,
                    data: row.try_get(3)?,
                    timestamp: row.try_get(4)?,
                    ttl_timestamp: row.try_get(5)?,
                })
            },
            mapper: |it| AttributeTransfer::from(it),
        }
    }
}
pub struct ImportAttributesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn import_attributes() -> ImportAttributesStmt {
    ImportAttributesStmt(
        "WITH input AS ( SELECT * FROM unnest($1::bigint[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::text[], $7::timestamp[], $8::bigint[]) AS i(ord, id, bucket_name, bucket, name, data, ts, ttl) ), inserted AS ( INSERT INTO attributes (id, bucket_name, bucket, name, data, \"timestamp\", ttl_timestamp) SELECT id, bucket_name, bucket, name, data::jsonb, ts, ttl FROM input ORDER BY ord ON CONFLICT (id, bucket_name) DO NOTHING RETURNING 1 ), ambiguous AS ( SELECT i.ord FROM input i JOIN attributes a ON a.id = i.id AND a.bucket_name = i.bucket_name WHERE a.bucket <> i.bucket OR a.name <> i.name UNION ALL SELECT j.ord FROM input i JOIN input j ON j.id = i.id AND j.bucket_name = i.bucket_name AND i.ord < j.ord WHERE i.bucket <> j.bucket OR i.name <> j.name ) SELECT (SELECT count(*) FROM inserted) AS inserted, (SELECT min(ord) FROM ambiguous) AS ambiguous",
        None,
    )
}
impl ImportAttributesStmt {
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
        T12: crate::ArraySql<Item = Option<chrono::NaiveDateTime>>,
        T13: crate::ArraySql<Item = Option<i64>>,
    >(
        &'s self,
        client: &'c C,
        ords: &'a T1,
        actor_ids: &'a T3,
        bucket_names: &'a T5,
        buckets: &'a T7,
        names: &'a T9,
        datas: &'a T11,
        timestamps: &'a T12,
        ttl_timestamps: &'a T13,
    ) -> ImportAttributesQuery<'c, 'a, 's, C, ImportAttributes, 8> {
        ImportAttributesQuery {
            client,
            params: [
                ords,
                actor_ids,
                bucket_names,
                buckets,
                names,
                datas,
                timestamps,
                ttl_timestamps,
            ],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<ImportAttributes, tokio_postgres::Error> {
                    Ok(ImportAttributes {
                        inserted: row.try_get(0)?,
                        ambiguous: row.try_get(1)?,
                    })
                },
            mapper: |it| ImportAttributes::from(it),
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
    T12: crate::ArraySql<Item = Option<chrono::NaiveDateTime>>,
    T13: crate::ArraySql<Item = Option<i64>>,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ImportAttributesParams<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13>,
        ImportAttributesQuery<'c, 'a, 's, C, ImportAttributes, 8>,
        C,
    > for ImportAttributesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ImportAttributesParams<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13>,
    ) -> ImportAttributesQuery<'c, 'a, 's, C, ImportAttributes, 8> {
        self.bind(
            client,
            &params.ords,
            &params.actor_ids,
            &params.bucket_names,
            &params.buckets,
            &params.names,
            &params.datas,
            &params.timestamps,
            &params.ttl_timestamps,
        )
    }
}
pub struct MissingAttributesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn missing_attributes() -> MissingAttributesStmt {
    MissingAttributesStmt(
        "SELECT k.ord FROM unnest($1::bigint[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[]) AS k(ord, id, bucket_name, bucket, name) WHERE NOT EXISTS ( SELECT 1 FROM attributes a WHERE a.id = k.id AND a.bucket_name = k.bucket_name AND a.bucket = k.bucket AND a.name = k.name ) ORDER BY k.ord",
        None,
    )
}
impl MissingAttributesStmt {
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
        bucket_names: &'a T5,
        buckets: &'a T7,
        names: &'a T9,
    ) -> I64Query<'c, 'a, 's, C, i64, 5> {
        I64Query {
            client,
            params: [ords, actor_ids, bucket_names, buckets, names],
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
        MissingAttributesParams<T1, T2, T3, T4, T5, T6, T7, T8, T9>,
        I64Query<'c, 'a, 's, C, i64, 5>,
        C,
    > for MissingAttributesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a MissingAttributesParams<T1, T2, T3, T4, T5, T6, T7, T8, T9>,
    ) -> I64Query<'c, 'a, 's, C, i64, 5> {
        self.bind(
            client,
            &params.ords,
            &params.actor_ids,
            &params.bucket_names,
            &params.buckets,
            &params.names,
        )
    }
}
pub struct StoredAttributesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn stored_attributes() -> StoredAttributesStmt {
    StoredAttributesStmt(
        "SELECT id, bucket, name, data::text AS data, \"timestamp\", ttl_timestamp FROM attributes WHERE (id, bucket_name, bucket, name) IN ( SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[]) )",
        None,
    )
}
impl StoredAttributesStmt {
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
        bucket_names: &'a T4,
        buckets: &'a T6,
        names: &'a T8,
    ) -> AttributeTransferQuery<'c, 'a, 's, C, AttributeTransfer, 4> {
        AttributeTransferQuery {
            client,
            params: [actor_ids, bucket_names, buckets, names],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<AttributeTransferBorrowed, tokio_postgres::Error> {
                Ok(AttributeTransferBorrowed {
                    id: row.try_get(0)?,
                    bucket: row.try_get(1)?,
                    name: row.try_get(2)?,
                    data: row.try_get(3)?,
                    timestamp: row.try_get(4)?,
                    ttl_timestamp: row.try_get(5)?,
                })
            },
            mapper: |it| AttributeTransfer::from(it),
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
        StoredAttributesParams<T1, T2, T3, T4, T5, T6, T7, T8>,
        AttributeTransferQuery<'c, 'a, 's, C, AttributeTransfer, 4>,
        C,
    > for StoredAttributesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a StoredAttributesParams<T1, T2, T3, T4, T5, T6, T7, T8>,
    ) -> AttributeTransferQuery<'c, 'a, 's, C, AttributeTransfer, 4> {
        self.bind(
            client,
            &params.actor_ids,
            &params.bucket_names,
            &params.buckets,
            &params.names,
        )
    }
}
pub struct CanonicalJsonbStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn canonical_jsonb() -> CanonicalJsonbStmt {
    CanonicalJsonbStmt(
        "SELECT t::jsonb::text AS canonical FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n",
        None,
    )
}
impl CanonicalJsonbStmt {
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
        T2: crate::ArraySql<Item = Option<T1>>,
    >(
        &'s self,
        client: &'c C,
        texts: &'a T2,
    ) -> OptionStringQuery<'c, 'a, 's, C, Option<String>, 1> {
        OptionStringQuery {
            client,
            params: [texts],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it.map(|v| v.into()),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::ArraySql<Item = Option<T1>>>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        CanonicalJsonbParams<T1, T2>,
        OptionStringQuery<'c, 'a, 's, C, Option<String>, 1>,
        C,
    > for CanonicalJsonbStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a CanonicalJsonbParams<T1, T2>,
    ) -> OptionStringQuery<'c, 'a, 's, C, Option<String>, 1> {
        self.bind(client, &params.texts)
    }
}
pub struct DeleteAttributeRowsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_attribute_rows() -> DeleteAttributeRowsStmt {
    DeleteAttributeRowsStmt(
        "WITH deleted AS ( DELETE FROM attributes WHERE (id, bucket_name) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[])) RETURNING 1 ) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeleteAttributeRowsStmt {
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
        bucket_names: &'a T4,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        I64Query {
            client,
            params: [actor_ids, bucket_names],
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
        DeleteAttributeRowsParams<T1, T2, T3, T4>,
        I64Query<'c, 'a, 's, C, i64, 2>,
        C,
    > for DeleteAttributeRowsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteAttributeRowsParams<T1, T2, T3, T4>,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        self.bind(client, &params.actor_ids, &params.bucket_names)
    }
}
