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
pub struct StringQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<&str, tokio_postgres::Error>,
    mapper: fn(&str) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> StringQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(self, mapper: fn(&str) -> R) -> StringQuery<'c, 'a, 's, C, R, N> {
        StringQuery {
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
    pub fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>(
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
pub struct DeleteAllSuspensionsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_all_suspensions() -> DeleteAllSuspensionsStmt {
    DeleteAllSuspensionsStmt(
        "DELETE FROM subscription_suspensions WHERE id = $1 RETURNING target",
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
    pub fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
    ) -> StringQuery<'c, 'a, 's, C, String, 1> {
        StringQuery {
            client,
            params: [actor_id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it.into(),
        }
    }
}
