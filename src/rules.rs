//! The reference schema's rules that every writer applies (the entity modules, import and
//! validation alike): column limits, composite keys, and which property names are indexed.
//! Arguments are checked before any statement is sent, so that bad input gets an error naming
//! the argument and nothing is written.

use std::fmt;

use crate::config::Config;
use crate::error::{Error, Result};

/// The length limit of the reference's `VARCHAR(255)` identifier columns, in characters.
pub(crate) const IDENTIFIER_MAX_CHARS: usize = 255;

/// The length limit of `trusts.aw_version` (`VARCHAR(50)`), in characters.
pub(crate) const AW_VERSION_MAX_CHARS: usize = 50;

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
    // A text has no more characters than bytes: only a longer one is counted.
    if value.len() > max {
        let chars = value.chars().count();
        if chars > max {
            return Err(Error::invalid(
                field,
                format!("is {chars} characters long; the column holds at most {max}"),
            ));
        }
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

/// The reference's composite key `a:b` (`bucket:name`, `peerid:subid`, `subid:seqnr`),
/// checked to fit its `VARCHAR(255)` key column; `field` names the key in the error.
pub(crate) fn composite_key(field: &str, a: &str, b: &str) -> Result<String> {
    let key = join_key(a, b);
    bounded(field, &key, IDENTIFIER_MAX_CHARS)?;
    Ok(key)
}

/// The composite key `a:b` of parts that [`composite_key`] accepted before.
pub(crate) fn join_key(a: &str, b: &str) -> String {
    format!("{a}:{b}")
}

/// The error for a write whose composite `key` (the column `field`) is held by a row of other
/// parts than `parts` (for example `bucket "a" and name "b:c"`).
pub(crate) fn ambiguous_key(field: &str, key: &str, parts: fmt::Arguments<'_>) -> Error {
    Error::invalid(
        field,
        format!(
            "ambiguous composite key: {key:?} already holds a row for different parts than {parts}"
        ),
    )
}

/// Whether writes of the property `name` keep the lookup table in step: lookup-table mode is
/// on, the name is configured as indexed, and it is not a `list:` name.
pub(crate) fn is_indexed(config: &Config, name: &str) -> bool {
    config.use_lookup_table
        && !name.starts_with("list:")
        && config.indexed_properties.iter().any(|n| n == name)
}

/// The property names whose values the lookup table holds (none with the lookup table off).
pub(crate) fn indexed_names(config: &Config) -> Vec<&str> {
    config
        .indexed_properties
        .iter()
        .map(String::as_str)
        .filter(|name| is_indexed(config, name))
        .collect()
}
