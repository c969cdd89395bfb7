// This file was generated with `cornucopia`. Do not modify.

#[derive(Debug)]
pub struct InsertDiffParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
> {
    pub actor_id: T1,
    pub subid_seqnr: T2,
    pub subid: T3,
    pub diff: T4,
    pub seqnr: i32,
}
#[derive(Debug)]
pub struct DiffBySeqnrParams<T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql> {
    pub actor_id: T1,
    pub subid_seqnr: T2,
    pub subid: T3,
    pub seqnr: i32,
}
#[derive(Debug)]
pub struct FirstDiffParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub actor_id: T1,
    pub subid: T2,
}
#[derive(Debug)]
pub struct DiffsParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub actor_id: T1,
    pub subid: Option<T2>,
}
#[derive(Debug)]
pub struct DeleteDiffParams<T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql> {
    pub actor_id: T1,
    pub subid_seqnr: T2,
    pub subid: T3,
    pub seqnr: i32,
}
#[derive(Debug)]
pub struct DeleteDiffsParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub actor_id: T1,
    pub subid: Option<T2>,
    pub max_seqnr: Option<i32>,
}
#[derive(Debug)]
pub struct ImportSubscriptionDiffsParams<
    T1: crate::ArraySql<Item = i64>,
    T2: crate::StringSql,
    T3: crate::ArraySql<Item = T2>,
    T4: crate::StringSql,
    T5: crate::ArraySql<Item = T4>,
    T6: crate::StringSql,
    T7: crate::ArraySql<Item = T6>,
    T8: crate::ArraySql<Item = chrono::NaiveDateTime>,
    T9: crate::StringSql,
    T10: crate::ArraySql<Item = T9>,
    T11: crate::ArraySql<Item = i32>,
> {
    pub ords: T1,
    pub actor_ids: T3,
    pub subid_seqnrs: T5,
    pub subids: T7,
    pub timestamps: T8,
    pub diffs: T10,
    pub seqnrs: T11,
}
#[derive(Debug)]
pub struct MissingSubscriptionDiffsParams<
    T1: crate::ArraySql<Item = i64>,
    T2: crate::StringSql,
    T3: crate::ArraySql<Item = T2>,
    T4: crate::StringSql,
    T5: crate::ArraySql<Item = T4>,
    T6: crate::StringSql,
    T7: crate::ArraySql<Item = T6>,
    T8: crate::ArraySql<Item = i32>,
> {
    pub ords: T1,
    pub actor_ids: T3,
    pub subid_seqnrs: T5,
    pub subids: T7,
    pub seqnrs: T8,
}
#[derive(Debug)]
pub struct StoredSubscriptionDiffsParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
    T5: crate::StringSql,
    T6: crate::ArraySql<Item = T5>,
    T7: crate::ArraySql<Item = i32>,
