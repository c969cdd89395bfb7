//! Connection strings: `postgresql://` URLs and libpq `key=value` strings, with the TLS
//! settings tokio-postgres does not know taken out and read here, every percent-escape
//! checked, and error messages that name the offending part but never the password.

use std::collections::HashSet;
use std::fmt;

use super::Config;
use super::tls::TLS_KEYS;
use crate::error::{Error, Result};

/// The keywords tokio-postgres accepts, for the key=value form's own unknown-option check.
const PG_KEYS: [&str; 18] = [
    "user",
    "password",
    "dbname",
    "options",
    "application_name",
    "sslnegotiation",
    "host",
    "hostaddr",
    "port",
    "connect_timeout",
    "tcp_user_timeout",
    "keepalives",
    "keepalives_idle",
    "keepalives_interval",
    "keepalives_retries",
    "target_session_attrs",
    "channel_binding",
    "load_balance_hosts",
];

impl Config {
    /// A configuration for a `postgresql://` URL (or a libpq `key=value` string), with the
    /// default schema, pool and index settings.
    ///
    /// Besides what tokio-postgres parses, it takes libpq's `sslmode=verify-ca|verify-full`,
    /// `sslrootcert` (a file, or `system`), `sslcert` and `sslkey`. A string that names no host
    /// (`postgresql://`, `postgresql:///db`, `dbname=db`), where libpq would pick a Unix-socket
    /// directory, is refused: give `host=/var/run/postgresql` (or the directory in use). A `%`
    /// that does not start a two-hex-digit escape is refused anywhere in a URL. Error messages
    /// name the offending part and never contain the password.
    pub fn from_url(url: &str) -> Result<Config> {
        let (mut config, keys) = parse_connection_string(url)?;
        config.resolve_tls(keys.contains("sslmode"))?;
        Ok(config)
    }
}

/// An invalid-input error about the connection string.
fn url_error(problem: impl fmt::Display) -> Error {
    Error::invalid("database URL", problem)
}

/// Parses a `postgresql://` URL or a libpq `key=value` string into a configuration whose TLS
/// settings are read but not yet resolved (see [`Config::resolve_tls`]), and the set of keys
/// the string gives (so that a libpq variable does not override them).
pub(super) fn parse_connection_string(text: &str) -> Result<(Config, HashSet<String>)> {
    let split = match ["postgresql://", "postgres://"]
        .iter()
        .find_map(|p| text.strip_prefix(p).map(|rest| (*p, rest)))
    {
        Some((prefix, rest)) => split_url(prefix, rest)?,
        None => split_key_values(text)?,
    };
    let pg: tokio_postgres::Config =
        split.pg_text.parse().map_err(|e: tokio_postgres::Error| {
            // tokio-postgres's Display is only "invalid connection string"; the reason is the
            // source ("invalid value for option `port`", "unknown option `x`"). Neither is
            // kept as this error's source, so the reason goes into the message.
            match std::error::Error::source(&e) {
                Some(reason) => url_error(reason),
                None => url_error(e),
            }
        })?;
    if pg.get_hosts().is_empty() && pg.get_hostaddrs().is_empty() {
        return Err(url_error(
            "no host (name one: postgresql://HOST/DB, or host=/var/run/postgresql for a Unix \
             socket directory)",
        ));
    }
    let mut config = Config::from_pg(pg);
    for (key, value) in &split.tls {
        config.tls.set(key, value).map_err(url_error)?;
    }
    Ok((config, split.keys))
}

/// A connection string taken apart.
struct Split {
    /// The string without the TLS settings, for tokio-postgres to parse.
    pg_text: String,
    /// The TLS settings ([`TLS_KEYS`]), decoded, in the order given.
    tls: Vec<(String, String)>,
    /// Every key the string gives.
    keys: HashSet<String>,
}

/// Refuses a `%` in `part` that does not start a two-hex-digit escape; `what` names the part.
fn check_escapes(what: &str, part: &str) -> Result<()> {
    let bytes = part.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'%' {
            let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
            if !(hex(i + 1) && hex(i + 2)) {
                return Err(url_error(format!(
                    "{what}: invalid percent-escape (a `%` must be followed by two hex digits; \
                     write a literal `%` as %25)"
                )));
            }
        }
    }
    Ok(())
}

/// Decodes the percent-escapes of `text`, refusing a malformed escape and a result that is
/// not UTF-8; `what` names the part.
fn percent_decode(what: &str, text: &str) -> Result<String> {
    check_escapes(what, text)?;
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            // Two hex digits follow: check_escapes saw to it.
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz");
            out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| url_error(format!("{what}: not UTF-8")))
}

