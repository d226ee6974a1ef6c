//! The command line, run as a user would run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use partnership_appraisal::model::appraise;
use partnership_appraisal::storage;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_partnership-appraisal"))
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/examples")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_passes_every_example() {
    // Counted in the files themselves: five options each; beside cost, capacity and social
    // value, library has risk and democratic control, waste risk, staff impact and
    // flexibility, HR risk, time to implement and service quality.
    for (name, criteria) in [
        ("library-service.ron", 5),
        ("waste-collection.ron", 6),
        ("hr-payroll.ron", 6),
    ] {
        let path = example(name);
        let out = run(&["check", path.to_str().expect("utf8")]);
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        assert_eq!(
            text(&out.stdout),
            format!("{name}: sound (5 options, {criteria} criteria)\n")
        );
        assert_eq!(text(&out.stderr), "");
    }
}

#[test]
fn check_lists_one_line_per_problem_and_fails() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("bad-numbers.ron");
    let body = storage::EXAMPLES[0]
        .1
        .replacen(
            "(likely: 4200000.0, low: Some(4100000.0), high: Some(4450000.0))",
            "(likely: -1.0)",
            1,
        )
        .replacen(
            "unmonetised_rating: (likely: 8.0)",
            "unmonetised_rating: (likely: 14.0)",
            1,
        );
    std::fs::write(&path, body).expect("write");
    let out = run(&["check", path.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        vec![
            "bad-numbers.ron: Business as usual: annual running cost is negative",
            "bad-numbers.ron: Community library trust: social value rating is 14, outside 0 to 10",
        ]
    );
}

