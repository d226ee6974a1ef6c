//! The report's charts as SVG: drawn from the [`Report`] alone, so every bar is a figure the
//! JSON carries, in the option colours the window uses. Plain SVG 1.1 with no scripts or
//! external references, so it pastes into Word and inlines into the HTML report.

use std::fmt::Write;

use super::{OptionReport, Report, escape_xml};
use crate::model::format::{gbp, ordinal};
use crate::palette::{Rgb, hex, shade_towards_white};

/// One chart of the report.
#[derive(Debug, Clone)]
pub struct Chart {
    /// Stable name, used for file names and `--chart`.
    pub id: &'static str,
    pub title: String,
    pub svg: String,
}

/// The ids `charts` can produce, in report order (robustness charts need their figures).
pub const CHART_IDS: [&str; 8] = [
    "value-profile",
    "net-benefit",
    "benefit-cost",
    "financial-case",
    "weight-sweeps",
    "acceptability",
    "npsv-spread",
    "tornado",
];

const WIDTH: f64 = 720.0;
const ROW: f64 = 34.0;
const BAR: f64 = 20.0;
const TOP: f64 = 16.0;
const FONT: &str = "Segoe UI, Helvetica, Arial, sans-serif";
const TEXT: &str = "#1A1A1A";
const GRID: &str = "#D0D0D0";

/// Every chart the report's figures allow, in report order.
pub fn charts(report: &Report) -> Vec<Chart> {
    let mut out = vec![
        value_profile(report),
        net_benefit(report),
        benefit_against_cost(report),
    ];
    if let Some(fc) = report.financial_case.as_ref() {
        out.push(financial_case(report, fc));
    }
    if let Some(rb) = report.robustness.as_ref() {
        if !rb.weight_switching.is_empty() {
            out.push(weight_sweeps(report));
        }
        if !rb.options.is_empty() {
            out.push(acceptability(report));
            out.push(npsv_spread(report));
        }
        if !rb.tornado.is_empty() {
            out.push(tornado(report));
        }
    }
    out
}

fn colour(option: &OptionReport) -> Rgb {
    let c = option.colour.trim_start_matches('#');
    let byte = |k: usize| u8::from_str_radix(c.get(k..k + 2).unwrap_or("88"), 16).unwrap_or(0x88);
    [byte(0), byte(2), byte(4)]
}

/// Round steps (1, 2 or 5 × 10^k) covering lo..hi with about `n` intervals.
pub fn nice_ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    let span = hi - lo;
    if !span.is_finite() || span <= 0.0 || n == 0 {
        return vec![lo];
    }
    let raw = span / n as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).floor() as i64;
    let last = (hi / step).ceil() as i64;
    (first..=last).map(|k| k as f64 * step).collect()
}

/// A horizontal chart: one labelled row per item, a value axis along the bottom.
struct Rows {
    svg: String,
    label_width: f64,
    lo: f64,
    hi: f64,
    rows: usize,
}

impl Rows {
    fn new(title: &str, labels: &[String], lo: f64, hi: f64) -> (Self, Vec<f64>) {
        let ticks = nice_ticks(lo.min(0.0), hi.max(0.0), 5);
        let lo = ticks.first().copied().unwrap_or(0.0);
        // All values equal (all zero, say): still a scale, never a division by zero.
        let hi = ticks
            .last()
            .copied()
            .filter(|h| *h > lo)
            .unwrap_or(lo + 1.0);
        let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let label_width = (longest as f64 * 7.0 + 16.0).clamp(110.0, 300.0);
        let mut rows = Self {
            svg: String::new(),
            label_width,
            lo,
            hi,
            rows: labels.len(),
        };
        rows.svg = svg_open(title, rows.axis_y() + 60.0);
        for (i, label) in labels.iter().enumerate() {
            let y = rows.row_mid(i) + 4.5;
            let _ = write!(
                rows.svg,
                r#"<text x="{:.1}" y="{y:.1}" text-anchor="end" fill="{TEXT}">{}</text>"#,
                label_width - 8.0,
                escape_xml(label)
            );
        }
        rows.axis(&ticks);
        (rows, ticks)
    }

    fn row_mid(&self, i: usize) -> f64 {
        TOP + ROW * i as f64 + ROW / 2.0
    }

    fn axis_y(&self) -> f64 {
        TOP + ROW * self.rows as f64
    }

