//! The icon files in `assets/icon/` decode, have the sizes they claim, and are what
//! `src/icon.rs` draws (regenerate with `cargo run --example icon`).

use std::path::{Path, PathBuf};

use partnership_appraisal::icon;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join("icon")
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

#[test]
fn every_png_decodes_at_its_size_and_matches_the_drawing() {
    for size in [16u32, 24, 32, 48, 64, 128, 256] {
        let path = dir().join(format!("icon-{size}.png"));
        let bytes = std::fs::read(&path).expect("icon file");
        let image = image::load_from_memory(&bytes)
            .expect("decodes")
            .into_rgba8();
        assert_eq!(image.dimensions(), (size, size), "{}", path.display());
        assert!(
            image.as_raw() == &icon::draw(size),
            "{} is not what src/icon.rs draws: run `cargo run --example icon`",
            path.display()
        );
    }
}

#[test]
fn the_ico_holds_the_seven_pngs_in_order() {
    let ico = std::fs::read(dir().join("icon.ico")).expect("icon.ico");
    // ICONDIR: reserved 0, type 1 = icon, 7 images.
    assert_eq!(
        (u16_at(&ico, 0), u16_at(&ico, 2), u16_at(&ico, 4)),
        (0, 1, 7)
    );
    for (i, size) in [16u32, 24, 32, 48, 64, 128, 256].into_iter().enumerate() {
        let entry = 6 + 16 * i;
        // Width and height bytes: 256 is written as 0.
        let side = u32::from(ico[entry]);
        assert_eq!(if side == 0 { 256 } else { side }, size);
        assert_eq!(ico[entry + 1], ico[entry]);
        assert_eq!(u16_at(&ico, entry + 6), 32, "bits per pixel");
        let len = u32_at(&ico, entry + 8) as usize;
        let offset = u32_at(&ico, entry + 12) as usize;
        let png = &ico[offset..offset + len];
        let file = std::fs::read(dir().join(format!("icon-{size}.png"))).expect("png");
        assert_eq!(png, &file[..], "entry {i} is icon-{size}.png");
    }
}

#[test]
fn the_big_icon_shows_five_bars_in_the_option_colours_on_navy() {
    let image = image::open(dir().join("icon-256.png"))
        .expect("decodes")
        .into_rgba8();
    // Row 200 of 256 (0.78 of the side) crosses all five bars, whose bottoms are at 0.84.
    // Walking along it, the runs of one opaque colour at least 4 pixels long (not the blended
    // pixels at an edge) are navy and the bars', in order.
    let mut runs: Vec<([u8; 3], u32)> = Vec::new();
    for x in 0..256 {
        let p = image.get_pixel(x, 200).0;
        let colour = [p[0], p[1], p[2]];
        match runs.last_mut() {
            Some((c, n)) if *c == colour && p[3] == 255 => *n += 1,
            _ if p[3] == 255 => runs.push((colour, 1)),
            _ => {}
        }
    }
    let seen: Vec<[u8; 3]> = runs
        .iter()
        .filter(|(_, n)| *n >= 4)
        .map(|(c, _)| *c)
        .collect();
    let navy = [0x1B, 0x2A, 0x41];
    let bars: Vec<_> = seen.iter().filter(|c| **c != navy).copied().collect();
    // Okabe–Ito: grey, bluish green, orange, blue, reddish purple (src/palette.rs).
    assert_eq!(
        bars,
        vec![
            [0x88, 0x88, 0x88],
            [0x00, 0x9E, 0x73],
            [0xE6, 0x9F, 0x00],
            [0x00, 0x72, 0xB2],
            [0xCC, 0x79, 0xA7]
        ]
    );
    // Transparent outside the rounded corner.
    assert_eq!(image.get_pixel(0, 0).0[3], 0);
}
