// This file was generated with `cornucopia`. Do not modify.

#[derive(Debug)]
pub struct InsertActorParams<T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql> {
    pub id: T1,
    pub creator: T2,
    pub passphrase: T3,
}
#[derive(Debug)]
pub struct UpdateActorParams<T1: crate::StringSql, T2: crate::StringSql, T3: crate::StringSql> {
    pub creator: Option<T1>,
    pub passphrase: Option<T2>,
    pub id: T3,
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
    pub peertrustees: i64,
    pub subscriptions: i64,
    pub subscription_diffs: i64,
    pub attributes: i64,
    pub subscription_suspensions: i64,
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
    pub fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>(
        &'s self,
        client: &'c C,
        id: &'a T1,
    ) -> ActorRowQuery<'c, 'a, 's, C, ActorRow, 1> {
        ActorRowQuery {
            client,
            params: [id],
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
    pub fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>(
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
        id: &'a T1,
        creator: &'a T2,
        passphrase: &'a T3,
    ) -> ActorRowQuery<'c, 'a, 's, C, ActorRow, 3> {
        ActorRowQuery {
            client,
            params: [id, creator, passphrase],
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
        self.bind(client, &params.id, &params.creator, &params.passphrase)
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
        creator: &'a Option<T1>,
        passphrase: &'a Option<T2>,
        id: &'a T3,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 3> {
        BoolQuery {
            client,
            params: [creator, passphrase, id],
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
        self.bind(client, &params.creator, &params.passphrase, &params.id)
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
    pub fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>(
        &'s self,
        client: &'c C,
        id: &'a T1,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 1> {
        BoolQuery {
            client,
            params: [id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
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
    pub fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>(
        &'s self,
        client: &'c C,
        id: &'a T1,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 1> {
        BoolQuery {
            client,
            params: [id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
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
    pub fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>(
        &'s self,
        client: &'c C,
        id: &'a T1,
    ) -> BoolQuery<'c, 'a, 's, C, bool, 1> {
        BoolQuery {
            client,
            params: [id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row| Ok(row.try_get(0)?),
            mapper: |it| it,
        }
    }
}
pub struct DeleteActorEverywhereStmt(&'static str, Option<tokio_postgres::Statement>);
pub fn delete_actor_everywhere() -> DeleteActorEverywhereStmt {
    DeleteActorEverywhereStmt(
        "WITH deleted_properties AS (DELETE FROM properties WHERE id = $1 RETURNING 1), deleted_lookups AS (DELETE FROM property_lookup WHERE actor_id = $1 RETURNING 1), deleted_trusts AS (DELETE FROM trusts WHERE id = $1 RETURNING 1), deleted_peertrustees AS (DELETE FROM peertrustees WHERE id = $1 RETURNING 1), deleted_subscriptions AS (DELETE FROM subscriptions WHERE id = $1 RETURNING 1), deleted_diffs AS (DELETE FROM subscription_diffs WHERE id = $1 RETURNING 1), deleted_attributes AS (DELETE FROM attributes WHERE id = $1 RETURNING 1), deleted_suspensions AS (DELETE FROM subscription_suspensions WHERE id = $1 RETURNING 1), deleted_actors AS (DELETE FROM actors WHERE id = $1 RETURNING 1) SELECT (SELECT count(*) FROM deleted_actors) AS actors, (SELECT count(*) FROM deleted_properties) AS properties, (SELECT count(*) FROM deleted_lookups) AS property_lookup, (SELECT count(*) FROM deleted_trusts) AS trusts, (SELECT count(*) FROM deleted_peertrustees) AS peertrustees, (SELECT count(*) FROM deleted_subscriptions) AS subscriptions, (SELECT count(*) FROM deleted_diffs) AS subscription_diffs, (SELECT count(*) FROM deleted_attributes) AS attributes, (SELECT count(*) FROM deleted_suspensions) AS subscription_suspensions",
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
    pub fn bind<'c, 'a, 's, C: GenericClient, T1: crate::StringSql>(
        &'s self,
        client: &'c C,
        id: &'a T1,
    ) -> DeletedRowsQuery<'c, 'a, 's, C, DeletedRows, 1> {
        DeletedRowsQuery {
            client,
            params: [id],
            query: self.0,
            cached: self.1.as_ref(),
            extractor: |row: &tokio_postgres::Row| -> Result<DeletedRows, tokio_postgres::Error> {
                Ok(DeletedRows {
                    actors: row.try_get(0)?,
                    properties: row.try_get(1)?,
                    property_lookup: row.try_get(2)?,
                    trusts: row.try_get(3)?,
                    peertrustees: row.try_get(4)?,
                    subscriptions: row.try_get(5)?,
                    subscription_diffs: row.try_get(6)?,
                    attributes: row.try_get(7)?,
                    subscription_suspensions: row.try_get(8)?,
                })
            },
            mapper: |it| DeletedRows::from(it),
        }
    }
}