    fn x(&self, v: f64) -> f64 {
        let right = WIDTH - 70.0;
        self.label_width + (v - self.lo) / (self.hi - self.lo) * (right - self.label_width)
    }

    fn axis(&mut self, ticks: &[f64]) {
        let bottom = self.axis_y();
        for &t in ticks {
            let x = self.x(t);
            let _ = write!(
                self.svg,
                r#"<line x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{bottom:.1}" stroke="{GRID}" stroke-width="1"/>"#
            );
        }
        let _ = write!(
            self.svg,
            r#"<line x1="{:.1}" y1="{bottom:.1}" x2="{:.1}" y2="{bottom:.1}" stroke="{TEXT}" stroke-width="1"/>"#,
            self.label_width,
            self.x(self.hi)
        );
    }

    fn tick_labels(&mut self, ticks: &[f64], format: impl Fn(f64) -> String) {
        let y = self.axis_y() + 18.0;
        for &t in ticks {
            let _ = write!(
                self.svg,
                r#"<text x="{:.1}" y="{y:.1}" text-anchor="middle" fill="{TEXT}">{}</text>"#,
                self.x(t),
                escape_xml(&format(t))
            );
        }
    }

    /// A bar from `a` to `b` in row `i`, with a tooltip.
    fn bar(&mut self, i: usize, a: f64, b: f64, fill: Rgb, tip: &str) {
        let (x0, x1) = (self.x(a.min(b)), self.x(a.max(b)));
        // A bar too thin to see is left out: a zero-width rect draws nothing anyway, and a
        // rasteriser warns about it on the command line.
        if x1 - x0 < 0.05 {
            return;
        }
        let y = self.row_mid(i) - BAR / 2.0;
        let _ = write!(
            self.svg,
            r#"<rect x="{x0:.1}" y="{y:.1}" width="{:.1}" height="{BAR}" fill="{}" stroke="white" stroke-width="0.5"><title>{}</title></rect>"#,
            (x1 - x0).max(0.0),
            hex(fill),
            escape_xml(tip)
        );
    }

    fn value_label(&mut self, i: usize, at: f64, text: &str) {
        let _ = write!(
            self.svg,
            r#"<text x="{:.1}" y="{:.1}" fill="{TEXT}">{}</text>"#,
            self.x(at) + 6.0,
            self.row_mid(i) + 4.5,
            escape_xml(text)
        );
    }

    fn vertical(&mut self, at: f64, dashed: bool) {
        let x = self.x(at);
        let dash = if dashed {
            r#" stroke-dasharray="5 4""#
        } else {
            ""
        };
        let _ = write!(
            self.svg,
            r#"<line x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{:.1}" stroke="{TEXT}" stroke-width="1.5"{dash}/>"#,
            self.axis_y()
        );
    }

    fn caption(mut self, axis_title: &str, note: &str) -> String {
        let y = self.axis_y() + 38.0;
        let _ = write!(
            self.svg,
            r#"<text x="{:.1}" y="{y:.1}" text-anchor="middle" fill="{TEXT}" font-weight="bold">{}</text>"#,
            (self.label_width + self.x(self.hi)) / 2.0,
            escape_xml(axis_title)
        );
        let _ = write!(
            self.svg,
            r#"<text x="8" y="{:.1}" fill="{TEXT}" font-size="11">{}</text></svg>"#,
            y + 18.0,
            escape_xml(note)
        );
        self.svg
    }
}

fn value_profile(report: &Report) -> Chart {
    let title = "Where each option's weighted score comes from".to_string();
    // In rank order, as in the ranking table beside it.
    let by_rank = report.options_by_rank();
    let labels: Vec<String> = by_rank.iter().map(|o| o.name.clone()).collect();
    let (mut rows, ticks) = Rows::new(&title, &labels, 0.0, 100.0);
    let m = report.criteria.len();
    for (i, o) in by_rank.iter().enumerate() {
        let mut at = 0.0;
        for (j, (s, c)) in o.scores.iter().zip(&report.criteria).enumerate() {
            let tip = format!(
                "{}, {}: score {:.1} × weight {:.1}% = {:.1}",
                o.name,
                c.name,
                s.score,
                c.normalised_weight * 100.0,
                s.weighted_contribution
            );
            rows.bar(
                i,
                at,
                at + s.weighted_contribution,
                shade_towards_white(colour(o), j, m),
                &tip,
            );
            at += s.weighted_contribution;
        }
        rows.value_label(
            i,
            at,
            &format!("{:.1} ({})", o.weighted_score, ordinal(o.rank)),
        );
    }
    rows.tick_labels(&ticks, |t| format!("{t:.0}"));
    let order: Vec<&str> = report.criteria.iter().map(|c| c.name.as_str()).collect();
    let svg = rows.caption(
        "Weighted score (0–100)",
        &format!("Segments, darkest first: {}.", order.join(", ")),
    );
    Chart {
        id: "value-profile",
        title,
        svg,
    }
}

