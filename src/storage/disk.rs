//! The file system behind a small trait, so the window can be tested on an in-memory disk and
//! the command line and the app share one set of file rules. [`RealDisk`] is the real one;
//! [`MemoryDisk`] keeps files in memory, for tests.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// What the app and the command line need of a file system.
pub trait Disk: Send + Sync {
    /// The whole file, refusing one over `limit` bytes.
    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError>;
    /// Writes so that a crash at any moment leaves either the old or the new complete file,
    /// keeping the old one as `.bak` beside it.
    fn write_atomically(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// The files directly in `dir` with when each was last changed; empty if there is no
    /// such folder.
    fn list(&self, dir: &Path) -> Vec<(PathBuf, SystemTime)>;
    fn modified(&self, path: &Path) -> Option<SystemTime>;
    fn exists(&self, path: &Path) -> bool {
        self.modified(path).is_some()
    }
    fn remove(&self, path: &Path) -> io::Result<()>;
    fn create_dir_all(&self, dir: &Path) -> io::Result<()>;
}

/// `path` with `suffix` appended to its full file name ("a.ron" → "a.ron.bak").
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Where the previous version of `path` is kept after a save.
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, ".bak")
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("the file is {size} bytes, over the {limit} read")]
    TooLarge { size: u64, limit: u64 },
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// The machine's own file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct RealDisk;

impl Disk for RealDisk {
    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        let file = std::fs::File::open(path)?;
        let size = file.metadata()?.len();
        if size > limit {
            return Err(ReadError::TooLarge { size, limit });
        }
        // At most one byte past the limit, in case the file grew after the size check.
        let mut bytes = Vec::with_capacity(size as usize);
        file.take(limit + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit {
            let size = bytes.len() as u64;
            return Err(ReadError::TooLarge { size, limit });
        }
        Ok(bytes)
    }

    fn write_atomically(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        // A temporary file beside the target, flushed to disk, the old file kept as .bak,
        // then renamed over the target: a rename within a folder is atomic.
        let tmp = sibling(path, ".tmp");
        let result = (|| {
            let mut file = std::fs::File::create(&tmp)?;
            file.write_all(bytes)?;
            file.sync_all()?;
            drop(file);
            if path.exists() {
                std::fs::copy(path, backup_path(path))?;
            }
            std::fs::rename(&tmp, path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }

    fn list(&self, dir: &Path) -> Vec<(PathBuf, SystemTime)> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| {
                let modified = e
                    .metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(UNIX_EPOCH);
                (e.path(), modified)
            })
            .collect()
    }

    fn modified(&self, path: &Path) -> Option<SystemTime> {
        std::fs::metadata(path).and_then(|m| m.modified()).ok()
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)
    }

    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir)
    }
}

/// Files kept in memory, for tests: nothing touches the real disk. Its clock starts at
/// 2026-01-01 and moves one second a write, so "newest first" is always well defined.
#[derive(Debug, Default)]
pub struct MemoryDisk {
    state: Mutex<MemoryState>,
}

#[derive(Debug, Default)]
struct MemoryState {
    files: BTreeMap<PathBuf, (Vec<u8>, SystemTime)>,
    dirs: Vec<PathBuf>,
    writes: u64,
    /// Folders whose writes fail, as a read-only or full disk would.
    read_only: Vec<PathBuf>,
}

impl MemoryDisk {
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> io::Result<std::sync::MutexGuard<'_, MemoryState>> {
        self.state
            .lock()
            .map_err(|_| io::Error::other("the in-memory disk is unavailable"))
    }

    /// Makes every write under `dir` fail.
    pub fn make_read_only(&self, dir: &Path) {
        if let Ok(mut s) = self.lock() {
            s.read_only.push(dir.to_path_buf());
        }
    }

    /// Puts a file in place (as if copied there), without a backup.
    pub fn put(&self, path: &Path, bytes: &[u8]) {
        if let Ok(mut s) = self.lock() {
            let when = s.tick();
            s.files.insert(path.to_path_buf(), (bytes.to_vec(), when));
        }
    }

    /// The file's contents, if it exists.
    pub fn get(&self, path: &Path) -> Option<Vec<u8>> {
        self.lock().ok()?.files.get(path).map(|(b, _)| b.clone())
    }

    /// Every file's path, sorted.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.lock()
            .map(|s| s.files.keys().cloned().collect())
            .unwrap_or_default()
    }
}

impl MemoryState {
    fn tick(&mut self) -> SystemTime {
        self.writes += 1;
        UNIX_EPOCH + Duration::from_secs(1_767_225_600 + self.writes)
    }
}

fn not_found(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::NotFound,
        format!("{} does not exist", path.display()),
    )
}

impl Disk for MemoryDisk {
    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        let s = self.lock()?;
        let (bytes, _) = s.files.get(path).ok_or_else(|| not_found(path))?;
        let size = bytes.len() as u64;
        if size > limit {
            return Err(ReadError::TooLarge { size, limit });
        }
        Ok(bytes.clone())
    }

    fn write_atomically(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut s = self.lock()?;
        if s.read_only.iter().any(|d| path.starts_with(d)) {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the folder is read-only",
            ));
        }
        let when = s.tick();
        if let Some(old) = s.files.get(path).cloned() {
            s.files.insert(backup_path(path), old);
        }
        s.files.insert(path.to_path_buf(), (bytes.to_vec(), when));
        Ok(())
    }

    fn list(&self, dir: &Path) -> Vec<(PathBuf, SystemTime)> {
        self.lock()
            .map(|s| {
                s.files
                    .iter()
                    .filter(|(p, _)| p.parent() == Some(dir))
                    .map(|(p, (_, t))| (p.clone(), *t))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn modified(&self, path: &Path) -> Option<SystemTime> {
        let s = self.lock().ok()?;
        s.files
            .get(path)
            .map(|(_, t)| *t)
            .or_else(|| s.dirs.iter().any(|d| d == path).then_some(UNIX_EPOCH))
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        self.lock()?
            .files
            .remove(path)
            .map(|_| ())
            .ok_or_else(|| not_found(path))
    }

    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        let mut s = self.lock()?;
        if !s.dirs.iter().any(|d| d == dir) {
            s.dirs.push(dir.to_path_buf());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_disks_keep_a_backup_and_list_what_is_in_a_folder() {
        let dir = tempfile::tempdir().expect("temp");
        let memory = MemoryDisk::new();
        let disks: [(&dyn Disk, PathBuf); 2] = [
            (&RealDisk, dir.path().to_path_buf()),
            (&memory, PathBuf::from("/mem")),
        ];
        for (disk, root) in disks {
            disk.create_dir_all(&root).expect("folder");
            let file = root.join("a.ron");
            disk.write_atomically(&file, b"one").expect("write");
            disk.write_atomically(&file, b"two").expect("write");
            assert_eq!(disk.read(&file, 100).expect("read"), b"two");
            assert_eq!(disk.read(&backup_path(&file), 100).expect("bak"), b"one");
            let err = disk.read(&file, 2).expect_err("too large");
            assert!(matches!(err, ReadError::TooLarge { size: 3, limit: 2 }));
            let mut names: Vec<String> = disk
                .list(&root)
                .into_iter()
                .map(|(p, _)| p.file_name().expect("name").to_string_lossy().into())
                .collect();
            names.sort();
            assert_eq!(names, ["a.ron", "a.ron.bak"]);
            assert!(disk.exists(&file));
            disk.remove(&file).expect("remove");
            assert!(!disk.exists(&file));
            assert!(disk.list(&root.join("nowhere")).is_empty());
        }
    }
}
