// A release build for Windows is a GUI program: double-clicking it opens no console window.
// Debug builds (`cargo run`, `cargo test`) keep the console for developers; the command line
// of the release build joins the shell's console instead (see `console`).
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::io::Write;
use std::process::ExitCode;

use clap::Parser as _;
use partnership_appraisal::app::launch;
use partnership_appraisal::cli::{self, Cli};
use partnership_appraisal::{console, paths};

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let args = match Cli::try_parse() {
        Ok(args) => args,
        Err(e) => {
            // --help, --version or a mistyped command: said where it was typed.
            console::attach_to_parent();
            e.exit();
        }
    };
    if let Some(command) = &args.command {
        console::attach_to_parent();
        let outcome = cli::run(command);
        // A closed pipe (`| head`) is not an error worth a panic.
        let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
        let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
        return ExitCode::from(outcome.code as u8);
    }
    // Preferences and recovery files of earlier versions move into the one app folder.
    paths::adopt_earlier_files();
    if let Some(file) = &args.file
        && let Err(e) = partnership_appraisal::storage::load(file)
    {
        // Said on the command line too; the window opens on the example and shows it.
        eprintln!("partnership-appraisal: {e}");
    }
    match launch::run(args.file, args.screenshot, args.renderer) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Started from a shell, the reason the window could not open is said there.
            console::attach_to_parent();
            eprintln!("partnership-appraisal: {e}");
            ExitCode::FAILURE
        }
    }
}