fn benefit_against_cost(report: &Report) -> Chart {
    let title = "Benefit score against whole-life cost".to_string();
    let height = 420.0;
    let (left, right, top, bottom) = (90.0, WIDTH - 30.0, 20.0, height - 70.0);
    let costs: Vec<f64> = report
        .options
        .iter()
        .map(|o| o.whole_life_cost_gbp)
        .collect();
    let lo = costs.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = costs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // A little room either side so the end points are not on the frame.
    let pad = ((hi - lo) * 0.1).max(hi.abs() * 0.05).max(1.0);
    let xt = nice_ticks(lo - pad, hi + pad, 5);
    let (x_lo, x_hi) = (xt[0], xt[xt.len() - 1]);
    let x = |v: f64| left + (v - x_lo) / (x_hi - x_lo) * (right - left);
    let y = |v: f64| bottom - v / 100.0 * (bottom - top);
    let mut s = svg_open(&title, height);
    for &t in &xt {
        let _ = write!(
            s,
            r#"<line x1="{0:.1}" y1="{top}" x2="{0:.1}" y2="{bottom}" stroke="{GRID}"/><text x="{0:.1}" y="{1:.1}" text-anchor="middle" fill="{TEXT}">{2}</text>"#,
            x(t),
            bottom + 18.0,
            escape_xml(&gbp(t))
        );
    }
    for t in (0..=5).map(|k| f64::from(k) * 20.0) {
        let _ = write!(
            s,
            r#"<line x1="{left}" y1="{0:.1}" x2="{right}" y2="{0:.1}" stroke="{GRID}"/><text x="{1:.1}" y="{2:.1}" text-anchor="end" fill="{TEXT}">{t:.0}</text>"#,
            y(t),
            left - 6.0,
            y(t) + 4.5
        );
    }
    let mut frontier: Vec<&OptionReport> = report
        .options
        .iter()
        .filter(|o| o.on_efficient_frontier)
        .collect();
    frontier.sort_by(|a, b| a.whole_life_cost_gbp.total_cmp(&b.whole_life_cost_gbp));
    if frontier.len() > 1 {
        let points: Vec<String> = frontier
            .iter()
            .map(|o| format!("{:.1},{:.1}", x(o.whole_life_cost_gbp), y(o.benefit_score)))
            .collect();
        let _ = write!(
            s,
            r#"<polyline points="{}" fill="none" stroke="{TEXT}" stroke-width="1.5" stroke-dasharray="6 4"/>"#,
            points.join(" ")
        );
    }
    // Each label takes the first of a few places beside its point (right, left, then a
    // line lower or higher) that clears the points and the labels already placed, so
    // options with near-equal figures stay readable.
    let points: Vec<(f64, f64)> = report
        .options
        .iter()
        .map(|o| (x(o.whole_life_cost_gbp), y(o.benefit_score)))
        .collect();
    let mut placed: Vec<[f64; 4]> = points
        .iter()
        .map(|&(px, py)| [px - 8.0, px + 8.0, py - 8.0, py + 8.0])
        .collect();
    let overlaps = |b: &[f64; 4], placed: &[[f64; 4]]| {
        placed
            .iter()
            .any(|p| b[0] < p[1] && p[0] < b[1] && b[2] < p[3] && p[2] < b[3])
    };
    let mut order: Vec<&OptionReport> = report.options.iter().collect();
    order.sort_by(|a, b| b.benefit_score.total_cmp(&a.benefit_score));
    for o in order {
        let (px, py) = (x(o.whole_life_cost_gbp), y(o.benefit_score));
        let _ = write!(
            s,
            r#"<circle cx="{px:.1}" cy="{py:.1}" r="7" fill="{}" stroke="{TEXT}" stroke-width="1"><title>{}</title></circle>"#,
            hex(colour(o)),
            escape_xml(&format!(
                "{}: whole-life cost {}, benefit score {:.1}",
                o.name,
                gbp(o.whole_life_cost_gbp),
                o.benefit_score
            ))
        );
        let width = o.name.chars().count() as f64 * 7.0;
        let candidates = [0.0, 15.0, -15.0, 30.0, -30.0]
            .into_iter()
            .flat_map(|dy| [(true, dy), (false, dy)]);
        let mut chosen = None;
        for (right, dy) in candidates {
            let (x0, x1) = if right {
                (px + 11.0, px + 11.0 + width)
            } else {
                (px - 11.0 - width, px - 11.0)
            };
            let b = [x0, x1, py + dy - 6.0, py + dy + 6.0];
            if x0 >= 4.0 && x1 <= WIDTH - 4.0 && !overlaps(&b, &placed) {
                chosen = Some((right, dy, b));
                break;
            }
        }
        // Crowded everywhere: to the right of the point, as it comes.
        let (right, dy, b) = chosen.unwrap_or((
            true,
            0.0,
            [px + 11.0, px + 11.0 + width, py - 6.0, py + 6.0],
        ));
        placed.push(b);
        let (lx, anchor) = if right {
            (px + 11.0, "start")
        } else {
            (px - 11.0, "end")
        };
        let _ = write!(
            s,
            r#"<text x="{lx:.1}" y="{:.1}" text-anchor="{anchor}" fill="{TEXT}">{}</text>"#,
            py + dy + 4.5,
            escape_xml(&o.name)
        );
    }
    let _ = write!(
        s,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-weight="bold" fill="{TEXT}">Whole-life cost (present value)</text><text x="16" y="{:.1}" transform="rotate(-90 16 {:.1})" text-anchor="middle" font-weight="bold" fill="{TEXT}">Benefit score (0–100)</text><text x="8" y="{:.1}" font-size="11" fill="{TEXT}">Dashed line: the efficient frontier (no other option gives more benefit for less cost).</text></svg>"#,
        (left + right) / 2.0,
        bottom + 38.0,
        (top + bottom) / 2.0,
        (top + bottom) / 2.0,
        bottom + 58.0
    );
    Chart {
        id: "benefit-cost",
        title,
        svg: s,
    }
}

