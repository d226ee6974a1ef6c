//! Starting the window: wgpu by default, glow if wgpu cannot start (an old laptop, a remote
//! desktop without a GPU), either forced by flag or environment variable.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::PartnershipApp;
use crate::cli::Renderer;

pub const RENDERER_ENV: &str = "PARTNERSHIP_APPRAISAL_RENDERER";

/// The renderer asked for: the flag wins over the environment variable.
pub fn requested_renderer(flag: Option<Renderer>) -> Option<Renderer> {
    flag.or_else(|| {
        match std::env::var(RENDERER_ENV)
            .ok()?
            .to_ascii_lowercase()
            .as_str()
        {
            "wgpu" => Some(Renderer::Wgpu),
            "glow" | "opengl" | "gl" => Some(Renderer::Glow),
            other => {
                log::warn!("{RENDERER_ENV}={other} is not wgpu or glow; ignoring it");
                None
            }
        }
    })
}

fn options(renderer: Renderer) -> eframe::NativeOptions {
    let viewport = egui::ViewportBuilder::default()
        .with_title("Partnership Options Appraisal")
        .with_app_id("partnership-appraisal")
        .with_inner_size([1366.0, 768.0])
        .with_min_inner_size([900.0, 560.0])
        .with_drag_and_drop(true)
        .with_icon(std::sync::Arc::new(crate::icon::window_icon()));
    eframe::NativeOptions {
        renderer: match renderer {
            Renderer::Wgpu => eframe::Renderer::Wgpu,
            Renderer::Glow => eframe::Renderer::Glow,
        },
        viewport,
        // One app folder for preferences and recovery files (see `crate::paths`).
        persistence_path: crate::paths::preferences_file(),
        // eframe keeps the window's size in zoomed points but restores it before the zoom is
        // applied, so a zoomed window came back smaller at every start: it opens at the
        // laptop size instead (clamped to the screen), and only the zoom is remembered.
        persist_window: false,
        ..Default::default()
    }
}

/// Opens the window and runs until it closes.
pub fn run(
    file: Option<PathBuf>,
    screenshot: Option<PathBuf>,
    renderer: Option<Renderer>,
) -> Result<(), String> {
    let forced = requested_renderer(renderer);
    let attempts: Vec<Renderer> = match forced {
        Some(r) => vec![r],
        None => vec![Renderer::Wgpu, Renderer::Glow],
    };
    let mut last_error = String::new();
    for renderer in attempts {
        log::info!("starting the window with {renderer:?}");
        let file = file.clone();
        let screenshot = screenshot.clone();
        let result = eframe::run_native(
            "partnership-appraisal",
            options(renderer),
            Box::new(move |cc| {
                log_adapter(cc, renderer);
                let app = PartnershipApp::from_creation_context(cc, file.as_deref());
                Ok(Box::new(match screenshot {
                    Some(out) => app.with_screenshot(out),
                    None => app,
                }))
            }),
        );
        match result {
            Ok(()) => return Ok(()),
            Err(e) => {
                log::warn!("{renderer:?} could not start: {e}");
                eprintln!("partnership-appraisal: the {renderer:?} renderer could not start ({e})");
                last_error = e.to_string();
            }
        }
    }
    Err(format!("no renderer could start the window: {last_error}"))
}

fn log_adapter(cc: &eframe::CreationContext<'_>, renderer: Renderer) {
    let adapter = cc
        .wgpu_render_state
        .as_ref()
        .map(|state| {
            let info = state.adapter.get_info();
            format!("{} ({:?}, {:?})", info.name, info.backend, info.device_type)
        })
        .or_else(|| cc.gl.as_ref().map(|_| "OpenGL (glow)".to_string()))
        .unwrap_or_else(|| "unknown adapter".to_string());
    log::info!("renderer {renderer:?}, adapter {adapter}");
    eprintln!("partnership-appraisal: renderer {renderer:?}, adapter {adapter}");
}

pub fn save_png(image: &egui::ColorImage, out: &Path) -> Result<(), String> {
    let bytes = super::export::png_bytes(image)?;
    std::fs::write(out, bytes).map_err(|e| format!("{}: {e}", out.display()))
}
