//! Files in words: what went wrong opening one, and where a good copy may be.

use std::path::Path;

/// Shown when the system's file dialog answered at once with nothing: there is none here.
pub const NO_SYSTEM_DIALOG: &str = "No system file dialog can open on this computer, so choose the file in this window instead: pick it from the list, or type its name (files go in the folder shown).";

/// The message for a file that would not open, with the copies that may hold the work: the
/// `.bak` the last save left beside it, and the recovery copy autosave keeps.
pub fn could_not_open(error: &str, backup: Option<&Path>, recovery: Option<&Path>) -> String {
    let mut text = format!("Could not open {error}.");
    if let Some(bak) = backup {
        text.push_str(&format!(
            "\n\nThe copy before the last save is beside it: {}. Open that instead (rename it to end in .ron first if your system hides the ending).",
            bak.display()
        ));
    }
    if let Some(copy) = recovery {
        text.push_str(&format!(
            "\n\nA recovery copy of unsaved work on this file is at {}: open it with File, then Open.",
            copy.display()
        ));
    }
    if backup.is_none() && recovery.is_none() {
        text.push_str("\n\nNo earlier copy of this file was found beside it.");
    }
    text
}

/// Under each export in the menu: what the file holds, so the officer knows where each part
/// of the paper is.
pub const EXPORT_HTML_HOLDS: &str = "One page for a committee paper: the ranking and why, the money with and without optimism bias and risk-adjusted, the risk register, flows by year, the financial case (cash by financial year against the budget and the savings target), the scores, the weights, the robustness findings and the method.";
pub const EXPORT_XLSX_HOLDS: &str = "Every table, unrounded: Money, Risks, Flows by year, Financial case (cash by financial year, revenue and capital apart), Scores, Weights, Groups, Robustness and Method.";
pub const EXPORT_CSV_HOLDS: &str = "For Excel: a row per option with every figure, then the risk register, the flows by year and the financial case by financial year.";
pub const EXPORT_DOCX_HOLDS: &str = "The report as a Word document to edit and cut into the council's committee template: Heading 1 and 2 styles, Word tables whose header rows repeat on every page, and every chart as a picture at print resolution.";
