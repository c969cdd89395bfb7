//! Text encodings shared with the Python actingweb reference implementation.
//!
//! Python actingweb writes JSON with `json.dumps(value)` (default arguments) and stores
//! property values as text. To share one database, this crate must produce byte-identical
//! text, so the serialiser here mirrors CPython's `json` encoder and `float.__repr__`.

use std::borrow::Cow;

use serde_json::{Number, Value};

/// Serialises `value` byte-identically to Python 3's `json.dumps(value)` with default arguments.
///
/// The comparison is with the Python object that `json.loads` would produce from `value`
/// (key order preserved): `ensure_ascii=True` escaping with lowercase `\uXXXX` (UTF-16
/// surrogate pairs for astral characters), separators `", "` and `": "`, object keys in
/// insertion order, integers in plain decimal and floats as Python's `repr(float)`
/// (`1.0`, `1e-05`, `1e+16`).
pub fn python_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value);
    out
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

/// Appends the Python `json.dumps` text of `value` to `out`.
fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => write_number(out, n),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_string(out, key);
                out.push_str(": ");
                write_value(out, item);
            }
            out.push('}');
        }
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
