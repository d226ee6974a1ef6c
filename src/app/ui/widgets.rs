//! Small input widgets shared by the cards and panels: every one has a visible label that
//! is also its accessible name, and a value box for typing an exact figure.

use eframe::egui::{self, RichText, Ui};

use super::palette::warning_text;
use super::slider::{SliderSpec, nice_step, slider};
use crate::model::Estimate;
use crate::words::{self, inputs::RangeEnd};

/// £3,452,000: exact, as typed values should be shown.
pub fn gbp_exact(x: f64) -> String {
    let whole = x.abs().round() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if x < -0.5 {
        format!("−£{grouped}")
    } else {
        format!("£{grouped}")
    }
}

/// Reads money as officers type it: "£3,452,000", "3.45m", "350k", "350 000".
pub fn parse_gbp(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, '£' | ',' | ' ' | '_'))
        .collect::<String>()
        .to_ascii_lowercase();
    let (number, multiplier) = if let Some(n) = cleaned.strip_suffix("bn") {
        (n, 1e9)
    } else if let Some(n) = cleaned.strip_suffix('m') {
        (n, 1e6)
    } else if let Some(n) = cleaned.strip_suffix('k') {
        (n, 1e3)
    } else {
        (cleaned.as_str(), 1.0)
    };
    let value = number.replace('−', "-").parse::<f64>().ok()? * multiplier;
    value.is_finite().then_some(value)
}

/// A row of money as a spreadsheet copies it (cells split by tabs) or as typed with
/// semicolons: a blank cell is None (keep the method's figure). None if any cell is not a sum
/// of money of at least £0.
pub fn parse_money_row(text: &str) -> Option<Vec<Option<f64>>> {
    let text = text.trim_end_matches(['\n', '\r']);
    if text.trim().is_empty() {
        return Some(Vec::new());
    }
    text.split(['\t', ';'])
        .map(|cell| {
            let cell = cell.trim();
            if cell.is_empty() {
                Some(None)
            } else {
                parse_gbp(cell).filter(|v| *v >= 0.0).map(Some)
            }
        })
        .collect()
}

/// A row of money as the field shows it: "£60,000; ; £700,000".
pub fn money_row_text(row: &[Option<f64>]) -> String {
    row.iter()
        .map(|v| v.map_or_else(String::new, gbp_exact))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The ends and step of a money slider, set from the appraisal's own figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MoneySpan {
    pub low_gbp: f64,
    pub high_gbp: f64,
    pub step_gbp: f64,
}

impl MoneySpan {
    /// From `low` to `high`, in about 200 steps of a round figure.
    pub fn new(low_gbp: f64, high_gbp: f64) -> Self {
        let high_gbp = high_gbp.max(low_gbp + 1.0);
        Self {
            low_gbp,
            high_gbp,
            step_gbp: nice_step((high_gbp - low_gbp) / 200.0).max(1.0),
        }
    }
}

/// Money, £, across `span`; any figure can be typed in the box, kept to the pound.
pub fn money_slider(ui: &mut Ui, label: &str, value: &mut f64, span: MoneySpan) -> egui::Response {
    slider(
        ui,
        label,
        value,
        &SliderSpec {
            range: span.low_gbp..=span.high_gbp,
            step: span.step_gbp,
            format: &gbp_exact,
            parse: &parse_gbp,
            box_width: 92.0,
        },
    )
}

/// A 0–10 rating in steps of 0.5.
pub fn rating_slider(ui: &mut Ui, label: &str, value: &mut f64) -> egui::Response {
    number_slider(ui, label, value, 0.0..=10.0, 0.5, "")
}

