//! Parts of a long scrolled view that lie well outside what is on screen are not laid out:
//! only the space they took when last drawn is kept, so the scroll bars stay true. The five
//! cards' lower sections are most of the main view's widgets, and most of them are scrolled
//! out of sight (measured: the frame with them left out takes 40% less).
//!
//! A part is always drawn when it has not been measured yet, when it comes within
//! `NEAR_SCREENS` screens of the visible area, and while `cull` is false: the caller turns
//! it off while the keyboard focus is inside the view, because Tab moves between the
//! widgets drawn last frame and must be able to reach every one.

use eframe::egui::{self, Id, Ui};

/// How near the visible area (in screens' height) a part is still drawn.
const NEAR_SCREENS: f32 = 0.5;

/// Draws `add` in its own scope, or only allocates its remembered height when it is far
/// from view. `key` must change whenever the part's layout changes for other reasons than
/// what is drawn in it (its width, or how many rows it has), so a stale height is not used.
pub fn unless_unseen(
    ui: &mut Ui,
    key: impl std::hash::Hash + std::fmt::Debug,
    cull: bool,
    add: impl FnOnce(&mut Ui),
) {
    let id = ui.scope_id().with(("unseen", key));
    let remembered: Option<f32> = ui.data(|d| d.get_temp(id));
    if cull && let Some(height) = remembered {
        let size = egui::vec2(ui.available_width(), height);
        let rect = egui::Rect::from_min_size(ui.cursor().min, size);
        let clip = ui.clip_rect();
        let near = clip.expand2(egui::vec2(0.0, clip.height() * NEAR_SCREENS));
        if !near.intersects(rect) {
            ui.allocate_space(size);
            return;
        }
    }
    let drawn = ui.scope(add).response.rect.height();
    if remembered != Some(drawn) {
        ui.data_mut(|d| d.insert_temp(id, drawn));
    }
}

/// The widget with the keyboard focus, as it was drawn in the last frame.
fn focused(ctx: &egui::Context) -> Option<egui::Response> {
    ctx.memory(|m| m.focused())
        .and_then(|id: Id| ctx.read_response(id))
}

/// Whether the widget with the keyboard focus lay inside `area` in the last frame.
pub fn focus_inside(ctx: &egui::Context, area: egui::Rect) -> bool {
    focused(ctx).is_some_and(|r| area.intersects(r.rect))
}

/// egui moves the focus on Tab but leaves a control scrolled out of sight where it is: at
/// the start of the next frame, before the scroll areas are drawn, bring the newly focused
/// one into view, so a keyboard user always sees what a key press will act on.
pub fn show_keyboard_focus(ctx: &egui::Context) {
    // egui moves the focus at the end of the frame that saw the Tab: act in the next one.
    let flag = Id::unique("tab pressed last frame");
    let tabbed = ctx.data(|d| d.get_temp::<bool>(flag)).unwrap_or(false);
    let tab_now = ctx.input(|i| i.key_pressed(egui::Key::Tab));
    ctx.data_mut(|d| d.insert_temp(flag, tab_now));
    if !tabbed {
        return;
    }
    if let Some(response) = focused(ctx) {
        response.scroll_to_me(None);
    }
}
