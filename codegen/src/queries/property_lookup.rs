// This file was generated with `cornucopia`. Do not modify.

#[derive(Debug)]
pub struct LookupActorIdParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub name: T1,
    pub value: T2,
}
#[derive(Debug)]
pub struct LookupActorIdVerifiedParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub name: T1,
    pub value: T2,
}
#[derive(Debug)]
pub struct ClaimLookupParams<T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql> {
    pub name: T1,
    pub value: T2,
    pub actor_id: T3,
}
#[derive(Debug)]
pub struct UpsertLookupParams<T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql> {
    pub name: T1,
    pub value: T2,
    pub actor_id: T3,
}
#[derive(Debug)]
pub struct DeleteLookupParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub name: T1,
    pub value: T2,
}
#[derive(Debug)]
pub struct DeleteStaleLookupsParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
> {
    pub name: T1,
    pub actor_id: T2,
    pub value: T3,
}
#[derive(Debug)]
pub struct DeleteActorLookupsNamedParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::ArraySql<Item = T2>,
> {
    pub actor_id: T1,
    pub names: T3,
}
#[derive(Debug)]
pub struct NamesParam<T1: crate::StringSql, T2: crate::ArraySql<Item = T1>> {
    pub names: T2,
}
#[derive(Debug, Clone, PartialEq, Copy, serde::Serialize)]
pub struct RebuildPropertyLookup {
    pub candidates: i64,
    pub inserted: i64,
}
use crate::client::async_::GenericClient;
use futures::{self, StreamExt, TryStreamExt};
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
pub struct RebuildPropertyLookupQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<RebuildPropertyLookup, tokio_postgres::Error>,
    mapper: fn(RebuildPropertyLookup) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> RebuildPropertyLookupQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(RebuildPropertyLookup) -> R,
    ) -> RebuildPropertyLookupQuery<'c, 'a, 's, C, R, N> {
        RebuildPropertyLookupQuery {
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
pub struct LookupActorIdStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn lookup_actor_id() -> LookupActorIdStmt {
    LookupActorIdStmt(
        "SELECT actor_id FROM property_lookup WHERE property_name = $1 AND value = $2",
        None,
    )
}
impl LookupActorIdStmt {
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
        name: &'a T1,
        value: &'a T2,
    ) -> StringQuery<'c, 'a, 's, C, String, 2> {
        StringQuery {
            client,
            params: [name, value],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it.into(),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        LookupActorIdParams<T1, T2>,
        StringQuery<'c, 'a, 's, C, String, 2>,
        C,
    > for LookupActorIdStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a LookupActorIdParams<T1, T2>,
    ) -> StringQuery<'c, 'a, 's, C, String, 2> {
        self.bind(client, &params.name, &params.value)
    }
}
pub struct LookupActorIdVerifiedStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn lookup_actor_id_verified() -> LookupActorIdVerifiedStmt {
    LookupActorIdVerifiedStmt(
        "SELECT l.actor_id FROM property_lookup l JOIN properties p ON p.id = l.actor_id AND p.name = l.property_name AND p.value = l.value WHERE l.property_name = $1 AND l.value = $2",
        None,
    )
}
impl LookupActorIdVerifiedStmt {
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
        name: &'a T1,
        value: &'a T2,
    ) -> StringQuery<'c, 'a, 's, C, String, 2> {
        StringQuery {
            client,
            params: [name, value],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it.into(),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        LookupActorIdVerifiedParams<T1, T2>,
        StringQuery<'c, 'a, 's, C, String, 2>,
        C,
    > for LookupActorIdVerifiedStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a LookupActorIdVerifiedParams<T1, T2>,
    ) -> StringQuery<'c, 'a, 's, C, String, 2> {
        self.bind(client, &params.name, &params.value)
    }
}
pub struct ClaimLookupStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn claim_lookup() -> ClaimLookupStmt {
    ClaimLookupStmt(
        "WITH inserted AS ( INSERT INTO property_lookup (property_name, value, actor_id) VALUES ($1, $2, $3) ON CONFLICT (property_name, value) DO NOTHING RETURNING actor_id ) SELECT actor_id FROM inserted UNION ALL SELECT actor_id FROM property_lookup WHERE property_name = $1 AND value = $2 AND NOT EXISTS (SELECT 1 FROM inserted)",
        None,
    )
}
impl ClaimLookupStmt {
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
        name: &'a T1,
        value: &'a T2,
        actor_id: &'a T3,
    ) -> StringQuery<'c, 'a, 's, C, String, 3> {
        StringQuery {
            client,
            params: [name, value, actor_id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it.into(),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ClaimLookupParams<T1, T2, T3>,
        StringQuery<'c, 'a, 's, C, String, 3>,
        C,
    > for ClaimLookupStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ClaimLookupParams<T1, T2, T3>,
    ) -> StringQuery<'c, 'a, 's, C, String, 3> {
        self.bind(client, &params.name, &params.value, &params.actor_id)
    }
}
pub struct UpsertLookupStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn upsert_lookup() -> UpsertLookupStmt {
    UpsertLookupStmt(
        "INSERT INTO property_lookup (property_name, value, actor_id) VALUES ($1, $2, $3) ON CONFLICT (property_name, value) DO UPDATE SET actor_id = EXCLUDED.actor_id RETURNING actor_id",
        None,
    )
}
impl UpsertLookupStmt {
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
        name: &'a T1,
        value: &'a T2,
        actor_id: &'a T3,
    ) -> StringQuery<'c, 'a, 's, C, String, 3> {
        StringQuery {
            client,
            params: [name, value, actor_id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it.into(),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        UpsertLookupParams<T1, T2, T3>,
        StringQuery<'c, 'a, 's, C, String, 3>,
        C,
    > for UpsertLookupStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a UpsertLookupParams<T1, T2, T3>,
    ) -> StringQuery<'c, 'a, 's, C, String, 3> {
        self.bind(client, &params.name, &params.value, &params.actor_id)
    }
}
pub struct DeleteLookupStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_lookup() -> DeleteLookupStmt {
    DeleteLookupStmt(
        "DELETE FROM property_lookup WHERE property_name = $1 AND value = $2 RETURNING actor_id",
        None,
    )
}
impl DeleteLookupStmt {
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
        name: &'a T1,
        value: &'a T2,
    ) -> StringQuery<'c, 'a, 's, C, String, 2> {
        StringQuery {
            client,
            params: [name, value],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it.into(),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        DeleteLookupParams<T1, T2>,
        StringQuery<'c, 'a, 's, C, String, 2>,
        C,
    > for DeleteLookupStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteLookupParams<T1, T2>,
    ) -> StringQuery<'c, 'a, 's, C, String, 2> {
        self.bind(client, &params.name, &params.value)
    }
}
pub struct DeleteStaleLookupsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_stale_lookups() -> DeleteStaleLookupsStmt {
    DeleteStaleLookupsStmt(
        "DELETE FROM property_lookup WHERE property_name = $1 AND actor_id = $2 AND value <> $3 RETURNING value",
        None,
    )
}
impl DeleteStaleLookupsStmt {
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
        name: &'a T1,
        actor_id: &'a T2,
        value: &'a T3,
    ) -> StringQuery<'c, 'a, 's, C, String, 3> {
        StringQuery {
            client,
            params: [name, actor_id, value],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it.into(),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        DeleteStaleLookupsParams<T1, T2, T3>,
        StringQuery<'c, 'a, 's, C, String, 3>,
        C,
    > for DeleteStaleLookupsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteStaleLookupsParams<T1, T2, T3>,
    ) -> StringQuery<'c, 'a, 's, C, String, 3> {
        self.bind(client, &params.name, &params.actor_id, &params.value)
    }
}
pub struct DeleteActorLookupsNamedStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_actor_lookups_named() -> DeleteActorLookupsNamedStmt {
    DeleteActorLookupsNamedStmt(
        "DELETE FROM property_lookup WHERE actor_id = $1 AND property_name = ANY($2) RETURNING property_name",
        None,
    )
}
impl DeleteActorLookupsNamedStmt {
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
    >(
        &'s self,
        client: &'c C,
        actor_id: &'a T1,
        names: &'a T3,
    ) -> StringQuery<'c, 'a, 's, C, String, 2> {
        StringQuery {
            client,
            params: [actor_id, names],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it.into(),
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
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        DeleteActorLookupsNamedParams<T1, T2, T3>,
        StringQuery<'c, 'a, 's, C, String, 2>,
        C,
    > for DeleteActorLookupsNamedStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeleteActorLookupsNamedParams<T1, T2, T3>,
    ) -> StringQuery<'c, 'a, 's, C, String, 2> {
        self.bind(client, &params.actor_id, &params.names)
    }
}
pub struct RebuildPropertyLookupStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn rebuild_property_lookup() -> RebuildPropertyLookupStmt {
    RebuildPropertyLookupStmt(
        "WITH candidates AS ( SELECT DISTINCT ON (p.name, p.value) p.name, p.value, p.id FROM properties p JOIN actors a ON a.id = p.id WHERE p.name = ANY($1::text[]) AND p.value <> '' ORDER BY p.name, p.value, p.id COLLATE \"C\" ), inserted AS ( INSERT INTO property_lookup (property_name, value, actor_id) SELECT name, value, id FROM candidates ON CONFLICT (property_name, value) DO NOTHING RETURNING 1 ) SELECT (SELECT count(*) FROM candidates) AS candidates, (SELECT count(*) FROM inserted) AS inserted",
        None,
    )
}
impl RebuildPropertyLookupStmt {
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
        names: &'a T2,
    ) -> RebuildPropertyLookupQuery<'c, 'a, 's, C, RebuildPropertyLookup, 1> {
        RebuildPropertyLookupQuery {
            client,
            params: [names],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<RebuildPropertyLookup, tokio_postgres::Error> {
                    Ok(RebuildPropertyLookup {
                        candidates: row.try_get(0)?,
                        inserted: row.try_get(1)?,
                    })
                },
            mapper: |it| RebuildPropertyLookup::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::ArraySql<Item = T1>>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        NamesParam<T1, T2>,
        RebuildPropertyLookupQuery<'c, 'a, 's, C, RebuildPropertyLookup, 1>,
        C,
    > for RebuildPropertyLookupStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a NamesParam<T1, T2>,
    ) -> RebuildPropertyLookupQuery<'c, 'a, 's, C, RebuildPropertyLookup, 1> {
        self.bind(client, &params.names)
    }
}
