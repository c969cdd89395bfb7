//! Text encodings shared with the Python actingweb reference implementation, and the bounds on
//! the JSON values this crate stores.
//!
//! Python actingweb writes JSON with `json.dumps(value)` (default arguments) and stores
//! property values as text. To share one database, this crate must produce byte-identical
//! text, so the serialiser here mirrors CPython's `json` encoder and `float.__repr__`.
//!
//! # Bounds
//!
//! Every JSON value written (a property through
//! [`Properties::set_json`](crate::Properties::set_json), an attribute's data, the values of
//! [`Attributes::compare_and_swap`](crate::Attributes::compare_and_swap)) is refused with
//! [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput), naming the argument, when it
//! nests arrays and objects more than [`MAX_JSON_DEPTH`] deep. The check walks the value with
//! an explicit stack, and [`python_json`] writes without recursion, so no depth of input can
//! overflow the stack here.
//!
//! A `serde_json::Value` cannot hold NaN or an infinity: `json!(f64::NAN)` and
//! `serde_json::to_value(f64::INFINITY)` give `null`, which a property write takes as "delete"
//! and an attribute stores as `null`. [`to_value`] (and the `set_serialized` methods built on
//! it) converts from any `Serialize` type and refuses a non-finite float instead.

use std::borrow::Cow;
use std::fmt::Display;

use serde::Serialize;
use serde::ser::{self, Error as _, Serializer};
use serde_json::{Number, Value};

use crate::error::{Error, Result};

/// The deepest nesting of arrays and objects accepted in a stored JSON value: 127, the most
/// that `serde_json`'s parser reads back (its recursion limit is 128), so every value written
/// can be read again by this crate and by other `serde_json` readers.
pub const MAX_JSON_DEPTH: usize = 127;

/// Why a value nested too deep is refused.
fn too_deep() -> String {
    format!("is nested deeper than {MAX_JSON_DEPTH} arrays or objects")
}

/// Refuses, with [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming `field`,
/// a value that nests arrays and objects deeper than [`MAX_JSON_DEPTH`], or one with a string
/// or object key for which `text_problem` gives a reason. Walks the value with an explicit
/// stack, so any depth is checked without recursion.
pub(crate) fn check_json(
    field: &str,
    value: &Value,
    text_problem: impl Fn(&str) -> Option<&'static str>,
) -> Result<()> {
    // Each entry: a value and how many arrays or objects enclose it.
    let mut pending = vec![(value, 0_usize)];
    while let Some((value, enclosing)) = pending.pop() {
        let problem = match value {
            Value::String(s) => text_problem(s).map(str::to_string),
            Value::Array(_) | Value::Object(_) if enclosing >= MAX_JSON_DEPTH => Some(too_deep()),
            Value::Array(items) => {
                pending.extend(items.iter().map(|item| (item, enclosing + 1)));
                None
            }
            Value::Object(map) => {
                pending.extend(map.values().map(|item| (item, enclosing + 1)));
                map.keys().find_map(|k| text_problem(k)).map(str::to_string)
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => None,
        };
        if let Some(problem) = problem {
            return Err(Error::invalid(field, problem));
        }
    }
    Ok(())
}

/// Serialises `value` byte-identically to Python 3's `json.dumps(value)` with default arguments.
///
/// The comparison is with the Python object that `json.loads` would produce from `value`
/// (key order preserved): `ensure_ascii=True` escaping with lowercase `\uXXXX` (UTF-16
/// surrogate pairs for astral characters), separators `", "` and `": "`, object keys in
/// insertion order, integers in plain decimal and floats as Python's `repr(float)`
/// (`1.0`, `1e-05`, `1e+16`).
///
/// It never fails and does not recurse, so it writes a value of any depth. The crate's writes
/// refuse values nested deeper than [`MAX_JSON_DEPTH`] before they get here; a deeper text is
/// one that Python's `json.loads` may refuse (`RecursionError`).
pub fn python_json(value: &Value) -> String {
    /// An array or object being written: its remaining items.
    enum Open<'v> {
        Array(std::slice::Iter<'v, Value>),
        Object(serde_json::map::Iter<'v>),
    }
    let mut out = String::new();
    let mut open: Vec<Open<'_>> = Vec::new();
    let mut next = Some(value);
    loop {
        match next.take() {
            Some(Value::Array(items)) => {
                out.push('[');
                open.push(Open::Array(items.iter()));
            }
            Some(Value::Object(map)) => {
                out.push('{');
                open.push(Open::Object(map.iter()));
            }
            Some(scalar) => write_scalar(&mut out, scalar),
            None => {}
        }
        let Some(innermost) = open.last_mut() else {
            return out;
        };
        // The first item of a container follows its opening bracket directly.
        let separator = |out: &mut String| {
            if !matches!(out.as_bytes().last(), Some(b'[' | b'{')) {
                out.push_str(", ");
            }
        };
        match innermost {
            Open::Array(items) => match items.next() {
                Some(item) => {
                    separator(&mut out);
                    next = Some(item);
                }
                None => {
                    out.push(']');
                    open.pop();
                }
            },
            Open::Object(entries) => match entries.next() {
                Some((key, item)) => {
                    separator(&mut out);
                    write_string(&mut out, key);
                    out.push_str(": ");
                    next = Some(item);
                }
                None => {
                    out.push('}');
                    open.pop();
                }
            },
        }
    }
}

/// Returns the text Python actingweb stores in `properties.value` for `value`.
///
/// A JSON string is stored verbatim (its content, without quotes; an empty string stays
/// `Some("")`), `Null` yields `None` (meaning "delete the property") and any other value is
/// stored as [`python_json`] text.
pub(crate) fn property_text(value: &Value) -> Option<Cow<'_, str>> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(Cow::Borrowed(s)),
        other => Some(Cow::Owned(python_json(other))),
    }
}

