//! The command line: `report` and `check` work without a window; anything else opens the app.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::model::appraise;
use crate::report;
use crate::storage;

#[derive(Debug, Parser)]
#[command(
    name = "partnership-appraisal",
    version,
    about = "Compare who should deliver a council service: business as usual against four partnership models.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Appraisal file (.ron) to open; the built-in library-service example when omitted.
    pub file: Option<PathBuf>,

    /// Render the window once, save it as this PNG and exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,

    /// Graphics back end: wgpu (default, falls back to glow) or glow.
    /// Also settable with the PARTNERSHIP_APPRAISAL_RENDERER environment variable.
    #[arg(long, value_enum)]
    pub renderer: Option<Renderer>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Renderer {
    Wgpu,
    Glow,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the results without a window.
    Report {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Number of SMAA and Monte Carlo draws (overrides the file's).
        #[arg(long, value_name = "N")]
        draws: Option<u32>,
        /// Seed of the random draws (overrides the file's).
        #[arg(long, value_name = "S")]
        seed: Option<u64>,
        /// With --format svg: the one chart to write (value-profile, net-benefit,
        /// benefit-cost, weight-sweeps, acceptability, npsv-spread, tornado). Without it,
        /// -o names a folder that receives every chart.
        #[arg(long, value_name = "ID")]
        chart: Option<String>,
    },
    /// Validate a file: exit 0 when sound, 1 with one line per problem otherwise.
    Check { file: PathBuf },
    /// Rewrite a file of an older format version in the current one (keeps a .bak).
    Upgrade { file: PathBuf },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Markdown,
    Csv,
    /// A self-contained page for a committee paper (prints to A4, pastes into Word).
    Html,
    /// An Excel workbook, one sheet per table (needs -o).
    Xlsx,
    /// A Word document for a committee paper, charts as pictures (needs -o).
    Docx,
    /// The charts as SVG.
    Svg,
}

/// What a headless command prints and its exit code.
#[derive(Debug, PartialEq, Eq)]
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    fn failure(stderr: String) -> Self {
        Self {
            code: 1,
            stdout: String::new(),
            stderr,
        }
    }
}

