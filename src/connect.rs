//! Connection set-up: the pool manager with the TLS connector the configured `sslmode` needs.
//!
//! With the `tls` feature, TLS is rustls (ring provider) through `tokio-postgres-rustls`:
//! - verify-full: the certificate chain is checked against the root certificates and the host
//!   name (`host`, also when `hostaddr` gives the address) against the certificate;
//! - verify-ca: the chain only;
//! - require and prefer: nothing, unless `sslrootcert` is given, then the chain (libpq's rule);
//! - prefer also retries in plain text when the TLS attempt fails (handshake or refusal after
//!   it), as libpq does; a server that answers "no TLS" gets plain text on the same socket.
//!
//! Connections to Unix sockets only never use TLS (PostgreSQL does not offer it there).

use deadpool_postgres::{Connect, Manager, ManagerConfig};
use futures::future::BoxFuture;
use tokio::task::JoinHandle;
use tokio_postgres::config::Host;
use tokio_postgres::{Client, NoTls, Socket};

use crate::config::{Config, SslMode};
use crate::error::Result;

/// Sends cancel requests over the same kind of connection the pool's connections use.
#[derive(Clone)]
pub(crate) enum Canceller {
    /// Plain text.
    Plain,
    /// TLS, with the pool's connector.
    #[cfg(feature = "tls")]
    Tls(tokio_postgres_rustls::MakeRustlsConnect),
}

impl Canceller {
    /// Asks the server to cancel the statement running on the connection of `token`.
    pub(crate) async fn cancel(
        &self,
        token: tokio_postgres::CancelToken,
    ) -> Result<(), tokio_postgres::Error> {
        match self {
            Canceller::Plain => token.cancel_query(NoTls).await,
            #[cfg(feature = "tls")]
            Canceller::Tls(make) => token.cancel_query(make.clone()).await,
        }
    }
}

/// The pool manager for `config`, and the canceller for its connections: reads the
/// certificate files (so a bad one fails `Store::connect`) and picks the connector for the
/// `sslmode`.
pub(crate) fn manager(
    config: &Config,
    manager_config: ManagerConfig,
) -> Result<(Manager, Canceller)> {
    let mut pg = config.pg.clone();
    let unix_only = !pg.get_hosts().is_empty()
        && pg.get_hostaddrs().is_empty()
        && pg.get_hosts().iter().all(|h| !matches!(h, Host::Tcp(_)));
    let mode = if unix_only {
        SslMode::Disable
    } else {
        config.tls.mode
    };
    if mode == SslMode::Disable {
        pg.ssl_mode(tokio_postgres::config::SslMode::Disable);
        return Ok((
            Manager::from_connect(pg, Plain, manager_config),
            Canceller::Plain,
        ));
    }
    #[cfg(feature = "tls")]
    {
        let client_config = tls::client_config(&config.tls, mode)?;
        let make = tokio_postgres_rustls::MakeRustlsConnect::new(client_config);
        let connector = TlsConnector {
            make: make.clone(),
            fall_back_to_plain: mode == SslMode::Prefer,
        };
        Ok((
            Manager::from_connect(pg, connector, manager_config),
            Canceller::Tls(make),
        ))
    }
    #[cfg(not(feature = "tls"))]
    {
        // Refuses a mode that needs TLS (a configuration from `Config::from_pg` has not been
        // checked yet). Without TLS support tokio-postgres's prefer talks plain text.
        config.tls.check()?;
        Ok(Manager::from_connect(pg, Plain, manager_config))
    }
}

/// Runs the connection's I/O on its own task, as deadpool's own connector does.
fn spawn<T>(connection: tokio_postgres::Connection<Socket, T>) -> JoinHandle<()>
where
    T: tokio_postgres::tls::TlsStream + Unpin + Send + 'static,
{
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::warn!(target: "deadpool.postgres", "Connection error: {}", e);
        }
    })
}

/// Plain-text connections.
struct Plain;

impl Connect for Plain {
    fn connect(
        &self,
        pg: &tokio_postgres::Config,
    ) -> BoxFuture<'_, Result<(Client, JoinHandle<()>), tokio_postgres::Error>> {
        let pg = pg.clone();
        Box::pin(async move {
            let (client, connection) = pg.connect(NoTls).await?;
            Ok((client, spawn(connection)))
        })
    }
}

/// TLS connections, with libpq's plain-text retry for prefer.
#[cfg(feature = "tls")]
struct TlsConnector {
    make: tokio_postgres_rustls::MakeRustlsConnect,
    fall_back_to_plain: bool,
}

