//! The committee-paper exports: each is well formed (a strict parser or a reader crate opens
//! it), names every option, and carries the same figures as `report --format json`.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx};
use partnership_appraisal::model::appraise;
use partnership_appraisal::report::{self, Report, svg};
use partnership_appraisal::storage;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/examples")
        .join(name)
}

fn library_report() -> (Report, serde_json::Value) {
    let a = storage::load(&example("library-service.ron")).expect("example loads");
    let r = appraise(&a).expect("valid");
    let built = report::build(&a, &r);
    let json: serde_json::Value =
        serde_json::from_str(&report::to_json(&built)).expect("JSON parses");
    (built, json)
}

fn html_doc(text: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(text, options).expect("the HTML is well formed")
}

fn by_id<'a>(doc: &'a roxmltree::Document<'a>, id: &str) -> roxmltree::Node<'a, 'a> {
    doc.descendants()
        .find(|n| n.attribute("id") == Some(id))
        .unwrap_or_else(|| panic!("no element with id {id}"))
}

/// The `data-value` numbers of each body row of a table, and the row's text.
fn rows(table: roxmltree::Node<'_, '_>) -> Vec<(String, Vec<f64>)> {
    table
        .descendants()
        .filter(|n| n.has_tag_name("tr") && n.ancestors().any(|a| a.has_tag_name("tbody")))
        .map(|tr| {
            let text: String = tr
                .descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect();
            let values = tr
                .children()
                .filter_map(|td| td.attribute("data-value"))
                .map(|v| v.parse::<f64>().expect("data-value is a number"))
                .collect();
            (text, values)
        })
        .collect()
}

fn num(v: &serde_json::Value) -> f64 {
    v.as_f64().expect("a number")
}

