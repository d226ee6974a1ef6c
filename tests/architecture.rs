//! The arrows between modules go one way: model (facts) ← words (sentences) ← storage and
//! report ← app, and the window's panels depend on the state they draw, never on the app
//! that owns it. Read from the source, so a new `use` that breaks the rule fails here.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its text up to any `#[cfg(test)]` block.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("source");
            let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
            out.push((path, code));
        }
    }
    out
}

/// The `crate::…` paths a file names, outside comments.
fn crate_paths(code: &str) -> Vec<String> {
    code.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .flat_map(|line| {
            line.match_indices("crate::")
                .map(|(at, _)| {
                    line[at..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn the_layers_depend_only_on_the_layers_below() {
    // (folder, crate modules it must not name)
    let rules = [
        (
            "model",
            vec![
                "crate::words",
                "crate::report",
                "crate::storage",
                "crate::app",
            ],
        ),
        (
            "words",
            vec!["crate::report", "crate::storage", "crate::app"],
        ),
        ("storage", vec!["crate::report", "crate::app"]),
        ("report", vec!["crate::app"]),
    ];
    let mut broken = Vec::new();
    for (folder, forbidden) in rules {
        for (path, code) in sources(&src().join(folder)) {
            for used in crate_paths(&code) {
                if forbidden.iter().any(|f| used.starts_with(f)) {
                    broken.push(format!("{}: {used}", path.display()));
                }
            }
            if code.contains("egui") {
                broken.push(format!("{}: names egui", path.display()));
            }
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn the_panels_never_reach_into_the_app_that_owns_them() {
    // The state the panels draw lives in these modules of `app`; the app itself (its root,
    // its flows, its command handling) is off limits.
    let allowed = [
        "crate::app::ui",
        "crate::app::command",
        "crate::app::robustness_state",
        "crate::app::export",
        "crate::app::overlay",
    ];
    let mut broken = Vec::new();
    for (path, code) in sources(&src().join("app/ui")) {
        for used in crate_paths(&code) {
            if used.starts_with("crate::app") && !allowed.iter().any(|a| used.starts_with(a)) {
                broken.push(format!("{}: {used}", path.display()));
            }
        }
        if code.contains("super::super") {
            broken.push(format!("{}: super::super", path.display()));
        }
        // Drawing touches no disk.
        for io in ["std::fs", "Path::exists", ".exists()", "read_dir"] {
            if code.contains(io) {
                broken.push(format!("{}: {io}", path.display()));
            }
        }
    }
    // Nor do the state modules the panels use reach back into the panels' owner.
    for name in [
        "command.rs",
        "robustness_state.rs",
        "export.rs",
        "overlay.rs",
    ] {
        let code = std::fs::read_to_string(src().join("app").join(name)).expect("source");
        for used in crate_paths(&code) {
            if used.starts_with("crate::app::ui") {
                broken.push(format!("{name}: {used}"));
            }
        }
        for path in ["super::ui", "super::PartnershipApp", "super::file_flow"] {
            if code.contains(path) {
                broken.push(format!("{name}: {path}"));
            }
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}
