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
pub struct I32Query<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<i32, tokio_postgres::Error>,
    mapper: fn(i32) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> I32Query<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(self, mapper: fn(i32) -> R) -> I32Query<'c, 'a, 's, C, R, N> {
        I32Query {
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
    pub fn bind<
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
    pub fn bind<
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
    pub fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>(
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
    pub fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>(
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
    pub fn bind<
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
        "DELETE FROM subscription_diffs WHERE id = $1 AND (CAST($2 AS varchar) IS NULL OR subid = $2) AND (CAST($3 AS integer) IS NULL OR seqnr <= $3) RETURNING seqnr",
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
    pub fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        subid: &'a Option<T2>,
        max_seqnr: &'a Option<i32>,
    ) -> I32Query<'c, 'a, 's, C, i32, 3> {
        I32Query {
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
        I32Query<'c, 'a, 's, C, i32, 3>,
        C,
    > for DeleteDiffsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteDiffsParams<T1, T2>,
    ) -> I32Query<'c, 'a, 's, C, i32, 3> {
        self.bind(client, &params.actor_id, &params.subid, &params.max_seqnr)
    }
}
