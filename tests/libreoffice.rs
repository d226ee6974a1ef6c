//! A real client: every export opened in LibreOffice, headless. These tests need
//! LibreOffice (`libreoffice-calc`, `libreoffice-writer`) and poppler (`pdftotext`,
//! `pdfimages`), which `.ci/run` installs and then runs them with `--ignored`. Without them
//! they fail and say what is missing; they never pass silently. Run by hand with
//! `cargo test --test libreoffice -- --ignored`.

use std::path::{Path, PathBuf};
use std::process::Command;

use partnership_appraisal::model::appraise;
use partnership_appraisal::report::{self, svg};
use partnership_appraisal::storage;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `program` with `args`, failing the test with its name when it is missing.
fn run(program: &str, args: &[&str], dir: &Path) -> String {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} could not run ({e}): install LibreOffice and poppler-utils, as .ci/run does")
        });
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `file` converted by LibreOffice to `to` (an extension, or extension:filter) in `dir`.
fn convert(dir: &Path, file: &str, to: &str, infilter: Option<&str>) -> PathBuf {
    let profile = format!("-env:UserInstallation=file://{}/lo-profile", dir.display());
    let mut args = vec![profile.as_str(), "--headless"];
    let filter;
    if let Some(f) = infilter {
        filter = format!("--infilter={f}");
        args.push(&filter);
    }
    args.extend(["--convert-to", to, file]);
    run("soffice", &args, dir);
    let stem = Path::new(file)
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    let ext = to.split(':').next().expect("extension");
    let path = dir.join(format!("{stem}.{ext}"));
    assert!(path.exists(), "LibreOffice wrote no {}", path.display());
    path
}

fn built(file: &Path) -> report::Report {
    let a = storage::load(file).expect("loads");
    let r = appraise(&a).expect("valid");
    report::build(&a, &r)
}

/// The images a PDF holds (`pdfimages -list`, soft masks left out).
fn pictures_in(pdf: &Path, dir: &Path) -> usize {
    run("pdfimages", &["-list", pdf.to_str().expect("utf-8")], dir)
        .lines()
        .skip(2)
        .filter(|l| l.split_whitespace().nth(2) == Some("image"))
        .count()
}

#[test]
#[ignore = "needs LibreOffice and poppler; .ci/run installs them and runs it"]
fn hostile_names_make_no_formula_cell_in_calc() {
    let dir = tempfile::tempdir().expect("temp");
    let report = built(&root().join("tests/corpus/hostile-names.ron"));
    std::fs::write(dir.path().join("hostile.csv"), report::to_csv(&report)).expect("writes");
    let (_, tsv) = partnership_appraisal::app::export::ranking_table(&report);
    std::fs::write(dir.path().join("clipboard.csv"), tsv).expect("writes");
    for (file, filter) in [
        ("hostile.csv", "CSV:44,34,76,1"),
        ("clipboard.csv", "CSV:9,34,76,1"),
    ] {
        let fods = convert(dir.path(), file, "fods", Some(filter));
        let xml = std::fs::read_to_string(&fods).expect("reads");
        assert!(
            xml.contains("HYPERLINK") || file == "clipboard.csv",
            "the name is there"
        );
        assert!(
            !xml.contains("table:formula="),
            "{file}: a cell became a live formula"
        );
    }
}

#[test]
#[ignore = "needs LibreOffice and poppler; .ci/run installs them and runs it"]
fn the_word_document_prints_every_name_and_a_picture_per_chart() {
    let dir = tempfile::tempdir().expect("temp");
    let report = built(&root().join("assets/examples/library-service.ron"));
    std::fs::write(
        dir.path().join("report.docx"),
        report::to_docx(&report).expect("writes"),
    )
    .expect("writes");
    let pdf = convert(dir.path(), "report.docx", "pdf", None);
    let text = run(
        "pdftotext",
        &[pdf.to_str().expect("utf-8"), "-"],
        dir.path(),
    );
    for o in &report.options {
        assert!(text.contains(&o.name), "{} in the PDF", o.name);
    }
    assert_eq!(pictures_in(&pdf, dir.path()), svg::charts(&report).len());
}

#[test]
#[ignore = "needs LibreOffice and poppler; .ci/run installs them and runs it"]
fn the_html_report_pasted_into_writer_keeps_its_charts_as_pictures() {
    let dir = tempfile::tempdir().expect("temp");
    let report = built(&root().join("assets/examples/library-service.ron"));
    std::fs::write(dir.path().join("report.html"), report::to_html(&report)).expect("writes");
    // Writer's HTML import, as a stand-in for pasting the page into Word, saved as .docx.
    convert(dir.path(), "report.html", "docx", Some("HTML (StarWriter)"));
    let pdf = convert(dir.path(), "report.docx", "pdf", None);
    assert_eq!(pictures_in(&pdf, dir.path()), svg::charts(&report).len());
    let text = run(
        "pdftotext",
        &[pdf.to_str().expect("utf-8"), "-"],
        dir.path(),
    );
    assert!(
        !text.contains("comes fromCommunity library trust"),
        "no chart turned into a run of loose text"
    );
}

#[test]
#[ignore = "needs LibreOffice and poppler; .ci/run installs them and runs it"]
fn the_workbook_opens_in_calc_with_the_json_figures() {
    let dir = tempfile::tempdir().expect("temp");
    let report = built(&root().join("assets/examples/library-service.ron"));
    std::fs::write(
        dir.path().join("tables.xlsx"),
        report::to_xlsx(&report).expect("writes"),
    )
    .expect("writes");
    let fods = convert(dir.path(), "tables.xlsx", "fods", None);
    let xml = std::fs::read_to_string(&fods).expect("reads");
    // Every number cell Calc read, as Calc holds it.
    let values: Vec<f64> = xml
        .split("office:value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect();
    for o in &report.options {
        for m in [
            &o.with_optimism_bias,
            &o.without_optimism_bias,
            &o.risk_adjusted,
        ] {
            let npsv = m.npsv_gbp;
            assert!(
                values
                    .iter()
                    .any(|v| (v - npsv).abs() <= 1e-6 * npsv.abs().max(1.0)),
                "{}: NPSV {npsv} in Calc",
                o.name
            );
        }
    }
}
