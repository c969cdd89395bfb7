//! The pgbench baseline of the property get/set mix: pgbench (`-M prepared`, one statement per
//! transaction) running the two statements the facade sends for `properties().get` and
//! `properties().set` of a name that is not indexed, chosen 50/50, against the same database
//! and the same actors.
//!
//! The statements are not written here: they are read from the generated code the library
//! compiles (`codegen/src/queries/properties.rs`, included when this command is built), so
//! pgbench runs exactly the SQL text the facade prepares.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use tokio_postgres::config::Host;

use super::AnyResult;

/// The generated code of the properties queries.
const GENERATED_PROPERTIES: &str = include_str!("../../../codegen/src/queries/properties.rs");

/// The SQL text the generated code prepares for query `name` (the string literal of its
/// `pub fn name() -> …Stmt`).
fn generated_sql(name: &str) -> String {
    let start = GENERATED_PROPERTIES
        .find(&format!("pub fn {name}() -> "))
        .unwrap_or_else(|| panic!("codegen has no query {name}"));
    let literal = &GENERATED_PROPERTIES[start..];
    let literal = &literal[literal.find('"').expect("a string literal") + 1..];
    let mut sql = String::new();
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => sql.extend(chars.next()),
            '"' => return sql,
            c => sql.push(c),
        }
    }
    panic!("unterminated SQL of {name}")
}

/// A pgbench script running `sql` with its parameters `$1`, `$2`, `$3` taken from the script's
/// variables `id`, `name` and `value` (pgbench sends them as parameters of the prepared
/// statement): `id` is one of the run's actors, `value` a number.
fn script(sql: &str) -> String {
    format!(
        "\\set id :base + random(0, :n - 1)\n\\set value random(1, 1000000000)\n{};\n",
        sql.replace("$1", ":id")
            .replace("$2", ":name")
            .replace("$3", ":value")
    )
}

/// The two scripts of the mix: (property get, property set).
pub(crate) fn mix_scripts() -> (String, String) {
    (
        script(&generated_sql("property_value")),
        script(&generated_sql("upsert_property")),
    )
}

/// pgbench: `pgbench` on `PATH`, else the newest `/usr/lib/postgresql/*/bin/pgbench`.
pub(crate) fn find() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH").into_iter().flat_map(|path| {
        std::env::split_paths(&path)
            .map(|dir| dir.join("pgbench"))
            .collect::<Vec<_>>()
    });
    let mut installed: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            Some((version, e.path().join("bin/pgbench")))
        })
        .collect();
    installed.sort();
    on_path
        .chain(installed.into_iter().rev().map(|(_, p)| p))
        .find(|p| p.is_file())
}

/// One pgbench run of the mix.
pub(crate) struct Pgbench<'a> {
    /// The pgbench binary.
    pub program: &'a Path,
    /// Where the two scripts are.
    pub dir: &'a Path,
    /// The connection of the facade's store.
    pub config: &'a tokio_postgres::Config,
    /// The facade's schema.
    pub schema: &'a str,
    /// The run's actors are the decimal numbers `base .. base + actors`.
    pub base: u64,
    /// How many actors.
    pub actors: usize,
    /// How long it runs.
    pub duration: Duration,
}

impl Pgbench<'_> {
    /// Writes the two scripts into `dir`.
    pub(crate) fn write_scripts(dir: &Path) -> AnyResult<()> {
        let (get, set) = mix_scripts();
        std::fs::write(dir.join("property_get.sql"), get)?;
        std::fs::write(dir.join("property_set.sql"), set)?;
        Ok(())
    }

    /// Runs the mix with `clients` connections and returns pgbench's transactions per second
    /// (without the initial connection time). pgbench stops after `duration`, and connecting
    /// waits at most 10 s unless `PGCONNECT_TIMEOUT` says otherwise.
    pub(crate) async fn tps(&self, clients: usize) -> AnyResult<f64> {
        let threads = clients.min(std::thread::available_parallelism().map_or(1, |n| n.get()));
        let mut command = Command::new(self.program);
        command
            .args(["-n", "-M", "prepared", "-c", &clients.to_string()])
            .args(["-j", &threads.to_string()])
            .args(["-T", &self.duration.as_secs().max(1).to_string()])
            .arg("-f")
            .arg(self.dir.join("property_get.sql@1"))
            .arg("-f")
            .arg(self.dir.join("property_set.sql@1"))
            .args(["-D", &format!("base={}", self.base)])
            .args(["-D", &format!("n={}", self.actors)])
            .args(["-D", "name=displayName"]);
        match self.config.get_hosts().first() {
            Some(Host::Tcp(host)) => command.args(["-h", host]),
            Some(Host::Unix(dir)) => command.arg("-h").arg(dir),
            None => &mut command,
        };
        if let Some(port) = self.config.get_ports().first() {
            command.args(["-p", &port.to_string()]);
        }
        if let Some(user) = self.config.get_user() {
            command.args(["-U", user]);
        }
        if let Some(password) = self.config.get_password() {
            command.env("PGPASSWORD", String::from_utf8_lossy(password).as_ref());
        }
        if std::env::var_os("PGCONNECT_TIMEOUT").is_none() {
            command.env("PGCONNECT_TIMEOUT", "10");
        }
        // The schema is validated to [a-z0-9_] by Config.
        command.env("PGOPTIONS", format!("-c search_path={}", self.schema));
        if let Some(dbname) = self.config.get_dbname() {
            command.arg(dbname);
        }
        let output = tokio::task::spawn_blocking(move || command.output()).await??;
        let stdout = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() {
            return Err(format!(
                "pgbench failed ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            )
            .into());
        }
        stdout
            .lines()
            .find_map(|line| line.strip_prefix("tps = "))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|tps| tps.parse().ok())
            .ok_or_else(|| format!("no tps in pgbench's output: {stdout}").into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scripts_hold_the_statements_the_facade_prepares() {
        let (get, set) = mix_scripts();
        assert_eq!(
            get,
            "\\set id :base + random(0, :n - 1)\n\\set value random(1, 1000000000)\n\
             SELECT value FROM properties WHERE id = :id AND name = :name;\n"
        );
        assert_eq!(
            set,
            "\\set id :base + random(0, :n - 1)\n\\set value random(1, 1000000000)\n\
             INSERT INTO properties (id, name, value) VALUES (:id, :name, :value) \
             ON CONFLICT (id, name) DO UPDATE SET value = EXCLUDED.value RETURNING true AS written;\n"
        );
    }
}
