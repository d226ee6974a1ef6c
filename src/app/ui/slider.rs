//! The app's own slider: the handle moves with the pointer (it does not jump under it), by
//! a step a councillor can follow; Shift makes the drag and the arrow keys ten times finer.
//! A box beside it takes an exact figure, beyond the slider's ends if need be. For screen
//! readers and tests it is an ordinary slider: it has a name, a value, bounds and a step, and
//! takes SetValue, Increment and Decrement.

use std::ops::RangeInclusive;

use eframe::egui::{
    self, Event, EventFilter, Id, Key, Modifiers, Response, Sense, Ui, WidgetInfo, accesskit,
};

/// How the slider moves and shows its value.
pub struct SliderSpec<'a> {
    /// The slider's ends; a typed value may lie beyond them.
    pub range: RangeInclusive<f64>,
    /// One arrow-key press, and the grain a drag lands on; Shift makes both ten times finer.
    pub step: f64,
    pub format: &'a dyn Fn(f64) -> String,
    pub parse: &'a dyn Fn(&str) -> Option<f64>,
    /// Width of the value box.
    pub box_width: f32,
}

/// Where a drag started: the value, and the pointer's x, so the drag is relative.
#[derive(Clone, Copy)]
struct DragStart {
    value: f64,
    pointer_x: f32,
}

const FINE: f64 = 0.1;
const PAGE_STEPS: f64 = 10.0;

fn round_to(value: f64, grain: f64) -> f64 {
    if grain > 0.0 {
        (value / grain).round() * grain
    } else {
        value
    }
}

/// A label on its own line, then the slider and its value box on the next. The label names
/// the slider for screen readers and tests.
pub fn slider(ui: &mut Ui, label: &str, value: &mut f64, spec: &SliderSpec<'_>) -> Response {
    ui.label(label);
    ui.horizontal(|ui| {
        let width = (ui.available_width() - spec.box_width - ui.spacing().item_spacing.x).max(60.0);
        let rail = rail_ui(ui, label, value, spec, width);
        let typed = ui
            .add(
                egui::DragValue::new(value)
                    .speed(spec.step)
                    .custom_formatter(|v, _| (spec.format)(v))
                    .custom_parser(|text| (spec.parse)(text))
                    .update_while_editing(false),
            )
            .on_hover_text("Type an exact figure")
            .accessible_name(format!("{label}, exact figure"));
        let mut response = rail.union(typed.clone());
        if typed.changed() {
            response.mark_changed();
        }
        response
    })
    .inner
}

fn rail_ui(
    ui: &mut Ui,
    label: &str,
    value: &mut f64,
    spec: &SliderSpec<'_>,
    width: f32,
) -> Response {
    let height = ui.spacing().interact_size.y;
    let (rect, mut response) =
        ui.allocate_exact_size(egui::vec2(width, height), Sense::click_and_drag());
    let (low, high) = (*spec.range.start(), *spec.range.end());
    let span = (high - low).max(f64::MIN_POSITIVE);
    let radius = (height / 2.5).min(9.0);
    let left = rect.left() + radius;
    let usable = (rect.width() - 2.0 * radius).max(1.0);
    let position_of = |v: f64| left + usable * (((v - low) / span).clamp(0.0, 1.0) as f32);
    let value_at = |x: f32| low + span * f64::from(((x - left) / usable).clamp(0.0, 1.0));
    let fine = ui.input(|i| i.modifiers.shift);
    let grain = if fine { spec.step * FINE } else { spec.step };
    let before = *value;
    let id = response.id;

    if response.drag_started()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        // Pressed on the rail away from the handle: the handle comes to the pointer first.
        if (pointer.x - position_of(*value)).abs() > radius * 1.5 {
            *value = round_to(value_at(pointer.x), grain);
        }
        let start = DragStart {
            value: *value,
            pointer_x: pointer.x,
        };
        ui.data_mut(|d| d.insert_temp(id, start));
    }
    if response.dragged()
        && let (Some(pointer), Some(start)) = (
            response.interact_pointer_pos(),
            ui.data(|d| d.get_temp::<DragStart>(id)),
        )
    {
        let per_point = span / f64::from(usable) * if fine { FINE } else { 1.0 };
        let moved = f64::from(pointer.x - start.pointer_x) * per_point;
        // A value typed beyond the ends stays reachable while dragging from it.
        let (floor, ceiling) = (low.min(start.value), high.max(start.value));
        *value = round_to(start.value + moved, grain).clamp(floor, ceiling);
    }
    if response.drag_stopped() {
        ui.data_mut(|d| d.remove::<DragStart>(id));
    }
    if response.clicked() {
        // A click takes the keyboard, so the arrow keys step it next, as on any slider.
        response.request_focus();
        // A click on the handle itself leaves the figure as it is; elsewhere it jumps there.
        if let Some(pointer) = response.interact_pointer_pos()
            && (pointer.x - position_of(*value)).abs() > radius * 1.5
        {
            *value = round_to(value_at(pointer.x), grain);
        }
    }
    if response.has_focus() {
        keyboard(ui, id, value, spec.step, low, high);
    }
    if let Some(requested) = set_value_request(ui, id) {
        *value = requested;
    }
    let steps = ui.input(|i| {
        i.num_accesskit_action_requests(id, accesskit::Action::Increment) as f64
            - i.num_accesskit_action_requests(id, accesskit::Action::Decrement) as f64
    });
    if steps != 0.0 {
        *value = round_to(*value + steps * spec.step, spec.step);
    }
    if *value != before {
        response.mark_changed();
    }

    let shown = *value;
    response.widget_info(|| WidgetInfo::slider(ui.is_enabled(), shown, label));
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_min_numeric_value(low);
        node.set_max_numeric_value(high);
        node.set_numeric_value_step(spec.step);
        node.add_action(accesskit::Action::SetValue);
        node.add_action(accesskit::Action::Increment);
        node.add_action(accesskit::Action::Decrement);
        node.set_value((spec.format)(shown));
    });
    paint(ui, &response, rect, position_of(shown), radius);
    response
}

