// This file was generated with `cornucopia`. Do not modify.

#[derive(Debug)]
pub struct ActorIdParam<T1: crate::StringSql> {
    pub actor_id: T1,
}
#[derive(Debug)]
pub struct CreatorParam<T1: crate::StringSql> {
    pub creator: T1,
}
#[derive(Debug)]
pub struct InsertActorParams<T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql> {
    pub actor_id: T1,
    pub creator: T2,
    pub passphrase: T3,
}
#[derive(Debug)]
pub struct UpdateActorParams<T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql> {
    pub creator: Option<T1>,
    pub passphrase: Option<T2>,
    pub actor_id: T3,
}
#[derive(Debug)]
pub struct ImportActorsParams<
    T1: crate::StringSql,
    T2: crate::ArraySql<Item = T1>,
    T3: crate::StringSql,
    T4: crate::ArraySql<Item = T3>,
    T5: crate::StringSql,
    T6: crate::ArraySql<Item = T5>,
    T7: crate::ArraySql<Item = Option<chrono::NaiveDateTime>>,
> {
    pub actor_ids: T2,
    pub creators: T4,
    pub passphrases: T6,
    pub created_ats: T7,
}
#[derive(Debug)]
pub struct MissingActorsParams<
    T1: crate::ArraySql<Item = i64>,
    T2: crate::StringSql,
    T3: crate::ArraySql<Item = T2>,
