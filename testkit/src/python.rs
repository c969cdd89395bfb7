//! Python virtualenvs of the tests that drive the Python reference, each made once from a
//! requirements file under a file lock ([`files::install_once`]).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::files::{self, run_step};

/// Makes (or reuses) the virtualenv `venv` with the packages of the requirements file
/// `requirements` installed by pip, and returns its python. A virtualenv made from the same
/// requirements text that `ready` accepts (given the python) is reused; `ready` must accept a
/// new one. Errors name the step that failed.
pub fn venv(
    venv: &Path,
    requirements: &Path,
    ready: impl Fn(&Path) -> Result<(), String>,
) -> Result<PathBuf, String> {
    let python = venv.join("bin").join("python");
    let wanted = std::fs::read_to_string(requirements)
        .map_err(|e| format!("cannot read {}: {e}", requirements.display()))?;
    let install = || {
        run_step(
            "python3 -m venv",
            Command::new("python3")
                .args(["-m", "venv", "--clear"])
                .arg(venv),
        )?;
        run_step(
            &format!("pip install -r {}", requirements.display()),
            Command::new(&python)
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--disable-pip-version-check",
                    "-q",
                    "-r",
                ])
                .arg(requirements),
        )
    };
    files::install_once(venv, &wanted, install, || ready(&python))?;
    Ok(python)
}
