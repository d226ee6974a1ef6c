//! Recovery files: the open appraisal written every few seconds to the platform's data folder
//! (never over the user's own file), so a crash, a power cut or a laptop that sleeps and dies
//! loses at most a few seconds of a workshop.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{Disk, FileError, MAX_FILE_BYTES, display_name, write_with};
use crate::model::Appraisal;

/// What a recovery file holds: the work, where it was last saved, and when it was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recovery {
    /// The user's own file, if the appraisal had ever been saved.
    pub saved_path: Option<PathBuf>,
    /// Seconds since 1970 (UTC) when the recovery file was written.
    pub written_at_unix: u64,
    pub appraisal: Appraisal,
}

impl Recovery {
    /// Newer than the user's own file (or there is no saved file): worth offering.
    pub fn is_newer_than_saved(&self, disk: &dyn Disk) -> bool {
        let Some(path) = &self.saved_path else {
            return true;
        };
        let saved = disk
            .modified(path)
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs());
        self.written_at_unix >= saved
    }

    /// "14:05 UTC on 2026-11-25".
    pub fn written_at_text(&self) -> String {
        utc_text(self.written_at_unix)
    }
}

pub fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The recovery file for a document: one per saved file (named from a hash of its path),
/// and one for work never saved.
pub fn recovery_path(dir: &Path, saved_path: Option<&Path>) -> PathBuf {
    match saved_path {
        None => dir.join("recovery-unsaved.ron"),
        Some(p) => {
            // FNV-1a: stable across runs and platforms, unlike the std hasher.
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in p.to_string_lossy().bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
            dir.join(format!("recovery-{h:016x}.ron"))
        }
    }
}

pub fn write(disk: &dyn Disk, dir: &Path, recovery: &Recovery) -> Result<PathBuf, FileError> {
    disk.create_dir_all(dir)
        .map_err(|source| FileError::Write {
            path: dir.display().to_string(),
            source,
        })?;
    let path = recovery_path(dir, recovery.saved_path.as_deref());
    let config = ron::ser::PrettyConfig::new().new_line("\n").depth_limit(3);
    let text = ron::ser::to_string_pretty(recovery, config).unwrap_or_default();
    write_with(disk, text.as_bytes(), &path)?;
    // The recovery file's own backup is of no use to anyone.
    let _ = disk.remove(&super::backup_path(&path));
    Ok(path)
}

/// Every readable recovery file in `dir`, newest first. Unreadable ones are skipped (and
/// left on disk: nothing is discarded without asking).
pub fn find(disk: &dyn Disk, dir: &Path) -> Vec<(PathBuf, Recovery)> {
    let mut found: Vec<(PathBuf, Recovery)> = disk
        .list(dir)
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("recovery-"))
                && p.extension().is_some_and(|x| x == "ron")
        })
        .filter_map(|p| {
            let bytes = disk.read(&p, MAX_FILE_BYTES).ok()?;
            let recovery: Recovery = ron::from_str(std::str::from_utf8(&bytes).ok()?).ok()?;
            Some((p, recovery))
        })
        .collect();
    found.sort_by_key(|(_, r)| std::cmp::Reverse(r.written_at_unix));
    found
}

pub fn remove(disk: &dyn Disk, path: &Path) {
    if let Err(e) = disk.remove(path)
        && e.kind() != std::io::ErrorKind::NotFound
    {
        log::warn!(
            "{}: could not remove the recovery file: {e}",
            display_name(path)
        );
    }
}

/// Seconds since 1970 as "HH:MM UTC on YYYY-MM-DD" (civil-from-days, Howard Hinnant).
fn utc_text(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let (hh, mm) = ((secs % 86_400) / 3600, (secs % 3600) / 60);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{hh:02}:{mm:02} UTC on {y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_dates() {
        assert_eq!(utc_text(0), "00:00 UTC on 1970-01-01");
        // 2026-11-25 03:05 UTC.
        assert_eq!(utc_text(1_795_575_900), "03:05 UTC on 2026-11-25");
        assert_eq!(utc_text(951_782_400), "00:00 UTC on 2000-02-29");
    }

    #[test]
    fn recovery_round_trips_and_is_found_newest_first() {
        let dir = tempfile::tempdir().expect("temp");
        let mut a = crate::storage::default_example();
        let older = Recovery {
            saved_path: Some(dir.path().join("x.ron")),
            written_at_unix: 100,
            appraisal: a.clone(),
        };
        a.meta.title = "Newer".into();
        let newer = Recovery {
            saved_path: None,
            written_at_unix: 200,
            appraisal: a,
        };
        let disk = crate::storage::RealDisk;
        write(&disk, dir.path(), &older).expect("write");
        write(&disk, dir.path(), &newer).expect("write");
        std::fs::write(dir.path().join("recovery-broken.ron"), "not ron").expect("write");
        let found = find(&disk, dir.path());
        assert_eq!(found.len(), 2, "the broken one is skipped, not deleted");
        assert_eq!(found[0].1, newer);
        assert_eq!(found[1].1, older);
        assert!(dir.path().join("recovery-broken.ron").exists());
        assert!(newer.is_newer_than_saved(&disk));
    }
}