#[test]
fn the_html_report_parses_and_its_figures_are_the_json_figures() {
    let (built, json) = library_report();
    let html = report::to_html(&built);
    let doc = html_doc(&html);
    assert_eq!(doc.root_element().tag_name().name(), "html");

    // Every section a committee paper needs.
    for id in [
        "summary",
        "options",
        "ranking",
        "money",
        "weights",
        "scores",
        "robustness",
        "method",
    ] {
        by_id(&doc, id);
    }

    // Ranking rows in rank order with the JSON's exact scores.
    let mut by_rank: Vec<&serde_json::Value> = json["options"]
        .as_array()
        .expect("options")
        .iter()
        .collect();
    by_rank.sort_by_key(|o| o["rank"].as_u64());
    let ranking = rows(by_id(&doc, "ranking-table"));
    assert_eq!(ranking.len(), by_rank.len());
    for ((text, values), o) in ranking.iter().zip(&by_rank) {
        assert!(text.contains(o["name"].as_str().expect("name")), "{text}");
        assert_eq!(values[0], num(&o["rank"]));
        assert_eq!(values[1], num(&o["weighted_score"]));
        assert_eq!(values[2], num(&o["benefit_score"]));
        assert_eq!(values[3], num(&o["whole_life_cost_gbp"]));
    }

    // Both money tables, figure for figure.
    for (id, key) in [
        ("money-with-ob", "with_optimism_bias"),
        ("money-without-ob", "without_optimism_bias"),
    ] {
        let table = rows(by_id(&doc, id));
        assert_eq!(table.len(), by_rank.len(), "{id}");
        for ((text, values), o) in table
            .iter()
            .zip(json["options"].as_array().expect("options"))
        {
            assert!(text.contains(o["name"].as_str().expect("name")));
            let m = &o[key];
            assert_eq!(values[0], num(&m["pv_costs_gbp"]), "{id} {text}");
            assert_eq!(values[1], num(&m["pv_benefits_gbp"]));
            assert_eq!(values[2], num(&m["npsv_gbp"]));
            if let Some(bcr) = m["bcr"].as_f64() {
                assert_eq!(values[3], bcr);
            }
        }
    }

    // Every rationale is in the scoring tables.
    for o in json["options"].as_array().expect("options") {
        for s in o["scores"].as_array().expect("scores") {
            let rationale = s["rationale"].as_str().expect("text");
            if !rationale.is_empty() {
                assert!(
                    doc.descendants()
                        .any(|n| n.text() == Some(rationale) && n.has_tag_name("td")),
                    "missing rationale {rationale}"
                );
            }
        }
    }

    // Each group's weights, exactly.
    let groups = rows(by_id(&doc, "groups-weights"));
    assert_eq!(
        groups.len(),
        json["criteria"].as_array().expect("criteria").len()
    );
    let g = &json["groups"]["groups"];
    for (j, (_, values)) in groups.iter().enumerate() {
        for (k, group) in g.as_array().expect("groups").iter().enumerate() {
            assert_eq!(values[k], num(&group["normalised_weights"][j]));
        }
    }

    // Acceptability and the NPSV spread as in the JSON.
    let acceptability = rows(by_id(&doc, "acceptability-table"));
    let robust = json["robustness"]["options"].as_array().expect("SMAA ran");
    assert_eq!(acceptability.len(), robust.len());
    for ((_, values), o) in acceptability.iter().zip(robust) {
        for (k, a) in o["rank_acceptability"]
            .as_array()
            .expect("shares")
            .iter()
            .enumerate()
        {
            assert_eq!(values[k], num(a));
        }
    }
    let spread = rows(by_id(&doc, "npsv-spread-table"));
    assert_eq!(spread.len(), robust.len());
    for ((_, values), o) in spread.iter().zip(robust) {
        assert_eq!(values[0], num(&o["npsv_p10_gbp"]));
        assert_eq!(values[2], num(&o["npsv_p90_gbp"]));
        assert_eq!(values[3], num(&o["probability_npsv_positive"]));
    }

    // The charts are pictures inlined as PNG data, one per chart the report has, so a paste
    // into a word processor brings a picture; nothing is fetched.
    let pictures = doc
        .descendants()
        .filter(|n| {
            n.tag_name().name() == "img"
                && n.attribute("src")
                    .is_some_and(|s| s.starts_with("data:image/png;base64,"))
        })
        .count();
    assert_eq!(pictures, svg::charts(&built).len());
    assert_eq!(
        doc.descendants()
            .filter(|n| n.tag_name().name() == "svg")
            .count(),
        0
    );
    assert!(!html.contains("<script"));
    assert!(!html.contains("src=\"http"));
    // The method statement names the draws and the seed.
    let method: String = by_id(&doc, "method")
        .descendants()
        .filter_map(|n| n.text())
        .collect();
    let seed = json["robustness"]["seed"].as_u64().expect("seed");
    let draws = json["robustness"]["draws"].as_u64().expect("draws");
    assert!(method.contains(&format!("{draws} draws, seed {seed}")));
    assert!(method.contains("3.5% from year 0"), "{method}");
}

#[test]
fn text_that_looks_like_markup_is_escaped_in_every_export() {
    let mut a = storage::load(&example("library-service.ron")).expect("loads");
    a.options[1].name = "Trust <b>& \"friends\"".into();
    a.options[1]
        .rationale
        .insert("cost".into(), "Costs < £1m & \u{7} bell".into());
    let r = appraise(&a).expect("valid");
    let built = report::build(&a, &r);
    let html = report::to_html(&built);
    let doc = html_doc(&html);
    assert!(
        doc.descendants()
            .any(|n| n.text() == Some("Costs < £1m &  bell"))
    );
    for chart in svg::charts(&built) {
        roxmltree::Document::parse(&chart.svg).expect("SVG stays well formed");
    }
    // CSV quotes the field and doubles its quotes; Markdown escapes the angle brackets, so
    // they show as typed and never open raw HTML; the workbook gives it back exactly.
    assert!(report::to_csv(&built).contains("\"Trust <b>& \"\"friends\"\"\""));
    assert!(report::to_markdown(&built).contains("Trust \\<b\\>& \"friends\""));
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(report::to_xlsx(&built).expect("writes"))).expect("opens");
    let scores = book.worksheet_range("Scores").expect("Scores sheet");
    let m = built.criteria.len();
    assert_eq!(cell_text(&scores, 1 + m, 0), "Trust <b>& \"friends\"");
}

