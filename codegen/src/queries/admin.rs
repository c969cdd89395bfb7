// This file was generated with `cornucopia`. Do not modify.

#[derive(Clone, Copy, Debug)]
pub struct KeyParam {
    pub key: i64,
}
#[derive(Debug)]
pub struct SchemaParam<T1: crate::StringSql> {
    pub schema: T1,
}
#[derive(Debug)]
pub struct RevisionParam<T1: crate::StringSql> {
    pub revision: T1,
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SchemaAccess {
    pub role: String,
    pub database: String,
    pub schema_exists: bool,
    pub can_use_schema: bool,
    pub can_create_schema: bool,
    pub can_create_in_schema: bool,
}
pub struct SchemaAccessBorrowed<'a> {
    pub role: &'a str,
    pub database: &'a str,
    pub schema_exists: bool,
    pub can_use_schema: bool,
    pub can_create_schema: bool,
    pub can_create_in_schema: bool,
}
impl<'a> From<SchemaAccessBorrowed<'a>> for SchemaAccess {
    fn from(
        SchemaAccessBorrowed {
            role,
            database,
            schema_exists,
            can_use_schema,
            can_create_schema,
            can_create_in_schema,
        }: SchemaAccessBorrowed<'a>,
    ) -> Self {
        Self {
            role: role.into(),
            database: database.into(),
            schema_exists,
            can_use_schema,
            can_create_schema,
            can_create_in_schema,
        }
    }
}
#[derive(Debug, Clone, PartialEq, Copy, serde::Serialize)]
pub struct SchemaState {
    pub has_alembic: bool,
    pub has_actors: bool,
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ServerFacts {
    pub server_version: String,
    pub active_connections: i64,
    pub database_size: i64,
}
pub struct ServerFactsBorrowed<'a> {
    pub server_version: &'a str,
    pub active_connections: i64,
    pub database_size: i64,
}
impl<'a> From<ServerFactsBorrowed<'a>> for ServerFacts {
    fn from(
        ServerFactsBorrowed {
            server_version,
            active_connections,
            database_size,
        }: ServerFactsBorrowed<'a>,
    ) -> Self {
        Self {
            server_version: server_version.into(),
            active_connections,
            database_size,
        }
    }
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TableStats {
    pub name: String,
    pub row_estimate: i64,
    pub total_bytes: i64,
}
pub struct TableStatsBorrowed<'a> {
    pub name: &'a str,
    pub row_estimate: i64,
    pub total_bytes: i64,
}
impl<'a> From<TableStatsBorrowed<'a>> for TableStats {
    fn from(
        TableStatsBorrowed {
            name,
            row_estimate,
            total_bytes,
        }: TableStatsBorrowed<'a>,
    ) -> Self {
        Self {
            name: name.into(),
            row_estimate,
            total_bytes,
        }
    }
}
#[derive(Debug, Clone, PartialEq, Copy, serde::Serialize)]
pub struct ReplayPosition {
    pub in_recovery: bool,
    pub replay_lsn: Option<i64>,
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
pub struct SchemaAccessQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<SchemaAccessBorrowed, tokio_postgres::Error>,
    mapper: fn(SchemaAccessBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> SchemaAccessQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(SchemaAccessBorrowed) -> R,
    ) -> SchemaAccessQuery<'c, 'a, 's, C, R, N> {
        SchemaAccessQuery {
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
pub struct SchemaStateQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<SchemaState, tokio_postgres::Error>,
    mapper: fn(SchemaState) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> SchemaStateQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(self, mapper: fn(SchemaState) -> R) -> SchemaStateQuery<'c, 'a, 's, C, R, N> {
        SchemaStateQuery {
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
pub struct ServerFactsQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<ServerFactsBorrowed, tokio_postgres::Error>,
    mapper: fn(ServerFactsBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> ServerFactsQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(ServerFactsBorrowed) -> R,
    ) -> ServerFactsQuery<'c, 'a, 's, C, R, N> {
        ServerFactsQuery {
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
pub struct TableStatsQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<TableStatsBorrowed, tokio_postgres::Error>,
    mapper: fn(TableStatsBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> TableStatsQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(TableStatsBorrowed) -> R,
    ) -> TableStatsQuery<'c, 'a, 's, C, R, N> {
        TableStatsQuery {
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
pub struct ReplayPositionQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<ReplayPosition, tokio_postgres::Error>,
    mapper: fn(ReplayPosition) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> ReplayPositionQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(ReplayPosition) -> R,
    ) -> ReplayPositionQuery<'c, 'a, 's, C, R, N> {
        ReplayPositionQuery {
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
pub struct MigrationLockStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn migration_lock() -> MigrationLockStmt {
    MigrationLockStmt(
        "SELECT true AS locked FROM (SELECT pg_advisory_xact_lock($1)) AS l",
        None,
    )
}
impl MigrationLockStmt {
    pub async fn prepare<'a, C: GenericClient>(
        mut self,
        client: &'a C,
    ) -> Result<Self, tokio_postgres::Error> {
        self.1 = Some(client.prepare(self.0).await?);
        Ok(self)
    }
    fn bind<'c, 'a, 's, C: GenericClient>(
        &'s self,
        client: &'c C,
        key: &'a i64,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 1> {
        BoolQuery {
            client,
            params: [key],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
    }
}
impl<'c, 'a, 's, C: GenericClient>
    crate::client::async_::Params<'c, 'a, 's, KeyParam, BoolQuery<'c, 'a, 's, C, bool, 1>, C>
    for MigrationLockStmt
{
    fn params(&'s self, client: &'c C, params: &'a KeyParam) -> BoolQuery<'c, 'a, 's, C, bool, 1> {
        self.bind(client, &params.key)
    }
}
pub struct SchemaAccessStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn schema_access() -> SchemaAccessStmt {
    SchemaAccessStmt(
        "SELECT current_user::text AS role, current_database()::text AS database, n.oid IS NOT NULL AS schema_exists, COALESCE(has_schema_privilege(n.oid, 'USAGE'), false) AS can_use_schema, has_database_privilege(current_database(), 'CREATE') AS can_create_schema, COALESCE(has_schema_privilege(n.oid, 'CREATE'), false) AS can_create_in_schema FROM (SELECT $1::text AS name) AS s LEFT JOIN pg_namespace n ON n.nspname = s.name",
        None,
    )
}
impl SchemaAccessStmt {
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
        schema: &'a T1,
    ) -> SchemaAccessQuery<'c, 'a, 's, C, SchemaAccess, 1> {
        SchemaAccessQuery {
            client,
            params: [schema],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<SchemaAccessBorrowed, tokio_postgres::Error> {
                    Ok(SchemaAccessBorrowed {
                        role: row.try_get(0)?,
                        database: row.try_get(1)?,
                        schema_exists: row.try_get(2)?,
                        can_use_schema: row.try_get(3)?,
                        can_create_schema: row.try_get(4)?,
                        can_create_in_schema: row.try_get(5)?,
                    })
                },
            mapper: |it| SchemaAccess::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        SchemaParam<T1>,
        SchemaAccessQuery<'c, 'a, 's, C, SchemaAccess, 1>,
        C,
    > for SchemaAccessStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a SchemaParam<T1>,
    ) -> SchemaAccessQuery<'c, 'a, 's, C, SchemaAccess, 1> {
        self.bind(client, &params.schema)
    }
}
pub struct SchemaStateStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn schema_state() -> SchemaStateStmt {
    SchemaStateStmt(
        "SELECT to_regclass('alembic_version') IS NOT NULL AS has_alembic, to_regclass('actors') IS NOT NULL AS has_actors",
        None,
    )
}
impl SchemaStateStmt {
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
    ) -> SchemaStateQuery<'c, 'a, 's, C, SchemaState, 0> {
        SchemaStateQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row: &tokio_postgres::Row| -> Result<SchemaState, tokio_postgres::Error> {
                Ok(SchemaState {
                    has_alembic: row.try_get(0)?,
                    has_actors: row.try_get(1)?,
                })
            },
            mapper: |it| SchemaState::from(it),
        }
    }
}
pub struct AlembicRevisionsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn alembic_revisions() -> AlembicRevisionsStmt {
    AlembicRevisionsStmt(
        "SELECT version_num FROM alembic_version ORDER BY version_num",
        None,
    )
}
impl AlembicRevisionsStmt {
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
    ) -> StringQuery<'c, 'a, 's, C, String, 0> {
        StringQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it.into(),
        }
    }
}
pub struct ClearRevisionsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn clear_revisions() -> ClearRevisionsStmt {
    ClearRevisionsStmt("DELETE FROM alembic_version RETURNING version_num", None)
}
impl ClearRevisionsStmt {
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
    ) -> StringQuery<'c, 'a, 's, C, String, 0> {
        StringQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it.into(),
        }
    }
}
pub struct RecordRevisionStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn record_revision() -> RecordRevisionStmt {
    RecordRevisionStmt(
        "INSERT INTO alembic_version (version_num) VALUES ($1) RETURNING version_num",
        None,
    )
}
impl RecordRevisionStmt {
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
        revision: &'a T1,
    ) -> StringQuery<'c, 'a, 's, C, String, 1> {
        StringQuery {
            client,
            params: [revision],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it.into(),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        RevisionParam<T1>,
        StringQuery<'c, 'a, 's, C, String, 1>,
        C,
    > for RecordRevisionStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a RevisionParam<T1>,
    ) -> StringQuery<'c, 'a, 's, C, String, 1> {
        self.bind(client, &params.revision)
    }
}
pub struct ServerFactsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn server_facts() -> ServerFactsStmt {
    ServerFactsStmt(
        "SELECT current_setting('server_version') AS server_version, (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()) AS active_connections, pg_database_size(current_database()) AS database_size",
        None,
    )
}
impl ServerFactsStmt {
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
    ) -> ServerFactsQuery<'c, 'a, 's, C, ServerFacts, 0> {
        ServerFactsQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<ServerFactsBorrowed, tokio_postgres::Error> {
                    Ok(ServerFactsBorrowed {
                        server_version: row.try_get(0)?,
                        active_connections: row.try_get(1)?,
                        database_size: row.try_get(2)?,
                    })
                },
            mapper: |it| ServerFacts::from(it),
        }
    }
}
pub struct TableStatsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn table_stats() -> TableStatsStmt {
    TableStatsStmt(
        "SELECT c.relname::text AS name, c.reltuples::bigint AS row_estimate, pg_total_relation_size(c.oid) AS total_bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname",
        None,
    )
}
impl TableStatsStmt {
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
    ) -> TableStatsQuery<'c, 'a, 's, C, TableStats, 0> {
        TableStatsQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<TableStatsBorrowed, tokio_postgres::Error> {
                    Ok(TableStatsBorrowed {
                        name: row.try_get(0)?,
                        row_estimate: row.try_get(1)?,
                        total_bytes: row.try_get(2)?,
                    })
                },
            mapper: |it| TableStats::from(it),
        }
    }
}
pub struct WalFlushPositionStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn wal_flush_position() -> WalFlushPositionStmt {
    WalFlushPositionStmt(
        "SELECT (pg_current_wal_flush_lsn() - '0/0'::pg_lsn)::bigint AS position",
        None,
    )
}
impl WalFlushPositionStmt {
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
    ) -> I64Query<'c, 'a, 's, C, i64, 0> {
        I64Query {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
    }
}
pub struct ReplayPositionStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn replay_position() -> ReplayPositionStmt {
    ReplayPositionStmt(
        "SELECT pg_is_in_recovery() AS in_recovery, (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint AS replay_lsn",
        None,
    )
}
impl ReplayPositionStmt {
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
    ) -> ReplayPositionQuery<'c, 'a, 's, C, ReplayPosition, 0> {
        ReplayPositionQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<ReplayPosition, tokio_postgres::Error> {
                    Ok(ReplayPosition {
                        in_recovery: row.try_get(0)?,
                        replay_lsn: row.try_get(1)?,
                    })
                },
            mapper: |it| ReplayPosition::from(it),
        }
    }
}