fn acceptability(report: &Report) -> Chart {
    let title = "How often each option comes first (darkest), second, …".to_string();
    let Some(rb) = report.robustness.as_ref() else {
        return empty_chart("acceptability", title);
    };
    let labels: Vec<String> = rb.options.iter().map(|o| o.name.clone()).collect();
    let (mut rows, ticks) = Rows::new(&title, &labels, 0.0, 100.0);
    for (i, (o, opt)) in rb.options.iter().zip(&report.options).enumerate() {
        let n = o.rank_acceptability.len();
        let mut at = 0.0;
        for (k, share) in o.rank_acceptability.iter().enumerate() {
            let pct = share * 100.0;
            let tip = format!(
                "{}: ranked {} in {pct:.1}% of draws",
                o.name,
                ordinal(k as u32 + 1)
            );
            rows.bar(
                i,
                at,
                at + pct,
                shade_towards_white(colour(opt), k, n),
                &tip,
            );
            at += pct;
        }
        let first = o.rank_acceptability.first().copied().unwrap_or(0.0);
        rows.value_label(i, 100.0, &format!("first {:.0}%", first * 100.0));
    }
    rows.tick_labels(&ticks, |t| format!("{t:.0}%"));
    let svg = rows.caption(
        "Share of draws",
        &format!(
            "{} random draws over {} (any agreed bounds kept) and of the uncertain inputs, seed {}; each share ±{:.1} percentage points.",
            rb.draws,
            rb.weightings,
            rb.seed,
            rb.acceptability_margin * 100.0
        ),
    );
    Chart {
        id: "acceptability",
        title,
        svg,
    }
}