#[test]
fn hidden_group_weights_stay_out_of_every_export_until_revealed() {
    let mut a = storage::load(&example("library-service.ron")).expect("loads");
    a.groups[2].hidden = true;
    let r = appraise(&a).expect("valid");
    let built = report::build(&a, &r);
    let g = built.groups.as_ref().expect("groups");
    assert_eq!(g.hidden_groups, vec![a.groups[2].name.clone()]);
    assert_eq!(g.groups.len(), 2);
    assert!(g.combined.is_none() && g.weight_ranges.is_empty() && g.rank_ranges.is_empty());
    assert_eq!(
        g.agreement,
        "1 of 3 groups' weights are hidden: reveal them to compare."
    );
    let hidden = &a.groups[2].name;
    for (format, text) in [
        ("json", report::to_json(&built)),
        ("html", report::to_html(&built)),
        ("csv", report::to_csv(&built)),
        ("markdown", report::to_markdown(&built)),
    ] {
        let mentions = text.matches(hidden.as_str()).count();
        // JSON names it once, in hidden_groups; the others not at all.
        let expected = usize::from(format == "json");
        assert_eq!(mentions, expected, "{format}");
    }
    html_doc(&report::to_html(&built));
    // Revealed, it is back with the combined ranking.
    a.groups[2].hidden = false;
    let built = report::build(&a, &appraise(&a).expect("valid"));
    let g = built.groups.as_ref().expect("groups");
    assert!(g.hidden_groups.is_empty() && g.combined.is_some() && g.groups.len() == 3);
}

#[test]
fn every_svg_chart_parses_names_the_options_and_draws_their_figures() {
    let (built, _) = library_report();
    let charts = svg::charts(&built);
    let ids: Vec<&str> = charts.iter().map(|c| c.id).collect();
    assert_eq!(ids, svg::CHART_IDS);
    for chart in &charts {
        let doc = roxmltree::Document::parse(&chart.svg).expect("SVG parses");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        let texts: String = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join("|");
        if chart.id != "tornado" {
            for o in &built.options {
                assert!(texts.contains(&o.name), "{}: {}", chart.id, o.name);
            }
        }
    }

    // Bar lengths are the figures: in the value profile each option's segments add up to a
    // length in proportion to its weighted score.
    let profile = roxmltree::Document::parse(&charts[0].svg).expect("parses");
    let length = |name: &str| -> f64 {
        profile
            .descendants()
            .filter(|n| n.has_tag_name("rect"))
            .filter(|n| {
                n.children().any(|t| {
                    t.has_tag_name("title")
                        && t.text()
                            .is_some_and(|x| x.starts_with(&format!("{name}, ")))
                })
            })
            .map(|n| {
                n.attribute("width")
                    .and_then(|w| w.parse::<f64>().ok())
                    .expect("width")
            })
            .sum()
    };
    let first = &built.options[0];
    for o in &built.options[1..] {
        let expected = o.weighted_score / first.weighted_score;
        let drawn = length(&o.name) / length(&first.name);
        // Widths are written to 0.1 px.
        assert!(
            (drawn - expected).abs() < 0.01,
            "{}: {drawn} vs {expected}",
            o.name
        );
    }
}

fn cell_f64(range: &calamine::Range<Data>, row: usize, col: usize) -> f64 {
    match range.get((row, col)) {
        Some(Data::Float(x)) => *x,
        Some(Data::Int(x)) => *x as f64,
        other => panic!("no number at ({row}, {col}): {other:?}"),
    }
}

fn cell_text(range: &calamine::Range<Data>, row: usize, col: usize) -> String {
    match range.get((row, col)) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("no text at ({row}, {col}): {other:?}"),
    }
}

