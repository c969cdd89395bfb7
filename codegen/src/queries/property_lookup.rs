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
pub struct LockStaleLookupsParams<T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql>
{
    pub name: T1,
    pub actor_id: T2,
    pub value: T3,
}
#[derive(Debug)]
pub struct ReleaseStaleLookupsParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
> {
    pub name: T1,
    pub actor_id: T2,
    pub value: T3,
}
#[derive(Debug)]
pub struct LockActorLookupsNamedParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::ArraySql<Item = T2>,
> {
    pub actor_id: T1,
    pub names: T3,
}
#[derive(Debug)]
pub struct ReleaseActorLookupsNamedParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::ArraySql<Item = T2>,
> {
    pub actor_id: T1,
    pub names: T3,
}
#[derive(Debug)]
pub struct ActorIdParam<T1: crate::StringSql> {
    pub actor_id: T1,
}
#[derive(Debug)]
pub struct NamesParam<T1: crate::StringSql, T2: crate::ArraySql<Item = T1>> {
    pub names: T2,
}
#[derive(Debug)]
pub struct AddPropertyLookupsParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
> {
    pub names: T2,
    pub vals: T4,
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ReleaseStaleLookups {
    pub value: String,
    pub heir: Option<String>,
}
pub struct ReleaseStaleLookupsBorrowed<'a> {
    pub value: &'a str,
    pub heir: Option<&'a str>,
}
impl<'a> From<ReleaseStaleLookupsBorrowed<'a>> for ReleaseStaleLookups {
    fn from(ReleaseStaleLookupsBorrowed { value, heir }: ReleaseStaleLookupsBorrowed<'a>) -> Self {
        Self {
            value: value.into(),
            heir: heir.map(|v| v.into()),
        }
    }
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ReleaseActorLookupsNamed {
    pub property_name: String,
    pub value: String,
    pub heir: Option<String>,
}
pub struct ReleaseActorLookupsNamedBorrowed<'a> {
    pub property_name: &'a str,
    pub value: &'a str,
    pub heir: Option<&'a str>,
}
impl<'a> From<ReleaseActorLookupsNamedBorrowed<'a>> for ReleaseActorLookupsNamed {
    fn from(
        ReleaseActorLookupsNamedBorrowed {
            property_name,
            value,
            heir,
        }: ReleaseActorLookupsNamedBorrowed<'a>,
    ) -> Self {
        Self {
            property_name: property_name.into(),
            value: value.into(),
            heir: heir.map(|v| v.into()),
        }
    }
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct IndexedValuesWithoutLookup {
    pub name: String,
    pub value: String,
}
pub struct IndexedValuesWithoutLookupBorrowed<'a> {
    pub name: &'a str,
    pub value: &'a str,
}
impl<'a> From<IndexedValuesWithoutLookupBorrowed<'a>> for IndexedValuesWithoutLookup {
    fn from(
        IndexedValuesWithoutLookupBorrowed { name, value }: IndexedValuesWithoutLookupBorrowed<'a>,
    ) -> Self {
        Self {
            name: name.into(),
            value: value.into(),
        }
    }
}
#[derive(Debug, Clone, PartialEq, Copy, serde::Serialize)]
pub struct AddPropertyLookups {
    pub candidates: i64,
    pub inserted: i64,
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LookupRow {
    pub property_name: String,
    pub value: String,
    pub actor_id: String,
}
pub struct LookupRowBorrowed<'a> {
    pub property_name: &'a str,
    pub value: &'a str,
    pub actor_id: &'a str,
}
impl<'a> From<LookupRowBorrowed<'a>> for LookupRow {
    fn from(
        LookupRowBorrowed {
            property_name,
            value,
            actor_id,
        }: LookupRowBorrowed<'a>,
    ) -> Self {
        Self {
            property_name: property_name.into(),
            value: value.into(),
            actor_id: actor_id.into(),
        }
    }
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
pub struct ReleaseStaleLookupsQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor:
        fn(&tokio_postgres::Row) -> Result<ReleaseStaleLookupsBorrowed, tokio_postgres::Error>,
    mapper: fn(ReleaseStaleLookupsBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> ReleaseStaleLookupsQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(ReleaseStaleLookupsBorrowed) -> R,
    ) -> ReleaseStaleLookupsQuery<'c, 'a, 's, C, R, N> {
        ReleaseStaleLookupsQuery {
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
pub struct ReleaseActorLookupsNamedQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor:
        fn(&tokio_postgres::Row) -> Result<ReleaseActorLookupsNamedBorrowed, tokio_postgres::Error>,
    mapper: fn(ReleaseActorLookupsNamedBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> ReleaseActorLookupsNamedQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(ReleaseActorLookupsNamedBorrowed) -> R,
    ) -> ReleaseActorLookupsNamedQuery<'c, 'a, 's, C, R, N> {
        ReleaseActorLookupsNamedQuery {
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
pub struct IndexedValuesWithoutLookupQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(
        &tokio_postgres::Row,
    ) -> Result<IndexedValuesWithoutLookupBorrowed, tokio_postgres::Error>,
    mapper: fn(IndexedValuesWithoutLookupBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> IndexedValuesWithoutLookupQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(IndexedValuesWithoutLookupBorrowed) -> R,
    ) -> IndexedValuesWithoutLookupQuery<'c, 'a, 's, C, R, N> {
        IndexedValuesWithoutLookupQuery {
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
pub struct AddPropertyLookupsQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<AddPropertyLookups, tokio_postgres::Error>,
    mapper: fn(AddPropertyLookups) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> AddPropertyLookupsQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(AddPropertyLookups) -> R,
    ) -> AddPropertyLookupsQuery<'c, 'a, 's, C, R, N> {
        AddPropertyLookupsQuery {
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
pub struct LookupRowQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<LookupRowBorrowed, tokio_postgres::Error>,
    mapper: fn(LookupRowBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> LookupRowQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(self, mapper: fn(LookupRowBorrowed) -> R) -> LookupRowQuery<'c, 'a, 's, C, R, N> {
        LookupRowQuery {
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
        "WITH inserted AS ( INSERT INTO property_lookup (property_name, value, actor_id) VALUES ($1, $2, $3) ON CONFLICT (property_name, value) DO UPDATE SET actor_id = property_lookup.actor_id WHERE false RETURNING actor_id ) SELECT actor_id FROM inserted UNION ALL SELECT actor_id FROM property_lookup WHERE property_name = $1 AND value = $2 AND NOT EXISTS (SELECT 1 FROM inserted)",
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
pub struct LockStaleLookupsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn lock_stale_lookups() -> LockStaleLookupsStmt {
    LockStaleLookupsStmt(
        "SELECT value FROM property_lookup WHERE property_name = $1 AND actor_id = $2 AND value <> $3 FOR UPDATE",
        None,
    )
}
impl LockStaleLookupsStmt {
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
        LockStaleLookupsParams<T1, T2, T3>,
        StringQuery<'c, 'a, 's, C, String, 3>,
        C,
    > for LockStaleLookupsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a LockStaleLookupsParams<T1, T2, T3>,
    ) -> StringQuery<'c, 'a, 's, C, String, 3> {
        self.bind(client, &params.name, &params.actor_id, &params.value)
    }
}
pub struct ReleaseStaleLookupsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn release_stale_lookups() -> ReleaseStaleLookupsStmt {
    ReleaseStaleLookupsStmt(
        "WITH released AS ( DELETE FROM property_lookup WHERE property_name = $1 AND actor_id = $2 AND value <> $3 RETURNING property_name, value ), handed AS ( INSERT INTO property_lookup (property_name, value, actor_id) SELECT r.property_name, r.value, h.id FROM released r CROSS JOIN LATERAL ( SELECT p.id FROM properties p JOIN actors a ON a.id = p.id WHERE left(p.name, 200) = left(r.property_name, 200) AND left(p.value, 200) = left(r.value, 200) AND p.name NOT LIKE 'list:%' AND p.name = r.property_name AND p.value = r.value AND p.id <> $2 ORDER BY p.id COLLATE \"C\" LIMIT 1 FOR SHARE OF p FOR KEY SHARE OF a ) h WHERE (SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass('idx_properties_name_value_prefix')) ON CONFLICT (property_name, value) DO NOTHING RETURNING value, actor_id ) SELECT r.value, h.actor_id AS heir FROM released r LEFT JOIN handed h ON h.value = r.value",
        None,
    )
}
impl ReleaseStaleLookupsStmt {
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
    ) -> ReleaseStaleLookupsQuery<'c, 'a, 's, C, ReleaseStaleLookups, 3> {
        ReleaseStaleLookupsQuery {
            client,
            params: [name, actor_id, value],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<ReleaseStaleLookupsBorrowed, tokio_postgres::Error> {
                Ok(ReleaseStaleLookupsBorrowed {
                    value: row.try_get(0)?,
                    heir: row.try_get(1)?,
                })
            },
            mapper: |it| ReleaseStaleLookups::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ReleaseStaleLookupsParams<T1, T2, T3>,
        ReleaseStaleLookupsQuery<'c, 'a, 's, C, ReleaseStaleLookups, 3>,
        C,
    > for ReleaseStaleLookupsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ReleaseStaleLookupsParams<T1, T2, T3>,
    ) -> ReleaseStaleLookupsQuery<'c, 'a, 's, C, ReleaseStaleLookups, 3> {
        self.bind(client, &params.name, &params.actor_id, &params.value)
    }
}
pub struct LockActorLookupsNamedStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn lock_actor_lookups_named() -> LockActorLookupsNamedStmt {
    LockActorLookupsNamedStmt(
        "SELECT property_name FROM property_lookup WHERE actor_id = $1 AND property_name = ANY($2) FOR UPDATE",
        None,
    )
}
impl LockActorLookupsNamedStmt {
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
        LockActorLookupsNamedParams<T1, T2, T3>,
        StringQuery<'c, 'a, 's, C, String, 2>,
        C,
    > for LockActorLookupsNamedStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a LockActorLookupsNamedParams<T1, T2, T3>,
    ) -> StringQuery<'c, 'a, 's, C, String, 2> {
        self.bind(client, &params.actor_id, &params.names)
    }
}
pub struct ReleaseActorLookupsNamedStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn release_actor_lookups_named() -> ReleaseActorLookupsNamedStmt {
    ReleaseActorLookupsNamedStmt(
        "WITH released AS ( DELETE FROM property_lookup WHERE actor_id = $1 AND property_name = ANY($2) RETURNING property_name, value ), handed AS ( INSERT INTO property_lookup (property_name, value, actor_id) SELECT r.property_name, r.value, h.id FROM released r CROSS JOIN LATERAL ( SELECT p.id FROM properties p JOIN actors a ON a.id = p.id WHERE left(p.name, 200) = left(r.property_name, 200) AND left(p.value, 200) = left(r.value, 200) AND p.name NOT LIKE 'list:%' AND p.name = r.property_name AND p.value = r.value AND p.id <> $1 ORDER BY p.id COLLATE \"C\" LIMIT 1 FOR SHARE OF p FOR KEY SHARE OF a ) h WHERE (SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass('idx_properties_name_value_prefix')) ON CONFLICT (property_name, value) DO NOTHING RETURNING property_name, value, actor_id ) SELECT r.property_name, r.value, h.actor_id AS heir FROM released r LEFT JOIN handed h ON h.property_name = r.property_name AND h.value = r.value",
        None,
    )
}
impl ReleaseActorLookupsNamedStmt {
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
    ) -> ReleaseActorLookupsNamedQuery<'c, 'a, 's, C, ReleaseActorLookupsNamed, 2> {
        ReleaseActorLookupsNamedQuery {
            client,
            params: [actor_id, names],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<ReleaseActorLookupsNamedBorrowed, tokio_postgres::Error> {
                Ok(ReleaseActorLookupsNamedBorrowed {
                    property_name: row.try_get(0)?,
                    value: row.try_get(1)?,
                    heir: row.try_get(2)?,
                })
            },
            mapper: |it| ReleaseActorLookupsNamed::from(it),
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
        ReleaseActorLookupsNamedParams<T1, T2, T3>,
        ReleaseActorLookupsNamedQuery<'c, 'a, 's, C, ReleaseActorLookupsNamed, 2>,
        C,
    > for ReleaseActorLookupsNamedStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ReleaseActorLookupsNamedParams<T1, T2, T3>,
    ) -> ReleaseActorLookupsNamedQuery<'c, 'a, 's, C, ReleaseActorLookupsNamed, 2> {
        self.bind(client, &params.actor_id, &params.names)
    }
}
pub struct LockActorLookupsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn lock_actor_lookups() -> LockActorLookupsStmt {
    LockActorLookupsStmt(
        "SELECT property_name FROM property_lookup WHERE actor_id = $1 FOR UPDATE",
        None,
    )
}
impl LockActorLookupsStmt {
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
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ActorIdParam<T1>,
        StringQuery<'c, 'a, 's, C, String, 1>,
        C,
    > for LockActorLookupsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> StringQuery<'c, 'a, 's, C, String, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct IndexedValuesWithoutLookupStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn indexed_values_without_lookup() -> IndexedValuesWithoutLookupStmt {
    IndexedValuesWithoutLookupStmt(
        "SELECT DISTINCT p.name, p.value FROM properties p WHERE p.name = ANY($1::text[]) AND p.value <> '' AND NOT EXISTS (SELECT 1 FROM property_lookup l WHERE l.property_name = p.name AND l.value = p.value)",
        None,
    )
}
impl IndexedValuesWithoutLookupStmt {
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
    ) -> IndexedValuesWithoutLookupQuery<'c, 'a, 's, C, IndexedValuesWithoutLookup, 1> {
        IndexedValuesWithoutLookupQuery {
            client,
            params: [names],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<IndexedValuesWithoutLookupBorrowed, tokio_postgres::Error> {
                Ok(IndexedValuesWithoutLookupBorrowed {
                    name: row.try_get(0)?,
                    value: row.try_get(1)?,
                })
            },
            mapper: |it| IndexedValuesWithoutLookup::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::ArraySql<Item = T1>>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        NamesParam<T1, T2>,
        IndexedValuesWithoutLookupQuery<'c, 'a, 's, C, IndexedValuesWithoutLookup, 1>,
        C,
    > for IndexedValuesWithoutLookupStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a NamesParam<T1, T2>,
    ) -> IndexedValuesWithoutLookupQuery<'c, 'a, 's, C, IndexedValuesWithoutLookup, 1> {
        self.bind(client, &params.names)
    }
}
pub struct AddPropertyLookupsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn add_property_lookups() -> AddPropertyLookupsStmt {
    AddPropertyLookupsStmt(
        "WITH candidates AS ( SELECT DISTINCT ON (p.name, p.value) p.name, p.value, p.id FROM unnest($1::text[], $2::text[]) AS k(name, value) JOIN properties p ON left(p.name, 200) = left(k.name, 200) AND left(p.value, 200) = left(k.value, 200) AND p.name = k.name AND p.value = k.value JOIN actors a ON a.id = p.id WHERE p.name NOT LIKE 'list:%' ORDER BY p.name, p.value, p.id COLLATE \"C\" ), inserted AS ( INSERT INTO property_lookup (property_name, value, actor_id) SELECT name, value, id FROM candidates ON CONFLICT (property_name, value) DO NOTHING RETURNING 1 ) SELECT (SELECT count(*) FROM candidates) AS candidates, (SELECT count(*) FROM inserted) AS inserted",
        None,
    )
}
impl AddPropertyLookupsStmt {
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
        names: &'a T2,
        vals: &'a T4,
    ) -> AddPropertyLookupsQuery<'c, 'a, 's, C, AddPropertyLookups, 2> {
        AddPropertyLookupsQuery {
            client,
            params: [names, vals],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<AddPropertyLookups, tokio_postgres::Error> {
                    Ok(AddPropertyLookups {
                        candidates: row.try_get(0)?,
                        inserted: row.try_get(1)?,
                    })
                },
            mapper: |it| AddPropertyLookups::from(it),
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
        AddPropertyLookupsParams<T1, T2, T3, T4>,
        AddPropertyLookupsQuery<'c, 'a, 's, C, AddPropertyLookups, 2>,
        C,
    > for AddPropertyLookupsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a AddPropertyLookupsParams<T1, T2, T3, T4>,
    ) -> AddPropertyLookupsQuery<'c, 'a, 's, C, AddPropertyLookups, 2> {
        self.bind(client, &params.names, &params.vals)
    }
}
pub struct AllLookupsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn all_lookups() -> AllLookupsStmt {
    AllLookupsStmt(
        "SELECT property_name, value, actor_id FROM property_lookup",
        None,
    )
}
impl AllLookupsStmt {
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
    ) -> LookupRowQuery<'c, 'a, 's, C, LookupRow, 0> {
        LookupRowQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<LookupRowBorrowed, tokio_postgres::Error> {
                    Ok(LookupRowBorrowed {
                        property_name: row.try_get(0)?,
                        value: row.try_get(1)?,
                        actor_id: row.try_get(2)?,
                    })
                },
            mapper: |it| LookupRow::from(it),
        }
    }
}