fn npsv_spread(report: &Report) -> Chart {
    let title = "NPSV across the uncertain inputs (P10 to P90, P50 marked)".to_string();
    let Some(rb) = report.robustness.as_ref() else {
        return empty_chart("npsv-spread", title);
    };
    let labels: Vec<String> = rb.options.iter().map(|o| o.name.clone()).collect();
    let lo = rb
        .options
        .iter()
        .map(|o| o.npsv_p10_gbp)
        .fold(0.0, f64::min);
    let hi = rb
        .options
        .iter()
        .map(|o| o.npsv_p90_gbp)
        .fold(0.0, f64::max);
    let (mut rows, ticks) = Rows::new(&title, &labels, lo, hi);
    rows.vertical(0.0, true);
    for (i, (o, opt)) in rb.options.iter().zip(&report.options).enumerate() {
        let c = colour(opt);
        rows.bar(
            i,
            o.npsv_p10_gbp,
            o.npsv_p90_gbp,
            shade_towards_white(c, 1, 3),
            &format!(
                "{}: P10 {}, P50 {}, P90 {}",
                o.name,
                gbp(o.npsv_p10_gbp),
                gbp(o.npsv_p50_gbp),
                gbp(o.npsv_p90_gbp)
            ),
        );
        let x = rows.x(o.npsv_p50_gbp);
        let y = rows.row_mid(i);
        let _ = write!(
            rows.svg,
            r#"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="{}" stroke-width="4"/>"#,
            y - BAR / 2.0 - 3.0,
            y + BAR / 2.0 + 3.0,
            hex(c)
        );
        rows.value_label(
            i,
            rows.hi,
            &format!("{:.0}% > 0", o.probability_npsv_positive * 100.0),
        );
    }
    rows.tick_labels(&ticks, gbp);
    let svg = rows.caption(
        "Net present social value against business as usual",
        "Bar: 10th to 90th percentile of NPSV over the draws; thick mark: the median; dashed line: zero. Right: chance NPSV is above zero.",
    );
    Chart {
        id: "npsv-spread",
        title,
        svg,
    }
}

fn tornado(report: &Report) -> Chart {
    let title = format!("What moves the NPSV of {} most", report.preferred_option);
    let Some(rb) = report.robustness.as_ref() else {
        return empty_chart("tornado", title);
    };
    let bars: Vec<_> = rb.tornado.iter().take(8).collect();
    let preferred = report.preferred();
    let base = preferred.map_or(0.0, |o| report.headline(o).npsv_gbp);
    let labels: Vec<String> = bars
        .iter()
        .map(|t| format!("{}: {}", t.option, t.input))
        .collect();
    let lo = bars
        .iter()
        .map(|t| {
            t.preferred_npsv_at_low_gbp
                .min(t.preferred_npsv_at_high_gbp)
        })
        .fold(base, f64::min);
    let hi = bars
        .iter()
        .map(|t| {
            t.preferred_npsv_at_low_gbp
                .max(t.preferred_npsv_at_high_gbp)
        })
        .fold(base, f64::max);
    let (mut rows, ticks) = Rows::new(&title, &labels, lo, hi);
    let c = preferred.map_or([0x88; 3], colour);
    for (i, t) in bars.iter().enumerate() {
        rows.bar(
            i,
            base,
            t.preferred_npsv_at_low_gbp,
            shade_towards_white(c, 2, 3),
            &format!(
                "{} at its low value: NPSV {}",
                labels[i],
                gbp(t.preferred_npsv_at_low_gbp)
            ),
        );
        rows.bar(
            i,
            base,
            t.preferred_npsv_at_high_gbp,
            c,
            &format!(
                "{} at its high value: NPSV {}",
                labels[i],
                gbp(t.preferred_npsv_at_high_gbp)
            ),
        );
    }
    rows.vertical(base, false);
    rows.tick_labels(&ticks, gbp);
    let svg = rows.caption(
        &format!("NPSV of {}", report.preferred_option),
        &format!(
            "Each input at its low (pale) and high (full colour) value, the others at their likely values; line: NPSV now, {}.",
            gbp(base)
        ),
    );
    Chart {
        id: "tornado",
        title,
        svg,
    }
}

/// A plotting area with linear scales, for line charts.
struct Axes {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

impl Axes {
    fn x(&self, v: f64) -> f64 {
        self.left + (v - self.x0) / (self.x1 - self.x0) * (self.right - self.left)
    }

    fn y(&self, v: f64) -> f64 {
        self.bottom - (v - self.y0) / (self.y1 - self.y0) * (self.bottom - self.top)
    }

