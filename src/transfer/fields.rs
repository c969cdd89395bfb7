//! The fields of a record: read leniently in the forms the reference's exports use (timestamps
//! as `str(datetime)` or ISO 8601, integers as decimal strings, booleans and text that may be
//! missing), and [`Field`], a column's value as the export writes it and validation compares
//! and shows it.

use std::fmt;
use std::io::{self, Write};

use chrono::{DateTime, NaiveDateTime, SubsecRound, Utc};
use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::error::{Error, Result};
use crate::trusts::python_isoformat;

// ---------------------------------------------------------------------------------------------
// Reading

/// A text field: a JSON string, or `None` when missing or `null`.
pub(super) fn text_field(field: &str, value: Option<Value>) -> Result<Option<String>> {
    match value {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(wrong_type(field, "a string", &other)),
    }
}

/// A text field that must be there.
pub(super) fn required_text(field: &str, value: Option<Value>) -> Result<String> {
    text_field(field, value)?.ok_or_else(|| Error::invalid(field, "is missing"))
}

/// A text field that the reference's exports may also hold under the name `alias`: the
/// field's own value wins; both must be text.
pub(super) fn text_field_or(
    field: &str,
    value: Option<Value>,
    alias: &str,
    alias_value: Option<Value>,
) -> Result<Option<String>> {
    let value = text_field(field, value)?;
    Ok(value.or(text_field(alias, alias_value)?))
}

/// An integer field: a JSON integer (or integral float), or a decimal string, as
/// `json.dump(..., default=str)` writes Python `Decimal`s; `None` when missing or `null`.
pub(super) fn int_field(field: &str, value: Option<Value>) -> Result<Option<i64>> {
    let Some(value) = value else { return Ok(None) };
    let n = match &value {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e18)
                .map(|f| f as i64)
        }),
        Value::String(s) => s.trim().parse().ok(),
        _ => return Err(wrong_type(field, "an integer", &value)),
    };
    n.map(Some)
        .ok_or_else(|| Error::invalid(field, format!("{value} is not a 64-bit integer")))
}

/// A 32-bit integer field (`seqnr`), 0 when missing or `null`.
pub(super) fn int32_field(field: &str, value: Option<Value>) -> Result<i32> {
    let n = int_field(field, value)?.unwrap_or(0);
    i32::try_from(n).map_err(|_| Error::invalid(field, format!("{n} is out of range")))
}

/// A boolean field, `false` when missing or `null`.
pub(super) fn bool_field(field: &str, value: Option<Value>) -> Result<bool> {
    match value {
        None => Ok(false),
        Some(Value::Bool(b)) => Ok(b),
        Some(other) => Err(wrong_type(field, "true or false", &other)),
    }
}

