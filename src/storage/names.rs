//! File names: the ones a user types made safe, and the appraisals in a folder.

use std::path::{Path, PathBuf};

use super::Disk;

/// The `.ron` files in `dir`, newest first, for the app's own open list.
pub fn list_appraisals(disk: &dyn Disk, dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<(PathBuf, std::time::SystemTime)> = disk
        .list(dir)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ron")))
        .collect();
    files.sort_by(|(path_a, when_a), (path_b, when_b)| {
        when_b.cmp(when_a).then_with(|| path_a.cmp(path_b))
    });
    files.into_iter().map(|(p, _)| p).collect()
}

/// The names of the files in `dir`, lower-cased, to tell whether a name typed is taken
/// (Windows and macOS file names ignore case).
pub fn names_in(disk: &dyn Disk, dir: &Path) -> std::collections::BTreeSet<String> {
    disk.list(dir)
        .into_iter()
        .filter_map(|(p, _)| p.file_name().map(|n| n.to_string_lossy().to_lowercase()))
        .collect()
}

/// A file name typed by the user, made safe to save under `dir`: path separators and
/// characters Windows forbids are replaced, and `.ron` is added when missing.
pub fn file_name_for(typed: &str) -> Option<String> {
    file_name_with(typed, "ron")
}

/// `typed` as a safe file name ending in `.ext`, whether or not the user typed it.
pub fn file_name_with(typed: &str, ext: &str) -> Option<String> {
    let cleaned: String = typed
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if cleaned.is_empty() {
        return None;
    }
    let dotted = format!(".{ext}");
    Some(if cleaned.to_ascii_lowercase().ends_with(&dotted) {
        cleaned.to_string()
    } else {
        format!("{cleaned}{dotted}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_names_become_safe_file_names() {
        assert_eq!(
            file_name_for("Library 2026").as_deref(),
            Some("Library 2026.ron")
        );
        assert_eq!(
            file_name_for("a/b\\c:d.ron").as_deref(),
            Some("a-b-c-d.ron")
        );
        assert_eq!(file_name_for("../secret").as_deref(), Some("-secret.ron"));
        assert_eq!(file_name_for("   "), None);
        assert_eq!(file_name_for("..."), None);
        assert_eq!(
            file_name_with("Library report", "html").as_deref(),
            Some("Library report.html")
        );
        assert_eq!(file_name_with("a.HTML", "html").as_deref(), Some("a.HTML"));
        assert_eq!(file_name_with("a.ron", "csv").as_deref(), Some("a.ron.csv"));
    }
}