    /// Grid lines and tick labels on both axes.
    fn grid(
        &self,
        out: &mut String,
        xt: &[f64],
        yt: &[f64],
        xf: impl Fn(f64) -> String,
        yf: impl Fn(f64) -> String,
    ) {
        for &t in xt {
            let _ = write!(
                out,
                r#"<line x1="{0:.1}" y1="{1:.1}" x2="{0:.1}" y2="{2:.1}" stroke="{GRID}"/><text x="{0:.1}" y="{3:.1}" text-anchor="middle" fill="{TEXT}">{4}</text>"#,
                self.x(t),
                self.top,
                self.bottom,
                self.bottom + 16.0,
                escape_xml(&xf(t))
            );
        }
        for &t in yt {
            let _ = write!(
                out,
                r#"<line x1="{0:.1}" y1="{1:.1}" x2="{2:.1}" y2="{1:.1}" stroke="{GRID}"/><text x="{3:.1}" y="{4:.1}" text-anchor="end" fill="{TEXT}">{5}</text>"#,
                self.left,
                self.y(t),
                self.right,
                self.left - 6.0,
                self.y(t) + 4.5,
                escape_xml(&yf(t))
            );
        }
    }
}

/// The opening tag, title and white background of a chart `height` high.
fn svg_open(title: &str, height: f64) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="{FONT}" font-size="13" role="img"><title>{}</title><rect width="{WIDTH}" height="{height}" fill="white"/>"#,
        escape_xml(title)
    )
}

/// One row of colour swatches and option names, wrapping onto a second row if needed.
fn legend(out: &mut String, report: &Report, y: f64) -> f64 {
    let (mut x, mut y) = (16.0, y);
    for o in &report.options {
        let width = 28.0 + o.name.chars().count() as f64 * 7.0;
        if x + width > WIDTH - 8.0 {
            x = 16.0;
            y += 18.0;
        }
        let _ = write!(
            out,
            r#"<rect x="{x:.1}" y="{:.1}" width="16" height="4" fill="{}"/><text x="{:.1}" y="{:.1}" fill="{TEXT}">{}</text>"#,
            y - 6.0,
            hex(colour(o)),
            x + 20.0,
            y,
            escape_xml(&o.name)
        );
        x += width;
    }
    y
}

/// The axes of a chart of money by year, `height` tall with room beneath for the axis label
/// and a legend: years 0 … `years`−1 across, £ from `lo` to `hi` (rounded out) up the side.
/// Returns the axes and their year and £ ticks.
fn money_by_year_axes(years: f64, lo: f64, hi: f64, height: f64) -> (Axes, Vec<f64>, Vec<f64>) {
    let yt = nice_ticks(lo, hi, 5);
    let xt = nice_ticks(0.0, years - 1.0, 8);
    let axes = Axes {
        left: 90.0,
        right: WIDTH - 24.0,
        top: 16.0,
        bottom: height - 96.0,
        x0: 0.0,
        x1: (years - 1.0).max(1.0),
        y0: yt[0],
        y1: yt[yt.len() - 1].max(yt[0] + 1.0),
    };
    (axes, xt, yt)
}

fn net_benefit(report: &Report) -> Chart {
    let title = "Cumulative discounted net benefit against business as usual".to_string();
    let height = 400.0; // of the plot and its axis; the legend below adds what it needs
    let years = report.method.appraisal_period_years.max(1) as f64;
    let values = report
        .options
        .iter()
        .flat_map(|o| report.headline(o).cumulative_net_gbp.iter().copied());
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (axes, xt, yt) = money_by_year_axes(years, lo, hi, height);
    let mut s = String::new();
    axes.grid(
        &mut s,
        &xt.iter()
            .copied()
            .filter(|t| *t <= years - 1.0)
            .collect::<Vec<_>>(),
        &yt,
        |t| {
            report
                .method
                .financial_years
                .get(t as usize)
                .cloned()
                .unwrap_or_default()
        },
        gbp,
    );
    for o in &report.options {
        let m = report.headline(o);
        let points: Vec<String> = m
            .cumulative_net_gbp
            .iter()
            .enumerate()
            .map(|(t, v)| format!("{:.1},{:.1}", axes.x(t as f64), axes.y(*v)))
            .collect();
        let last = m.cumulative_net_gbp.last().copied().unwrap_or(0.0);
        let _ = write!(
            s,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="3"><title>{}</title></polyline>"#,
            points.join(" "),
            hex(colour(o)),
            escape_xml(&format!(
                "{}: {} by year {}",
                o.name,
                gbp(last),
                years - 1.0
            ))
        );
    }
    // Drawn over the lines: business as usual sits on zero and would hide it.
    let _ = write!(
        s,
        r#"<line x1="{0:.1}" y1="{1:.1}" x2="{2:.1}" y2="{1:.1}" stroke="{TEXT}" stroke-width="1.5" stroke-dasharray="5 4"/>"#,
        axes.left,
        axes.y(0.0),
        axes.right
    );
    let _ = write!(
        s,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-weight="bold" fill="{TEXT}">Financial year</text>"#,
        (axes.left + axes.right) / 2.0,
        axes.bottom + 34.0
    );
    let y = legend(&mut s, report, axes.bottom + 58.0);
    let _ = write!(
        s,
        r#"<text x="8" y="{:.1}" font-size="11" fill="{TEXT}">Above zero (dashed line) the option has paid back its costs against business as usual ({} optimism bias).</text></svg>"#,
        y + 20.0,
        if report.method.optimism_bias_applied_to_ranking {
            "with"
        } else {
            "without"
        }
    );
    Chart {
        id: "net-benefit",
        svg: svg_open(&title, y + 30.0) + &s,
        title,
    }
}

