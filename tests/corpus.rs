//! The corpus of broken and hostile files in tests/corpus/: each gives exactly the outcome
//! written here — a clear error naming the file, or the list of problems — and no panic.
//! (That opening one never disturbs the appraisal already open is tested in app_ui.rs.)

use std::path::{Path, PathBuf};

use partnership_appraisal::model::validate;
use partnership_appraisal::storage::{self, FileError, MAX_FILE_BYTES};

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

/// What a file must give: the load error's message, or the validation problems.
enum Outcome {
    Refused(&'static str),
    Problems(&'static [&'static str]),
    Sound,
}

const EXPECTED: &[(&str, Outcome)] = &[
    (
        "empty.ron",
        Outcome::Refused("empty.ron: the file is empty"),
    ),
    (
        "binary.ron",
        Outcome::Refused("binary.ron: not a text file (invalid UTF-8 at byte 3)"),
    ),
    (
        "not-utf8.ron",
        Outcome::Refused("not-utf8.ron: not a text file (invalid UTF-8 at byte 200)"),
    ),
    (
        "truncated.ron",
        // Cut off inside its brackets: said in words, with where it stops.
        Outcome::Refused(
            "truncated.ron: the file ends early, so it may have been cut off while copying or saving (it stops at line 100, column 30: Unexpected end of RON)",
        ),
    ),
    (
        "deeply-nested.ron",
        Outcome::Refused(
            "deeply-nested.ron: line 1, column 1: not an appraisal file: Expected opening `(` for an appraisal",
        ),
    ),
    (
        "json-not-ron.ron",
        Outcome::Refused(
            "json-not-ron.ron: line 1, column 1: not an appraisal file: Expected opening `(` for an appraisal",
        ),
    ),
    (
        "future-version.ron",
        Outcome::Refused(
            "future-version.ron: this file is format version 9, made by a newer version of the app; this app reads versions 1 to 3",
        ),
    ),
    (
        "missing-field.ron",
        Outcome::Refused(
            "missing-field.ron: line 32, column 3: Unexpected missing field named `appraisal_period_years` in `Settings`",
        ),
    ),
    (
        "unknown-field.ron",
        Outcome::Refused(
            "unknown-field.ron: line 25, column 5: Unexpected field named `run_macro` in `Settings`, expected one of `appraisal_period_years`, `discount`, `apply_optimism_bias`, `robustness`, `finance`, or `alternative_discount` instead",
        ),
    ),
    (
        "nan-and-infinity.ron",
        Outcome::Problems(&[
            "Shared service: annual running cost is not a number",
            "Consolidated management: transition cost is infinite",
        ]),
    ),
    (
        "absurd-values.ron",
        Outcome::Problems(&[
            "Contracting out: transition cost is 1e300, outside 0 to 1e12",
            "Shared service: optimism bias % is negative",
        ]),
    ),
    // Found by the fuzzer: a NaN in the robustness settings once passed validation.
    (
        "nan-in-settings.ron",
        Outcome::Problems(&[
            "Robustness: the fragile-lead acceptability is 7, outside 0 to 1",
            "Robustness: the fragile-lead input change is not a number",
        ]),
    ),
    (
        "duplicate-options.ron",
        Outcome::Problems(&["Shared service: two options have this name"]),
    ),
    // Paths and addresses in text fields are only text: nothing is read or fetched.
    ("names-a-path-and-url.ron", Outcome::Sound),
    // Formulas, markup, links and a Windows device name as names: sound, and defused in every
    // export (tests/exports.rs and the test below).
    ("hostile-names.ron", Outcome::Sound),
    // A right-to-left override in a name is refused, and the message shows it visibly.
    (
        "bidi-name.ron",
        Outcome::Problems(&[
            "Trust[U+202E]gnp.exe: the option name holds an invisible control character (U+202E) that can reorder or hide what a reader sees; retype it without: Trust[U+202E]gnp.exe",
        ]),
    ),
];

#[test]
fn every_corpus_file_gives_its_expected_outcome() {
    let on_disk = std::fs::read_dir(corpus("")).expect("corpus").count();
    assert_eq!(
        on_disk,
        EXPECTED.len(),
        "every corpus file has an expected outcome"
    );
    for (name, expected) in EXPECTED {
        let loaded = storage::load(&corpus(name));
        match (expected, loaded) {
            (Outcome::Refused(message), Err(e)) => assert_eq!(&e.to_string(), message, "{name}"),
            (Outcome::Problems(lines), Ok(a)) => {
                let found: Vec<String> = validate(&a).iter().map(ToString::to_string).collect();
                assert_eq!(found, *lines, "{name}");
            }
            (Outcome::Sound, Ok(a)) => assert!(validate(&a).is_empty(), "{name}"),
            (_, other) => panic!("{name}: unexpected {other:?}"),
        }
    }
}

#[test]
fn a_file_naming_a_path_keeps_it_as_text() {
    let a = storage::load(&corpus("names-a-path-and-url.ron")).expect("loads");
    assert_eq!(a.meta.author, "file:///etc/passwd");
    assert!(a.meta.title.contains("https://example.com/x.ron"));
}

#[test]
fn a_file_over_the_limit_is_refused_without_reading_it() {
    // Made here rather than kept in the repository: 16 MiB of nothing.
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("very-large.ron");
    std::fs::File::create(&path)
        .and_then(|f| f.set_len(MAX_FILE_BYTES * 4))
        .expect("sparse file");
    assert!(matches!(
        storage::load(&path),
        Err(FileError::TooLarge { .. })
    ));
}

#[test]
fn the_hostile_names_file_exports_with_every_name_defused() {
    let a = storage::load(&corpus("hostile-names.ron")).expect("loads");
    let r = partnership_appraisal::model::appraise(&a).expect("valid");
    let built = partnership_appraisal::report::build(&a, &r);
    let csv = partnership_appraisal::report::to_csv(&built);
    // The expected defused cells: an apostrophe before each formula-like name and title.
    for defused in [
        "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"Click\"\")\"",
        "'+cmd|' /C calc'!A0",
        "'@SUM(1+1) <script>alert(1)</script>",
        "'-1+1 | pipes | ; DROP weighted_score",
        "title,'=CMD|'/C calc'!A0 CON",
    ] {
        assert!(csv.contains(defused), "{defused} in\n{csv}");
    }
    let html = partnership_appraisal::report::to_html(&built);
    assert!(!html.contains("<script>alert"), "escaped in HTML");
    let md = partnership_appraisal::report::to_markdown(&built);
    assert!(!md.contains("](javascript:") && !md.contains("![x]("));
    assert!(
        !md.contains("| pipes |"),
        "a pipe cannot split a Markdown table"
    );
    // The file name suggested from the title stays in its folder and off Windows' devices.
    assert_eq!(
        storage::names::file_name_for(&a.meta.title).as_deref(),
        Some("=CMD-'-C calc'!A0 CON.ron")
    );
}
