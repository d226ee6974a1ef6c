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
        // Invisible reordering characters would make the name read as something else.
        .filter(|c| crate::model::validate::hidden_controls(&c.to_string()).is_empty())
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
    let mut dotted = format!(".{ext}");
    let typed_ext = cleaned.len() >= dotted.len()
        && cleaned.is_char_boundary(cleaned.len() - dotted.len())
        && cleaned[cleaned.len() - dotted.len()..].eq_ignore_ascii_case(&dotted);
    let stem = if typed_ext {
        // The extension as the user typed it, ".HTML" included.
        let split = cleaned.len() - dotted.len();
        dotted = cleaned[split..].to_string();
        &cleaned[..split]
    } else {
        cleaned
    };
    // Long enough for any title, well inside every file system's 255-byte name limit.
    let mut stem: String = stem.chars().take(MAX_STEM_CHARS).collect();
    stem = stem
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace())
        .to_string();
    // Windows refuses these as a file's name, whatever follows the dot.
    let device = stem
        .split('.')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_uppercase();
    let reserved = matches!(device.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((device.starts_with("COM") || device.starts_with("LPT"))
            && device.len() == 4
            && device[3..].chars().all(|c| c.is_ascii_digit() && c != '0'));
    if reserved {
        stem = format!("{stem} appraisal");
    }
    Some(format!("{stem}{dotted}"))
}

/// The longest file-name stem suggested or accepted, in characters.
const MAX_STEM_CHARS: usize = 120;

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

    #[test]
    fn hostile_titles_never_escape_the_folder_or_trip_windows() {
        // Windows' device names, with or without an extension, in any case.
        assert_eq!(file_name_for("CON").as_deref(), Some("CON appraisal.ron"));
        assert_eq!(
            file_name_for("nul.txt").as_deref(),
            Some("nul.txt appraisal.ron")
        );
        assert_eq!(
            file_name_with("com1", "csv").as_deref(),
            Some("com1 appraisal.csv")
        );
        assert_eq!(
            file_name_for("COM10").as_deref(),
            Some("COM10.ron"),
            "not a device"
        );
        // Trailing dots and spaces, which Windows drops, never end the stem.
        assert_eq!(file_name_for("Report. . .").as_deref(), Some("Report.ron"));
        // Over-long titles are cut, and the cut never leaves a trailing dot.
        let long = "x".repeat(500);
        let name = file_name_for(&long).expect("a name");
        assert_eq!(name.chars().count(), 120 + ".ron".len());
        // A right-to-left override is dropped, not passed into the name.
        assert_eq!(
            file_name_for("Report\u{202E}fdp.exe").as_deref(),
            Some("Reportfdp.exe.ron")
        );
        // Separators never climb out of the chosen folder.
        assert_eq!(
            file_name_for("..\\..\\Windows\\x").as_deref(),
            Some("-..-Windows-x.ron")
        );
    }
}
