//! Writes the app icon into `assets/icon/`: one PNG per size and `icon.ico` holding them all.
//! Run after changing `src/icon.rs`: `cargo run --example icon`; `tests/icon.rs` fails until
//! the files match the drawing again.

use std::path::Path;

use partnership_appraisal::icon;

fn main() -> Result<(), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join("icon");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut images = Vec::new();
    for size in icon::SIZES {
        let png = icon::png_bytes(size)?;
        let path = dir.join(format!("icon-{size}.png"));
        std::fs::write(&path, &png).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {}", path.display());
        images.push((size, png));
    }
    let path = dir.join("icon.ico");
    std::fs::write(&path, icon::ico_bytes(&images))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}