> {
    pub ords: T1,
    pub actor_ids: T3,
}
#[derive(Debug)]
pub struct ActorIdsParam<T1: crate::StringSql, T2: crate::ArraySql<Item = T1>> {
    pub actor_ids: T2,
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ActorRow {
    pub id: String,
    pub creator: String,
    pub passphrase: String,
    pub created_at: Option<chrono::NaiveDateTime>,
}
pub struct ActorRowBorrowed<'a> {
    pub id: &'a str,
    pub creator: &'a str,
    pub passphrase: &'a str,
    pub created_at: Option<chrono::NaiveDateTime>,
}
impl<'a> From<ActorRowBorrowed<'a>> for ActorRow {
    fn from(
        ActorRowBorrowed {
            id,
            creator,
            passphrase,
            created_at,
        }: ActorRowBorrowed<'a>,
    ) -> Self {
        Self {
            id: id.into(),
            creator: creator.into(),
            passphrase: passphrase.into(),
            created_at,
        }
    }
}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ListActors {
    pub id: String,
    pub creator: String,
}
pub struct ListActorsBorrowed<'a> {
    pub id: &'a str,
    pub creator: &'a str,
}
impl<'a> From<ListActorsBorrowed<'a>> for ListActors {
    fn from(ListActorsBorrowed { id, creator }: ListActorsBorrowed<'a>) -> Self {
        Self {
            id: id.into(),
            creator: creator.into(),
        }
    }
}
#[derive(Debug, Clone, PartialEq, Copy, serde::Serialize)]
pub struct DeletedRows {
    pub actors: i64,
    pub properties: i64,
    pub property_lookup: i64,
    pub trusts: i64,
    pub peer_trustees: i64,
    pub subscriptions: i64,
    pub subscription_diffs: i64,
    pub attributes: i64,
    pub suspensions: i64,
}
use crate::client::async_::GenericClient;
use futures::{self, StreamExt, TryStreamExt};
pub struct ActorRowQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<ActorRowBorrowed, tokio_postgres::Error>,
    mapper: fn(ActorRowBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> ActorRowQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(self, mapper: fn(ActorRowBorrowed) -> R) -> ActorRowQuery<'c, 'a, 's, C, R, N> {
        ActorRowQuery {
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
pub struct ListActorsQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<ListActorsBorrowed, tokio_postgres::Error>,
    mapper: fn(ListActorsBorrowed) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> ListActorsQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(
        self,
        mapper: fn(ListActorsBorrowed) -> R,
    ) -> ListActorsQuery<'c, 'a, 's, C, R, N> {
        ListActorsQuery {
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
pub struct DeletedRowsQuery<'c, 'a, 's, C: GenericClient, T, const N: usize> {
    client: &'c C,
    params: [&'a (dyn postgres_types::ToSql + Sync); N],
    query: &'static str,
    cached: Option<&'s tokio_postgres::Statement>,
    extractor: fn(&tokio_postgres::Row) -> Result<DeletedRows, tokio_postgres::Error>,
    mapper: fn(DeletedRows) -> T,
}
impl<'c, 'a, 's, C, T: 'c, const N: usize> DeletedRowsQuery<'c, 'a, 's, C, T, N>
where
    C: GenericClient,
{
    pub fn map<R>(self, mapper: fn(DeletedRows) -> R) -> DeletedRowsQuery<'c, 'a, 's, C, R, N> {
        DeletedRowsQuery {
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
pub struct ActorByIdStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn actor_by_id() -> ActorByIdStmt {
    ActorByIdStmt(
        "SELECT id, creator, passphrase, created_at FROM actors WHERE id = $1",
        None,
    )
}
impl ActorByIdStmt {
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
    ) -> ActorRowQuery<'c, 'a, 's, C, ActorRow, 1> {
        ActorRowQuery {
            client,
            params: [actor_id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<ActorRowBorrowed, tokio_postgres::Error> {
                    Ok(ActorRowBorrowed {
                        id: row.try_get(0)?,
                        creator: row.try_get(1)?,
                        passphrase: row.try_get(2)?,
                        created_at: row.try_get(3)?,
                    })
                },
            mapper: |it| ActorRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ActorIdParam<T1>,
        ActorRowQuery<'c, 'a, 's, C, ActorRow, 1>,
        C,
    > for ActorByIdStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> ActorRowQuery<'c, 'a, 's, C, ActorRow, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct ActorsByCreatorStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn actors_by_creator() -> ActorsByCreatorStmt {
    ActorsByCreatorStmt(
        "SELECT id, creator, passphrase, created_at FROM actors WHERE creator = $1 ORDER BY id",
        None,
    )
}
impl ActorsByCreatorStmt {
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
        creator: &'a T1,
    ) -> ActorRowQuery<'c, 'a, 's, C, ActorRow, 1> {
        ActorRowQuery {
            client,
            params: [creator],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<ActorRowBorrowed, tokio_postgres::Error> {
                    Ok(ActorRowBorrowed {
                        id: row.try_get(0)?,
                        creator: row.try_get(1)?,
                        passphrase: row.try_get(2)?,
                        created_at: row.try_get(3)?,
                    })
                },
            mapper: |it| ActorRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        CreatorParam<T1>,
        ActorRowQuery<'c, 'a, 's, C, ActorRow, 1>,
        C,
    > for ActorsByCreatorStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a CreatorParam<T1>,
    ) -> ActorRowQuery<'c, 'a, 's, C, ActorRow, 1> {
        self.bind(client, &params.creator)
    }
}
pub struct ListActorsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn list_actors() -> ListActorsStmt {
    ListActorsStmt("SELECT id, creator FROM actors ORDER BY id", None)
}
impl ListActorsStmt {
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
    ) -> ListActorsQuery<'c, 'a, 's, C, ListActors, 0> {
        ListActorsQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<ListActorsBorrowed, tokio_postgres::Error> {
                    Ok(ListActorsBorrowed {
                        id: row.try_get(0)?,
                        creator: row.try_get(1)?,
                    })
                },
            mapper: |it| ListActors::from(it),
        }
    }
}
pub struct InsertActorStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn insert_actor() -> InsertActorStmt {
    InsertActorStmt(
        "INSERT INTO actors (id, creator, passphrase, created_at) VALUES ($1, $2, $3, now() AT TIME ZONE 'UTC') ON CONFLICT (id) DO NOTHING RETURNING id, creator, passphrase, created_at",
        None,
    )
}
impl InsertActorStmt {
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
        creator: &'a T2,
        passphrase: &'a T3,
    ) -> ActorRowQuery<'c, 'a, 's, C, ActorRow, 3> {
        ActorRowQuery {
            client,
            params: [actor_id, creator, passphrase],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<ActorRowBorrowed, tokio_postgres::Error> {
                    Ok(ActorRowBorrowed {
                        id: row.try_get(0)?,
                        creator: row.try_get(1)?,
                        passphrase: row.try_get(2)?,
                        created_at: row.try_get(3)?,
                    })
                },
            mapper: |it| ActorRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        InsertActorParams<T1, T2, T3>,
        ActorRowQuery<'c, 'a, 's, C, ActorRow, 3>,
        C,
    > for InsertActorStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a InsertActorParams<T1, T2, T3>,
    ) -> ActorRowQuery<'c, 'a, 's, C, ActorRow, 3> {
        self.bind(
            client,
            &params.actor_id,
            &params.creator,
            &params.passphrase,
        )
    }
}
pub struct UpdateActorStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn update_actor() -> UpdateActorStmt {
    UpdateActorStmt(
        "UPDATE actors SET creator = COALESCE($1, creator), passphrase = COALESCE($2, passphrase) WHERE id = $3 RETURNING true AS updated",
        None,
    )
}
impl UpdateActorStmt {
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
        creator: &'a Option<T1>,
        passphrase: &'a Option<T2>,
        actor_id: &'a T3,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 3> {
        BoolQuery {
            client,
            params: [creator, passphrase, actor_id],
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
        UpdateActorParams<T1, T2, T3>,
        BoolQuery<'c, 'a, 's, C, bool, 3>,
        C,
    > for UpdateActorStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a UpdateActorParams<T1, T2, T3>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 3> {
        self.bind(
            client,
            &params.creator,
            &params.passphrase,
            &params.actor_id,
        )
    }
}
pub struct DeleteActorStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_actor() -> DeleteActorStmt {
    DeleteActorStmt(
        "DELETE FROM actors WHERE id = $1 RETURNING true AS deleted",
        None,
    )
}
impl DeleteActorStmt {
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
    ) -> BoolQuery<'c, 'a, 's, C, bool, 1> {
        BoolQuery {
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
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ActorIdParam<T1>,
        BoolQuery<'c, 'a, 's, C, bool, 1>,
        C,
    > for DeleteActorStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct LockActorStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn lock_actor() -> LockActorStmt {
    LockActorStmt(
        "SELECT true AS present FROM actors WHERE id = $1 FOR KEY SHARE",
        None,
    )
}
impl LockActorStmt {
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
    ) -> BoolQuery<'c, 'a, 's, C, bool, 1> {
        BoolQuery {
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
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ActorIdParam<T1>,
        BoolQuery<'c, 'a, 's, C, bool, 1>,
        C,
    > for LockActorStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct LockActorForDeleteStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn lock_actor_for_delete() -> LockActorForDeleteStmt {
    LockActorForDeleteStmt(
        "SELECT true AS present FROM actors WHERE id = $1 FOR UPDATE",
        None,
    )
}
impl LockActorForDeleteStmt {
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
    ) -> BoolQuery<'c, 'a, 's, C, bool, 1> {
        BoolQuery {
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
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ActorIdParam<T1>,
        BoolQuery<'c, 'a, 's, C, bool, 1>,
        C,
    > for LockActorForDeleteStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct DeleteActorEverywhereStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_actor_everywhere() -> DeleteActorEverywhereStmt {
    DeleteActorEverywhereStmt(
        "WITH deleted_properties AS (DELETE FROM properties WHERE id = $1 RETURNING 1), deleted_lookups AS ( DELETE FROM property_lookup WHERE actor_id = $1 RETURNING property_name, value ), handed_lookups AS ( INSERT INTO property_lookup (property_name, value, actor_id) SELECT r.property_name, r.value, h.id FROM deleted_lookups r CROSS JOIN LATERAL ( SELECT p.id FROM properties p JOIN actors a ON a.id = p.id WHERE left(p.name, 200) = left(r.property_name, 200) AND left(p.value, 200) = left(r.value, 200) AND p.name NOT LIKE 'list:%' AND p.name = r.property_name AND p.value = r.value AND p.id <> $1 ORDER BY p.id COLLATE \"C\" LIMIT 1 FOR SHARE OF p FOR KEY SHARE OF a ) h WHERE (SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass('idx_properties_name_value_prefix')) ON CONFLICT (property_name, value) DO NOTHING RETURNING 1 ), deleted_trusts AS (DELETE FROM trusts WHERE id = $1 RETURNING 1), deleted_peertrustees AS (DELETE FROM peertrustees WHERE id = $1 RETURNING 1), deleted_subscriptions AS (DELETE FROM subscriptions WHERE id = $1 RETURNING 1), deleted_diffs AS (DELETE FROM subscription_diffs WHERE id = $1 RETURNING 1), deleted_attributes AS (DELETE FROM attributes WHERE id = $1 RETURNING 1), deleted_suspensions AS (DELETE FROM subscription_suspensions WHERE id = $1 RETURNING 1), deleted_actors AS (DELETE FROM actors WHERE id = $1 RETURNING 1) SELECT (SELECT count(*) FROM deleted_actors) AS actors, (SELECT count(*) FROM deleted_properties) AS properties, (SELECT count(*) FROM deleted_lookups) AS property_lookup, (SELECT count(*) FROM deleted_trusts) AS trusts, (SELECT count(*) FROM deleted_peertrustees) AS peer_trustees, (SELECT count(*) FROM deleted_subscriptions) AS subscriptions, (SELECT count(*) FROM deleted_diffs) AS subscription_diffs, (SELECT count(*) FROM deleted_attributes) AS attributes, (SELECT count(*) FROM deleted_suspensions) AS suspensions",
        None,
    )
}
impl DeleteActorEverywhereStmt {
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
    ) -> DeletedRowsQuery<'c, 'a, 's, C, DeletedRows, 1> {
        DeletedRowsQuery {
            client,
            params: [actor_id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row: &tokio_postgres::Row| -> Result<DeletedRows, tokio_postgres::Error> {
                Ok(DeletedRows {
                    actors: row.try_get(0)?,
                    properties: row.try_get(1)?,
                    property_lookup: row.try_get(2)?,
                    trusts: row.try_get(3)?,
                    peer_trustees: row.try_get(4)?,
                    subscriptions: row.try_get(5)?,
                    subscription_diffs: row.try_get(6)?,
                    attributes: row.try_get(7)?,
                    suspensions: row.try_get(8)?,
                })
            },
            mapper: |it| DeletedRows::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ActorIdParam<T1>,
        DeletedRowsQuery<'c, 'a, 's, C, DeletedRows, 1>,
        C,
    > for DeleteActorEverywhereStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdParam<T1>,
    ) -> DeletedRowsQuery<'c, 'a, 's, C, DeletedRows, 1> {
        self.bind(client, &params.actor_id)
    }
}
pub struct ExportActorsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn export_actors() -> ExportActorsStmt {
    ExportActorsStmt(
        "SELECT id, creator, passphrase, created_at FROM actors ORDER BY id",
        None,
    )
}
impl ExportActorsStmt {
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
    ) -> ActorRowQuery<'c, 'a, 's, C, ActorRow, 0> {
        ActorRowQuery {
            client,
            params: [],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<ActorRowBorrowed, tokio_postgres::Error> {
                    Ok(ActorRowBorrowed {
                        id: row.try_get(0)?,
                        creator: row.try_get(1)?,
                        passphrase: row.try_get(2)?,
                        created_at: row.try_get(3)?,
                    })
                },
            mapper: |it| ActorRow::from(it),
        }
    }
}
pub struct ImportActorsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn import_actors() -> ImportActorsStmt {
    ImportActorsStmt(
        "WITH inserted AS ( INSERT INTO actors (id, creator, passphrase, created_at) SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::text[], $4::timestamp[]) ON CONFLICT (id) DO NOTHING RETURNING 1 ) SELECT count(*) AS inserted FROM inserted",
        None,
    )
}
impl ImportActorsStmt {
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
        T7: crate::ArraySql<Item = Option<chrono::NaiveDateTime>>,
    >(
        &'s self,
        client: &'c C,
        actor_ids: &'a T2,
        creators: &'a T4,
        passphrases: &'a T6,
        created_ats: &'a T7,
    ) -> I64Query<'c, 'a, 's, C, i64, 4> {
        I64Query {
            client,
            params: [actor_ids, creators, passphrases, created_ats],
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
    T7: crate::ArraySql<Item = Option<chrono::NaiveDateTime>>,
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ImportActorsParams<T1, T2, T3, T4, T5, T6, T7>,
        I64Query<'c, 'a, 's, C, i64, 4>,
        C,
    > for ImportActorsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ImportActorsParams<T1, T2, T3, T4, T5, T6, T7>,
    ) -> I64Query<'c, 'a, 's, C, i64, 4> {
        self.bind(
            client,
            &params.actor_ids,
            &params.creators,
            &params.passphrases,
            &params.created_ats,
        )
    }
}
pub struct MissingActorsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn missing_actors() -> MissingActorsStmt {
    MissingActorsStmt(
        "SELECT k.ord FROM unnest($1::bigint[], $2::varchar[]) AS k(ord, id) WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = k.id) ORDER BY k.ord",
        None,
    )
}
impl MissingActorsStmt {
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
    >(
        &'s self,
        client: &'c C,
        ords: &'a T1,
        actor_ids: &'a T3,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        I64Query {
            client,
            params: [ords, actor_ids],
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
>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        MissingActorsParams<T1, T2, T3>,
        I64Query<'c, 'a, 's, C, i64, 2>,
        C,
    > for MissingActorsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a MissingActorsParams<T1, T2, T3>,
    ) -> I64Query<'c, 'a, 's, C, i64, 2> {
        self.bind(client, &params.ords, &params.actor_ids)
    }
}
pub struct StoredActorsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn stored_actors() -> StoredActorsStmt {
    StoredActorsStmt(
        "SELECT id, creator, passphrase, created_at FROM actors WHERE id = ANY($1::varchar[])",
        None,
    )
}
impl StoredActorsStmt {
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
        actor_ids: &'a T2,
    ) -> ActorRowQuery<'c, 'a, 's, C, ActorRow, 1> {
        ActorRowQuery {
            client,
            params: [actor_ids],
            query: self.0,
            cached: self.1.as_ref(),
            extractor:
                |row: &tokio_postgres::Row| -> Result<ActorRowBorrowed, tokio_postgres::Error> {
                    Ok(ActorRowBorrowed {
                        id: row.try_get(0)?,
                        creator: row.try_get(1)?,
                        passphrase: row.try_get(2)?,
                        created_at: row.try_get(3)?,
                    })
                },
            mapper: |it| ActorRow::from(it),
        }
    }
}
impl<'c, 'a, 's, C: GenericClient, T1: crate::StringSql, T2: crate::ArraySql<Item = T1>>
    crate::client::async_::Params<
        'c,
        'a,
        's,
        ActorIdsParam<T1, T2>,
        ActorRowQuery<'c, 'a, 's, C, ActorRow, 1>,
        C,
    > for StoredActorsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdsParam<T1, T2>,
    ) -> ActorRowQuery<'c, 'a, 's, C, ActorRow, 1> {
        self.bind(client, &params.actor_ids)
    }
}
pub struct DeleteActorRowsStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_actor_rows() -> DeleteActorRowsStmt {
    DeleteActorRowsStmt(
        "WITH deleted AS (DELETE FROM actors WHERE id = ANY($1::varchar[]) RETURNING 1) SELECT count(*) AS deleted FROM deleted",
        None,
    )
}
impl DeleteActorRowsStmt {
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
        actor_ids: &'a T2,
    ) -> I64Query<'c, 'a, 's, C, i64, 1> {
        I64Query {
            client,
            params: [actor_ids],
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
        ActorIdsParam<T1, T2>,
        I64Query<'c, 'a, 's, C, i64, 1>,
        C,
    > for DeleteActorRowsStmt
{
    fn params(
        &'s self,
        client: &'c C,
        params: &'a ActorIdsParam<T1, T2>,
    ) -> I64Query<'c, 'a, 's, C, i64, 1> {
        self.bind(client, &params.actor_ids)
    }
}
