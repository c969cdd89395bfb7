// This file was generated with `cornucopia`. Do not modify.

#[derive(Debug)]
pub struct SuspensionExistsParams<T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql>
{
    pub actor_id: T1,
    pub target: T2,
    pub subtarget: T3,
}
#[derive(Debug)]
pub struct InsertSuspensionParams<T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql>
{
    pub actor_id: T1,
    pub target: T2,
    pub subtarget: T3,
}
#[derive(Debug)]
pub struct DeleteSuspensionParams<T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql>
{
    pub actor_id: T1,
    pub target: T2,
    pub subtarget: T3,
}
#[derive(Debug)]
pub struct ActorIdParam<T1: crate::StringSql> {
    pub actor_id: T1,
}
#[derive(Debug)]
pub struct ImportSubscriptionSuspensionsParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
    T5: crate::StringSql,
    T6: crate::ArraySql<Item = T5>,
    T7: crate::ArraySql<Item = chrono::DateTime<chrono::FixedOffset>>,
> {
    pub actor_ids: T2,
    pub targets: T4,
    pub subtargets: T6,
    pub suspended_ats: T7,
}
#[derive(Debug)]
pub struct MissingSubscriptionSuspensionsParams<
    T1: crate::ArraySql<Item = i64>,
    T2: crate::StringSql,
    T3: crate::ArraySql<Item = T2>,
    T4: crate::StringSql,
    T5: crate::ArraySql<Item = T4>,
    T6: crate::StringSql,
    T7: crate::ArraySql<Item = T6>,
> {
    pub ords: T1,
    pub actor_ids: T3,
    pub targets: T5,
    pub subtargets: T7,
}
#[derive(Debug)]
pub struct StoredSubscriptionSuspensionsParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
    T5: crate::StringSql,
    T6: crate::ArraySql<Item = T5>,
> {
    pub actor_ids: T2,
    pub targets: T4,
    pub subtargets: T6,
}
#[derive(Debug)]
pub struct DeleteSubscriptionSuspensionRowsParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
    T5: crate::StringSql,
    T6: crate::ArraySql<Item = T5>,