/// Each option's revenue cost in cash by financial year, against the budget (business as
/// usual's, dashed) and the budget less the savings target (dotted).
fn financial_case(report: &Report, fc: &super::FinancialCaseReport) -> Chart {
    let title = "Can the council afford it? Revenue cost in cash by financial year".to_string();
    let height = 400.0;
    let years = fc.financial_years.len().max(1) as f64;
    let needed: Vec<(usize, f64)> = (0..fc.target_gbp.len())
        .filter(|&t| fc.target_gbp[t] > 0.0)
        .map(|t| (t, fc.budget_gbp[t] - fc.target_gbp[t]))
        .collect();
    let values = fc
        .options
        .iter()
        .flat_map(|o| o.revenue_gbp.iter().copied())
        .chain(fc.budget_gbp.iter().copied())
        .chain(needed.iter().map(|(_, v)| *v));
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let (lo, hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 1.0) };
    let (axes, xt, yt) = money_by_year_axes(years, lo, hi, height);
    let labels = fc.financial_years.clone();
    let mut s = String::new();
    axes.grid(
        &mut s,
        &xt.iter()
            .copied()
            .filter(|t| *t <= years - 1.0 && t.fract() == 0.0)
            .collect::<Vec<_>>(),
        &yt,
        |t| labels.get(t as usize).cloned().unwrap_or_default(),
        gbp,
    );
    let line = |s: &mut String, points: &[(usize, f64)], stroke: &str, dash: &str, tip: &str| {
        let p: Vec<String> = points
            .iter()
            .map(|(t, v)| format!("{:.1},{:.1}", axes.x(*t as f64), axes.y(*v)))
            .collect();
        let _ = write!(
            s,
            r#"<polyline points="{}" fill="none" stroke="{stroke}" stroke-width="3"{dash}><title>{}</title></polyline>"#,
            p.join(" "),
            escape_xml(tip)
        );
    };
    for (o, f) in report.options.iter().zip(&fc.options) {
        if o.kind == "Business as usual" {
            continue;
        }
        let points: Vec<(usize, f64)> = f.revenue_gbp.iter().copied().enumerate().collect();
        line(&mut s, &points, &hex(colour(o)), "", &f.sentence);
    }
    let budget: Vec<(usize, f64)> = fc.budget_gbp.iter().copied().enumerate().collect();
    line(
        &mut s,
        &budget,
        TEXT,
        r#" stroke-dasharray="8 5""#,
        crate::words::finance::BUDGET_LINE,
    );
    if !needed.is_empty() {
        line(
            &mut s,
            &needed,
            TEXT,
            r#" stroke-dasharray="2 4""#,
            crate::words::finance::TARGET_LINE,
        );
    }
    let _ = write!(
        s,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-weight="bold" fill="{TEXT}">Financial year (cash, not discounted)</text>"#,
        (axes.left + axes.right) / 2.0,
        axes.bottom + 34.0
    );
    let y = legend(&mut s, report, axes.bottom + 58.0);
    let _ = write!(
        s,
        r#"<text x="8" y="{:.1}" font-size="11" fill="{TEXT}">{}</text></svg>"#,
        y + 20.0,
        crate::words::finance::CHART_KEY
    );
    Chart {
        id: "financial-case",
        svg: svg_open(&title, y + 30.0) + &s,
        title,
    }
}