#[test]
fn the_workbook_opens_in_a_reader_and_holds_the_json_figures() {
    let (built, json) = library_report();
    let bytes = report::to_xlsx(&built).expect("writes");
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("opens as xlsx");
    assert_eq!(
        book.sheet_names(),
        report::XLSX_SHEETS.map(String::from).to_vec()
    );

    let money = book.worksheet_range("Money").expect("Money sheet");
    let options = json["options"].as_array().expect("options");
    let n = options.len();
    for (k, key) in ["with_optimism_bias", "without_optimism_bias"]
        .iter()
        .enumerate()
    {
        for (i, o) in options.iter().enumerate() {
            let row = 1 + k * n + i;
            assert_eq!(cell_text(&money, row, 0), o["name"].as_str().expect("name"));
            assert_eq!(cell_f64(&money, row, 2), num(&o[key]["pv_costs_gbp"]));
            assert_eq!(cell_f64(&money, row, 3), num(&o[key]["pv_benefits_gbp"]));
            assert_eq!(cell_f64(&money, row, 4), num(&o[key]["npsv_gbp"]));
        }
    }

    let ranking = book.worksheet_range("Ranking").expect("Ranking sheet");
    let mut by_rank: Vec<&serde_json::Value> = options.iter().collect();
    by_rank.sort_by_key(|o| o["rank"].as_u64());
    for (i, o) in by_rank.iter().enumerate() {
        assert_eq!(cell_f64(&ranking, i + 1, 0), num(&o["rank"]));
        assert_eq!(
            cell_text(&ranking, i + 1, 1),
            o["name"].as_str().expect("name")
        );
        assert_eq!(cell_f64(&ranking, i + 1, 3), num(&o["weighted_score"]));
    }

    let scores = book.worksheet_range("Scores").expect("Scores sheet");
    let m = json["criteria"].as_array().expect("criteria").len();
    for (i, o) in options.iter().enumerate() {
        for (j, s) in o["scores"].as_array().expect("scores").iter().enumerate() {
            let row = 1 + i * m + j;
            assert_eq!(cell_f64(&scores, row, 3), num(&s["score"]));
            assert_eq!(
                cell_text(&scores, row, 5),
                s["rationale"].as_str().unwrap_or("")
            );
        }
    }

    let robust = book
        .worksheet_range("Robustness")
        .expect("Robustness sheet");
    for (i, o) in json["robustness"]["options"]
        .as_array()
        .expect("SMAA")
        .iter()
        .enumerate()
    {
        assert_eq!(
            cell_f64(&robust, i + 1, 1),
            num(&o["rank_acceptability"][0])
        );
    }

    let groups = book.worksheet_range("Groups").expect("Groups sheet");
    let combined = &json["groups"]["combined"]["normalised_weights"];
    let k = json["groups"]["groups"].as_array().expect("groups").len();
    for j in 0..m {
        assert_eq!(cell_f64(&groups, j + 1, k + 1), num(&combined[j]));
    }
}

#[test]
fn csv_carries_each_groups_scores_and_ranks() {
    let (built, json) = library_report();
    let csv = report::to_csv(&built);
    let header: Vec<&str> = csv.lines().next().expect("header").split(',').collect();
    let first_group = json["groups"]["groups"][0]["name"].as_str().expect("name");
    let col = header
        .iter()
        .position(|h| *h == format!("{first_group} rank"))
        .expect("a rank column for the first group");
    let row1: Vec<&str> = csv.lines().nth(1).expect("row").split(',').collect();
    assert_eq!(
        row1[col].parse::<u64>().expect("rank"),
        json["groups"]["groups"][0]["ranks"][0]
            .as_u64()
            .expect("rank")
    );
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_partnership-appraisal"))
}

