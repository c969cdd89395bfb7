//! The TLS part of a configuration: the `sslmode`, where the root certificates come from, the
//! client certificate, and the rules libpq applies to their combination.

use std::fmt;
use std::path::PathBuf;
#[cfg(feature = "tls")]
use std::sync::Arc;

use crate::error::{Error, Result};

/// Whether and how the connection is encrypted and the server authenticated, with libpq's
/// meaning of `sslmode`.
///
/// Unix-socket connections never use TLS (as in libpq), whatever the mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum SslMode {
    /// Plain text only.
    Disable,
    /// TLS when the server offers it, plain text otherwise or when the TLS attempt fails. The
    /// certificate is not checked, unless a root certificate is configured (then its chain is).
    #[default]
    Prefer,
    /// TLS or no connection. The certificate is not checked, unless a root certificate is
    /// configured: then this is [`SslMode::VerifyCa`].
    Require,
    /// TLS with the server's certificate chain checked against the root certificates; the host
    /// name is not compared.
    VerifyCa,
    /// TLS with the chain checked and the host name matched against the certificate.
    VerifyFull,
}

/// The spellings [`SslMode`] accepts, for error messages.
const SSLMODE_SPELLINGS: &str = "expected disable, prefer, require, verify-ca or verify-full";

impl SslMode {
    /// The libpq spelling (`"verify-full"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }

    /// The mode for libpq's spelling, `None` for any other text.
    fn from_libpq(text: &str) -> Option<SslMode> {
        [
            SslMode::Disable,
            SslMode::Prefer,
            SslMode::Require,
            SslMode::VerifyCa,
            SslMode::VerifyFull,
        ]
        .into_iter()
        .find(|mode| mode.as_str() == text)
    }

    /// The mode tokio-postgres negotiates with (it knows no verify-ca or verify-full; both
    /// negotiate as require).
    pub(super) fn negotiated(self) -> tokio_postgres::config::SslMode {
        use tokio_postgres::config::SslMode as PgMode;
        match self {
            SslMode::Disable => PgMode::Disable,
            SslMode::Prefer => PgMode::Prefer,
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => PgMode::Require,
        }
    }

    /// Whether this mode needs a TLS implementation (everything but disable and prefer).
    fn needs_tls(self) -> bool {
        !matches!(self, SslMode::Disable | SslMode::Prefer)
    }
}

impl fmt::Display for SslMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for SslMode {
    type Err = Error;

    /// Parses libpq's spelling; anything else is an `InvalidInput` error.
    fn from_str(text: &str) -> Result<SslMode> {
        SslMode::from_libpq(text)
            .ok_or_else(|| Error::invalid("sslmode", format!("{text:?} ({SSLMODE_SPELLINGS})")))
    }
}

/// Where the certificates that authenticate the server come from (libpq's `sslrootcert`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RootCerts {
    /// A PEM file of one or more CA certificates.
    File(PathBuf),
    /// The platform's trusted roots (`sslrootcert=system`), read with `rustls-native-certs`;
    /// needs [`SslMode::VerifyFull`], as in libpq.
    System,
}

/// The connection-string keys of the TLS settings, which this crate reads itself
/// (tokio-postgres knows none of them, or not all of their values).
pub(super) const TLS_KEYS: [&str; 4] = ["sslmode", "sslrootcert", "sslcert", "sslkey"];

/// The TLS part of a [`Config`](super::Config).
#[derive(Clone, Default)]
pub(crate) struct TlsSettings {
    pub(crate) mode: SslMode,
    pub(crate) root_cert: Option<RootCerts>,
    pub(crate) client_cert: Option<PathBuf>,
    pub(crate) client_key: Option<PathBuf>,
    #[cfg(feature = "tls")]
    pub(crate) custom: Option<Arc<rustls::ClientConfig>>,
}

impl TlsSettings {
    /// Applies one setting of [`TLS_KEYS`] as libpq reads it from a connection string or its
    /// variable (an empty value is no setting); the problem with a bad value is the error,
    /// for the caller to say where the value came from.
    pub(super) fn set(&mut self, key: &str, value: &str) -> std::result::Result<(), String> {
        if value.is_empty() {
            return Ok(());
        }
        match key {
            "sslmode" => {
                self.mode = SslMode::from_libpq(value).ok_or_else(|| {
                    format!("invalid value for option `sslmode`: {value:?} ({SSLMODE_SPELLINGS})")
                })?;
            }
            "sslrootcert" if value == "system" => self.root_cert = Some(RootCerts::System),
            "sslrootcert" => self.root_cert = Some(RootCerts::File(value.into())),
            "sslcert" => self.client_cert = Some(value.into()),
            "sslkey" => self.client_key = Some(value.into()),
            other => unreachable!("{other} is not one of TLS_KEYS"),
        }
        Ok(())
    }

    /// Applies libpq's rule for `sslrootcert=system` (verify-full unless a mode was given),
    /// then checks the settings, a client certificate needing its key and the key its
    /// certificate.
    pub(super) fn resolve(&mut self, mode_given: bool) -> Result<()> {
        if self.root_cert == Some(RootCerts::System) && !mode_given {
            self.mode = SslMode::VerifyFull;
        }
        self.check()?;
        match (&self.client_cert, &self.client_key) {
            (Some(_), None) => Err(Error::invalid("sslcert", "sslkey is not set")),
            (None, Some(_)) => Err(Error::invalid("sslkey", "sslcert is not set")),
            _ => Ok(()),
        }
    }

    /// Refuses a mode weaker than verify-full with `sslrootcert=system` (as libpq does) and,
    /// without the `tls` feature, every setting that needs TLS.
    pub(crate) fn check(&self) -> Result<()> {
        let mode = self.mode;
        if self.root_cert == Some(RootCerts::System) && mode != SslMode::VerifyFull {
            return Err(Error::invalid(
                "sslmode",
                format!(
                    "weak sslmode \"{mode}\" may not be used with sslrootcert=system \
                     (use \"verify-full\")"
                ),
            ));
        }
        if !cfg!(feature = "tls") {
            if mode.needs_tls() {
                return Err(Error::invalid(
                    "sslmode",
                    format!(
                        "\"{mode}\" needs TLS, and actingweb-pg was built without its `tls` \
                         feature"
                    ),
                ));
            }
            let files =
                self.root_cert.is_some() || self.client_cert.is_some() || self.client_key.is_some();
            if files && mode != SslMode::Disable {
                return Err(Error::invalid(
                    "TLS settings",
                    "sslrootcert, sslcert and sslkey need the `tls` feature of actingweb-pg",
                ));
            }
        }
        Ok(())
    }
}
