//! Binding secrets without exposing them: [`Secret`].
//!
//! tokio-postgres logs every statement's parameters with their `Debug` text (`executing
//! statement s3 with parameters: [...]`, through the `log` crate at DEBUG). Every parameter
//! that holds a secret (actor passphrase, trust secret or token, verification token, peer
//! passphrase) is bound as a [`Secret`], whose `Debug` is `<redacted>`, so such a log line
//! shows no secret. The bytes sent to the server are those of the text itself.
//!
//! The public types that hold secrets implement `Debug` with [`debug_redacted!`], which shows
//! those fields as `"<redacted>"`.

use std::error::Error as StdError;
use std::fmt;

use postgres_types::private::BytesMut;
use postgres_types::{IsNull, ToSql, Type, to_sql_checked};

/// A text parameter that is a secret: sent as the text, shown as `<redacted>` by `Debug`.
#[derive(Clone, Copy)]
pub(crate) struct Secret<'a>(pub(crate) &'a str);

impl<'a> Secret<'a> {
    /// An optional secret parameter.
    pub(crate) fn opt(value: Option<&'a str>) -> Option<Secret<'a>> {
        value.map(Secret)
    }
}

impl fmt::Debug for Secret<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl ToSql for Secret<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> Result<IsNull, Box<dyn StdError + Sync + Send>> {
        <&str as ToSql>::to_sql(&self.0, ty, out)
    }

    fn accepts(ty: &Type) -> bool {
        <&str as ToSql>::accepts(ty)
    }

    to_sql_checked!();
}

impl crate::StringSql for Secret<'_> {}

/// The `Debug` text of a secret field: `"<redacted>"`, or `Some("<redacted>")` / `None` for an
/// optional one (quoted, as the other string fields are).
pub(crate) struct Redacted<'a, T>(pub(crate) &'a T);

impl fmt::Debug for Redacted<'_, String> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt("<redacted>", f)
    }
}

impl fmt::Debug for Redacted<'_, Option<String>> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0.as_ref().map(|_| "<redacted>"), f)
    }
}

/// Implements `Debug` for a struct: the fields named after `secrets` show as [`Redacted`],
/// the others as themselves. Every field must be named (the struct is destructured without
/// `..`), so a field added later does not compile until it is listed in one group or the other.
macro_rules! debug_redacted {
    ($ty:ident { $($field:ident),* $(,)? } secrets { $($secret:ident),* $(,)? }) => {
        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let $ty { $($field,)* $($secret,)* } = self;
                f.debug_struct(stringify!($ty))
                    $(.field(stringify!($field), $field))*
                    $(.field(stringify!($secret), &$crate::secret::Redacted($secret)))*
                    .finish()
            }
        }
    };
}
pub(crate) use debug_redacted;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_redacted_and_the_bytes_are_the_text() {
        let secret = Secret("hunter2");
        assert_eq!(format!("{secret:?}"), "<redacted>");
        assert_eq!(
            format!("{:?}", [Some(secret), None]),
            "[Some(<redacted>), None]"
        );
        let mut bytes = BytesMut::new();
        secret.to_sql_checked(&Type::TEXT, &mut bytes).unwrap();
        assert_eq!(&bytes[..], b"hunter2");
        assert!(<Secret<'_> as ToSql>::accepts(&Type::VARCHAR));
        assert!(!<Secret<'_> as ToSql>::accepts(&Type::INT4));
    }
}
