//! Files of the tests: installations made once under a file lock, and the permission bits of
//! written files.

use std::ffi::c_int;
use std::fs::File;
use std::os::fd::AsRawFd;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Takes an exclusive `flock(2)` on `file`, waiting for other holders; closing the file
/// releases it.
pub fn lock_exclusively(file: &File) {
    const LOCK_EX: c_int = 2;
    unsafe extern "C" {
        fn flock(fd: c_int, operation: c_int) -> c_int;
    }
    // SAFETY: flock on a file descriptor that `file` keeps open for this call.
    let locked = unsafe { flock(file.as_raw_fd(), LOCK_EX) };
    assert_eq!(locked, 0, "flock: {}", std::io::Error::last_os_error());
}

/// Makes the installation `dir` once, under an exclusive lock on `<dir>.lock`, so that test
/// processes running at once make it once: an installation whose file `installed.stamp` holds
/// `stamp` and that `ready` accepts is reused; otherwise `install` makes it, `ready` must then
/// accept it, and the stamp is written. `ready` returns why it does not accept. Errors name
/// the step that failed.
pub fn install_once(
    dir: &Path,
    stamp: &str,
    install: impl FnOnce() -> Result<(), String>,
    ready: impl Fn() -> Result<(), String>,
) -> Result<(), String> {
    let lock_path = dir.with_extension("lock");
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let lock = File::create(&lock_path)
        .map_err(|e| format!("cannot create the lock file {}: {e}", lock_path.display()))?;
    lock_exclusively(&lock);
    let stamp_path = dir.join("installed.stamp");
    if std::fs::read_to_string(&stamp_path).is_ok_and(|s| s == stamp) && ready().is_ok() {
        return Ok(());
    }
    let started = std::time::Instant::now();
    install()?;
    ready()?;
    std::fs::write(&stamp_path, stamp)
        .map_err(|e| format!("cannot write {}: {e}", stamp_path.display()))?;
    eprintln!("installed {} in {:.1?}", dir.display(), started.elapsed());
    Ok(())
    // `lock` is released when the file is closed here.
}

/// Runs `command` as the step `step` of an installation: an error with its output unless it
/// succeeds.
pub fn run_step(step: &str, command: &mut std::process::Command) -> Result<(), String> {
    match command.output() {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(format!(
            "`{step}` failed ({}):\n{}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )),
        Err(e) => Err(format!("cannot run `{step}`: {e}")),
    }
}

/// Asserts that `dir` holds exactly the files `names`, each with the permission bits `mode`
/// (for example `0o600`, readable and writable by the owner only).
pub fn assert_files_with_mode<S: AsRef<str>>(dir: &Path, names: &[S], mode: u32) {
    let mut found: Vec<(String, u32)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| {
            let entry = entry.unwrap();
            let bits = entry.metadata().unwrap().permissions().mode() & 0o777;
            (entry.file_name().into_string().unwrap(), bits)
        })
        .collect();
    found.sort();
    let mut expected: Vec<(String, u32)> = names
        .iter()
        .map(|name| (name.as_ref().to_string(), mode))
        .collect();
    expected.sort();
    assert_eq!(
        found,
        expected,
        "files of {} and their modes",
        dir.display()
    );
}
