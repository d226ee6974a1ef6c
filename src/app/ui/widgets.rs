//! Small input widgets shared by the cards and panels: every one has a visible label that
//! is also its accessible name, and a value box for typing an exact figure.

use eframe::egui::{self, Slider, SliderClamping, Ui};

use crate::model::Estimate;

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

/// A label on its own line, then a full-width slider with a value box; the label names
/// the slider for screen readers and tests.
fn labelled_slider(ui: &mut Ui, label: &str, slider: Slider<'_>) -> egui::Response {
    ui.label(label);
    let width = (ui.available_width() - 90.0).max(60.0);
    ui.spacing_mut().slider_width = width;
    ui.add(slider).accessible_name(label)
}

/// Money, £, from 0 to `max` on the slider; any figure can be typed in the box.
pub fn money_slider(ui: &mut Ui, label: &str, value: &mut f64, max: f64) -> egui::Response {
    // No step: a typed figure is kept to the pound; dragging lands on round values anyway.
    let slider = Slider::new(value, 0.0..=max)
        .clamping(SliderClamping::Never)
        .custom_formatter(|v, _| gbp_exact(v))
        .custom_parser(parse_gbp);
    labelled_slider(ui, label, slider)
}

/// A 0–10 rating in steps of 0.5.
pub fn rating_slider(ui: &mut Ui, label: &str, value: &mut f64) -> egui::Response {
    labelled_slider(
        ui,
        label,
        Slider::new(value, 0.0..=10.0)
            .step_by(0.5)
            .fixed_decimals(1),
    )
}

pub fn number_slider(
    ui: &mut Ui,
    label: &str,
    value: &mut f64,
    range: std::ops::RangeInclusive<f64>,
    step: f64,
    suffix: &str,
) -> egui::Response {
    let decimals = if step >= 1.0 { 0 } else { 1 };
    let slider = Slider::new(value, range)
        .clamping(SliderClamping::Never)
        .step_by(step)
        .fixed_decimals(decimals)
        .suffix(suffix.to_string());
    labelled_slider(ui, label, slider)
}

/// How an estimate's range is shown: as a note, or with fields to edit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeView {
    Note,
    Edit,
}

/// The central value of an estimate, kept inside its low–high range when it has one.
pub fn estimate_money(
    ui: &mut Ui,
    label: &str,
    estimate: &mut Estimate,
    max: f64,
    view: RangeView,
) {
    money_slider(ui, label, &mut estimate.likely, max);
    stretch_range(estimate);
    range_ui(ui, label, estimate, view, Kind::Money);
}

pub fn estimate_rating(ui: &mut Ui, label: &str, estimate: &mut Estimate, view: RangeView) {
    rating_slider(ui, label, &mut estimate.likely);
    stretch_range(estimate);
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
    stretch_range(estimate);
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
fn range_ui(ui: &mut Ui, label: &str, estimate: &mut Estimate, view: RangeView, kind: Kind) {
    match (view, estimate.low, estimate.high) {
        (RangeView::Note, Some(low), Some(high)) => {
            ui.small(format!("range {} – {}", kind.text(low), kind.text(high)));
        }
        (RangeView::Note, _, _) => {}
        (RangeView::Edit, Some(mut low), Some(mut high)) => {
            ui.horizontal_wrapped(|ui| {
                ui.small("low");
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
                ui.small("high");
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
                // Keep low ≤ likely ≤ high whatever is typed.
                estimate.low = Some(low.min(estimate.likely));
                estimate.high = Some(high.max(estimate.likely));
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

/// Moving the likely value past an end of its range takes that end with it, so a drag
/// never makes the appraisal invalid.
pub fn stretch_range(estimate: &mut Estimate) {
    if let (Some(low), Some(high)) = (estimate.low, estimate.high) {
        estimate.low = Some(low.min(estimate.likely));
        estimate.high = Some(high.max(estimate.likely));
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

/// A heading inside a card.
pub fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.separator();
    ui.strong(title);
}

#[cfg(test)]
mod tests {
    use super::*;

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