> {
    pub actor_ids: T2,
    pub subid_seqnrs: T4,
    pub subids: T6,
    pub seqnrs: T7,
}
#[derive(Debug)]
pub struct DeleteSubscriptionDiffRowsParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
> {
    pub actor_ids: T2,
    pub subid_seqnrs: T4,
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DiffRow {
    pub id: String,
    pub subid: String,
    pub timestamp: chrono::NaiveDateTime,
    pub diff: String,
    pub seqnr: i32,
}
pub struct DiffRowBorrowed<'a> {
    pub id: &'a str,
    pub subid: &'a str,
    pub timestamp: chrono::NaiveDateTime,
    pub diff: &'a str,
    pub seqnr: i32,
}
impl<'a> From<DiffRowBorrowed<'a>> for DiffRow {
    fn from(
        DiffRowBorrowed {
            id,
            subid,
            timestamp,
            diff,
            seqnr,
        }: DiffRowBorrowed<'a>,
    ) -> Self {
        Self {
            id: id.into(),
            subid: subid.into(),
            timestamp,
            diff: diff.into(),
            seqnr,
        }
    }
}
#[derive(Debug, Clone, PartialEq, Copy, serde::Serialize)]
pub struct ImportSubscriptionDiffs {
    pub inserted: i64,
    pub ambiguous: Option<i64>,
}
use crate::client::async_::GenericClient;
use futures::{self, StreamExt, TryStreamExt};
pub struct DiffRowQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<DiffRowBorrowed, tokio_postgres::Error>,
    mapper: fn(DiffRowBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> DiffRowQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(self, mapper: fn(DiffRowBorrowed) -> R) -> DiffRowQuery<'c, 'a, 's, C, R, N> {
        DiffRowQuery {
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
pub struct ImportSubscriptionDiffsQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<ImportSubscriptionDiffs, tokio_postgres::Error>,
    mapper: fn(ImportSubscriptionDiffs) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> ImportSubscriptionDiffsQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(ImportSubscriptionDiffs) -> R,
    ) -> ImportSubscriptionDiffsQuery<'c, 'a, 's, C, R, N> {
        ImportSubscriptionDiffsQuery {
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
pub struct InsertDiffStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn insert_diff() -> InsertDiffStmt {
    InsertDiffStmt(
        "INSERT INTO subscription_diffs (id, subid_seqnr, subid, \"timestamp\", diff, seqnr) VALUES ($1, $2, $3, now() AT TIME ZONE 'UTC', $4, $5) ON CONFLICT (id, subid_seqnr) DO NOTHING RETURNING id, subid, \"timestamp\", diff, seqnr",
        None,
    )
}
impl InsertDiffStmt {
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
        subid_seqnr: &'a T2,
        subid: &'a T3,
        diff: &'a T4,
        seqnr: &'a i32,
    ) -> DiffRowQuery<'c, 'a, 's, C, DiffRow, 5> {
        DiffRowQuery {
            client,
            params: [actor_id, subid_seqnr, subid, diff, seqnr],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<DiffRowBorrowed, tokio_postgres::Error> {
                    Ok(DiffRowBorrowed {
                        id: row.try_get(0)?,
                        subid: row.try_get(1)?,
                        timestamp: row.try_get(2)?,
                        diff: row.try_get(3)?,
                        seqnr: row.try_get(4)?,
                    })
                },
            mapper: |it| DiffRow::from(it),
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
        InsertDiffParams<T1, T2, T3, T4>,
        DiffRowQuery<'c, 'a, 's, C, DiffRow, 5>,
        C,
    > for InsertDiffStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a InsertDiffParams<T1, T2, T3, T4>,
    ) -> DiffRowQuery<'c, 'a, 's, C, DiffRow, 5> {
        self.bind(
            client,
            &params.actor_id,
            &params.subid_seqnr,
            &params.subid,
            &params.diff,
            &params.seqnr,
        )
    }
}
pub struct DiffBySeqnrStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn diff_by_seqnr() -> DiffBySeqnrStmt {
    DiffBySeqnrStmt(
        "SELECT id, subid, \"timestamp\", diff, seqnr FROM subscription_diffs WHERE id = $1 AND subid_seqnr = $2 AND subid = $3 AND seqnr = $4",
        None,
    )
}
impl DiffBySeqnrStmt {
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
        subid_seqnr: &'a T2,
        subid: &'a T3,
        seqnr: &'a i32,
    ) -> DiffRowQuery<'c, 'a, 's, C, DiffRow, 4> {
        DiffRowQuery {
            client,
            params: [actor_id, subid_seqnr, subid, seqnr],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<DiffRowBorrowed, tokio_postgres::Error> {
                    Ok(DiffRowBorrowed {
                        id: row.try_get(0)?,
                        subid: row.try_get(1)?,
                        timestamp: row.try_get(2)?,
                        diff: row.try_get(3)?,
                        seqnr: row.try_get(4)?,
                    })
                },
            mapper: |it| DiffRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        DiffBySeqnrParams<T1, T2, T3>,
        DiffRowQuery<'c, 'a, 's, C, DiffRow, 4>,
        C,
    > for DiffBySeqnrStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DiffBySeqnrParams<T1, T2, T3>,
    ) -> DiffRowQuery<'c, 'a, 's, C, DiffRow, 4> {
        self.bind(
            client,
            &params.actor_id,
            &params.subid_seqnr,
            &params.subid,
            &params.seqnr,
        )
    }
}
pub struct FirstDiffStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn first_diff() -> FirstDiffStmt {
    FirstDiffStmt(
        "SELECT id, subid, \"timestamp\", diff, seqnr FROM subscription_diffs WHERE id = $1 AND subid = $2 ORDER BY seqnr LIMIT 1",
        None,
    )
}
impl FirstDiffStmt {
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
        subid: &'a T2,
    ) -> DiffRowQuery<'c, 'a, 's, C, DiffRow, 2> {
        DiffRowQuery {
            client,
            params: [actor_id, subid],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<DiffRowBorrowed, tokio_postgres::Error> {
                    Ok(DiffRowBorrowed {
                        id: row.try_get(0)?,
                        subid: row.try_get(1)?,
                        timestamp: row.try_get(2)?,
                        diff: row.try_get(3)?,
                        seqnr: row.try_get(4)?,
                    })
                },
            mapper: |it| DiffRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        FirstDiffParams<T1, T2>,
        DiffRowQuery<'c, 'a, 's, C, DiffRow, 2>,
        C,
    > for FirstDiffStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a FirstDiffParams<T1, T2>,
    ) -> DiffRowQuery<'c, 'a, 's, C, DiffRow, 2> {
        self.bind(client, &params.actor_id, &params.subid)
    }
}
pub struct DiffsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn diffs() -> DiffsStmt {
    DiffsStmt(
        "SELECT id, subid, \"timestamp\", diff, seqnr FROM subscription_diffs WHERE id = $1 AND (CAST($2 AS varchar) IS NULL OR subid = $2) ORDER BY seqnr, subid COLLATE \"C\"",
        None,
    )
}
impl DiffsStmt {
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
        subid: &'a Option<T2>,
    ) -> DiffRowQuery<'c, 'a, 's, C, DiffRow, 2> {
        DiffRowQuery {
            client,
            params: [actor_id, subid],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<DiffRowBorrowed, tokio_postgres::Error> {
                    Ok(DiffRowBorrowed {
                        id: row.try_get(0)?,
                        subid: row.try_get(1)?,
                        timestamp: row.try_get(2)?,
                        diff: row.try_get(3)?,
                        seqnr: row.try_get(4)?,
                    })
                },
            mapper: |it| DiffRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        DiffsParams<T1, T2>,
        DiffRowQuery<'c, 'a, 's, C, DiffRow, 2>,
        C,
    > for DiffsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DiffsParams<T1, T2>,
    ) -> DiffRowQuery<'c, 'a, 's, C, DiffRow, 2> {
        self.bind(client, &params.actor_id, &params.subid)
    }
}
pub struct DeleteDiffStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_diff() -> DeleteDiffStmt {
    DeleteDiffStmt(
        "DELETE FROM subscription_diffs WHERE id = $1 AND subid_seqnr = $2 AND subid = $3 AND seqnr = $4 RETURNING true AS deleted",
        None,
    )
}
impl DeleteDiffStmt {
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
        subid_seqnr: &'a T2,
        subid: &'a T3,
        seqnr: &'a i32,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 4> {
        BoolQuery {
            client,
            params: [actor_id, subid_seqnr, subid, seqnr],
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
        DeleteDiffParams<T1, T2, T3>,
        BoolQuery<'c, 'a, 's, C, bool, 4>,
        C,
    > for DeleteDiffStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteDiffParams<T1, T2, T3>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 4> {
        self.bind(
            client,
            &params.actor_id,
            &params.subid_seqnr,
            &params.subid,
            &params.seqnr,
        )
    }
}
pub struct DeleteDiffsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_diffs() -> DeleteDiffsStmt {
    DeleteDiffsStmt(
        "WITH deleted AS ( DELETE FROM subscription_diffs WHERE id = $1 AND (CAST($2 AS varchar) IS NULL OR subid = $2) AND (CAST($3 AS integer) IS NULL OR seqnr <= $3) RETURNING 1 ) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeleteDiffsStmt {
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
        subid: &'a Option<T2>,
        max_seqnr: &'a Option<i32>,
    ) -> I64Query<'c, 'a, 's, C, i64, 3> {
        I64Query {
            client,
            params: [actor_id, subid, max_seqnr],
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
        DeleteDiffsParams<T1, T2>,
        I64Query<'c, 'a, 's, C, i64, 3>,
        C,
    > for DeleteDiffsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteDiffsParams<T1, T2>,
    ) -> I64Query<'c, 'a, 's, C, i64, 3> {
        self.bind(client, &params.actor_id, &params.subid, &params.max_seqnr)
    }
}
pub struct ExportSubscriptionDiffsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn export_subscription_diffs() -> ExportSubscriptionDiffsStmt {
    ExportSubscriptionDiffsStmt(
        "SELECT id, subid, \"timestamp\", diff, seqnr FROM subscription_diffs ORDER BY id, subid_seqnr",
        None,
    )
}
impl ExportSubscriptionDiffsStmt {
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
    ) -> DiffRowQuery<'c, 'a, 's, C, DiffRow, 0> {
        DiffRowQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<DiffRowBorrowed, tokio_postgres::Error> {
                    Ok(DiffRowBorrowed {
                        id: row.try_get(0)?,
                        subid: row.try_get(1)?,
                        timestamp: row.try_get(2)?,
                        diff: row.try_get(3)?,
                        seqnr: row.try_get(4)?,
                    })
                },
            mapper: |it| DiffRow::from(it),
        }
    }
}
pub struct ImportSubscriptionDiffsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn import_subscription_diffs() -> ImportSubscriptionDiffsStmt {
    ImportSubscriptionDiffsStmt(
        "WITH input AS ( SELECT * FROM unnest($1::bigint[], $2::varchar[], $3::varchar[], $4::varchar[], $5::timestamp[], $6::text[], $7::int[]) AS i(ord, id, subid_seqnr, subid, ts, diff, seqnr) ), inserted AS ( INSERT INTO subscription_diffs (id, subid_seqnr, subid, \"timestamp\", diff, seqnr) SELECT id, subid_seqnr, subid, ts, diff, seqnr FROM input ORDER BY ord ON CONFLICT (id, subid_seqnr) DO NOTHING RETURNING 1 ), ambiguous AS ( SELECT i.ord FROM input i JOIN subscription_diffs d ON d.id = i.id AND d.subid_seqnr = i.subid_seqnr WHERE d.subid <> i.subid OR d.seqnr <> i.seqnr ) SELECT (SELECT count(*) FROM inserted) AS inserted, (SELECT min(ord) FROM ambiguous) AS ambiguous",
        None,
    )
}
impl ImportSubscriptionDiffsStmt {
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
        T8: crate::ArraySql<Item = chrono::NaiveDateTime>,
        T9: crate::StringSql,
        T10: crate::ArraySql<Item = T9>,
        T11: crate::ArraySql<Item = i32>,
    >(
        &'s self,
        client: &'c C,
        ords: &'a T1,
        actor_ids: &'a T3,
        subid_seqnrs: &'a T5,
        subids: &'a T7,
        timestamps: &'a T8,
        diffs: &'a T10,
        seqnrs: &'a T11,
    ) -> ImportSubscriptionDiffsQuery<'c, 'a, 's, C, ImportSubscriptionDiffs, 7> {
        ImportSubscriptionDiffsQuery {
            client,
            params: [ords, actor_ids, subid_seqnrs, subids, timestamps, diffs, seqnrs],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<ImportSubscriptionDiffs, tokio_postgres::Error> {
                Ok(ImportSubscriptionDiffs {
                    inserted: row.try_get(0)?,
                    ambiguous: row.try_get(1)?,
                })
            },
            mapper: |it| ImportSubscriptionDiffs::from(it),
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
    T8: crate::ArraySql<Item = chrono::NaiveDateTime>,
    T9: crate::StringSql,
    T10: crate::ArraySql<Item = T9>,
    T11: crate::ArraySql<Item = i32>,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ImportSubscriptionDiffsParams<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>,
        ImportSubscriptionDiffsQuery<'c, 'a, 's, C, ImportSubscriptionDiffs, 7>,
        C,
    > for ImportSubscriptionDiffsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ImportSubscriptionDiffsParams<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>,
    ) -> ImportSubscriptionDiffsQuery<'c, 'a, 's, C, ImportSubscriptionDiffs, 7> {
        self.bind(
            client,
            &params.ords,
            &params.actor_ids,
            &params.subid_seqnrs,
            &params.subids,
            &params.timestamps,
            &params.diffs,
            &params.seqnrs,
        )
    }
}
pub struct MissingSubscriptionDiffsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn missing_subscription_diffs() -> MissingSubscriptionDiffsStmt {
    MissingSubscriptionDiffsStmt(
        "SELECT k.ord FROM unnest($1::bigint[], $2::varchar[], $3::varchar[], $4::varchar[], $5::int[]) AS k(ord, id, subid_seqnr, subid, seqnr) WHERE NOT EXISTS ( SELECT 1 FROM subscription_diffs d WHERE d.id = k.id AND d.subid_seqnr = k.subid_seqnr AND d.subid = k.subid AND d.seqnr = k.seqnr ) ORDER BY k.ord",
        None,
    )
}
impl MissingSubscriptionDiffsStmt {
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
        T8: crate::ArraySql<Item = i32>,
    >(
        &'s self,
        client: &'c C,
        ords: &'a T1,
        actor_ids: &'a T3,
        subid_seqnrs: &'a T5,
        subids: &'a T7,
        seqnrs: &'a T8,
    ) -> I64Query<'c, 'a, 's, C, i64, 5> {
        I64Query {
            client,
            params: [ords, actor_ids, subid_seqnrs, subids, seqnrs],
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
    T8: crate::ArraySql<Item = i32>,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        MissingSubscriptionDiffsParams<T1, T2, T3, T4, T5, T6, T7, T8>,
        I64Query<'c, 'a, 's, C, i64, 5>,
        C,
    > for MissingSubscriptionDiffsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a MissingSubscriptionDiffsParams<T1, T2, T3, T4, T5, T6, T7, T8>,
    ) -> I64Query<'c, 'a, 's, C, i64, 5> {
        self.bind(
            client,
            &params.ords,
            &params.actor_ids,
            &params.subid_seqnrs,
            &params.subids,
            &params.seqnrs,
        )
    }
}
pub struct StoredSubscriptionDiffsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn stored_subscription_diffs() -> StoredSubscriptionDiffsStmt {
    StoredSubscriptionDiffsStmt(
        "SELECT id, subid, \"timestamp\", diff, seqnr FROM subscription_diffs WHERE (id, subid_seqnr, subid, seqnr) IN ( SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::int[]) )",
        None,
    )
}
impl StoredSubscriptionDiffsStmt {
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
        T7: crate::ArraySql<Item = i32>,
    >(
        &'s self,
        client: &'c C,
        actor_ids: &'a T2,
        subid_seqnrs: &'a T4,
        subids: &'a T6,
        seqnrs: &'a T7,
    ) -> DiffRowQuery<'c, 'a, 's, C, DiffRow, 4> {
        DiffRowQuery {
            client,
            params: [actor_ids, subid_seqnrs, subids, seqnrs],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<DiffRowBorrowed, tokio_postgres::Error> {
                    Ok(DiffRowBorrowed {
                        id: row.try_get(0)?,
                        subid: row.try_get(1)?,
                        timestamp: row.try_get(2)?,
                        diff: row.try_get(3)?,
                        seqnr: row.try_get(4)?,
                    })
                },
            mapper: |it| DiffRow::from(it),
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
    T7: crate::ArraySql<Item = i32>,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        StoredSubscriptionDiffsParams<T1, T2, T3, T4, T5, T6, T7>,
        DiffRowQuery<'c, 'a, 's, C, DiffRow, 4>,
        C,
    > for StoredSubscriptionDiffsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a StoredSubscriptionDiffsParams<T1, T2, T3, T4, T5, T6, T7>,
    ) -> DiffRowQuery<'c, 'a, 's, C, DiffRow, 4> {
        self.bind(
            client,
            &params.actor_ids,
            &params.subid_seqnrs,
            &params.subids,
            &params.seqnrs,
        )
    }
}
pub struct DeleteSubscriptionDiffRowsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_subscription_diff_rows() -> DeleteSubscriptionDiffRowsStmt {
    DeleteSubscriptionDiffRowsStmt(
        "WITH deleted AS ( DELETE FROM subscription_diffs WHERE (id, subid_seqnr) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[])) RETURNING 1 ) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeleteSubscriptionDiffRowsStmt {
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
        subid_seqnrs: &'a T4,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        I64Query {
            client,
            params: [actor_ids, subid_seqnrs],
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
        DeleteSubscriptionDiffRowsParams<T1, T2, T3, T4>,
        I64Query<'c, 'a, 's, C, i64, 2>,
        C,
    > for DeleteSubscriptionDiffRowsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteSubscriptionDiffRowsParams<T1, T2, T3, T4>,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        self.bind(client, &params.actor_ids, &params.subid_seqnrs)
    }
}
