//! The zoom on a scaled screen. Windows display scaling (125% or 150% on a laptop, often on a
//! projector) already enlarges everything: an egui point is then 1.25 or 1.5 pixels. The
//! app's own zoom multiplies on top of that, and preferences roam with `%APPDATA%`, so a zoom
//! of 150% chosen at a desk monitor would, on a 1366×768 laptop at 150% scaling, draw text at
//! 225% in a window too small to hold the panels. The zoom used is therefore lowered, never
//! below 100%, until the screen holds the app's smallest window; the user's choice is kept
//! for the next, larger, screen. The operating system's scaling itself is never undone.
//! Plain arithmetic on sizes: the same on every platform.

/// The smallest window the layout is made for, in points (the window's minimum size).
pub const MIN_WINDOW_POINTS: [f32; 2] = [900.0, 560.0];

/// Room kept on the screen for the taskbar and the title bar, in points.
pub const FRAME_POINTS: f32 = 80.0;

/// The zoom to draw with: `chosen`, or less if the monitor — `monitor_points` is its size in
/// points at zoom 1, i.e. its pixels over the system's scale — would then hold less than the
/// smallest window. Never below 1 (the system's own scale) and never above `chosen`.
pub fn zoom_for_screen(chosen: f32, monitor_points: Option<[f32; 2]>) -> f32 {
    let Some([width, height]) = monitor_points else {
        return chosen;
    };
    if !(width > 0.0 && height > FRAME_POINTS) {
        return chosen;
    }
    let room = (width / MIN_WINDOW_POINTS[0]).min((height - FRAME_POINTS) / MIN_WINDOW_POINTS[1]);
    chosen.min(room.max(1.0))
}

/// The monitor the window is on, in points at zoom 1, if the windowing system says.
pub fn monitor_points(ctx: &eframe::egui::Context) -> Option<[f32; 2]> {
    // egui gives the monitor in points at the current zoom.
    let size = ctx.input(|i| i.viewport().monitor_size)? * ctx.zoom_factor();
    Some([size.x, size.y])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_big_screen_keeps_the_chosen_zoom() {
        // 1920×1080 at 100%: 1920/900 = 2.13 and (1080 − 80)/560 = 1.79 of room.
        assert_eq!(zoom_for_screen(1.5, Some([1920.0, 1080.0])), 1.5);
        assert_eq!(zoom_for_screen(1.0, None), 1.0);
    }

    #[test]
    fn a_laptop_at_150_percent_drops_the_extra_zoom_but_keeps_the_systems() {
        // 1366×768 pixels at 150% is 910.7×512 points: (512 − 80)/560 = 0.77 of room, so the
        // zoom falls to 1, the system's own 150%, not to 0.77.
        assert_eq!(zoom_for_screen(1.5, Some([1366.0 / 1.5, 768.0 / 1.5])), 1.0);
        // 1920×1080 at 150% is 1280×720 points: room (720 − 80)/560 = 1.142857.
        let z = zoom_for_screen(1.5, Some([1280.0, 720.0]));
        assert!((z - 640.0 / 560.0).abs() < 1e-6, "{z}");
        // A smaller zoom than the room is left alone.
        assert_eq!(zoom_for_screen(0.9, Some([1280.0, 720.0])), 0.9);
    }

    #[test]
    fn nonsense_sizes_change_nothing() {
        assert_eq!(zoom_for_screen(1.25, Some([0.0, 0.0])), 1.25);
        assert_eq!(zoom_for_screen(1.25, Some([f32::NAN, 700.0])), 1.25);
    }
}