pub fn number_slider(
    ui: &mut Ui,
    label: &str,
    value: &mut f64,
    range: std::ops::RangeInclusive<f64>,
    step: f64,
    suffix: &str,
) -> egui::Response {
    let decimals = if step >= 1.0 {
        0
    } else if step >= 0.1 {
        1
    } else {
        2
    };
    let format = |v: f64| format!("{v:.decimals$}{suffix}");
    let parse = |text: &str| {
        text.trim()
            .trim_end_matches(suffix.trim())
            .trim()
            .replace('−', "-")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
    };
    slider(
        ui,
        label,
        value,
        &SliderSpec {
            range,
            step,
            format: &format,
            parse: &parse,
            box_width: 64.0,
        },
    )
}

/// How an estimate's range is shown: as a note, or with fields to edit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeView {
    Note,
    Edit,
}

/// The central value of an estimate, and its low–high range beneath.
pub fn estimate_money(
    ui: &mut Ui,
    label: &str,
    estimate: &mut Estimate,
    span: MoneySpan,
    view: RangeView,
) {
    money_slider(ui, label, &mut estimate.likely, span);
    range_ui(ui, label, estimate, view, Kind::Money);
}

/// An exact sum of money in a box (drag, or type "350k"), never negative: for figures with
/// no natural slider span, such as one-offs and risk impacts.
pub fn money_field(ui: &mut Ui, value: &mut f64, name: &str) -> egui::Response {
    ui.add(
        egui::DragValue::new(value)
            .speed(1_000.0)
            .range(0.0..=f64::MAX)
            .custom_formatter(|v, _| gbp_exact(v))
            .custom_parser(parse_gbp),
    )
    .accessible_name(name)
}

/// An estimate of money as a box after a short `label`, with its low–high range under it as
/// `view` says; `name` is the longer accessible name that says whose figure it is.
pub fn estimate_money_field(
    ui: &mut Ui,
    label: &str,
    name: &str,
    estimate: &mut Estimate,
    view: RangeView,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(label);
        money_field(ui, &mut estimate.likely, name);
    });
    range_ui(ui, name, estimate, view, Kind::Money);
}

pub fn estimate_rating(ui: &mut Ui, label: &str, estimate: &mut Estimate, view: RangeView) {
    rating_slider(ui, label, &mut estimate.likely);
    range_ui(ui, label, estimate, view, Kind::Rating);
}

pub fn estimate_percent(
    ui: &mut Ui,
    label: &str,
    estimate: &mut Estimate,
    max: f64,
    view: RangeView,
) {
    number_slider(ui, label, &mut estimate.likely, 0.0..=max, 1.0, "%");
    range_ui(ui, label, estimate, view, Kind::Percent);
}

#[derive(Clone, Copy)]
enum Kind {
    Money,
    Rating,
    Percent,
}

impl Kind {
    fn text(self, x: f64) -> String {
        match self {
            Kind::Money => crate::model::format::gbp(x),
            Kind::Rating => format!("{x:.1}"),
            Kind::Percent => format!("{x:.0}%"),
        }
    }
}