/// Appends the Python `json.dumps` text of a value that is not an array or object.
fn write_scalar(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => write_number(out, n),
        Value::String(s) => write_string(out, s),
        Value::Array(_) | Value::Object(_) => unreachable!("containers are written by python_json"),
    }
}

/// Converts `value` to a JSON value as `serde_json::to_value` does, refusing what that would
/// lose or what this crate does not store, with
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput):
/// - a non-finite float (NaN, infinity; `serde_json` turns it into `null`): "invalid value:
///   holds a non-finite number (NaN or infinity), which JSON cannot represent";
/// - nesting deeper than [`MAX_JSON_DEPTH`] arrays or objects: "invalid value: is nested
///   deeper than 127 arrays or objects" (serialisation stops at that depth, so a deeper value
///   does not recurse further);
/// - whatever `serde_json` refuses (a map key that is not a string, a failing `Serialize`
///   impl), with its reason.
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<Value> {
    serialized("value", value)
}

/// [`to_value`], naming the argument `field` in the error.
pub(crate) fn serialized<T: Serialize + ?Sized>(field: &str, value: &T) -> Result<Value> {
    let top = Level {
        depth: 0,
        nesting: 0,
    };
    let value = Guarded { value, level: top }
        .serialize(serde_json::value::Serializer)
        .map_err(|e| Error::invalid(field, e))?;
    // Raw JSON (`RawValue`) can add depth the serialiser does not see.
    check_json(field, &value, |_| None)?;
    Ok(value)
}

/// The deepest nesting of `Serialize` calls [`to_value`] follows: containers and the values
/// that add no JSON nesting (`Some`, newtype structs) together. It bounds the recursion also
/// for a chain of wrappers that never opens a container.
const MAX_SERIALIZE_NESTING: usize = 4 * MAX_JSON_DEPTH;

/// Where a value sits: how many JSON arrays or objects enclose it (`depth`) and how many
/// `Serialize` calls (`nesting`).
#[derive(Clone, Copy)]
struct Level {
    depth: usize,
    nesting: usize,
}

/// A value serialised through [`Guard`] at `level`.
struct Guarded<'a, T: ?Sized> {
    value: &'a T,
    level: Level,
}

impl<T: Serialize + ?Sized> Serialize for Guarded<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(Guard {
            inner: serializer,
            level: self.level,
        })
    }
}

/// A serializer that forwards to `inner`, refusing non-finite floats, containers deeper than
/// [`MAX_JSON_DEPTH`] (JSON objects and arrays: sequences, tuples, maps, structs, bytes; an
/// enum variant with data adds an object around it) and nesting beyond
/// [`MAX_SERIALIZE_NESTING`].
struct Guard<S> {
    inner: S,
    level: Level,
}