/// Arrows step; Shift+arrows step a tenth; Page Up/Down ten steps; Home/End go to the ends.
fn keyboard(ui: &mut Ui, id: Id, value: &mut f64, step: f64, low: f64, high: f64) {
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            id,
            EventFilter {
                horizontal_arrows: true,
                ..Default::default()
            },
        );
    });
    let presses: Vec<(Key, Modifiers)> = ui.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => Some((*key, *modifiers)),
                _ => None,
            })
            .collect()
    });
    for (key, modifiers) in presses {
        let grain = if modifiers.shift { step * FINE } else { step };
        *value = match key {
            Key::ArrowRight | Key::ArrowUp => round_to(*value + grain, grain),
            Key::ArrowLeft | Key::ArrowDown => round_to(*value - grain, grain),
            Key::PageUp => round_to(*value + PAGE_STEPS * step, step),
            Key::PageDown => round_to(*value - PAGE_STEPS * step, step),
            Key::Home => low,
            Key::End => high,
            _ => continue,
        };
    }
}

fn set_value_request(ui: &Ui, id: Id) -> Option<f64> {
    ui.input(|i| {
        i.accesskit_action_requests(id, accesskit::Action::SetValue)
            .filter_map(|request| match request.data {
                Some(accesskit::ActionData::NumericValue(v)) => Some(v),
                _ => None,
            })
            .last()
    })
}

fn paint(ui: &Ui, response: &Response, rect: egui::Rect, handle_x: f32, radius: f32) {
    if !ui.is_rect_visible(rect) {
        return;
    }
    let visuals = ui.style().interact(response);
    let painter = ui.painter();
    let rail = egui::Rect::from_center_size(rect.center(), egui::vec2(rect.width(), 4.0));
    painter.rect_filled(rail, 2.0, ui.visuals().widgets.inactive.bg_fill);
    let filled = egui::Rect::from_min_max(rail.min, egui::pos2(handle_x, rail.max.y));
    painter.rect_filled(filled, 2.0, ui.visuals().selection.bg_fill);
    let centre = egui::pos2(handle_x, rect.center().y);
    painter.circle(centre, radius, visuals.bg_fill, visuals.fg_stroke);
    if response.has_focus() {
        painter.circle_stroke(centre, radius + 3.0, ui.visuals().selection.stroke);
    }
}

/// 1, 2 or 5 × a power of ten, the nearest at or below `x`: steps people can follow.
pub fn nice_step(x: f64) -> f64 {
    if x <= 0.0 || !x.is_finite() {
        return 1.0;
    }
    let magnitude = 10f64.powf(x.log10().floor());
    [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&v| v <= x)
        .unwrap_or(magnitude)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(21_000.0), 20_000.0);
        assert_eq!(nice_step(9_999.0), 5_000.0);
        assert_eq!(nice_step(1.0), 1.0);
        assert_eq!(nice_step(0.07), 0.05);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(round_to(4_213_000.0, 20_000.0), 4_220_000.0);
    }
}