/// The low–high range under a slider: a note, or low and high fields (with add / remove)
/// when ranges are being edited. A new range starts 20% either side of the likely value.
/// A likely value outside its range is said so, with an offer to widen it: a drag never
/// rewrites the range unasked (the draws stretch it to take the likely value meanwhile).
fn range_ui(ui: &mut Ui, label: &str, estimate: &mut Estimate, view: RangeView, kind: Kind) {
    if let (Some(low), Some(high)) = (estimate.low, estimate.high) {
        let likely = estimate.likely;
        if likely < low || likely > high {
            let (end, which) = if likely > high {
                (high, RangeEnd::High)
            } else {
                (low, RangeEnd::Low)
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(words::inputs::outside_range(
                        &kind.text(likely),
                        which,
                        &kind.text(end),
                    ))
                    .color(warning_text(ui.visuals())),
                );
                if ui
                    .small_button("Widen the range")
                    .on_hover_text("Move that end of the low–high range to this figure")
                    .accessible_name(format!("Widen the range of {}", label.to_lowercase()))
                    .clicked()
                {
                    estimate.low = Some(low.min(likely));
                    estimate.high = Some(high.max(likely));
                }
            });
        }
    }
    match (view, estimate.low, estimate.high) {
        (RangeView::Note, Some(low), Some(high)) => {
            ui.label(words::inputs::range_note(&kind.text(low), &kind.text(high)))
                .on_hover_text(
                    "The low and high values the robustness analysis draws this figure from",
                );
        }
        (RangeView::Note, _, _) => {}
        (RangeView::Edit, Some(mut low), Some(mut high)) => {
            ui.horizontal_wrapped(|ui| {
                ui.label("low");
                let speed = (estimate.likely.abs() * 0.005).max(0.05);
                fn drag(v: &mut f64, speed: f64, kind: Kind) -> egui::DragValue<'_> {
                    let d = egui::DragValue::new(v).speed(speed);
                    match kind {
                        Kind::Money => d
                            .custom_formatter(|v, _| gbp_exact(v))
                            .custom_parser(parse_gbp),
                        Kind::Rating => d.range(0.0..=10.0).fixed_decimals(1),
                        Kind::Percent => d.suffix("%").fixed_decimals(0),
                    }
                }
                ui.add(drag(&mut low, speed, kind))
                    .accessible_name(format!("{label} low"));
                ui.label("high");
                ui.add(drag(&mut high, speed, kind))
                    .accessible_name(format!("{label} high"));
                if ui
                    .small_button("no range")
                    .on_hover_text("Treat this figure as certain")
                    .clicked()
                {
                    estimate.low = None;
                    estimate.high = None;
                    return;
                }
                // Low never above high, whatever is typed.
                estimate.low = Some(low.min(high));
                estimate.high = Some(high.max(low));
            });
        }
        (RangeView::Edit, _, _) => {
            if ui
                .small_button("add a range")
                .on_hover_text("Give a low and a high value for the robustness analysis")
                .accessible_name(format!("add a range to {}", label.to_lowercase()))
                .clicked()
            {
                let spread = estimate.likely.abs() * 0.2;
                let (floor, ceiling) = match kind {
                    Kind::Rating => (0.0, 10.0),
                    _ => (0.0, f64::INFINITY),
                };
                estimate.low = Some((estimate.likely - spread).max(floor));
                estimate.high = Some((estimate.likely + spread).min(ceiling));
            }
        }
    }
}

/// One line of rationale for a score. Stored only once the user types something, so that
/// looking at an empty box does not count as a change.
pub fn rationale_edit(
    ui: &mut Ui,
    rationale: &mut std::collections::BTreeMap<String, String>,
    criterion_id: &str,
    criterion_name: &str,
) {
    let mut text = rationale.get(criterion_id).cloned().unwrap_or_default();
    let response = ui.add(
        egui::TextEdit::multiline(&mut text)
            .desired_rows(1)
            .desired_width(f32::INFINITY)
            .hint_text(format!("Why this {} score?", criterion_name.to_lowercase())),
    );
    let response = response.accessible_name(format!("Rationale for {criterion_name}"));
    if response.changed() {
        if text.trim().is_empty() {
            rationale.remove(criterion_id);
        } else {
            rationale.insert(criterion_id.to_string(), text);
        }
    }
}

/// `name` cut to `max` characters with an ellipsis, for tight columns and axis labels.
pub fn short_name(name: &str, max: usize) -> String {
    if name.chars().count() > max {
        format!(
            "{}…",
            name.chars().take(max.saturating_sub(1)).collect::<String>()
        )
    } else {
        name.to_string()
    }
}

/// A small square in an option's colour: colour on marks, never on text.
pub fn swatch(ui: &mut Ui, colour: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
}

/// Starts a new row of a wrapped layout when an item `width` points wide would not fit on
/// this one. A group of widgets (a swatch and its label) is placed as a whole, so wrapping
/// cannot leave it hanging off the edge, as egui's wrapping of single widgets would.
pub fn wrap_for(ui: &mut Ui, width: f32) {
    let (cursor, row) = (ui.cursor().left(), ui.max_rect().x_range());
    if cursor > row.min + 0.5 && cursor + width > row.max {
        ui.end_row();
    }
}

