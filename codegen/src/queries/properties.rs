// This file was generated with `cornucopia`. Do not modify.

#[derive(Debug)]
pub struct PropertyValueParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub actor_id: T1,
    pub name: T2,
}
#[derive(Debug)]
pub struct UpsertPropertyParams<T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql> {
    pub actor_id: T1,
    pub name: T2,
    pub value: T3,
}
#[derive(Debug)]
pub struct InsertPropertyIfAbsentParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
> {
    pub actor_id: T1,
    pub name: T2,
    pub value: T3,
}
#[derive(Debug)]
pub struct UpdatePropertyIfValueParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
    T4: crate::StringSql,
> {
    pub value: T1,
    pub actor_id: T2,
    pub name: T3,
    pub expected: T4,
}
#[derive(Debug)]
pub struct DeletePropertyIfValueParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
> {
    pub actor_id: T1,
    pub name: T2,
    pub value: T3,
}
#[derive(Debug)]
pub struct DeletePropertiesNamedParams<
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
pub struct PropertiesInRangeParams<T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql>
{
    pub actor_id: T1,
    pub lower: T2,
    pub upper: T3,
}
#[derive(Debug)]
pub struct PropertyNamesInRangeParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
> {
    pub actor_id: T1,
    pub lower: T2,
    pub upper: T3,
}
#[derive(Debug)]
pub struct LastPropertyNameInRangeParams<
    T1: crate::StringSql,
    T2: crate::StringSql,
    T3: crate::StringSql,
> {
    pub actor_id: T1,
    pub lower: T2,
    pub upper: T3,
}
#[derive(Debug)]
pub struct ActorIdByPropertyScanParams<T1: crate::StringSql, T2: crate::StringSql> {
    pub name: T1,
    pub value: T2,
}
#[derive(Debug)]
pub struct ImportPropertiesParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
    T5: crate::StringSql,
    T6: crate::ArraySql<Item = T5>,
> {
    pub actor_ids: T2,
    pub names: T4,
    pub vals: T6,
}
#[derive(Debug)]
pub struct MissingPropertiesParams<
    T1: crate::ArraySql<Item = i64>,
    T2: crate::StringSql,
    T3: crate::ArraySql<Item = T2>,
    T4: crate::StringSql,
    T5: crate::ArraySql<Item = T4>,