/// Splits a URL the way tokio-postgres reads it (credentials up to the first `@`, host up to
/// `/` or `?`, database name up to `?`, then `&`-separated parameters), checks every escape,
/// and takes the TLS parameters out.
fn split_url(prefix: &str, rest: &str) -> Result<Split> {
    let (creds, after) = match rest.find('@') {
        Some(i) => (Some(&rest[..i]), &rest[i + 1..]),
        None => (None, rest),
    };
    if let Some(creds) = creds {
        let (user, password) = match creds.split_once(':') {
            Some((user, password)) => (user, Some(password)),
            None => (creds, None),
        };
        check_escapes("user name", user)?;
        if let Some(password) = password {
            check_escapes("password", password)?;
        }
    }
    let (head, query) = match after.find('?') {
        Some(i) => (&after[..i], Some(&after[i + 1..])),
        None => (after, None),
    };
    let (host, path) = match head.find('/') {
        Some(i) => (&head[..i], &head[i + 1..]),
        None => (head, ""),
    };
    check_escapes("host", host)?;
    check_escapes("database name", path)?;
    let mut tls = Vec::new();
    let mut keys = HashSet::new();
    let mut kept = Vec::new();
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let Some((key, value)) = pair.split_once('=') else {
            return Err(url_error(format!(
                "parameter {pair:?} has no `=`",
                pair = if pair.len() > 40 { "..." } else { pair }
            )));
        };
        let key = percent_decode("parameter name", key)?;
        let what = format!("parameter `{key}`");
        if TLS_KEYS.contains(&key.as_str()) {
            tls.push((key.clone(), percent_decode(&what, value)?));
        } else {
            check_escapes(&what, value)?;
            kept.push(pair);
        }
        keys.insert(key);
    }
    let mut pg_text = String::from(prefix);
    if let Some(creds) = creds {
        pg_text.push_str(creds);
        pg_text.push('@');
    }
    pg_text.push_str(head);
    if !kept.is_empty() {
        pg_text.push('?');
        pg_text.push_str(&kept.join("&"));
    }
    Ok(Split { pg_text, tls, keys })
}

/// Tokenises a libpq `key=value` string as tokio-postgres does (values optionally in single
/// quotes, `\` escaping the next character), takes the TLS settings out and renders the rest
/// again, every value quoted.
fn split_key_values(text: &str) -> Result<Split> {
    let mut chars = text.chars().peekable();
    let mut tls = Vec::new();
    let mut keys = HashSet::new();
    let mut kept = Vec::new();
    let mut after_password = false;
    // Text after an unquoted password value may be the rest of a password with a space in it:
    // never echo it.
    let misplaced = |after_password: bool, problem: String| {
        if after_password {
            url_error(
                "unexpected text after the password value (quote a value that contains spaces: \
                 password='...')",
            )
        } else {
            url_error(problem)
        }
    };
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            break;
        }
        let mut key = String::new();
        while let Some(c) = chars.next_if(|c| !c.is_whitespace() && *c != '=') {
            key.push(c);
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.next() != Some('=') {
            return Err(misplaced(
                after_password,
                format!("expected `=` after `{key}`"),
            ));
        }
        let is_tls_key = TLS_KEYS.contains(&key.as_str());
        if !is_tls_key && !PG_KEYS.contains(&key.as_str()) {
            return Err(misplaced(after_password, format!("unknown option `{key}`")));
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'\'').is_some() {
            loop {
                match chars.next() {
                    None => {
                        return Err(url_error(format!("unterminated quoted value of `{key}`")));
                    }
                    Some('\'') => break,
                    Some('\\') => value.extend(chars.next()),
                    Some(c) => value.push(c),
                }
            }
        } else {
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                if c == '\\' {
                    value.extend(chars.next());
                } else {
                    value.push(c);
                }
            }
            if value.is_empty() {
                return Err(url_error(format!("`{key}` has no value")));
            }
        }
        after_password = key == "password";
        if is_tls_key {
            tls.push((key.clone(), value));
        } else {
            let quoted = value.replace('\\', "\\\\").replace('\'', "\\'");
            kept.push(format!("{key}='{quoted}'"));
        }
        keys.insert(key);
    }
    Ok(Split {
        pg_text: kept.join(" "),
        tls,
        keys,
    })
}
