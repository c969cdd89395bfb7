//! Argument checks done before any statement is sent, so that bad input gets an error naming
//! the argument and nothing is written.

use crate::error::{Error, Result};

/// The length limit of the reference's `VARCHAR(255)` identifier columns, in characters.
pub(crate) const IDENTIFIER_MAX_CHARS: usize = 255;

/// Text stored in any column: PostgreSQL text cannot hold NUL.
pub(crate) fn text(field: &str, value: &str) -> Result<()> {
    if value.contains('\0') {
        return Err(Error::invalid(field, "contains a NUL byte"));
    }
    Ok(())
}

/// A non-empty `VARCHAR(255)` key such as an actor id.
pub(crate) fn identifier(field: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    bounded(field, value, IDENTIFIER_MAX_CHARS)
}

/// Text stored in a `VARCHAR(max)` column (may be empty).
pub(crate) fn bounded(field: &str, value: &str, max: usize) -> Result<()> {
    text(field, value)?;
    let chars = value.chars().count();
    if chars > max {
        return Err(Error::invalid(
            field,
            format!("is {chars} characters long; the column holds at most {max}"),
        ));
    }
    Ok(())
}

/// A non-empty name stored in a `TEXT` column (property names).
pub(crate) fn name(field: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    text(field, value)
}