impl<S: Serializer> Guard<S> {
    /// The level of the items of `containers` arrays or objects opened here (0 for a value
    /// that wraps another without JSON nesting).
    fn open(&self, containers: usize) -> Result<Level, S::Error> {
        let level = Level {
            depth: self.level.depth + containers,
            nesting: self.level.nesting + 1,
        };
        if level.depth > MAX_JSON_DEPTH {
            Err(S::Error::custom(too_deep()))
        } else if level.nesting > MAX_SERIALIZE_NESTING {
            Err(S::Error::custom(format!(
                "nests values deeper than {MAX_SERIALIZE_NESTING} levels"
            )))
        } else {
            Ok(level)
        }
    }

    fn finite(f: f64) -> Result<(), S::Error> {
        if f.is_finite() {
            Ok(())
        } else {
            Err(S::Error::custom(
                "holds a non-finite number (NaN or infinity), which JSON cannot represent",
            ))
        }
    }
}

/// Serializer methods that pass a scalar through unchanged.
macro_rules! forward_scalars {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method(self, v: $ty) -> Result<S::Ok, S::Error> {
            self.inner.$method(v)
        })*
    };
}

impl<S: Serializer> Serializer for Guard<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Compound<S::SerializeSeq>;
    type SerializeTuple = Compound<S::SerializeTuple>;
    type SerializeTupleStruct = Compound<S::SerializeTupleStruct>;
    type SerializeTupleVariant = Compound<S::SerializeTupleVariant>;
    type SerializeMap = Compound<S::SerializeMap>;
    type SerializeStruct = Compound<S::SerializeStruct>;
    type SerializeStructVariant = Compound<S::SerializeStructVariant>;

    forward_scalars!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_char(char),
        serialize_str(&str),
    );

    fn serialize_f32(self, v: f32) -> Result<S::Ok, S::Error> {
        Self::finite(f64::from(v))?;
        self.inner.serialize_f32(v)
    }

    fn serialize_f64(self, v: f64) -> Result<S::Ok, S::Error> {
        Self::finite(v)?;
        self.inner.serialize_f64(v)
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<S::Ok, S::Error> {
        self.open(1)?;
        self.inner.serialize_bytes(v)
    }

    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_none()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        let level = self.open(0)?;
        self.inner.serialize_some(&Guarded { value, level })
    }

    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit()
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit_struct(name)
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit_variant(name, index, variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        let level = self.open(0)?;
        self.inner
            .serialize_newtype_struct(name, &Guarded { value, level })
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        let level = self.open(1)?;
        self.inner
            .serialize_newtype_variant(name, index, variant, &Guarded { value, level })
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        let level = self.open(1)?;
        Compound::new(self.inner.serialize_seq(len), level)
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        let level = self.open(1)?;
        Compound::new(self.inner.serialize_tuple(len), level)
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        let level = self.open(1)?;
        Compound::new(self.inner.serialize_tuple_struct(name, len), level)
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        let level = self.open(2)?;
        Compound::new(
            self.inner
                .serialize_tuple_variant(name, index, variant, len),
            level,
        )
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        let level = self.open(1)?;
        Compound::new(self.inner.serialize_map(len), level)
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        let level = self.open(1)?;
        Compound::new(self.inner.serialize_struct(name, len), level)
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        let level = self.open(2)?;
        Compound::new(
            self.inner
                .serialize_struct_variant(name, index, variant, len),
            level,
        )
    }

    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.inner.collect_str(value)
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// A container of the inner serializer whose items are serialised through [`Guard`] at
/// `level`.
struct Compound<C> {
    inner: C,
    level: Level,
}

impl<C> Compound<C> {
    fn new<E>(inner: Result<C, E>, level: Level) -> Result<Compound<C>, E> {
        Ok(Compound {
            inner: inner?,
            level,
        })
    }

    fn item<'v, T: ?Sized>(&self, value: &'v T) -> Guarded<'v, T> {
        Guarded {
            value,
            level: self.level,
        }
    }
}

/// The container traits whose items have no key.
macro_rules! guarded_items {
    ($($trait:ident :: $method:ident),* $(,)?) => {
        $(impl<C: ser::$trait> ser::$trait for Compound<C> {
            type Ok = C::Ok;
            type Error = C::Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
                let item = self.item(value);
                self.inner.$method(&item)
            }

            fn end(self) -> Result<C::Ok, C::Error> {
                self.inner.end()
            }
        })*
    };
}