#[test]
fn check_of_unreadable_input_never_panics() {
    let dir = tempfile::tempdir().expect("temp");
    let cases: [(&str, &[u8]); 4] = [
        ("empty.ron", b""),
        ("binary.ron", &[0u8, 159, 146, 150, 255, 0, 1]),
        ("truncated.ron", b"(format_version: 2, meta: (title: \"x\""),
        ("json.ron", b"{\"a\": 1}"),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let out = run(&["check", path.to_str().expect("utf8")]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = text(&out.stderr);
        assert!(stderr.starts_with(name), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "one clear line: {stderr}");
    }
}

#[test]
fn report_json_has_stable_keys_and_the_engine_figures() {
    let path = example("library-service.ron");
    let out = run(&["report", path.to_str().expect("utf8"), "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let a = storage::load(&path).expect("loads");
    let r = appraise(&a).expect("valid");
    assert_eq!(json["report_version"], 1);
    assert_eq!(
        json["preferred_option"],
        a.options[r.preferred].name.as_str()
    );
    assert_eq!(json["method"]["discount_schedule"][0]["rate_pct"], 3.5);
    assert_eq!(
        json["method"]["discount_factors"]
            .as_array()
            .expect("array")
            .len(),
        10
    );
    let options = json["options"].as_array().expect("array");
    assert_eq!(options.len(), 5);
    for (o, (opt, res)) in options.iter().zip(a.options.iter().zip(&r.options)) {
        assert_eq!(o["name"], opt.name.as_str());
        assert_eq!(o["rank"], res.rank);
        assert_eq!(o["weighted_score"].as_f64(), Some(res.weighted_score));
        for (key, m) in [
            ("with_optimism_bias", &res.with_optimism_bias),
            ("without_optimism_bias", &res.without_optimism_bias),
        ] {
            assert_eq!(o[key]["npsv_gbp"].as_f64(), Some(m.npsv_gbp));
            assert_eq!(o[key]["pv_costs_gbp"].as_f64(), Some(m.pv_costs_gbp));
            assert_eq!(o[key]["pv_benefits_gbp"].as_f64(), Some(m.pv_benefits_gbp));
            assert_eq!(o[key]["bcr"].as_f64(), m.bcr);
            assert_eq!(
                o[key]["payback_year"].as_u64(),
                m.payback_year.map(u64::from)
            );
        }
        let scores = o["scores"].as_array().expect("array");
        assert_eq!(scores.len(), a.criteria.len());
        assert_eq!(scores[0]["criterion_id"], "cost");
        assert!(
            scores[0]["rationale"]
                .as_str()
                .is_some_and(|s| !s.is_empty())
        );
    }
}

#[test]
fn report_markdown_and_csv_cover_every_option() {
    let path = example("library-service.ron");
    let a = storage::load(&path).expect("loads");
    let md = text(
        &run(&[
            "report",
            path.to_str().expect("utf8"),
            "--format",
            "markdown",
        ])
        .stdout,
    );
    assert!(md.starts_with("# Library services 2026"));
    assert!(md.contains("## Method"));
    let csv = text(&run(&["report", path.to_str().expect("utf8"), "--format", "csv"]).stdout);
    let rows: Vec<&str> = csv.lines().collect();
    assert!(rows[0].starts_with("option,kind,rank,weighted_score"));
    for (i, o) in a.options.iter().enumerate() {
        assert!(md.contains(&format!("### {}", o.name)), "{}", o.name);
        assert!(rows[i + 1].starts_with(&o.name), "{}", rows[i + 1]);
    }
    assert_eq!(rows[6], "", "a blank line before the method rows");
    assert_eq!(rows[7], "setting,value");
}

#[test]
fn report_writes_to_a_file_with_o() {
    let dir = tempfile::tempdir().expect("temp");
    let out_path = dir.path().join("report.json");
    let path = example("library-service.ron");
    let out = run(&[
        "report",
        path.to_str().expect("utf8"),
        "--format",
        "json",
        "-o",
        out_path.to_str().expect("utf8"),
    ]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_path).expect("written")).expect("json");
    assert_eq!(json["title"], "Library services 2026");
}

#[test]
fn report_of_a_bad_file_fails_with_its_message() {
    let out = run(&["report", "/no/such/file.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("file.ron: cannot read the file"));
}

#[test]
fn report_carries_the_robustness_findings_and_draws_and_seed_override_the_file() {
    let path = example("library-service.ron");
    let p = path.to_str().expect("utf8");
    let json = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["report", p, "--format", "json"];
        args.extend_from_slice(extra);
        let out = run(&args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let default = json(&[]);
    let rb = &default["robustness"];
    assert_eq!(rb["draws"], 10_000);
    assert_eq!(rb["seed"], 2026);
    assert_eq!(rb["options"].as_array().expect("options").len(), 5);
    assert_eq!(rb["weight_switching"].as_array().expect("sweeps").len(), 5);
    assert_eq!(rb["input_switching"].as_array().expect("inputs").len(), 4);
    assert!(
        rb["fragile_warnings"]
            .as_array()
            .is_some_and(|w| !w.is_empty())
    );
    let first = &rb["options"][3]["rank_acceptability"][0];
    assert!(first.as_f64().is_some_and(|x| (0.0..=1.0).contains(&x)));

    let custom = json(&["--draws", "2000", "--seed", "7"]);
    assert_eq!(custom["robustness"]["draws"], 2000);
    assert_eq!(custom["robustness"]["seed"], 7);
    assert_ne!(
        custom["robustness"]["options"],
        default["robustness"]["options"]
    );
    // Same file, same seed: the same figures, run after run.
    assert_eq!(json(&[])["robustness"], default["robustness"]);

    let md = text(&run(&["report", p, "--format", "markdown"]).stdout);
    assert!(md.contains("## How robust is the ranking?"));
    let csv = text(&run(&["report", p, "--format", "csv"]).stdout);
    assert!(
        csv.lines()
            .next()
            .is_some_and(|h| h.contains("acceptability_rank_1"))
    );
}

#[test]
fn older_files_give_the_same_figures_after_format_3() {
    // The JSON reports in tests/data/figures-before-format-3/ were written by the app at
    // format 2 (commit fbde6ce), before go-live, ramp-up and real growth existed. The three
    // examples as format 2 wrote them are kept in tests/data (the shipped examples have since
    // been given real timing and the NPSV criterion), with a format-1 file; all are migrated
    // on load, and every figure must be exactly what it was: the options' money, scores and
    // ranks, the robustness analysis, the groups, the discount factors.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in [
        "tests/data/format-2-library.ron",
        "tests/data/format-2-waste-collection.ron",
        "tests/data/format-2-hr-payroll.ron",
        "tests/data/format-1-leisure.ron",
    ] {
        let path = root.join(file);
        let stem = match path.file_stem().and_then(|s| s.to_str()).expect("name") {
            "format-2-library" => "library-service",
            other => other.strip_prefix("format-2-").unwrap_or(other),
        };
        let before_path = root.join(format!("tests/data/figures-before-format-3/{stem}.json"));
        let before: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&before_path).expect("reads"))
                .expect("json");
        let out = run(&["report", "--format", "json", path.to_str().expect("utf8")]);
        assert!(out.status.success(), "{file}: {}", text(&out.stderr));
        let after: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        for key in [
            "preferred_option",
            "criteria",
            "options",
            "robustness",
            "groups",
        ] {
            // Keys added since (the risk register, the flows by year) may appear; every key
            // the old report had must hold exactly the old value.
            assert_superset(&after[key], &before[key], &format!("{file}: {key}"));
        }
        assert_eq!(
            after["method"]["discount_factors"], before["method"]["discount_factors"],
            "{file}"
        );
    }
}

/// Whether `after` holds every key of `before` with the same value, recursively.
fn assert_superset(after: &serde_json::Value, before: &serde_json::Value, at: &str) {
    use serde_json::Value;
    match (after, before) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                let got = a.get(k).unwrap_or(&Value::Null);
                assert_superset(got, v, &format!("{at}.{k}"));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{at}: length changed");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                assert_superset(x, y, &format!("{at}[{i}]"));
            }
        }
        _ => assert_eq!(after, before, "{at} changed"),
    }
}