/// The width a text takes in a button, with its padding.
pub fn button_width(ui: &Ui, text: &str) -> f32 {
    let galley = ui.painter().layout_no_wrap(
        text.to_string(),
        egui::TextStyle::Button.resolve(ui.style()),
        egui::Color32::PLACEHOLDER,
    );
    galley.size().x + 2.0 * ui.spacing().button_padding.x
}

/// The width a text takes as a plain label.
pub fn label_width(ui: &Ui, text: &str) -> f32 {
    let galley = ui.painter().layout_no_wrap(
        text.to_string(),
        egui::TextStyle::Body.resolve(ui.style()),
        egui::Color32::PLACEHOLDER,
    );
    galley.size().x
}

/// A heading inside a card.
/// A list of percentages typed as "50, 80": kept as typed while the field has the focus
/// (so a trailing comma is not rewritten away), shown in its tidy form otherwise.
pub fn percent_list_field(ui: &mut Ui, label: &str, values: &mut Vec<f64>, max_len: usize) {
    ui.label(label);
    let id = ui.make_persistent_id(("percent list", label));
    let tidy = words::inputs::percent_list(values);
    let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_else(|| tidy.clone());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text("e.g. 50, 80")
                .desired_width(f32::INFINITY),
        )
        .on_hover_text(words::glossary::RAMP_UP)
        .accessible_name(label);
    // Only a list the method can use is taken, so one slip while typing ("150") never
    // blanks every result: the field says what it needs instead.
    let parsed = words::inputs::parse_percent_list(&text)
        .filter(|list| list.len() <= max_len && list.iter().all(|v| (0.0..=100.0).contains(v)));
    if response.changed()
        && let Some(list) = &parsed
    {
        values.clone_from(list);
    }
    if let Some(note) = words::inputs::falling_ramp(values) {
        ui.label(RichText::new(note).color(warning_text(ui.visuals())));
    }
    if parsed.is_none() {
        ui.label(
            RichText::new(words::inputs::percent_list_help(max_len))
                .color(warning_text(ui.visuals())),
        );
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
}

pub fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.separator();
    ui.strong(title);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spreadsheet_row_pastes_into_years() {
        // Excel copies a row of cells as tab-separated text, a blank cell as nothing.
        assert_eq!(
            parse_money_row("£60,000\t\t700000\r\n"),
            Some(vec![Some(60_000.0), None, Some(700_000.0)])
        );
        assert_eq!(
            parse_money_row("350k; ; 1.2m"),
            Some(vec![Some(350_000.0), None, Some(1_200_000.0)])
        );
        assert_eq!(parse_money_row(""), Some(vec![]));
        assert_eq!(parse_money_row("£5\tabc"), None);
        assert_eq!(parse_money_row("-5"), None, "a cost is never negative");
        assert_eq!(
            money_row_text(&[Some(60_000.0), None, Some(700_000.0)]),
            "£60,000; ; £700,000"
        );
    }

    #[test]
    fn money_is_typed_and_shown_as_officers_write_it() {
        assert_eq!(gbp_exact(3_452_000.0), "£3,452,000");
        assert_eq!(gbp_exact(999.4), "£999");
        assert_eq!(gbp_exact(-12_000.0), "−£12,000");
        assert_eq!(parse_gbp("£3,452,000"), Some(3_452_000.0));
        assert_eq!(parse_gbp("3.45m"), Some(3_450_000.0));
        assert_eq!(parse_gbp("350k"), Some(350_000.0));
        assert_eq!(parse_gbp("350 000"), Some(350_000.0));
        assert_eq!(parse_gbp("lots"), None);
        assert_eq!(parse_gbp("1e400"), None);
    }
}
