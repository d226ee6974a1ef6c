//! For a Windows target only (also when cross-compiling from Linux, hence `CARGO_CFG_TARGET_OS`
//! rather than `cfg!(windows)`): embeds the icon, version information from Cargo.toml and the
//! application manifest in the exe, so Explorer shows what it is and who made it.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/icon.ico");
    println!("cargo:rerun-if-changed=assets/windows/app.manifest");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let version = env("CARGO_PKG_VERSION");
    let manifest = match std::fs::read_to_string("assets/windows/app.manifest") {
        Ok(text) => text.replace(
            "{VERSION}",
            &format!(
                "{}.{}.{}.0",
                env("CARGO_PKG_VERSION_MAJOR"),
                env("CARGO_PKG_VERSION_MINOR"),
                env("CARGO_PKG_VERSION_PATCH")
            ),
        ),
        Err(e) => panic!("assets/windows/app.manifest: {e}"),
    };
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/icon/icon.ico")
        .set_manifest(&manifest)
        .set("ProductName", "Partnership Options Appraisal")
        // Explorer's "File description", and the name Task Manager shows.
        .set("FileDescription", "Partnership Options Appraisal")
        .set("Comments", &env("CARGO_PKG_DESCRIPTION"))
        .set("OriginalFilename", "partnership-appraisal.exe")
        .set("InternalName", "partnership-appraisal")
        .set(
            "LegalCopyright",
            &format!("Licensed {}", env("CARGO_PKG_LICENSE")),
        )
        .set("FileVersion", &version)
        .set("ProductVersion", &version);
    // Only the app: test and example exes need no icon.
    if let Err(e) = res.compile_for("partnership-appraisal") {
        panic!("embedding the Windows resources failed (is mingw-w64's windres installed?): {e}");
    }
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_default()
}