> {
    pub actor_ids: T2,
    pub targets: T4,
    pub subtargets: T6,
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SuspensionRow {
    pub target: String,
    pub subtarget: String,
    pub suspended_at: chrono::DateTime<chrono::FixedOffset>,
}
pub struct SuspensionRowBorrowed<'a> {
    pub target: &'a str,
    pub subtarget: &'a str,
    pub suspended_at: chrono::DateTime<chrono::FixedOffset>,
}
impl<'a> From<SuspensionRowBorrowed<'a>> for SuspensionRow {
    fn from(
        SuspensionRowBorrowed {
            target,
            subtarget,
            suspended_at,
        }: SuspensionRowBorrowed<'a>,
    ) -> Self {
        Self {
            target: target.into(),
            subtarget: subtarget.into(),
            suspended_at,
        }
    }
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SuspensionTransfer {
    pub id: String,
    pub target: String,
    pub subtarget: String,
    pub suspended_at: chrono::DateTime<chrono::FixedOffset>,
}
pub struct SuspensionTransferBorrowed<'a> {
    pub id: &'a str,
    pub target: &'a str,
    pub subtarget: &'a str,
    pub suspended_at: chrono::DateTime<chrono::FixedOffset>,
}
impl<'a> From<SuspensionTransferBorrowed<'a>> for SuspensionTransfer {
    fn from(
        SuspensionTransferBorrowed {
            id,
            target,
            subtarget,
            suspended_at,
        }: SuspensionTransferBorrowed<'a>,
    ) -> Self {
        Self {
            id: id.into(),
            target: target.into(),
            subtarget: subtarget.into(),
            suspended_at,
        }
    }
}
use crate::client::async_::GenericClient;
use futures::{self, StreamExt, TryStreamExt};
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
pub struct SuspensionRowQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<SuspensionRowBorrowed, tokio_postgres::Error>,
    mapper: fn(SuspensionRowBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> SuspensionRowQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(SuspensionRowBorrowed) -> R,
    ) -> SuspensionRowQuery<'c, 'a, 's, C, R, N> {
        SuspensionRowQuery {
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
pub struct SuspensionTransferQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor:
        fn(&tokio_postgres::Row) -> Result<SuspensionTransferBorrowed, tokio_postgres::Error>,
    mapper: fn(SuspensionTransferBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> SuspensionTransferQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(SuspensionTransferBorrowed) -> R,
    ) -> SuspensionTransferQuery<'c, 'a, 's, C, R, N> {
        SuspensionTransferQuery {
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
pub struct SuspensionExistsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn suspension_exists() -> SuspensionExistsStmt {
    SuspensionExistsStmt(
        "SELECT EXISTS ( SELECT 1 FROM subscription_suspensions WHERE id = $1 AND target = $2 AND subtarget IN ($3, '') ) AS suspended",
        None,
    )
}
impl SuspensionExistsStmt {
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
    >(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        target: &'a T2,
        subtarget: &'a T3,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 3> {
        BoolQuery {
            client,
            params: [actor_id, target, subtarget],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        SuspensionExistsParams<T1, T2, T3>,
        BoolQuery<'c, 'a, 's, C, bool, 3>,
        C,
    > for SuspensionExistsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a SuspensionExistsParams<T1, T2, T3>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 3> {
        self.bind(client, &params.actor_id, &params.target, &params.subtarget)
    }
}
pub struct InsertSuspensionStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn insert_suspension() -> InsertSuspensionStmt {
    InsertSuspensionStmt(
        "INSERT INTO subscription_suspensions (id, target, subtarget, suspended_at) VALUES ($1, $2, $3, now()) ON CONFLICT (id, target, subtarget) DO NOTHING RETURNING true AS suspended",
        None,
    )
}
impl InsertSuspensionStmt {
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
    >(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        target: &'a T2,
        subtarget: &'a T3,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 3> {
        BoolQuery {
            client,
            params: [actor_id, target, subtarget],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        InsertSuspensionParams<T1, T2, T3>,
        BoolQuery<'c, 'a, 's, C, bool, 3>,
        C,
    > for InsertSuspensionStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a InsertSuspensionParams<T1, T2, T3>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 3> {
        self.bind(client, &params.actor_id, &params.target, &params.subtarget)
    }
}
pub struct DeleteSuspensionStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_suspension() -> DeleteSuspensionStmt {
    DeleteSuspensionStmt(
        "DELETE FROM subscription_suspensions WHERE id = $1 AND target = $2 AND subtarget = $3 RETURNING true AS resumed",
        None,
    )
}
impl DeleteSuspensionStmt {
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
    >(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        target: &'a T2,
        subtarget: &'a T3,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 3> {
        BoolQuery {
            client,
            params: [actor_id, target, subtarget],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        DeleteSuspensionParams<T1, T2, T3>,
        BoolQuery<'c, 'a, 's, C, bool, 3>,
        C,
    > for DeleteSuspensionStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteSuspensionParams<T1, T2, T3>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 3> {
        self.bind(client, &params.actor_id, &params.target, &params.subtarget)
    }
}
pub struct SuspensionsOfActorStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn suspensions_of_actor() -> SuspensionsOfActorStmt {
    SuspensionsOfActorStmt(
        "SELECT target, subtarget, suspended_at FROM subscription_suspensions WHERE id = $1 ORDER BY target COLLATE \"C\", subtarget COLLATE \"C\"",
        None,
    )
}
impl SuspensionsOfActorStmt {
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
    ) -> SuspensionRowQuery<'c, 'a, 's, C, SuspensionRow, 1> {
        SuspensionRowQuery {
            client,
            params: [actor_id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<SuspensionRowBorrowed, tokio_postgres::Error> {
                    Ok(SuspensionRowBorrowed {
                        target: row.try_get(0)?,
                        subtarget: row.try_get(1)?,
                        suspended_at: row.try_get(2)?,
                    })
                },
            mapper: |it| SuspensionRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ActorIdParam<T1>,
        SuspensionRowQuery<'c, 'a, 's, C, SuspensionRow, 1>,
        C,
    > for SuspensionsOfActorStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> SuspensionRowQuery<'c, 'a, 's, C, SuspensionRow, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct DeleteAllSuspensionsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_all_suspensions() -> DeleteAllSuspensionsStmt {
    DeleteAllSuspensionsStmt(
        "WITH deleted AS (DELETE FROM subscription_suspensions WHERE id = $1 RETURNING 1) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeleteAllSuspensionsStmt {
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
    for DeleteAllSuspensionsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> I64Query<'c, 'a, 's, C, i64, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct ExportSubscriptionSuspensionsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn export_subscription_suspensions() -> ExportSubscriptionSuspensionsStmt {
    ExportSubscriptionSuspensionsStmt(
        "SELECT id, target, subtarget, suspended_at FROM subscription_suspensions ORDER BY id, target, subtarget",
        None,
    )
}
impl ExportSubscriptionSuspensionsStmt {
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
    ) -> SuspensionTransferQuery<'c, 'a, 's, C, SuspensionTransfer, 0> {
        SuspensionTransferQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<SuspensionTransferBorrowed, tokio_postgres::Error> {
                Ok(SuspensionTransferBorrowed {
                    id: row.try_get(0)?,
                    target: row.try_get(1)?,
                    subtarget: row.try_get(2)?,
                    suspended_at: row.try_get(3)?,
                })
            },
            mapper: |it| SuspensionTransfer::from(it),
        }
    }
}
pub struct ImportSubscriptionSuspensionsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn import_subscription_suspensions() -> ImportSubscriptionSuspensionsStmt {
    ImportSubscriptionSuspensionsStmt(
        "WITH inserted AS ( INSERT INTO subscription_suspensions (id, target, subtarget, suspended_at) SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::timestamptz[]) ON CONFLICT (id, target, subtarget) DO NOTHING RETURNING 1 ) SELECT count(*) AS inserted FROM inserted",
        None,
    )
}
impl ImportSubscriptionSuspensionsStmt {
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
        T7: crate::ArraySql<Item = chrono::DateTime<chrono::FixedOffset>>,
    >(
        &'s self,
        client: &'c C,
        actor_ids: &'a T2,
        targets: &'a T4,
        subtargets: &'a T6,
        suspended_ats: &'a T7,
    ) -> I64Query<'c, 'a, 's, C, i64, 4> {
        I64Query {
            client,
            params: [actor_ids, targets, subtargets, suspended_ats],
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
    T7: crate::ArraySql<Item = chrono::DateTime<chrono::FixedOffset>>,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ImportSubscriptionSuspensionsParams<T1, T2, T3, T4, T5, T6, T7>,
        I64Query<'c, 'a, 's, C, i64, 4>,
        C,
    > for ImportSubscriptionSuspensionsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ImportSubscriptionSuspensionsParams<T1, T2, T3, T4, T5, T6, T7>,
    ) -> I64Query<'c, 'a, 's, C, i64, 4> {
        self.bind(
            client,
            &params.actor_ids,
            &params.targets,
            &params.subtargets,
            &params.suspended_ats,
        )
    }
}
pub struct MissingSubscriptionSuspensionsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn missing_subscription_suspensions() -> MissingSubscriptionSuspensionsStmt {
    MissingSubscriptionSuspensionsStmt(
        "SELECT k.ord FROM unnest($1::bigint[], $2::varchar[], $3::varchar[], $4::varchar[]) AS k(ord, id, target, subtarget) WHERE NOT EXISTS ( SELECT 1 FROM subscription_suspensions s WHERE s.id = k.id AND s.target = k.target AND s.subtarget = k.subtarget ) ORDER BY k.ord",
        None,
    )
}
impl MissingSubscriptionSuspensionsStmt {
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
    >(
        &'s self,
        client: &'c C,
        ords: &'a T1,
        actor_ids: &'a T3,
        targets: &'a T5,
        subtargets: &'a T7,
    ) -> I64Query<'c, 'a, 's, C, i64, 4> {
        I64Query {
            client,
            params: [ords, actor_ids, targets, subtargets],
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
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        MissingSubscriptionSuspensionsParams<T1, T2, T3, T4, T5, T6, T7>,
        I64Query<'c, 'a, 's, C, i64, 4>,
        C,
    > for MissingSubscriptionSuspensionsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a MissingSubscriptionSuspensionsParams<T1, T2, T3, T4, T5, T6, T7>,
    ) -> I64Query<'c, 'a, 's, C, i64, 4> {
        self.bind(
            client,
            &params.ords,
            &params.actor_ids,
            &params.targets,
            &params.subtargets,
        )
    }
}
pub struct StoredSubscriptionSuspensionsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn stored_subscription_suspensions() -> StoredSubscriptionSuspensionsStmt {
    StoredSubscriptionSuspensionsStmt(
        "SELECT id, target, subtarget, suspended_at FROM subscription_suspensions WHERE (id, target, subtarget) IN ( SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) )",
        None,
    )
}
impl StoredSubscriptionSuspensionsStmt {
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
    >(
        &'s self,
        client: &'c C,
        actor_ids: &'a T2,
        targets: &'a T4,
        subtargets: &'a T6,
    ) -> SuspensionTransferQuery<'c, 'a, 's, C, SuspensionTransfer, 3> {
        SuspensionTransferQuery {
            client,
            params: [actor_ids, targets, subtargets],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<SuspensionTransferBorrowed, tokio_postgres::Error> {
                Ok(SuspensionTransferBorrowed {
                    id: row.try_get(0)?,
                    target: row.try_get(1)?,
                    subtarget: row.try_get(2)?,
                    suspended_at: row.try_get(3)?,
                })
            },
            mapper: |it| SuspensionTransfer::from(it),
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
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        StoredSubscriptionSuspensionsParams<T1, T2, T3, T4, T5, T6>,
        SuspensionTransferQuery<'c, 'a, 's, C, SuspensionTransfer, 3>,
        C,
    > for StoredSubscriptionSuspensionsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a StoredSubscriptionSuspensionsParams<T1, T2, T3, T4, T5, T6>,
    ) -> SuspensionTransferQuery<'c, 'a, 's, C, SuspensionTransfer, 3> {
        self.bind(
            client,
            &params.actor_ids,
            &params.targets,
            &params.subtargets,
        )
    }
}
pub struct DeleteSubscriptionSuspensionRowsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_subscription_suspension_rows() -> DeleteSubscriptionSuspensionRowsStmt {
    DeleteSubscriptionSuspensionRowsStmt(
        "WITH deleted AS ( DELETE FROM subscription_suspensions WHERE (id, target, subtarget) IN ( SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) ) RETURNING 1 ) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeleteSubscriptionSuspensionRowsStmt {
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
    >(
        &'s self,
        client: &'c C,
        actor_ids: &'a T2,
        targets: &'a T4,
        subtargets: &'a T6,
    ) -> I64Query<'c, 'a, 's, C, i64, 3> {
        I64Query {
            client,
            params: [actor_ids, targets, subtargets],
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
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        DeleteSubscriptionSuspensionRowsParams<T1, T2, T3, T4, T5, T6>,
        I64Query<'c, 'a, 's, C, i64, 3>,
        C,
    > for DeleteSubscriptionSuspensionRowsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteSubscriptionSuspensionRowsParams<T1, T2, T3, T4, T5, T6>,
    ) -> I64Query<'c, 'a, 's, C, i64, 3> {
        self.bind(
            client,
            &params.actor_ids,
            &params.targets,
            &params.subtargets,
        )
    }
}