guarded_items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

/// The container traits whose items have a field name.
macro_rules! guarded_fields {
    ($($trait:ident),* $(,)?) => {
        $(impl<C: ser::$trait> ser::$trait for Compound<C> {
            type Ok = C::Ok;
            type Error = C::Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), C::Error> {
                let item = self.item(value);
                self.inner.serialize_field(key, &item)
            }

            fn end(self) -> Result<C::Ok, C::Error> {
                self.inner.end()
            }
        })*
    };
}

guarded_fields!(SerializeStruct, SerializeStructVariant);

impl<C: ser::SerializeMap> ser::SerializeMap for Compound<C> {
    type Ok = C::Ok;
    type Error = C::Error;

    /// Keys are scalars for JSON; the inner serializer refuses any other.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), C::Error> {
        self.inner.serialize_key(key)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
        let item = self.item(value);
        self.inner.serialize_value(&item)
    }

    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

/// Appends a number: integers in decimal, floats as Python's `repr(float)`.
///
/// Integers keep every digit, however long (serde_json's `arbitrary_precision`), as Python's
/// `int` does; `-0` is the integer zero.
fn write_number(out: &mut String, n: &Number) {
    match n.as_f64() {
        Some(f) if n.is_f64() => write_float(out, f),
        _ => match n.to_string().as_str() {
            "-0" => out.push('0'),
            digits => out.push_str(digits),
        },
    }
}

/// Appends a finite float the way Python's `float.__repr__` prints it.
///
/// Python prints the shortest digit string that round-trips, in scientific notation only
/// when the decimal exponent is below -4 or at least 16, and otherwise in fixed notation
/// with at least one fraction digit.
fn write_float(out: &mut String, f: f64) {
    let sci = python_repr_digits(f);
    let (mantissa, exp) = sci.split_once('e').expect("`{:e}` output contains 'e'");
    let exp: i32 = exp.parse().expect("`{:e}` exponent is an integer");
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    out.push_str(sign);
    if !(-4..16).contains(&exp) {
        let exp_sign = if exp < 0 { '-' } else { '+' };
        out.push_str(&format!("{mantissa}e{exp_sign}{:02}", exp.unsigned_abs()));
        return;
    }
    let digits: String = mantissa.chars().filter(|&c| c != '.').collect();
    if exp < 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
        out.push_str(&digits);
    } else {
        let int_len = exp as usize + 1;
        if digits.len() > int_len {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        } else {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', int_len - digits.len()));
            out.push_str(".0");
        }
    }
}

/// Formats `f` as `{:e}` does (`-1.5e-7`), with the digits Python's `repr` chooses.
///
/// Rust's `{:e}` gives the shortest round-trip digit count, but when the exact value lies
/// halfway between the two closest shortest candidates it rounds away from zero, whereas
/// Python rounds half to even (`1729008692947281.25` is `1729008692947281.2`). Rust's
/// fixed-precision `{:.N$e}` is correctly rounded half to even, so it is used whenever it
/// still round-trips at the shortest length.
fn python_repr_digits(f: f64) -> String {
    let shortest = format!("{f:e}");
    let digits = shortest
        .bytes()
        .take_while(|&b| b != b'e')
        .filter(u8::is_ascii_digit)
        .count();
    let rounded = format!("{f:.prec$e}", prec = digits.saturating_sub(1));
    if rounded.parse::<f64>() == Ok(f) {
        rounded
    } else {
        shortest
    }
}

