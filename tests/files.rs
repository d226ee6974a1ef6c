//! Files: every example round-trips, old formats migrate, and every kind of bad file is
//! refused with a message that names the file (and the line, where RON gives one).

use std::fs;
use std::path::{Path, PathBuf};

use partnership_appraisal::model::*;
use partnership_appraisal::storage::{self, EXAMPLES, FileError, MAX_FILE_BYTES};

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples")
}

#[test]
fn every_example_loads_validates_and_round_trips() {
    let on_disk: Vec<_> = fs::read_dir(examples_dir())
        .expect("examples folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    assert!(on_disk.len() >= 3, "at least three worked examples");
    let dir = tempfile::tempdir().expect("temp dir");
    for path in on_disk {
        let a = storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let problems = validate(&a);
        assert!(problems.is_empty(), "{}: {problems:?}", path.display());
        appraise(&a).expect("computes");
        // Every score has a rationale.
        for o in &a.options {
            for c in &a.criteria {
                let line = o.rationale.get(&c.id).map_or("", String::as_str);
                assert!(
                    !line.trim().is_empty(),
                    "{}: {} has no rationale for {}",
                    path.display(),
                    o.name,
                    c.id
                );
            }
        }
        let copy = dir.path().join(path.file_name().expect("name"));
        storage::save(&a, &copy).expect("saves");
        assert_eq!(storage::load(&copy).expect("reloads"), a);
        // Saving what was loaded gives the same text back: the examples are in canonical form.
        assert_eq!(
            fs::read_to_string(&copy).expect("read"),
            fs::read_to_string(&path).expect("read"),
            "{} is not in the app's own layout",
            path.display()
        );
    }
}

#[test]
fn the_embedded_default_is_the_library_example() {
    let a = storage::default_example();
    assert_eq!(a.meta.title, "Library services 2026");
    assert_eq!(a.options.len(), 5);
    assert_eq!(EXAMPLES.len(), 3);
    for (name, text) in EXAMPLES {
        storage::parse_str(text, name).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn a_format_1_file_is_migrated_to_the_current_format() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/format-1-leisure.ron");
    let a = storage::load(&path).expect("migrates");
    assert_eq!(a.format_version, FORMAT_VERSION);
    assert_eq!(
        a.settings.discount.bands,
        vec![RateBand {
            from_year: 0,
            rate_pct: 3.5
        }],
        "the flat rate becomes one band from year 0"
    );
    assert_eq!(a.meta.title, "Leisure centres review");
    let r = appraise(&a).expect("valid after migration");
    assert_eq!(r.discount_factors.len(), 10);
}

#[test]
fn save_is_atomic_and_keeps_a_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("appraisal.ron");
    let mut a = storage::default_example();
    storage::save(&a, &path).expect("first save");
    assert!(
        !storage::backup_path(&path).exists(),
        "nothing to back up yet"
    );
    a.meta.title = "Second version".into();
    storage::save(&a, &path).expect("second save");
    let backup = storage::load(&storage::backup_path(&path)).expect("backup loads");
    assert_eq!(backup.meta.title, "Library services 2026");
    assert_eq!(
        storage::load(&path).expect("loads").meta.title,
        "Second version"
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
}

#[test]
fn saving_into_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("no-such-folder/appraisal.ron");
    let err = storage::save(&storage::default_example(), &path).expect_err("fails");
    assert!(
        err.to_string()
            .starts_with("appraisal.ron: cannot save the file"),
        "{err}"
    );
}

fn load_text(text: &str) -> FileError {
    storage::parse_str(text, "bad.ron").expect_err("should be refused")
}

fn library_text() -> String {
    EXAMPLES[0].1.to_string()
}

#[test]
fn a_syntax_error_names_the_line_and_column() {
    let text = library_text().replacen(
        "title: \"Library services 2026\",",
        "title: \"Library services 2026\" oops,",
        1,
    );
    let err = load_text(&text);
    match &err {
        FileError::Syntax { line, column, .. } => {
            assert_eq!(*line, 4);
            assert!(*column > 1);
        }
        other => panic!("expected a syntax error, got {other}"),
    }
    assert!(
        err.to_string().starts_with("bad.ron: line 4, column"),
        "{err}"
    );
}

#[test]
fn a_wrong_type_is_a_syntax_error_at_its_line() {
    let text = library_text().replacen(
        "appraisal_period_years: 10",
        "appraisal_period_years: \"ten\"",
        1,
    );
    let err = load_text(&text);
    assert!(matches!(err, FileError::Syntax { line: 13, .. }), "{err}");
}

#[test]
fn a_missing_field_is_named() {
    let text = library_text().replacen("    price_base_year: 2026,\n", "", 1);
    let err = load_text(&text).to_string();
    assert!(err.contains("price_base_year"), "{err}");
}

#[test]
fn an_unknown_field_is_named() {
    let text = library_text().replacen(
        "    apply_optimism_bias: true,",
        "    apply_optimism_bias: true,\n    discount_rate: 3.5,",
        1,
    );
    let err = load_text(&text).to_string();
    assert!(err.contains("discount_rate"), "{err}");
}

#[test]
fn not_ron_is_refused() {
    let err = load_text("{\"format_version\": 2, \"meta\": {}}");
    assert!(matches!(err, FileError::Syntax { .. }), "{err}");
    let err = load_text("<html><body>Not an appraisal</body></html>");
    assert!(matches!(err, FileError::Syntax { line: 1, .. }), "{err}");
}

#[test]
fn a_file_cut_off_part_way_says_it_ends_early() {
    let whole = library_text();
    for cut in [whole.len() / 3, whole.len() / 2, whole.len() - 3] {
        let err = load_text(&whole[..cut]);
        assert!(matches!(err, FileError::EndsEarly { .. }), "{err}");
        assert!(err.to_string().contains("the file ends early"), "{err}");
    }
    // A mistyped but whole file is not called cut off.
    assert!(!partnership_appraisal::storage::ends_early(&whole));
    assert!(partnership_appraisal::storage::ends_early(
        "(a: \"open string"
    ));
    assert!(!partnership_appraisal::storage::ends_early(
        "(a: \"a ( in a string\")"
    ));
}

#[test]
fn an_empty_file_is_refused() {
    assert!(matches!(load_text(""), FileError::Empty { .. }));
    assert!(matches!(load_text("  \n\t "), FileError::Empty { .. }));
}

#[test]
fn a_file_that_is_not_utf8_is_refused() {
    let mut bytes = library_text().into_bytes();
    bytes[40] = 0xff;
    let err = storage::parse_bytes(&bytes, "bad.ron").expect_err("refused");
    assert!(
        matches!(err, FileError::NotUtf8 { offset: 40, .. }),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        "bad.ron: not a text file (invalid UTF-8 at byte 40)"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.ron");
    let file = fs::File::create(&path).expect("create");
    // Sparse: no 16 MiB written to disk.
    file.set_len(MAX_FILE_BYTES + 1).expect("grow");
    let err = storage::load(&path).expect_err("refused");
    assert!(matches!(err, FileError::TooLarge { .. }), "{err}");
    assert!(
        err.to_string()
            .starts_with("huge.ron: the file is 16777217 bytes"),
        "{err}"
    );
}

#[test]
fn a_missing_file_is_named() {
    let err = storage::load(Path::new("/definitely/not/here.ron")).expect_err("refused");
    assert!(
        err.to_string()
            .starts_with("here.ron: cannot read the file"),
        "{err}"
    );
}

#[test]
fn a_newer_format_is_refused_with_a_clear_message() {
    let text = library_text().replacen("format_version: 3", "format_version: 7", 1);
    let err = load_text(&text);
    assert!(matches!(err, FileError::TooNew { found: 7, .. }));
    assert_eq!(
        err.to_string(),
        "bad.ron: this file is format version 7, made by a newer version of the app; this app reads versions 1 to 3"
    );
    let text = library_text().replacen("format_version: 3", "format_version: 0", 1);
    assert!(matches!(
        load_text(&text),
        FileError::UnknownVersion { found: 0, .. }
    ));
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(load_text(&text), FileError::Syntax { .. }));
}

#[test]
fn a_valid_file_with_bad_numbers_loads_but_will_not_compute() {
    let text = library_text().replacen(
        "(likely: 4200000.0, low: Some(4100000.0), high: Some(4450000.0))",
        "(likely: -4200000.0)",
        1,
    );
    let a = storage::parse_str(&text, "bad.ron").expect("syntax is fine");
    let err = appraise(&a).expect_err("refused");
    assert_eq!(
        err.0[0].to_string(),
        "Business as usual: annual running cost is negative"
    );
}

#[test]
fn an_unknown_field_inside_an_enum_variant_is_named() {
    let text = library_text().replacen(
        "client_side: (likely: 7.0),",
        "client_side: (likely: 7.0),\n        volunteers: (likely: 3.0),",
        1,
    );
    let err = load_text(&text).to_string();
    assert!(err.contains("volunteers"), "{err}");
}