/// One small panel per criterion: each option's weighted score as that weight goes from 0
/// to 1 (straight lines), today's weight and the switching values marked.
fn weight_sweeps(report: &Report) -> Chart {
    let title = "Who leads as one weight changes".to_string();
    let Some(rb) = report.robustness.as_ref() else {
        return empty_chart("weight-sweeps", title);
    };
    let (cols, panel_w, panel_h) = (2usize, WIDTH / 2.0, 230.0);
    let rows = rb.weight_switching.len().div_ceil(cols);
    let mut s = String::new();
    for (k, (w, c)) in rb.weight_switching.iter().zip(&report.criteria).enumerate() {
        let (px, py) = ((k % cols) as f64 * panel_w, (k / cols) as f64 * panel_h);
        let axes = Axes {
            left: px + 50.0,
            right: px + panel_w - 20.0,
            top: py + 30.0,
            bottom: py + panel_h - 44.0,
            x0: 0.0,
            x1: 1.0,
            y0: 0.0,
            y1: 100.0,
        };
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}" font-weight="bold" fill="{TEXT}">{}</text>"#,
            axes.left,
            py + 18.0,
            escape_xml(&format!("{} (now {:.2})", c.name, w.current_weight))
        );
        axes.grid(
            &mut s,
            &[0.0, 0.25, 0.5, 0.75, 1.0],
            &[0.0, 50.0, 100.0],
            |t| format!("{t:.2}"),
            |t| format!("{t:.0}"),
        );
        for (o, (z, one)) in report
            .options
            .iter()
            .zip(w.totals_at_zero.iter().zip(&w.totals_at_one))
        {
            let _ = write!(
                s,
                r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{}" stroke-width="2.5"><title>{}</title></line>"#,
                axes.x(0.0),
                axes.y(*z),
                axes.x(1.0),
                axes.y(*one),
                hex(colour(o)),
                escape_xml(&format!(
                    "{}: {z:.1} with {} at 0, {one:.1} at 1",
                    o.name, c.name
                ))
            );
        }
        let _ = write!(
            s,
            r#"<line x1="{0:.1}" y1="{1:.1}" x2="{0:.1}" y2="{2:.1}" stroke="{TEXT}" stroke-width="1.5" stroke-dasharray="4 3"/>"#,
            axes.x(w.current_weight),
            axes.top,
            axes.bottom
        );
        for x in &w.switches {
            // Where the two leaders' lines cross: the switching value.
            let i = report
                .options
                .iter()
                .position(|o| o.name == x.leader_above)
                .unwrap_or(0);
            let (z, one) = (
                w.totals_at_zero.get(i).copied().unwrap_or(0.0),
                w.totals_at_one.get(i).copied().unwrap_or(0.0),
            );
            let total = z + (one - z) * x.weight;
            let _ = write!(
                s,
                r#"<circle cx="{:.1}" cy="{:.1}" r="5" fill="white" stroke="{TEXT}" stroke-width="2"><title>{}</title></circle>"#,
                axes.x(x.weight),
                axes.y(total),
                escape_xml(&format!(
                    "At {:.3}: {} → {}",
                    x.weight, x.leader_below, x.leader_above
                ))
            );
        }
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="11" fill="{TEXT}">weight of {}</text>"#,
            (axes.left + axes.right) / 2.0,
            axes.bottom + 30.0,
            escape_xml(&c.name)
        );
    }
    let y = legend(&mut s, report, rows as f64 * panel_h + 16.0);
    let _ = write!(
        s,
        r#"<text x="8" y="{:.1}" font-size="11" fill="{TEXT}">Weighted score (0–100) of each option as one weight goes from 0 to 1, the others keeping their proportions.</text><text x="8" y="{:.1}" font-size="11" fill="{TEXT}">Dashed line: the weight now. Circles: where the leader changes (the switching values).</text></svg>"#,
        y + 20.0,
        y + 35.0
    );
    Chart {
        id: "weight-sweeps",
        svg: svg_open(&title, y + 45.0) + &s,
        title,
    }
}

fn empty_chart(id: &'static str, title: String) -> Chart {
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="40" font-family="{FONT}" font-size="13"><text x="8" y="24">No figures for this chart.</text></svg>"#
    );
    Chart { id, title, svg }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(
            nice_ticks(0.0, 100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        // Span 2.53m in 5 steps is 506k a step: the next round step is 1m.
        let t = nice_ticks(-130_000.0, 2_400_000.0, 5);
        assert_eq!(t, vec![-1e6, 0.0, 1e6, 2e6, 3e6]);
        let t = nice_ticks(-130_000.0, 1_900_000.0, 5);
        assert_eq!(t.first().copied(), Some(-500_000.0));
        assert_eq!(t.last().copied(), Some(2_000_000.0));
        assert_eq!(nice_ticks(3.0, 3.0, 5), vec![3.0]);
    }
}