#[test]
fn the_command_line_writes_every_format() {
    let dir = tempfile::tempdir().expect("temp");
    let file = example("library-service.ron");
    let file = file.to_str().expect("utf8");
    let (built, _) = library_report();

    let html = dir.path().join("report.html");
    let out = bin()
        .args(["report", file, "--format", "html", "-o"])
        .arg(&html)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&html).expect("written"),
        report::to_html(&built)
    );

    let book = dir.path().join("tables.xlsx");
    let out = bin()
        .args(["report", file, "--format", "xlsx", "-o"])
        .arg(&book)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let opened: Xlsx<_> = calamine::open_workbook(&book).expect("opens");
    assert!(opened.sheet_names().contains(&"Money".to_string()));

    // A workbook is binary: it is never sent to the terminal.
    let out = bin()
        .args(["report", file, "--format", "xlsx"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o"));

    // One chart to standard output, every chart into a folder, an unknown one refused.
    let out = bin()
        .args(["report", file, "--format", "svg", "--chart", "tornado"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let tornado = svg::charts(&built)
        .into_iter()
        .find(|c| c.id == "tornado")
        .expect("tornado");
    assert_eq!(String::from_utf8_lossy(&out.stdout), tornado.svg);

    let charts = dir.path().join("charts");
    let out = bin()
        .args(["report", file, "--format", "svg", "-o"])
        .arg(&charts)
        .output()
        .expect("runs");
    assert!(out.status.success());
    for id in svg::CHART_IDS {
        assert!(charts.join(format!("{id}.svg")).exists(), "{id}");
    }

    let out = bin()
        .args(["report", file, "--format", "svg", "--chart", "pie"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("value-profile"));

    // --chart belongs to SVG, and a file name is not a folder for every chart.
    let out = bin()
        .args(["report", file, "--format", "html", "--chart", "tornado"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let out = bin()
        .args(["report", file, "--format", "svg", "-o"])
        .arg(dir.path().join("one.svg"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("one.svg").exists());
}

/// The number in an SVG attribute.
fn attr(n: roxmltree::Node<'_, '_>, name: &str) -> f64 {
    n.attribute(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no number in {name}"))
}

#[test]
fn switching_circles_sit_where_the_two_leaders_lines_cross_and_paths_end_in_npsv_order() {
    let (built, _) = library_report();
    let charts = svg::charts(&built);
    let sweeps = charts
        .iter()
        .find(|c| c.id == "weight-sweeps")
        .expect("sweeps");
    let doc = roxmltree::Document::parse(&sweeps.svg).expect("parses");
    let title = |n: roxmltree::Node<'_, '_>| -> String {
        n.children()
            .find(|t| t.has_tag_name("title"))
            .and_then(|t| t.text())
            .unwrap_or_default()
            .to_string()
    };
    let lines: Vec<roxmltree::Node<'_, '_>> = doc
        .descendants()
        .filter(|n| n.has_tag_name("line") && !title(*n).is_empty())
        .collect();
    let circles: Vec<roxmltree::Node<'_, '_>> = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .collect();
    let switches: usize = built
        .robustness
        .as_ref()
        .expect("robustness")
        .weight_switching
        .iter()
        .map(|w| w.switches.len())
        .sum();
    assert_eq!(circles.len(), switches);
    assert!(switches > 0);
    // Distance from a point to the line through a <line>, in pixels.
    let off = |l: roxmltree::Node<'_, '_>, x: f64, y: f64| {
        let (x1, y1, x2, y2) = (attr(l, "x1"), attr(l, "y1"), attr(l, "x2"), attr(l, "y2"));
        ((y2 - y1) * x - (x2 - x1) * y + x2 * y1 - y2 * x1).abs() / (y2 - y1).hypot(x2 - x1)
    };
    for c in circles {
        let (x, y) = (attr(c, "cx"), attr(c, "cy"));
        let t = title(c);
        // "At 0.139: Contracting out → Shared service"
        let (_, who) = t.split_once(": ").expect("a switch title");
        let (below, above) = who.split_once(" → ").expect("two leaders");
        for name in [below, above] {
            let on_line = lines
                .iter()
                .any(|l| title(*l).starts_with(&format!("{name}: ")) && off(*l, x, y) < 0.5);
            assert!(on_line, "{t}: not on {name}'s line");
        }
    }

    // Net benefit: one path per option, one point per year, ending lower on the page for
    // a lower NPSV.
    let net = charts
        .iter()
        .find(|c| c.id == "net-benefit")
        .expect("net benefit");
    let doc = roxmltree::Document::parse(&net.svg).expect("parses");
    let mut ends: Vec<(f64, f64)> = Vec::new();
    for (p, o) in doc
        .descendants()
        .filter(|n| n.has_tag_name("polyline"))
        .zip(&built.options)
    {
        let points: Vec<&str> = p.attribute("points").expect("points").split(' ').collect();
        assert_eq!(points.len() as u32, built.method.appraisal_period_years);
        let y: f64 = points
            .last()
            .and_then(|xy| xy.split(',').nth(1))
            .and_then(|v| v.parse().ok())
            .expect("y");
        ends.push((o.with_optimism_bias.npsv_gbp, y));
    }
    assert_eq!(ends.len(), built.options.len());
    for a in &ends {
        for b in &ends {
            if a.0 > b.0 + 1.0 {
                assert!(a.1 < b.1, "{a:?} should be above {b:?}");
            }
        }
    }
}

#[test]
fn the_line_charts_figures_agree_with_the_headline_figures() {
    let (_, json) = library_report();
    // Net benefit by year ends at the NPSV: the NPSV is the discounted net benefit summed
    // over the whole period.
    for o in json["options"].as_array().expect("options") {
        for key in ["with_optimism_bias", "without_optimism_bias"] {
            let m = &o[key];
            let path = m["cumulative_net_gbp"].as_array().expect("by year");
            assert_eq!(
                path.len() as u64,
                json["method"]["appraisal_period_years"]
                    .as_u64()
                    .expect("years")
            );
            let last = num(path.last().expect("a year"));
            assert!((last - num(&m["npsv_gbp"])).abs() < 1e-6 * num(&m["npsv_gbp"]).abs().max(1.0));
        }
    }
    // The sweep lines pass through each option's weighted score at today's weight, and the
    // two leaders' lines cross at every switching value.
    let options = json["options"].as_array().expect("options");
    for w in json["robustness"]["weight_switching"]
        .as_array()
        .expect("sweeps")
    {
        let t = num(&w["current_weight"]);
        let at = |i: usize, t: f64| {
            let z = num(&w["totals_at_zero"][i]);
            z + (num(&w["totals_at_one"][i]) - z) * t
        };
        for (i, o) in options.iter().enumerate() {
            assert!(
                (at(i, t) - num(&o["weighted_score"])).abs() < 1e-9,
                "{}",
                o["name"]
            );
        }
        let index = |name: &serde_json::Value| {
            options
                .iter()
                .position(|o| o["name"] == *name)
                .expect("an option")
        };
        for x in w["switches"].as_array().expect("switches") {
            let s = num(&x["weight"]);
            let (a, b) = (index(&x["leader_below"]), index(&x["leader_above"]));
            assert!((at(a, s) - at(b, s)).abs() < 1e-6, "{x}");
        }
    }
}

#[test]
fn every_export_carries_the_risk_register_the_risk_adjusted_money_and_the_flows() {
    let (built, json) = library_report();
    let trust = &json["options"][1];
    assert_eq!(trust["name"], "Community library trust");
    // The example's trust: 30% × £1,600,000 = £480,000 and 5% × £900,000 = £45,000.
    let expected: Vec<f64> = trust["risks"]
        .as_array()
        .expect("risks")
        .iter()
        .map(|r| r["expected_cost_gbp"].as_f64().expect("number"))
        .collect();
    assert_eq!(expected, vec![480_000.0, 45_000.0]);
    assert_eq!(trust["optimism_bias_reduction_pct"], 2.0);
    // The flows' present values add up to the headline (risk-adjusted) NPSV.
    let pv: f64 = trust["flows_by_year"]["present_value_gbp"]
        .as_array()
        .expect("flows")
        .iter()
        .map(|v| v.as_f64().expect("number"))
        .sum();
    let npsv = trust["risk_adjusted"]["npsv_gbp"].as_f64().expect("npsv");
    assert!((pv - npsv).abs() < 1e-6, "{pv} vs {npsv}");
    assert_eq!(trust["flows_by_year"]["basis"], "risk_adjusted");

    let md = report::to_markdown(&built);
    assert!(md.contains("## Risk register") && md.contains("Volunteer numbers fall short"));
    assert!(md.contains("## Money against business as usual, risk-adjusted"));
    assert!(md.contains("## Flows by year"));
    let html = report::to_html(&built);
    let doc = html_doc(&html);
    for id in [
        "risk-register",
        "money-risk-adjusted",
        "optimism-bias-table",
    ] {
        assert!(
            doc.descendants().any(|n| n.attribute("id") == Some(id)),
            "{id} in the HTML"
        );
    }
    // CSV: the trust's risk-adjusted NPSV column holds the JSON's figure, unrounded.
    let csv = report::to_csv(&built);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let col = header
        .iter()
        .position(|h| *h == "npsv_gbp_risk_adjusted")
        .expect("column");
    let row: Vec<&str> = lines
        .find(|l| l.starts_with("Community library trust,"))
        .expect("row")
        .split(',')
        .collect();
    assert_eq!(row[col].parse::<f64>().expect("number"), npsv);
    assert!(csv.contains("option,risk,probability_pct"));
    let bytes = report::to_xlsx(&built).expect("writes");
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("opens");
    let risks = book.worksheet_range("Risks").expect("Risks sheet");
    assert_eq!(
        risks.get((1, 8)),
        Some(&Data::Float(37_500.0)),
        "business as usual's vacancy risk first: 25% × £150,000"
    );
}

#[test]
fn hostile_names_are_defused_in_csv_the_clipboard_and_markdown() {
    let mut a = storage::load(&example("library-service.ron")).expect("loads");
    a.options[1].name = "=HYPERLINK(\"http://example.invalid\",\"Click\")".into();
    a.options[2].name = "+cmd|' /C calc'!A0".into();
    a.options[3].name = "@SUM(1+1)".into();
    a.options[4].name = "-2+3".into();
    a.options[1].rationale.insert(
        "cost".into(),
        "![x](http://example.invalid/a.png) [click](javascript:alert(1))".into(),
    );
    a.groups[0].name = "=1+1".into();
    assert!(partnership_appraisal::model::validate(&a).is_empty());
    let r = appraise(&a).expect("valid");
    let built = report::build(&a, &r);
    // CSV: every cell that would start a formula starts with an apostrophe instead, which
    // Excel and LibreOffice read as "this is text" and do not show.
    let csv = report::to_csv(&built);
    for line in csv.lines() {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '@']) || cell.parse::<f64>().is_ok(),
                "formula-like cell {cell:?} in {line:?}"
            );
        }
    }
    assert!(csv.contains("'=HYPERLINK("), "the name is kept, defused");
    assert!(
        csv.contains("'-2+3"),
        "a name that is not a number is defused too"
    );
    assert!(csv.contains("'=1+1 weighted_score"), "group names too");
    // Negative numbers stay numbers: the trust's first-year net benefit is negative.
    assert!(
        csv.lines().any(|l| l.contains(",-")),
        "a negative figure unquoted"
    );
    // The clipboard's tab-separated ranking, which Excel pastes into cells.
    let (_, tsv) = partnership_appraisal::app::export::ranking_table(&built);
    for cell in tsv.split(['\t', '\n']) {
        assert!(!cell.starts_with(['=', '+', '@', '-']), "{cell:?}");
    }
    // Markdown: no image can be fetched and no link formed from a name or a rationale.
    let md = report::to_markdown(&built);
    assert!(!md.contains("![x](http"), "an image");
    assert!(!md.contains("[click](javascript:"), "a link");
    assert!(md.contains("\\!\\[x\\]\\(http://example.invalid/a.png\\)"));
}

#[test]
fn names_that_hide_or_reorder_text_are_refused_and_shown_visibly() {
    let mut a = storage::load(&example("library-service.ron")).expect("loads");
    // U+202E RIGHT-TO-LEFT OVERRIDE makes "Trust\u{202E}gnp.exe" read as "Trustexe.png".
    a.options[1].name = "Trust\u{202E}gnp.exe".into();
    a.meta.title = "Library\u{200B}".into();
    let problems: Vec<String> = partnership_appraisal::model::validate(&a)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        problems.contains(&"Trust[U+202E]gnp.exe: the option name holds an invisible control character (U+202E) that can reorder or hide what a reader sees; retype it without: Trust[U+202E]gnp.exe".to_string()),
        "{problems:#?}"
    );
    assert!(problems.iter().any(|p| {
        p.starts_with("Appraisal: the title holds an invisible control character (U+200B)")
    }));
    assert!(
        problems.iter().all(|p| !p.contains('\u{202E}')),
        "never passed on silently"
    );
    assert!(appraise(&a).is_err());
}

#[test]
fn the_word_document_has_real_headings_repeating_header_rows_and_a_picture_per_chart() {
    use std::io::Read;
    let (built, json) = library_report();
    let bytes = report::to_docx(&built).expect("writes");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a .docx is a zip");
    let mut document = String::new();
    archive
        .by_name("word/document.xml")
        .expect("the body")
        .read_to_string(&mut document)
        .expect("utf-8");
    let mut styles = String::new();
    archive
        .by_name("word/styles.xml")
        .expect("styles")
        .read_to_string(&mut styles)
        .expect("utf-8");
    // Word's own heading styles, which a council template restyles.
    assert!(styles.contains(r#"w:styleId="Heading1""#) && styles.contains(r#"w:val="heading 1""#));
    assert!(document.contains(r#"<w:pStyle w:val="Heading1" />"#));
    assert!(document.contains(r#"<w:pStyle w:val="Heading2" />"#));
    // Every table's header row repeats across pages.
    let tables = document.matches("<w:tbl>").count();
    assert!(tables >= 8, "{tables} tables");
    assert_eq!(document.matches("<w:tblHeader />").count(), tables);
    // One picture per chart the report draws, each a PNG in the package.
    let charts = svg::charts(&built).len();
    assert_eq!(document.matches("<pic:pic").count(), charts);
    let pngs = (0..archive.len())
        .filter(|&k| {
            archive
                .by_index(k)
                .is_ok_and(|f| f.name().ends_with(".png"))
        })
        .count();
    assert_eq!(pngs, charts);
    // The figures are the JSON's: every option's name and headline NPSV as the report writes it.
    for o in json["options"].as_array().expect("options") {
        let name = o["name"].as_str().expect("name");
        assert!(document.contains(name), "{name}");
        let npsv = o["risk_adjusted"]["npsv_gbp"].as_f64().expect("npsv");
        let shown = partnership_appraisal::model::format::gbp(npsv);
        assert!(document.contains(&shown), "{name}: {shown}");
    }
}

#[test]
fn script_handlers_style_breakouts_and_javascript_urls_stay_text_in_html_and_svg() {
    let mut a = storage::load(&example("library-service.ron")).expect("loads");
    a.options[1].name = "<script>alert(1)</script>".into();
    a.options[2].name = "<img src=x onerror=alert(1)>".into();
    a.options[3].name = "</style><b>bold</b>".into();
    a.options[4].name = "<a href=\"javascript:alert(1)\">click</a>".into();
    let r = appraise(&a).expect("valid");
    let built = report::build(&a, &r);
    let html = report::to_html(&built);
    let doc = html_doc(&html);
    // Only the app's own elements: no script, no handler, no link, one style element.
    assert!(doc.descendants().all(|n| n.tag_name().name() != "script"));
    assert!(doc.descendants().all(|n| n.tag_name().name() != "a"));
    assert!(
        doc.descendants()
            .all(|n| n.attributes().all(|at| !at.name().starts_with("on")))
    );
    assert_eq!(
        doc.descendants()
            .filter(|n| n.tag_name().name() == "style")
            .count(),
        1
    );
    assert!(html.contains("&lt;/style&gt;&lt;b&gt;bold&lt;/b&gt;"));
    assert!(!html.contains("href=\"javascript:"));
    for chart in svg::charts(&built) {
        let svg = roxmltree::Document::parse(&chart.svg).expect("well formed");
        assert!(svg.descendants().all(|n| n.tag_name().name() != "script"));
        assert!(
            svg.descendants()
                .all(|n| n.attributes().all(|at| !at.name().starts_with("on")))
        );
    }
}