/// Appends `s` as a quoted JSON string with Python's `ensure_ascii=True` escaping.
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Parses `input` as JSON and returns its Python `json.dumps` text.
    fn dumps(input: &str) -> String {
        python_json(&serde_json::from_str(input).expect("valid JSON"))
    }

    #[test]
    fn scalars_and_empty_containers() {
        assert_eq!(python_json(&json!(5)), "5");
        assert_eq!(python_json(&json!(0)), "0");
        assert_eq!(python_json(&json!(-42)), "-42");
        assert_eq!(python_json(&json!(u64::MAX)), "18446744073709551615");
        assert_eq!(python_json(&json!(i64::MIN)), "-9223372036854775808");
        assert_eq!(python_json(&json!(true)), "true");
        assert_eq!(python_json(&json!(false)), "false");
        assert_eq!(python_json(&json!(null)), "null");
        assert_eq!(python_json(&json!([])), "[]");
        assert_eq!(python_json(&json!({})), "{}");
        assert_eq!(dumps("[[], {}]"), "[[], {}]");
    }

    #[test]
    fn containers_use_python_separators_and_key_order() {
        assert_eq!(
            dumps(r#"{"k":"ø","n":[1,2]}"#),
            r#"{"k": "\u00f8", "n": [1, 2]}"#
        );
        assert_eq!(dumps(r#"{"z":1,"a":2}"#), r#"{"z": 1, "a": 2}"#);
        assert_eq!(
            dumps(r#"{"z":{"y":[true,null,{"b":1.0,"a":"x"}]},"a":{}}"#),
            r#"{"z": {"y": [true, null, {"b": 1.0, "a": "x"}]}, "a": {}}"#
        );
    }

    #[test]
    fn strings_escape_like_ensure_ascii() {
        assert_eq!(python_json(&json!("😀")), r#""\ud83d\ude00""#);
        assert_eq!(python_json(&json!("a\"b\\c/d")), r#""a\"b\\c/d""#);
        assert_eq!(
            python_json(&json!("\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f} ~")),
            r#""\n\r\t\b\f\u0000\u001f\u007f ~""#
        );
        assert_eq!(
            python_json(&json!("é\u{2028}\u{ffff}\u{10ffff}")),
            r#""\u00e9\u2028\uffff\udbff\udfff""#
        );
        assert_eq!(
            python_json(&json!({"ø😀": "<&>'"})),
            r#"{"\u00f8\ud83d\ude00": "<&>'"}"#
        );
    }

    #[test]
    fn floats_match_python_repr() {
        // Rust literals rather than parsed text: serde_json without its `float_roundtrip`
        // feature may parse decimal text to a neighbouring f64.
        let cases = [
            (1.5, "1.5"),
            (1.0, "1.0"),
            (100.0, "100.0"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (0.1, "0.1"),
            (0.0001, "0.0001"),
            (0.00011, "0.00011"),
            (1e-05, "1e-05"),
            (1.5e-07, "1.5e-07"),
            (9.9e-05, "9.9e-05"),
            (1e16, "1e+16"),
            (9999999999999998.0, "9999999999999998.0"),
            (1.2345e20, "1.2345e+20"),
            (123456789012345.0, "123456789012345.0"),
            (1234567890123456.8, "1234567890123456.8"),
            (123456789.123, "123456789.123"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (-1e-100, "-1e-100"),
            (1e100, "1e+100"),
            (1e22, "1e+22"),
            (18446744073709551616.0, "1.8446744073709552e+19"),
            (0.30000000000000004, "0.30000000000000004"),
            (-4350123908.0, "-4350123908.0"),
        ];
        for (input, expected) in cases {
            assert_eq!(python_json(&json!(input)), expected, "input {input:?}");
        }
        // Exact halfway values (integer part + fraction, both exact): Python rounds the last
        // shortest digit half to even where Rust's `{:e}` rounds half up.
        let halfway = [
            (1729008692947281.0, 0.25, "1729008692947281.2"),
            (1729008692947281.0, 0.75, "1729008692947281.8"),
            (-1729008692947281.0, -0.25, "-1729008692947281.2"),
            (99626570188992.0, 0.125, "99626570188992.12"),
            (99626570188992.0, 0.375, "99626570188992.38"),
        ];
        for (int_part, fraction, expected) in halfway {
            let input = int_part + fraction;
            assert_eq!(python_json(&json!(input)), expected, "input {input:?}");
        }
        // 1e16 - 1 is not representable and rounds to 1e16 in Python as well.
        assert_eq!(python_json(&json!(1e16 - 1.0)), "1e+16");
    }

    #[test]
    fn property_text_matches_python_storage() {
        assert_eq!(property_text(&json!(null)), None);
        assert_eq!(property_text(&json!("")).as_deref(), Some(""));
        assert_eq!(property_text(&json!("ø \"x\"")).as_deref(), Some("ø \"x\""));
        assert_eq!(property_text(&json!(5)).as_deref(), Some("5"));
        assert_eq!(property_text(&json!(1.0)).as_deref(), Some("1.0"));
        assert_eq!(
            property_text(&json!({"k": "ø", "n": [1, 2]})).as_deref(),
            Some(r#"{"k": "\u00f8", "n": [1, 2]}"#)
        );
    }
}
