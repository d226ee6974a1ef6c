//! The Windows console. The release exe is built for the GUI subsystem (see `main.rs`), so a
//! double-click opens the window and no black console. A GUI program is given no console, so
//! when `report`, `check`, `upgrade` or `--help` is typed in a Command Prompt or PowerShell it
//! joins the console of the shell that started it before printing. Where the shell already
//! handed it an output (a pipe, a file, a CI runner), that is used as it is.
//!
//! On Linux and macOS there is nothing to do: a program always inherits its terminal.

/// Makes stdout and stderr reach the console the program was started from, if they have
/// nowhere to go. Call before printing anything a person at a command line should see.
pub fn attach_to_parent() {
    imp::attach_to_parent();
}

#[cfg(windows)]
mod imp {
    use std::os::windows::io::{AsRawHandle, RawHandle};

    /// A GUI-subsystem process started from a console has null standard handles unless its
    /// parent passed some in (redirection, pipes).
    fn missing(handle: RawHandle) -> bool {
        handle.is_null() || handle as isize == -1
    }

    pub fn attach_to_parent() {
        let out = missing(std::io::stdout().as_raw_handle());
        let err = missing(std::io::stderr().as_raw_handle());
        if out || err {
            // Fails when the parent has no console (Explorer, a shortcut): then there is no one
            // to print to, and Rust's std silently drops writes to a missing handle.
            if let Err(e) = winsafe::AttachConsole(winsafe::PidParent::Parent) {
                log::debug!("no parent console to attach to: {e}");
            }
        }
    }
}

#[cfg(not(windows))]
mod imp {
    pub fn attach_to_parent() {}
}