#[cfg(feature = "tls")]
impl Connect for TlsConnector {
    fn connect(
        &self,
        pg: &tokio_postgres::Config,
    ) -> BoxFuture<'_, Result<(Client, JoinHandle<()>), tokio_postgres::Error>> {
        let pg = pg.clone();
        let make = self.make.clone();
        let fall_back = self.fall_back_to_plain;
        Box::pin(async move {
            let tried = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            let attempt = tls::Recording {
                inner: make,
                tried: tried.clone(),
            };
            match pg.connect(attempt).await {
                Ok((client, connection)) => Ok((client, spawn(connection))),
                Err(e) if fall_back && tried.load(std::sync::atomic::Ordering::SeqCst) => {
                    tracing::debug!(
                        target: "actingweb_pg",
                        "sslmode=prefer: TLS attempt failed ({}), retrying without TLS",
                        crate::error::chain(&e)
                    );
                    let mut plain = pg.clone();
                    plain.ssl_mode(tokio_postgres::config::SslMode::Disable);
                    let (client, connection) = plain.connect(NoTls).await?;
                    Ok((client, spawn(connection)))
                }
                Err(e) => Err(e),
            }
        })
    }
}

#[cfg(feature = "tls")]
mod tls {
    use std::path::{Path, PathBuf};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use rustls::client::WebPkiServerVerifier;
    use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
    use rustls::crypto::CryptoProvider;
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
    use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore};
    use tokio_postgres::tls::{MakeTlsConnect, TlsConnect};

    use crate::config::{RootCerts, SslMode, TlsSettings};
    use crate::error::{Error, Result};

    /// Reads a file named by a setting, with the setting and path in the error.
    fn read(setting: &str, path: &Path) -> Result<Vec<u8>> {
        std::fs::read(path)
            .map_err(|e| Error::invalid(setting, format!("cannot read {}: {e}", path.display())))
    }

    /// The rustls configuration for `mode` (the caller's own one when given).
    pub(super) fn client_config(tls: &TlsSettings, mode: SslMode) -> Result<ClientConfig> {
        if let Some(custom) = &tls.custom {
            return Ok((**custom).clone());
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let roots = match (&tls.root_cert, mode) {
            (Some(RootCerts::File(path)), _) => Some(file_roots(path)?),
            (Some(RootCerts::System), _) => Some(system_roots()?),
            (None, SslMode::VerifyCa | SslMode::VerifyFull) => Some(default_roots()?),
            (None, _) => None,
        };
        let builder = ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::invalid("TLS settings", e))?;
        let builder = match (roots, mode) {
            (Some(roots), SslMode::VerifyFull) => builder.with_root_certificates(roots),
            (Some(roots), _) => {
                let inner = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
                    .build()
                    .map_err(|e| Error::invalid("sslrootcert", e))?;
                builder
                    .dangerous()
                    .with_custom_certificate_verifier(Arc::new(ChainOnly { inner }))
            }
            (None, _) => builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(Unverified { provider })),
        };
        match (&tls.client_cert, &tls.client_key) {
            (Some(cert), Some(key)) => {
                let (certs, key) = client_identity(cert, key)?;
                builder
                    .with_client_auth_cert(certs, key)
                    .map_err(|e| Error::invalid("sslcert/sslkey", e))
            }
            _ => Ok(builder.with_no_client_auth()),
        }
    }

    fn certificates(setting: &str, path: &Path) -> Result<Vec<CertificateDer<'static>>> {
        let pem = read(setting, path)?;
        let certs = CertificateDer::pem_slice_iter(&pem)
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| Error::invalid(setting, format!("{}: {e}", path.display())))?;
        if certs.is_empty() {
            return Err(Error::invalid(
                setting,
                format!("{}: no PEM certificate in the file", path.display()),
            ));
        }
        Ok(certs)
    }

    fn file_roots(path: &Path) -> Result<RootCertStore> {
        let mut roots = RootCertStore::empty();
        for cert in certificates("sslrootcert", path)? {
            roots
                .add(cert)
                .map_err(|e| Error::invalid("sslrootcert", format!("{}: {e}", path.display())))?;
        }
        Ok(roots)
    }

    fn system_roots() -> Result<RootCertStore> {
        let found = rustls_native_certs::load_native_certs();
        let mut roots = RootCertStore::empty();
        let (added, _) = roots.add_parsable_certificates(found.certs);
        if added == 0 {
            let errors: Vec<String> = found.errors.iter().map(ToString::to_string).collect();
            return Err(Error::invalid(
                "sslrootcert",
                format!(
                    "system: no trusted root certificates found on this system{}",
                    if errors.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", errors.join("; "))
                    }
                ),
            ));
        }
        Ok(roots)
    }

    /// libpq's default root certificate file, `~/.postgresql/root.crt`.
    fn default_roots() -> Result<RootCertStore> {
        let path = std::env::var_os("HOME")
            .map(|home| PathBuf::from(home).join(".postgresql/root.crt"))
            .unwrap_or_else(|| PathBuf::from("~/.postgresql/root.crt"));
        if !path.exists() {
            return Err(Error::invalid(
                "sslrootcert",
                format!(
                    "root certificate file \"{}\" does not exist; either provide the file, use \
                     the system's trusted roots with sslrootcert=system, or change sslmode to \
                     disable server certificate verification",
                    path.display()
                ),
            ));
        }
        file_roots(&path)
    }

    fn client_identity(
        cert: &Path,
        key: &Path,
    ) -> Result<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>)> {
        let certs = certificates("sslcert", cert)?;
        let pem = read("sslkey", key)?;
        // The key's bytes never reach an error message.
        let key = PrivateKeyDer::from_pem_slice(&pem).map_err(|_| {
            Error::invalid(
                "sslkey",
                format!(
                    "{}: no unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1) in the file",
                    key.display()
                ),
            )
        })?;
        Ok((certs, key))
    }

    /// verify-ca: the webpki chain check, with a host-name mismatch accepted (webpki checks the
    /// name only after the chain has been verified).
    #[derive(Debug)]
    struct ChainOnly {
        inner: Arc<WebPkiServerVerifier>,
    }

    impl ServerCertVerifier for ChainOnly {
        fn verify_server_cert(
            &self,
            end_entity: &CertificateDer<'_>,
            intermediates: &[CertificateDer<'_>],
            server_name: &ServerName<'_>,
            ocsp_response: &[u8],
            now: UnixTime,
        ) -> std::result::Result<ServerCertVerified, rustls::Error> {
            match self.inner.verify_server_cert(
                end_entity,
                intermediates,
                server_name,
                ocsp_response,
                now,
            ) {
                Err(rustls::Error::InvalidCertificate(
                    CertificateError::NotValidForName
                    | CertificateError::NotValidForNameContext { .. },
                )) => Ok(ServerCertVerified::assertion()),
                other => other,
            }
        }

        fn verify_tls12_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
            self.inner.verify_tls12_signature(message, cert, dss)
        }

        fn verify_tls13_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
            self.inner.verify_tls13_signature(message, cert, dss)
        }

        fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
            self.inner.supported_verify_schemes()
        }
    }

    /// require / prefer without root certificates: any certificate is accepted; the handshake
    /// signatures are still checked, so the server holds the certificate's key.
    #[derive(Debug)]
    struct Unverified {
        provider: Arc<CryptoProvider>,
    }

    impl ServerCertVerifier for Unverified {
        fn verify_server_cert(
            &self,
            _: &CertificateDer<'_>,
            _: &[CertificateDer<'_>],
            _: &ServerName<'_>,
            _: &[u8],
            _: UnixTime,
        ) -> std::result::Result<ServerCertVerified, rustls::Error> {
            Ok(ServerCertVerified::assertion())
        }

        fn verify_tls12_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
            rustls::crypto::verify_tls12_signature(
                message,
                cert,
                dss,
                &self.provider.signature_verification_algorithms,
            )
        }

        fn verify_tls13_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
            rustls::crypto::verify_tls13_signature(
                message,
                cert,
                dss,
                &self.provider.signature_verification_algorithms,
            )
        }

        fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
            self.provider
                .signature_verification_algorithms
                .supported_schemes()
        }
    }

    /// The rustls connector, noting whether a TLS handshake was started (the server accepted
    /// the SSLRequest), which decides prefer's plain-text retry.
    pub(super) struct Recording<M> {
        pub(super) inner: M,
        pub(super) tried: Arc<AtomicBool>,
    }

    impl<S, M: MakeTlsConnect<S>> MakeTlsConnect<S> for Recording<M> {
        type Stream = M::Stream;
        type TlsConnect = RecordingConnect<M::TlsConnect>;
        type Error = M::Error;

        fn make_tls_connect(
            &mut self,
            domain: &str,
        ) -> std::result::Result<Self::TlsConnect, M::Error> {
            Ok(RecordingConnect {
                inner: self.inner.make_tls_connect(domain)?,
                tried: self.tried.clone(),
            })
        }
    }

    /// One host's connector of [`Recording`].
    pub(super) struct RecordingConnect<T> {
        inner: T,
        tried: Arc<AtomicBool>,
    }

    impl<S, T: TlsConnect<S>> TlsConnect<S> for RecordingConnect<T> {
        type Stream = T::Stream;
        type Error = T::Error;
        type Future = T::Future;

        fn connect(self, stream: S) -> T::Future {
            self.tried.store(true, Ordering::SeqCst);
            self.inner.connect(stream)
        }
    }
}
