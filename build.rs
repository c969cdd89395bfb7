//! Regenerates `codegen/` from `queries/*.sql` and `schema.sql` with cornucopia.
//!
//! The generated sources are compiled inside this crate (`include!` in `src/lib.rs`), so cargo
//! runs this script before it compiles them: one `cargo build` after a query edit compiles the
//! new SQL. The database used to check and type the queries is, in order:
//! 1. the server URL in `CORNUCOPIA_DB_URL` (no database path; the role needs CREATEDB), or
//! 2. a throwaway cluster started from the local PostgreSQL binaries, or
//! 3. none: the checked-in `codegen/` is used as it is, with one warning.
//!
//! Output is staged in `OUT_DIR` and only files whose bytes changed are copied into
//! `codegen/src/`.
//! Nothing is written when the crate is built from a package (a registry or `cargo package`),
//! nor when the `regen` feature is off (the default; inside this repository the
//! `actingweb-pg-cli` workspace member turns it on).

// The throwaway cluster launcher of the test kit (one source file, standard library only). It
// is not part of a packaged crate, which never regenerates.
#[cfg(feature = "regen")]
#[path = "testkit/src/throwaway.rs"]
#[allow(dead_code)]
mod throwaway;

fn main() {
    // The generated code selects its async client with `cfg(feature = "deadpool")` (this crate
    // always uses it) and also tests `cfg(feature = "wasm-async")` (never set). They are cfgs,
    // not Cargo features, so they are declared for check-cfg here.
    println!("cargo::rustc-check-cfg=cfg(feature, values(\"deadpool\", \"wasm-async\"))");
    println!("cargo::rustc-cfg=feature=\"deadpool\"");
    for path in ["queries", "schema.sql", "cornucopia.toml", "build.rs"] {
        println!("cargo:rerun-if-changed={path}");
    }
    #[cfg(feature = "regen")]
    println!("cargo:rerun-if-changed=testkit/src/throwaway.rs");
    println!("cargo:rerun-if-env-changed=CORNUCOPIA_DB_URL");
    println!("cargo:rerun-if-env-changed=PG_BIN_DIR");

    #[cfg(feature = "regen")]
    regen::run();
}

#[cfg(feature = "regen")]
mod regen {
    use std::env;
    use std::fs;
    use std::path::{Path, PathBuf};
    use std::time::Instant;

    use super::throwaway;

    /// A crate unpacked from a `.crate` archive (registry, `cargo package`) has these files; its
    /// sources are read-only by contract.
    fn is_packaged(manifest_dir: &Path) -> bool {
        manifest_dir.join(".cargo_vcs_info.json").exists()
            || manifest_dir.join("Cargo.toml.orig").exists()
    }

    pub fn run() {
        let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
        let manifest_dir = manifest_dir.as_path();
        if is_packaged(manifest_dir) {
            return;
        }
        let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets it"));
        let staged = out_dir.join("codegen");
        let started = Instant::now();
        let (source, result) = match env::var("CORNUCOPIA_DB_URL") {
            Ok(url) if !url.is_empty() => {
                ("CORNUCOPIA_DB_URL", generate(&url, manifest_dir, &staged))
            }
            _ => match throwaway::Cluster::start() {
                Ok(cluster) => (
                    "a throwaway cluster",
                    generate(&cluster.server_url(), manifest_dir, &staged),
                ),
                Err(e) => {
                    println!(
                        "cargo:warning=codegen/ not regenerated (no CORNUCOPIA_DB_URL and no \
                         local PostgreSQL: {e}); building from the checked-in generated code"
                    );
                    return;
                }
            },
        };
        if let Err(e) = result {
            panic!("cornucopia could not generate code from queries/ and schema.sql:\n{e}");
        }
        // Only the sources: the generated Cargo.toml is not needed (the code compiles inside
        // this crate), and a Cargo.toml below the package would make `cargo package` leave
        // codegen/ out of the published crate.
        let dest = manifest_dir.join("codegen").join("src");
        let changed =
            sync_dir(&staged.join("src"), &dest).expect("copy generated code into codegen/src/");
        if !changed.is_empty() {
            eprintln!(
                "regenerated codegen/ via {source} in {:.2?}; changed: {changed:?}",
                started.elapsed()
            );
        }
    }

    fn generate(server_url: &str, manifest_dir: &Path, staged: &Path) -> Result<(), String> {
        let config =
            cornucopia::config::Config::builder_from_file(manifest_dir.join("cornucopia.toml"))
                .map_err(|e| format!("{e:?}"))?
                .queries(manifest_dir.join("queries"))
                .destination(staged)
                .name("actingweb-pg-codegen")
                .build();
        let db_name = format!(
            "cornucopia_build_{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        );
        cornucopia::gen_fresh(
            server_url,
            &db_name,
            &[manifest_dir.join("schema.sql")],
            None,
            false,
            config,
        )
        .map_err(|e| format!("{:?}", miette_report(e)))
    }

    fn miette_report(e: cornucopia::Error) -> String {
        format!("{e:?}")
    }

    /// Makes `dest` hold exactly the files of `staged`: copies new or changed files, removes files
    /// that are no longer generated. Returns the relative paths that changed.
    fn sync_dir(staged: &Path, dest: &Path) -> std::io::Result<Vec<PathBuf>> {
        let mut changed = Vec::new();
        let wanted = list_files(staged, staged)?;
        for rel in &wanted {
            let new = fs::read(staged.join(rel))?;
            let target = dest.join(rel);
            if fs::read(&target).ok().as_deref() != Some(new.as_slice()) {
                if let Some(parent) = target.parent() {
                    fs::create_dir_all(parent)?;
                }
                fs::write(&target, new)?;
                changed.push(rel.clone());
            }
        }
        if dest.exists() {
            for rel in list_files(dest, dest)? {
                if !wanted.contains(&rel) {
                    fs::remove_file(dest.join(&rel))?;
                    changed.push(rel);
                }
            }
        }
        Ok(changed)
    }

    fn list_files(root: &Path, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        let mut out = Vec::new();
        for entry in fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                out.extend(list_files(root, &path)?);
            } else {
                out.push(path.strip_prefix(root).expect("below root").to_path_buf());
            }
        }
        out.sort();
        Ok(out)
    }
}