/// A timestamp field, `None` when missing or `null`: Python's `str(datetime)`
/// (`2024-01-01 10:00:00+00:00`), `isoformat()` (`2024-01-01T10:00:00.5`), PynamoDB's
/// `2024-01-01T10:00:00.000000+0000` or RFC 3339 (`...Z`). Without an offset it is UTC. Digits
/// beyond the microsecond are dropped.
pub(super) fn time_field(field: &str, value: Option<Value>) -> Result<Option<DateTime<Utc>>> {
    let Some(text) = text_field(field, value)? else {
        return Ok(None);
    };
    let iso = text.trim().replacen(' ', "T", 1);
    let parsed = DateTime::parse_from_rfc3339(&iso)
        .or_else(|_| DateTime::parse_from_str(&iso, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .map(|t| t.with_timezone(&Utc))
        .or_else(|_| {
            NaiveDateTime::parse_from_str(&iso, "%Y-%m-%dT%H:%M:%S%.f").map(|t| t.and_utc())
        });
    match parsed {
        Ok(time) => Ok(Some(time.trunc_subsecs(6))),
        Err(_) => Err(Error::invalid(
            field,
            format!("{text:?} is not a timestamp like 2024-01-01 10:00:00[.ffffff][+00:00]"),
        )),
    }
}

/// A timestamp field that must be there.
pub(super) fn required_time(field: &str, value: Option<Value>) -> Result<DateTime<Utc>> {
    time_field(field, value)?.ok_or_else(|| Error::invalid(field, "is missing"))
}

fn wrong_type(field: &str, expected: &str, found: &Value) -> Error {
    let found = match found {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    Error::invalid(field, format!("expected {expected}, found {found}"))
}

/// Walks a JSON text without keeping it and refuses what jsonb cannot store or the entity API
/// cannot hold: U+0000 in a string or key, a lone UTF-16 surrogate escape (refused by
/// serde_json while it decodes the string), a number beyond the range of `f64`.
pub(super) struct StorableJson;

impl StorableJson {
    pub(super) fn check(field: &str, raw: &RawValue) -> Result<()> {
        serde_json::from_str::<StorableJson>(raw.get())
            .map(drop)
            .map_err(|e| Error::invalid(field, e))
    }
}

impl<'de> Deserialize<'de> for StorableJson {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<StorableJson, D::Error> {
        d.deserialize_any(StorableJson)
    }
}

impl<'de> Visitor<'de> for StorableJson {
    type Value = StorableJson;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> std::result::Result<StorableJson, E> {
        Ok(self)
    }

    fn visit_bool<E>(self, _: bool) -> std::result::Result<StorableJson, E> {
        Ok(self)
    }

    fn visit_i64<E>(self, _: i64) -> std::result::Result<StorableJson, E> {
        Ok(self)
    }

    fn visit_u64<E>(self, _: u64) -> std::result::Result<StorableJson, E> {
        Ok(self)
    }

    fn visit_f64<E>(self, _: f64) -> std::result::Result<StorableJson, E> {
        Ok(self)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> std::result::Result<StorableJson, E> {
        if s.contains('\0') {
            return Err(E::custom(
                "contains a NUL character (U+0000), which jsonb cannot store",
            ));
        }
        Ok(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<StorableJson, A::Error> {
        while seq.next_element::<StorableJson>()?.is_some() {}
        Ok(self)
    }

    fn visit_map<A: de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<StorableJson, A::Error> {
        while map.next_key::<StorableJson>()?.is_some() {
            map.next_value::<StorableJson>()?;
        }
        Ok(self)
    }
}

// ---------------------------------------------------------------------------------------------
// Writing and comparing

/// One column of a record, for writing it, comparing a record with its stored row and showing
/// both.
#[derive(PartialEq)]
pub(super) enum Field<'a> {
    Text(Option<&'a str>),
    /// Written as it is; compared, but shown as `<redacted>`.
    Secret(Option<&'a str>),
    /// JSON text, written verbatim; compared as jsonb renders it.
    Json(Option<&'a str>),
    Int(Option<i64>),
    Bool(bool),
    Time(Option<DateTime<Utc>>),
}

impl<'a> Field<'a> {
    /// Optional text.
    pub(super) fn optional(value: &'a Option<String>) -> Field<'a> {
        Field::Text(value.as_deref())
    }

    /// Writes the value as JSON (timestamps as Python's `isoformat()`, secrets in clear).
    pub(super) fn write_json(&self, out: &mut impl Write) -> io::Result<()> {
        match self {
            Field::Text(None)
            | Field::Secret(None)
            | Field::Json(None)
            | Field::Int(None)
            | Field::Time(None) => out.write_all(b"null"),
            Field::Text(Some(s)) | Field::Secret(Some(s)) => Ok(serde_json::to_writer(out, s)?),
            Field::Json(Some(raw)) => out.write_all(raw.as_bytes()),
            Field::Int(Some(n)) => write!(out, "{n}"),
            Field::Bool(b) => write!(out, "{b}"),
            Field::Time(Some(t)) => Ok(serde_json::to_writer(out, &python_isoformat(t))?),
        }
    }
}

/// The value as JSON, a secret as `<redacted>`.
impl fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Field::Secret(Some(_)) = self {
            return f.write_str("<redacted>");
        }
        let mut json = Vec::new();
        self.write_json(&mut json).map_err(|_| fmt::Error)?;
        f.write_str(&String::from_utf8_lossy(&json))
    }
}

/// The text columns among `fields` (secrets included) with their values, for an entity
/// module's column check.
pub(super) fn text_columns<'f>(
    fields: &'f [(&'static str, Field<'f>)],
) -> impl Iterator<Item = (&'static str, Option<&'f str>)> {
    fields.iter().filter_map(|(name, field)| match field {
        Field::Text(value) | Field::Secret(value) => Some((*name, *value)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_in_every_form_the_reference_writes() {
        let at = |s: &str| time_field("t", Some(Value::from(s))).unwrap().unwrap();
        let ten = "2024-01-01T10:00:00Z".parse::<DateTime<Utc>>().unwrap();
        for text in [
            "2024-01-01 10:00:00+00:00",
            "2024-01-01T10:00:00",
            "2024-01-01 10:00:00",
            "2024-01-01T10:00:00+00:00",
            "2024-01-01T10:00:00.000000+0000",
            "2024-01-01T12:00:00+02:00",
            "2024-01-01T10:00:00Z",
        ] {
            assert_eq!(at(text), ten, "{text}");
        }
        assert_eq!(
            python_isoformat(&at("2024-01-01 10:00:00.1234567")),
            "2024-01-01T10:00:00.123456+00:00"
        );
        assert_eq!(time_field("t", None).unwrap(), None);
        let err = time_field("created_at", Some(Value::from("yesterday"))).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid created_at: \"yesterday\" is not a timestamp like 2024-01-01 10:00:00[.ffffff][+00:00]"
        );
    }

    #[test]
    fn json_that_jsonb_cannot_store_is_refused() {
        let check = |text: &str| {
            let raw = RawValue::from_string(text.to_string()).unwrap();
            StorableJson::check("data", &raw).map_err(|e| e.to_string())
        };
        assert_eq!(
            check(r#"{"a": ["x\u0000"]}"#),
            Err("invalid data: contains a NUL character (U+0000), which jsonb cannot store at line 1 column 16".into())
        );
        assert_eq!(
            check(r#"{"a\u0000": 1}"#),
            Err("invalid data: contains a NUL character (U+0000), which jsonb cannot store at line 1 column 10".into())
        );
        assert_eq!(
            check(r#""\ud800""#),
            Err("invalid data: unexpected end of hex escape at line 1 column 8".into())
        );
        assert_eq!(
            check("1e400"),
            Err("invalid data: number out of range at line 1 column 5".into())
        );
        for ok in [
            r#"["\\u0000", "\u0001", "\ud83d\ude00"]"#,
            "null",
            "0",
            "{}",
            "12345678901234567890123",
        ] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn integers_as_numbers_integral_floats_or_decimal_strings() {
        let int = |v: Value| int_field("seqnr", Some(v));
        assert_eq!(int(Value::from(7)).unwrap(), Some(7));
        assert_eq!(int(serde_json::json!(7.0)).unwrap(), Some(7));
        assert_eq!(int(Value::from("7")).unwrap(), Some(7));
        assert_eq!(
            int(serde_json::json!(7.5)).unwrap_err().to_string(),
            "invalid seqnr: 7.5 is not a 64-bit integer"
        );
        assert_eq!(
            int(Value::Bool(true)).unwrap_err().to_string(),
            "invalid seqnr: expected an integer, found a boolean"
        );
        assert_eq!(
            int32_field("seqnr", Some(Value::from(1u64 << 40)))
                .unwrap_err()
                .to_string(),
            "invalid seqnr: 1099511627776 is out of range"
        );
    }
}
