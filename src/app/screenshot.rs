//! `--screenshot OUT.png`: draw the window a few frames, save it, close.

use std::path::PathBuf;

use eframe::egui;

/// Frames drawn before the picture is taken, so fonts and plot bounds have settled.
const SETTLE_FRAMES: u32 = 4;

pub struct Screenshot {
    out: PathBuf,
    frames_drawn: u32,
}

impl Screenshot {
    pub fn new(out: PathBuf) -> Self {
        Self {
            out,
            frames_drawn: 0,
        }
    }

    /// Call once a frame; asks for the picture once the window has settled.
    pub fn tick(&mut self, ctx: &egui::Context) {
        self.frames_drawn += 1;
        if self.frames_drawn == SETTLE_FRAMES {
            let out = self.out.clone();
            let close = ctx.clone();
            ctx.request_screenshot(move |image| {
                match super::launch::save_png(&image, &out) {
                    Ok(()) => eprintln!("wrote {}", out.display()),
                    Err(e) => eprintln!("partnership-appraisal: {e}"),
                }
                close.send_viewport_cmd(egui::ViewportCommand::Close);
            });
        }
        ctx.request_repaint();
    }
}