> {
    pub ords: T1,
    pub actor_ids: T3,
    pub names: T5,
}
#[derive(Debug)]
pub struct StoredPropertiesParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
> {
    pub actor_ids: T2,
    pub names: T4,
}
#[derive(Debug)]
pub struct DeletePropertyRowsParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
> {
    pub actor_ids: T2,
    pub names: T4,
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PropertyRow {
    pub name: String,
    pub value: String,
}
pub struct PropertyRowBorrowed<'a> {
    pub name: &'a str,
    pub value: &'a str,
}
impl<'a> From<PropertyRowBorrowed<'a>> for PropertyRow {
    fn from(PropertyRowBorrowed { name, value }: PropertyRowBorrowed<'a>) -> Self {
        Self {
            name: name.into(),
            value: value.into(),
        }
    }
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PropertyTransfer {
    pub id: String,
    pub name: String,
    pub value: String,
}
pub struct PropertyTransferBorrowed<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub value: &'a str,
}
impl<'a> From<PropertyTransferBorrowed<'a>> for PropertyTransfer {
    fn from(PropertyTransferBorrowed { id, name, value }: PropertyTransferBorrowed<'a>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            value: value.into(),
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
pub struct PropertyRowQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<PropertyRowBorrowed, tokio_postgres::Error>,
    mapper: fn(PropertyRowBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> PropertyRowQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(PropertyRowBorrowed) -> R,
    ) -> PropertyRowQuery<'c, 'a, 's, C, R, N> {
        PropertyRowQuery {
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
pub struct PropertyTransferQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<PropertyTransferBorrowed, tokio_postgres::Error>,
    mapper: fn(PropertyTransferBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> PropertyTransferQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(PropertyTransferBorrowed) -> R,
    ) -> PropertyTransferQuery<'c, 'a, 's, C, R, N> {
        PropertyTransferQuery {
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
pub struct PropertyValueStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn property_value() -> PropertyValueStmt {
    PropertyValueStmt(
        "SELECT value FROM properties WHERE id = $1 AND name = $2",
        None,
    )
}
impl PropertyValueStmt {
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
        name: &'a T2,
    ) -> StringQuery<'c, 'a, 's, C, String, 2> {
        StringQuery {
            client,
            params: [actor_id, name],
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
        PropertyValueParams<T1, T2>,
        StringQuery<'c, 'a, 's, C, String, 2>,
        C,
    > for PropertyValueStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a PropertyValueParams<T1, T2>,
    ) -> StringQuery<'c, 'a, 's, C, String, 2> {
        self.bind(client, &params.actor_id, &params.name)
    }
}
pub struct UpsertPropertyStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn upsert_property() -> UpsertPropertyStmt {
    UpsertPropertyStmt(
        "INSERT INTO properties (id, name, value) VALUES ($1, $2, $3) ON CONFLICT (id, name) DO UPDATE SET value = EXCLUDED.value RETURNING true AS written",
        None,
    )
}
impl UpsertPropertyStmt {
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
        name: &'a T2,
        value: &'a T3,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 3> {
        BoolQuery {
            client,
            params: [actor_id, name, value],
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
        UpsertPropertyParams<T1, T2, T3>,
        BoolQuery<'c, 'a, 's, C, bool, 3>,
        C,
    > for UpsertPropertyStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a UpsertPropertyParams<T1, T2, T3>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 3> {
        self.bind(client, &params.actor_id, &params.name, &params.value)
    }
}
pub struct InsertPropertyIfAbsentStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn insert_property_if_absent() -> InsertPropertyIfAbsentStmt {
    InsertPropertyIfAbsentStmt(
        "INSERT INTO properties (id, name, value) VALUES ($1, $2, $3) ON CONFLICT (id, name) DO NOTHING RETURNING true AS created",
        None,
    )
}
impl InsertPropertyIfAbsentStmt {
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
        name: &'a T2,
        value: &'a T3,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 3> {
        BoolQuery {
            client,
            params: [actor_id, name, value],
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
        InsertPropertyIfAbsentParams<T1, T2, T3>,
        BoolQuery<'c, 'a, 's, C, bool, 3>,
        C,
    > for InsertPropertyIfAbsentStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a InsertPropertyIfAbsentParams<T1, T2, T3>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 3> {
        self.bind(client, &params.actor_id, &params.name, &params.value)
    }
}
pub struct UpdatePropertyIfValueStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn update_property_if_value() -> UpdatePropertyIfValueStmt {
    UpdatePropertyIfValueStmt(
        "UPDATE properties SET value = $1 WHERE id = $2 AND name = $3 AND value = $4 RETURNING true AS updated",
        None,
    )
}
impl UpdatePropertyIfValueStmt {
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
        value: &'a T1,
        actor_id: &'a T2,
        name: &'a T3,
        expected: &'a T4,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 4> {
        BoolQuery {
            client,
            params: [value, actor_id, name, expected],
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
        UpdatePropertyIfValueParams<T1, T2, T3, T4>,
        BoolQuery<'c, 'a, 's, C, bool, 4>,
        C,
    > for UpdatePropertyIfValueStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a UpdatePropertyIfValueParams<T1, T2, T3, T4>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 4> {
        self.bind(
            client,
            &params.value,
            &params.actor_id,
            &params.name,
            &params.expected,
        )
    }
}
pub struct DeletePropertyIfValueStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_property_if_value() -> DeletePropertyIfValueStmt {
    DeletePropertyIfValueStmt(
        "DELETE FROM properties WHERE id = $1 AND name = $2 AND value = $3 RETURNING true AS deleted",
        None,
    )
}
impl DeletePropertyIfValueStmt {
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
        name: &'a T2,
        value: &'a T3,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 3> {
        BoolQuery {
            client,
            params: [actor_id, name, value],
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
        DeletePropertyIfValueParams<T1, T2, T3>,
        BoolQuery<'c, 'a, 's, C, bool, 3>,
        C,
    > for DeletePropertyIfValueStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeletePropertyIfValueParams<T1, T2, T3>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 3> {
        self.bind(client, &params.actor_id, &params.name, &params.value)
    }
}
pub struct DeletePropertiesNamedStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_properties_named() -> DeletePropertiesNamedStmt {
    DeletePropertiesNamedStmt(
        "WITH deleted AS (DELETE FROM properties WHERE id = $1 AND name = ANY($2) RETURNING 1) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeletePropertiesNamedStmt {
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
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        I64Query {
            client,
            params: [actor_id, names],
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
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        DeletePropertiesNamedParams<T1, T2, T3>,
        I64Query<'c, 'a, 's, C, i64, 2>,
        C,
    > for DeletePropertiesNamedStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeletePropertiesNamedParams<T1, T2, T3>,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        self.bind(client, &params.actor_id, &params.names)
    }
}
pub struct DeleteAllPropertiesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_all_properties() -> DeleteAllPropertiesStmt {
    DeleteAllPropertiesStmt(
        "WITH deleted AS (DELETE FROM properties WHERE id = $1 RETURNING 1) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeleteAllPropertiesStmt {
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
    for DeleteAllPropertiesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> I64Query<'c, 'a, 's, C, i64, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct PropertiesInRangeStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn properties_in_range() -> PropertiesInRangeStmt {
    PropertiesInRangeStmt(
        "SELECT name, value FROM properties WHERE id = $1 AND name COLLATE \"C\" >= $2 AND name COLLATE \"C\" <= $3",
        None,
    )
}
impl PropertiesInRangeStmt {
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
        lower: &'a T2,
        upper: &'a T3,
    ) -> PropertyRowQuery<'c, 'a, 's, C, PropertyRow, 3> {
        PropertyRowQuery {
            client,
            params: [actor_id, lower, upper],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<PropertyRowBorrowed, tokio_postgres::Error> {
                    Ok(PropertyRowBorrowed {
                        name: row.try_get(0)?,
                        value: row.try_get(1)?,
                    })
                },
            mapper: |it| PropertyRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        PropertiesInRangeParams<T1, T2, T3>,
        PropertyRowQuery<'c, 'a, 's, C, PropertyRow, 3>,
        C,
    > for PropertiesInRangeStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a PropertiesInRangeParams<T1, T2, T3>,
    ) -> PropertyRowQuery<'c, 'a, 's, C, PropertyRow, 3> {
        self.bind(client, &params.actor_id, &params.lower, &params.upper)
    }
}
pub struct PropertyNamesInRangeStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn property_names_in_range() -> PropertyNamesInRangeStmt {
    PropertyNamesInRangeStmt(
        "SELECT name FROM properties WHERE id = $1 AND name COLLATE \"C\" >= $2 AND name COLLATE \"C\" <= $3",
        None,
    )
}
impl PropertyNamesInRangeStmt {
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
        lower: &'a T2,
        upper: &'a T3,
    ) -> StringQuery<'c, 'a, 's, C, String, 3> {
        StringQuery {
            client,
            params: [actor_id, lower, upper],
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
        PropertyNamesInRangeParams<T1, T2, T3>,
        StringQuery<'c, 'a, 's, C, String, 3>,
        C,
    > for PropertyNamesInRangeStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a PropertyNamesInRangeParams<T1, T2, T3>,
    ) -> StringQuery<'c, 'a, 's, C, String, 3> {
        self.bind(client, &params.actor_id, &params.lower, &params.upper)
    }
}
pub struct LastPropertyNameInRangeStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn last_property_name_in_range() -> LastPropertyNameInRangeStmt {
    LastPropertyNameInRangeStmt(
        "SELECT name FROM properties WHERE id = $1 AND name COLLATE \"C\" >= $2 AND name COLLATE \"C\" <= $3 ORDER BY name COLLATE \"C\" DESC LIMIT 1",
        None,
    )
}
impl LastPropertyNameInRangeStmt {
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
        lower: &'a T2,
        upper: &'a T3,
    ) -> StringQuery<'c, 'a, 's, C, String, 3> {
        StringQuery {
            client,
            params: [actor_id, lower, upper],
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
        LastPropertyNameInRangeParams<T1, T2, T3>,
        StringQuery<'c, 'a, 's, C, String, 3>,
        C,
    > for LastPropertyNameInRangeStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a LastPropertyNameInRangeParams<T1, T2, T3>,
    ) -> StringQuery<'c, 'a, 's, C, String, 3> {
        self.bind(client, &params.actor_id, &params.lower, &params.upper)
    }
}
pub struct PlainPropertiesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn plain_properties() -> PlainPropertiesStmt {
    PlainPropertiesStmt(
        "SELECT name, value FROM properties WHERE id = $1 AND name NOT LIKE 'list:%'",
        None,
    )
}
impl PlainPropertiesStmt {
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
    ) -> PropertyRowQuery<'c, 'a, 's, C, PropertyRow, 1> {
        PropertyRowQuery {
            client,
            params: [actor_id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<PropertyRowBorrowed, tokio_postgres::Error> {
                    Ok(PropertyRowBorrowed {
                        name: row.try_get(0)?,
                        value: row.try_get(1)?,
                    })
                },
            mapper: |it| PropertyRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ActorIdParam<T1>,
        PropertyRowQuery<'c, 'a, 's, C, PropertyRow, 1>,
        C,
    > for PlainPropertiesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> PropertyRowQuery<'c, 'a, 's, C, PropertyRow, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct AllPropertiesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn all_properties() -> AllPropertiesStmt {
    AllPropertiesStmt("SELECT name, value FROM properties WHERE id = $1", None)
}
impl AllPropertiesStmt {
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
    ) -> PropertyRowQuery<'c, 'a, 's, C, PropertyRow, 1> {
        PropertyRowQuery {
            client,
            params: [actor_id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<PropertyRowBorrowed, tokio_postgres::Error> {
                    Ok(PropertyRowBorrowed {
                        name: row.try_get(0)?,
                        value: row.try_get(1)?,
                    })
                },
            mapper: |it| PropertyRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ActorIdParam<T1>,
        PropertyRowQuery<'c, 'a, 's, C, PropertyRow, 1>,
        C,
    > for AllPropertiesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> PropertyRowQuery<'c, 'a, 's, C, PropertyRow, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct ActorIdByPropertyScanStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn actor_id_by_property_scan() -> ActorIdByPropertyScanStmt {
    ActorIdByPropertyScanStmt(
        "SELECT id FROM properties WHERE name = $1 AND value = $2 ORDER BY id LIMIT 1",
        None,
    )
}
impl ActorIdByPropertyScanStmt {
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
        ActorIdByPropertyScanParams<T1, T2>,
        StringQuery<'c, 'a, 's, C, String, 2>,
        C,
    > for ActorIdByPropertyScanStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdByPropertyScanParams<T1, T2>,
    ) -> StringQuery<'c, 'a, 's, C, String, 2> {
        self.bind(client, &params.name, &params.value)
    }
}
pub struct ExportPropertiesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn export_properties() -> ExportPropertiesStmt {
    ExportPropertiesStmt(
        "SELECT id, name, value FROM properties ORDER BY id, name",
        None,
    )
}
impl ExportPropertiesStmt {
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
    ) -> PropertyTransferQuery<'c, 'a, 's, C, PropertyTransfer, 0> {
        PropertyTransferQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<PropertyTransferBorrowed, tokio_postgres::Error> {
                Ok(PropertyTransferBorrowed {
                    id: row.try_get(0)?,
                    name: row.try_get(1)?,
                    value: row.try_get(2)?,
                })
            },
            mapper: |it| PropertyTransfer::from(it),
        }
    }
}
pub struct ImportPropertiesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn import_properties() -> ImportPropertiesStmt {
    ImportPropertiesStmt(
        "WITH inserted AS ( INSERT INTO properties (id, name, value) SELECT * FROM unnest($1::varchar[], $2::text[], $3::text[]) ON CONFLICT (id, name) DO NOTHING RETURNING 1 ) SELECT count(*) AS inserted FROM inserted",
        None,
    )
}
impl ImportPropertiesStmt {
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
        names: &'a T4,
        vals: &'a T6,
    ) -> I64Query<'c, 'a, 's, C, i64, 3> {
        I64Query {
            client,
            params: [actor_ids, names, vals],
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
        ImportPropertiesParams<T1, T2, T3, T4, T5, T6>,
        I64Query<'c, 'a, 's, C, i64, 3>,
        C,
    > for ImportPropertiesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ImportPropertiesParams<T1, T2, T3, T4, T5, T6>,
    ) -> I64Query<'c, 'a, 's, C, i64, 3> {
        self.bind(client, &params.actor_ids, &params.names, &params.vals)
    }
}
pub struct MissingPropertiesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn missing_properties() -> MissingPropertiesStmt {
    MissingPropertiesStmt(
        "SELECT k.ord FROM unnest($1::bigint[], $2::varchar[], $3::text[]) AS k(ord, id, name) WHERE NOT EXISTS (SELECT 1 FROM properties p WHERE p.id = k.id AND p.name = k.name) ORDER BY k.ord",
        None,
    )
}
impl MissingPropertiesStmt {
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
        names: &'a T5,
    ) -> I64Query<'c, 'a, 's, C, i64, 3> {
        I64Query {
            client,
            params: [ords, actor_ids, names],
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
        MissingPropertiesParams<T1, T2, T3, T4, T5>,
        I64Query<'c, 'a, 's, C, i64, 3>,
        C,
    > for MissingPropertiesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a MissingPropertiesParams<T1, T2, T3, T4, T5>,
    ) -> I64Query<'c, 'a, 's, C, i64, 3> {
        self.bind(client, &params.ords, &params.actor_ids, &params.names)
    }
}
pub struct StoredPropertiesStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn stored_properties() -> StoredPropertiesStmt {
    StoredPropertiesStmt(
        "SELECT id, name, value FROM properties WHERE (id, name) IN (SELECT * FROM unnest($1::varchar[], $2::text[]))",
        None,
    )
}
impl StoredPropertiesStmt {
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
        names: &'a T4,
    ) -> PropertyTransferQuery<'c, 'a, 's, C, PropertyTransfer, 2> {
        PropertyTransferQuery {
            client,
            params: [actor_ids, names],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |
                row: &tokio_postgres::Row,
            | -> Result<PropertyTransferBorrowed, tokio_postgres::Error> {
                Ok(PropertyTransferBorrowed {
                    id: row.try_get(0)?,
                    name: row.try_get(1)?,
                    value: row.try_get(2)?,
                })
            },
            mapper: |it| PropertyTransfer::from(it),
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
        StoredPropertiesParams<T1, T2, T3, T4>,
        PropertyTransferQuery<'c, 'a, 's, C, PropertyTransfer, 2>,
        C,
    > for StoredPropertiesStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a StoredPropertiesParams<T1, T2, T3, T4>,
    ) -> PropertyTransferQuery<'c, 'a, 's, C, PropertyTransfer, 2> {
        self.bind(client, &params.actor_ids, &params.names)
    }
}
pub struct DeletePropertyRowsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_property_rows() -> DeletePropertyRowsStmt {
    DeletePropertyRowsStmt(
        "WITH deleted AS ( DELETE FROM properties WHERE (id, name) IN (SELECT * FROM unnest($1::varchar[], $2::text[])) RETURNING id, name, value ), released AS ( DELETE FROM property_lookup l USING deleted d WHERE l.actor_id = d.id AND l.property_name = d.name AND l.value = d.value RETURNING 1 ) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeletePropertyRowsStmt {
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
        names: &'a T4,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        I64Query {
            client,
            params: [actor_ids, names],
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
        DeletePropertyRowsParams<T1, T2, T3, T4>,
        I64Query<'c, 'a, 's, C, i64, 2>,
        C,
    > for DeletePropertyRowsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a DeletePropertyRowsParams<T1, T2, T3, T4>,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        self.bind(client, &params.actor_ids, &params.names)
    }
}
