use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use partnership_appraisal::app::launch;
use partnership_appraisal::cli::{self, Cli};

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let args = Cli::parse();
    if let Some(command) = &args.command {
        let outcome = cli::run(command);
        // A closed pipe (`| head`) is not an error worth a panic.
        let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
        let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
        return ExitCode::from(outcome.code as u8);
    }
    if let Some(file) = &args.file
        && let Err(e) = partnership_appraisal::storage::load(file)
    {
        // Said on the command line too; the window opens on the example and shows it.
        eprintln!("partnership-appraisal: {e}");
    }
    match launch::run(args.file, args.screenshot, args.renderer) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("partnership-appraisal: {e}");
            ExitCode::FAILURE
        }
    }
}