/// Loads and computes, or the lines that say why not.
fn load_and_appraise(
    file: &Path,
    adjust: impl FnOnce(crate::model::Appraisal) -> crate::model::Appraisal,
) -> Result<(crate::model::Appraisal, crate::model::Results), String> {
    let appraisal = adjust(storage::load(file).map_err(|e| e.to_string())?);
    let name = storage::display_name(file);
    let results = appraise(&appraisal).map_err(|e| {
        e.0.iter()
            .map(|p| format!("{name}: {p}"))
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    Ok((appraisal, results))
}

pub fn check(file: &Path) -> Outcome {
    match load_and_appraise(file, |a| a) {
        Ok((appraisal, _)) => Outcome {
            code: 0,
            stdout: format!(
                "{}: sound ({} options, {} criteria)\n",
                storage::display_name(file),
                appraisal.options.len(),
                appraisal.criteria.len()
            ),
            stderr: String::new(),
        },
        Err(lines) => Outcome::failure(lines + "\n"),
    }
}

/// What `report` is asked for beyond the file.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportOptions<'a> {
    pub output: Option<&'a Path>,
    pub draws: Option<u32>,
    pub seed: Option<u64>,
    /// The chart to write with `Format::Svg`.
    pub chart: Option<&'a str>,
}

pub fn report(file: &Path, format: Format, options: ReportOptions<'_>) -> Outcome {
    let output = options.output;
    let overridden = |mut a: crate::model::Appraisal| {
        if let Some(d) = options.draws {
            a.settings.robustness.draws = d;
        }
        if let Some(s) = options.seed {
            a.settings.robustness.seed = s;
        }
        a
    };
    let (appraisal, results) = match load_and_appraise(file, overridden) {
        Ok(loaded) => loaded,
        Err(lines) => return Outcome::failure(lines + "\n"),
    };
    if options.chart.is_some() && format != Format::Svg {
        return Outcome::failure(
            "--chart picks one of the charts: use it with --format svg\n".into(),
        );
    }
    let built = report::build(&appraisal, &results);
    let bytes = match format {
        Format::Json => (report::to_json(&built) + "\n").into_bytes(),
        Format::Markdown => report::to_markdown(&built).into_bytes(),
        Format::Csv => report::to_csv(&built).into_bytes(),
        Format::Html => report::to_html(&built).into_bytes(),
        Format::Xlsx => {
            if output.is_none() {
                return Outcome::failure(
                    "an Excel workbook is a binary file: name it with -o, for example -o appraisal.xlsx\n"
                        .into(),
                );
            }
            match report::to_xlsx(&built) {
                Ok(b) => b,
                Err(e) => return Outcome::failure(format!("{e}\n")),
            }
        }
        Format::Docx => {
            if output.is_none() {
                return Outcome::failure(
                    "a Word document is a binary file: name it with -o, for example -o appraisal.docx\n"
                        .into(),
                );
            }
            match report::to_docx(&built) {
                Ok(b) => b,
                Err(e) => return Outcome::failure(format!("{e}\n")),
            }
        }
        Format::Svg => return write_charts(&built, options.chart, output),
    };
    write_output(bytes, output)
}

/// Standard output when no file is named, else an atomic write that says where it went.
fn write_output(bytes: Vec<u8>, output: Option<&Path>) -> Outcome {
    match output {
        None => Outcome {
            code: 0,
            stdout: String::from_utf8_lossy(&bytes).into_owned(),
            stderr: String::new(),
        },
        Some(out) => match storage::write_atomically(&bytes, out) {
            Ok(()) => Outcome {
                code: 0,
                stdout: String::new(),
                stderr: format!("wrote {}\n", out.display()),
            },
            Err(e) => Outcome::failure(format!("{e}\n")),
        },
    }
}

/// One chart to standard output or a file, or every chart into a folder.
fn write_charts(built: &report::Report, chart: Option<&str>, output: Option<&Path>) -> Outcome {
    let charts = report::svg::charts(built);
    let known = || charts.iter().map(|c| c.id).collect::<Vec<_>>().join(", ");
    match chart {
        Some(id) => match charts.iter().find(|c| c.id == id) {
            Some(c) => write_output(c.svg.clone().into_bytes(), output),
            None => Outcome::failure(format!(
                "no chart called {id:?} for this file; its charts are: {}\n",
                known()
            )),
        },
        None => {
            let Some(dir) = output else {
                return Outcome::failure(format!(
                    "several charts: name one with --chart ({}) or give a folder with -o\n",
                    known()
                ));
            };
            // "-o chart.svg" without --chart would make a folder called chart.svg.
            if dir
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("svg"))
            {
                return Outcome::failure(format!(
                    "{} is a file name: name the chart with --chart ({}), or give a folder for every chart\n",
                    dir.display(),
                    known()
                ));
            }
            if let Err(e) = std::fs::create_dir_all(dir) {
                return Outcome::failure(format!(
                    "could not make the folder {}: {e}\n",
                    dir.display()
                ));
            }
            let mut written = String::new();
            for c in &charts {
                let path = dir.join(format!("{}.svg", c.id));
                if let Err(e) = storage::write_atomically(c.svg.as_bytes(), &path) {
                    return Outcome::failure(format!("{e}\n"));
                }
                written.push_str(&format!("wrote {}\n", path.display()));
            }
            Outcome {
                code: 0,
                stdout: String::new(),
                stderr: written,
            }
        }
    }
}

pub fn upgrade(file: &Path) -> Outcome {
    let name = storage::display_name(file);
    let appraisal = match storage::load(file) {
        Ok(a) => a,
        Err(e) => return Outcome::failure(format!("{e}\n")),
    };
    match storage::save(&appraisal, file) {
        Ok(()) => Outcome {
            code: 0,
            stdout: format!(
                "{name}: written in format version {}; the previous file is kept as {}\n",
                crate::model::FORMAT_VERSION,
                storage::display_name(&storage::backup_path(file))
            ),
            stderr: String::new(),
        },
        Err(e) => Outcome::failure(format!("{e}\n")),
    }
}

/// Runs a headless subcommand.
pub fn run(command: &Command) -> Outcome {
    match command {
        Command::Report {
            file,
            format,
            output,
            draws,
            seed,
            chart,
        } => report(
            file,
            *format,
            ReportOptions {
                output: output.as_deref(),
                draws: *draws,
                seed: *seed,
                chart: chart.as_deref(),
            },
        ),
        Command::Check { file } => check(file),
        Command::Upgrade { file } => upgrade(file),
    }
}
