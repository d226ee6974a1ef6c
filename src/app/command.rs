//! Every command the user can give, with its menu text and keyboard shortcut. Menus, the
//! shortcut handler and the help overlay are all generated from this one list.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    New,
    Open,
    Save,
    SaveAs,
    ExportHtml,
    ExportXlsx,
    ExportDocx,
    ExportCsv,
    ExportSvg,
    ExportPng,
    CopyRanking,
    Quit,
    Undo,
    Redo,
    AddCriterion,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ToggleTheme,
    ToggleRanges,
    Present,
    RevealGroups,
    HowToRead,
    ShowShortcuts,
}

impl Command {
    pub const ALL: [Command; 24] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::ExportHtml,
        Command::ExportXlsx,
        Command::ExportDocx,
        Command::ExportCsv,
        Command::ExportSvg,
        Command::ExportPng,
        Command::CopyRanking,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::AddCriterion,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ToggleTheme,
        Command::ToggleRanges,
        Command::Present,
        Command::RevealGroups,
        Command::HowToRead,
        Command::ShowShortcuts,
    ];

    /// Commands that may open the system's file dialog: they wait while one is open.
    pub fn needs_file_dialog(self) -> bool {
        matches!(
            self,
            Command::New
                | Command::Open
                | Command::Save
                | Command::SaveAs
                | Command::ExportHtml
                | Command::ExportXlsx
                | Command::ExportDocx
                | Command::ExportCsv
                | Command::ExportSvg
                | Command::ExportPng
        )
    }

    /// What an export's file holds, for its hover text in the menu.
    pub fn holds(self) -> Option<&'static str> {
        use crate::words::files::{EXPORT_CSV_HOLDS, EXPORT_HTML_HOLDS, EXPORT_XLSX_HOLDS};
        match self {
            Command::ExportHtml => Some(EXPORT_HTML_HOLDS),
            Command::ExportXlsx => Some(EXPORT_XLSX_HOLDS),
            Command::ExportDocx => Some(crate::words::files::EXPORT_DOCX_HOLDS),
            Command::ExportCsv => Some(EXPORT_CSV_HOLDS),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Command::New => "New appraisal",
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::ExportHtml => "Report for a committee paper (HTML)…",
            Command::ExportXlsx => "Tables as an Excel workbook…",
            Command::ExportDocx => "Report as a Word document…",
            Command::ExportCsv => "Tables as CSV…",
            Command::ExportSvg => "Chart shown, as SVG…",
            Command::ExportPng => "Chart shown, as PNG…",
            Command::CopyRanking => "Copy the ranking table",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::AddCriterion => "Add a criterion",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ZoomReset => "Reset zoom",
            Command::ToggleTheme => "Light / dark theme",
            Command::ToggleRanges => "Show low / high ranges",
            Command::Present => "Presentation mode",
            Command::RevealGroups => "Reveal every group's weights",
            Command::HowToRead => "How to read this screen",
            Command::ShowShortcuts => "Keyboard shortcuts",
        }
    }

    /// The primary shortcut (Ctrl on Windows and Linux, ⌘ on a Mac).
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        // Ctrl+Alt only with letters a UK keyboard's AltGr leaves alone (AltGr is Ctrl+Alt on
        // Windows); `pressed` also keeps Ctrl+letter from firing when Alt is held.
        let cmd_alt = Modifiers::COMMAND.plus(Modifiers::ALT);
        let key = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            Command::New => key(cmd, Key::N),
            Command::Open => key(cmd, Key::O),
            Command::Save => key(cmd, Key::S),
            Command::SaveAs => key(cmd_shift, Key::S),
            Command::ExportHtml => key(cmd, Key::E),
            Command::ExportXlsx => key(cmd_shift, Key::E),
            Command::ExportDocx => key(cmd_shift, Key::W),
            Command::ExportCsv => key(cmd_shift, Key::T),
            Command::ExportSvg => key(cmd_alt, Key::S),
            Command::ExportPng => key(cmd_alt, Key::P),
            Command::CopyRanking => key(cmd_shift, Key::C),
            Command::Quit => key(cmd, Key::Q),
            Command::Undo => key(cmd, Key::Z),
            Command::Redo => key(cmd_shift, Key::Z),
            Command::AddCriterion => key(cmd_shift, Key::K),
            Command::ZoomIn => key(cmd, Key::Plus),
            Command::ZoomOut => key(cmd, Key::Minus),
            Command::ZoomReset => key(cmd, Key::Num0),
            Command::ToggleTheme => key(cmd_shift, Key::L),
            Command::ToggleRanges => key(cmd_shift, Key::R),
            Command::Present => key(Modifiers::NONE, Key::F5),
            Command::RevealGroups => key(cmd_shift, Key::G),
            Command::HowToRead => key(Modifiers::NONE, Key::F1),
            Command::ShowShortcuts => key(Modifiers::SHIFT, Key::F1),
        }
    }

    /// Other shortcuts that do the same (Ctrl+Y for redo, Ctrl+= for zoom on keyboards
    /// where + needs Shift).
    pub fn alternative_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)];
        const ZOOM_IN: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals)];
        match self {
            Command::Redo => &REDO,
            Command::ZoomIn => &ZOOM_IN,
            _ => &[],
        }
    }

    pub fn shortcut_text(self, ctx: &eframe::egui::Context) -> String {
        self.shortcut()
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default()
    }

    /// Every command whose shortcut was pressed this frame (the key presses are consumed).
    pub fn pressed(ctx: &eframe::egui::Context) -> Vec<Command> {
        // Longer modifier combinations first, so Ctrl+Shift+S is not also taken as Ctrl+S.
        let mut by_specificity: Vec<(KeyboardShortcut, Command)> = Command::ALL
            .iter()
            .flat_map(|&c| {
                c.shortcut()
                    .into_iter()
                    .chain(c.alternative_shortcuts().iter().copied())
                    .map(move |s| (s, c))
            })
            .collect();
        by_specificity.sort_by_key(|(s, _)| {
            std::cmp::Reverse(u8::from(s.modifiers.shift) + u8::from(s.modifiers.alt))
        });
        let mut pressed = Vec::new();
        ctx.input_mut(|input| {
            for (shortcut, command) in by_specificity {
                // egui lets an extra Alt through, but on Windows AltGr arrives as Ctrl+Alt:
                // AltGr+E (é on a UK keyboard) must type é, not run Ctrl+E.
                if input.modifiers.alt != shortcut.modifiers.alt {
                    continue;
                }
                if input.consume_shortcut(&shortcut) && !pressed.contains(&command) {
                    pressed.push(command);
                }
            }
        });
        pressed
    }
}
