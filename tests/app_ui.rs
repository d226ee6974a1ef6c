//! The real app, driven through its accessibility tree with egui_kittest: no display, no
//! real dialogs, no real home folder. Every run also checks that each control has a name.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use eframe::egui::{self, Key, Modifiers, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use partnership_appraisal::app::export::ExportKind;
use partnership_appraisal::app::platform::{Clipboard, FileDialogs};
use partnership_appraisal::app::robustness_worker::RobustnessRunner;
use partnership_appraisal::app::{AppEnv, Overlay, PartnershipApp};
use partnership_appraisal::model::appraise;
use partnership_appraisal::model::format::gbp;
use partnership_appraisal::storage;

mod common;

/// Dialogs that answer with whatever path the test has set (None = the user cancelled).
#[derive(Default)]
struct FakeDialogs {
    open: Mutex<Option<PathBuf>>,
    save: Mutex<Option<PathBuf>>,
}

impl FileDialogs for FakeDialogs {
    fn pick_open(&self, _start_dir: &Path) -> Option<PathBuf> {
        self.open.lock().ok()?.clone()
    }
    fn pick_save(&self, _start_dir: &Path, _suggested_name: &str) -> Option<PathBuf> {
        self.save.lock().ok()?.clone()
    }
    fn pick_export(&self, _start_dir: &Path, _suggested_name: &str, _ext: &str) -> Option<PathBuf> {
        self.save.lock().ok()?.clone()
    }
}

/// A clipboard that keeps what was copied: (HTML, text).
#[derive(Default)]
struct FakeClipboard(Mutex<Vec<(String, String)>>);

impl Clipboard for FakeClipboard {
    fn copy_table(&self, html: &str, text: &str) -> Result<(), String> {
        self.0
            .lock()
            .map_err(|e| e.to_string())?
            .push((html.to_string(), text.to_string()));
        Ok(())
    }
}

struct Fixture {
    harness: Harness<'static, PartnershipApp>,
    dialogs: Arc<FakeDialogs>,
    clipboard: Arc<FakeClipboard>,
    dir: tempfile::TempDir,
}

fn app() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let dialogs = Arc::new(FakeDialogs::default());
    let env_dialogs: Arc<dyn FileDialogs> = dialogs.clone();
    let clipboard = Arc::new(FakeClipboard::default());
    let env_clipboard: Arc<dyn Clipboard> = clipboard.clone();
    let saved_dir = dir.path().join("saved-appraisals");
    let recovery_dir = dir.path().join("recovery");
    // A slide fits its type to the screen over a few frames, so a run may take more steps.
    let harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_max_steps(12)
        .build_eframe(move |cc| {
            PartnershipApp::new(
                &cc.egui_ctx,
                None,
                AppEnv {
                    dialogs: env_dialogs,
                    clipboard: env_clipboard,
                    disk: Arc::new(partnership_appraisal::storage::RealDisk),
                    saved_dir,
                    robustness: RobustnessRunner::inline(),
                    recovery_dir: Some(recovery_dir),
                },
                None,
            )
        });
    let mut fixture = Fixture {
        harness,
        dialogs,
        clipboard,
        dir,
    };
    fixture.harness.run();
    fixture
}

/// Steps until a worker thread (a native dialog, the robustness run) has answered and the
/// app has acted on it; gives up after about 20 seconds.
fn run_until(
    harness: &mut Harness<'static, PartnershipApp>,
    done: impl Fn(&PartnershipApp) -> bool,
) {
    for _ in 0..4000 {
        harness.step();
        if done(harness.state()) {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the app never got there");
}

const SHARED: usize = 3;
const TRUST: usize = 1;

#[test]
fn moving_a_cost_slider_changes_rank_and_npsv_and_undo_restores_them() {
    let mut f = app();
    let h = &mut f.harness;
    let before = appraise(h.state().appraisal()).expect("valid");
    assert_eq!(
        before.options[TRUST].rank, 1,
        "the community library trust leads the example"
    );
    let card = h.get_by_role_and_label(Role::Group, "Community library trust");
    assert!(card.query_by_label_contains("Rank 1 ").is_some());

    let card = h.get_by_role_and_label(Role::Group, "Community library trust");
    card.get_by_role_and_label(Role::Slider, "Running cost a year")
        .set_value_accesskit(4_150_000.0);
    h.run();

    let option = &h.state().appraisal().options[TRUST];
    assert_eq!(option.cost.annual_running_cost_gbp.likely, 4_150_000.0);
    let after = appraise(h.state().appraisal()).expect("valid");
    let npsv_after = after.options[TRUST].risk_adjusted.npsv_gbp;
    assert!(npsv_after < before.options[TRUST].risk_adjusted.npsv_gbp);
    assert!(
        after.options[TRUST].rank > 1,
        "a dearer trust loses the lead"
    );
    // The table and the card show the new figures.
    let npsv_text = gbp(npsv_after);
    assert!(
        !h.get_all_by_label(&npsv_text)
            .collect::<Vec<_>>()
            .is_empty(),
        "{npsv_text} shown"
    );
    let card = h.get_by_role_and_label(Role::Group, "Community library trust");
    let rank_line = format!("Rank {} ", after.options[TRUST].rank);
    assert!(card.query_by_label_contains(&rank_line).is_some());
    assert!(h.state().is_dirty());
    assert!(h.state().appraisal() != &storage::default_example());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().appraisal(),
        &storage::default_example(),
        "one undo step"
    );
    let card = h.get_by_role_and_label(Role::Group, "Community library trust");
    assert!(card.query_by_label_contains("Rank 1 ").is_some());
    assert!(!h.state().is_dirty());

    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    h.run();
    assert_eq!(
        h.state().appraisal().options[TRUST]
            .cost
            .annual_running_cost_gbp
            .likely,
        4_150_000.0,
        "redo"
    );
}

#[test]
fn a_criterion_can_be_added_and_scored_in_every_card() {
    let mut f = app();
    let h = &mut f.harness;
    h.get_by_label("New criterion name").focus();
    h.run();
    h.get_by_label("New criterion name")
        .type_text("Staff impact");
    h.run();
    h.get_by_label("+ Add").click();
    h.run();
    let a = h.state().appraisal();
    assert_eq!(a.criteria.len(), 6);
    let id = a.criteria[5].id.clone();
    assert_eq!(a.criteria[5].name, "Staff impact");
    assert!(a.options.iter().all(|o| o.scores.contains_key(&id)));
    // The weights panel has a slider for it, and each card one to score it.
    assert!(h.get_all_by_label_contains("Staff impact — ").count() >= 1);
    // The new criterion is at the foot of each card: scroll down to it, as a user would (a
    // section far out of view is not laid out, see `app::ui::unseen`).
    for _ in 0..40 {
        let card = h.get_by_role_and_label(Role::Group, "Contracting out");
        if card
            .query_by_role_and_label(Role::Slider, "Staff impact")
            .is_some()
        {
            break;
        }
        card.scroll_down();
        h.run();
    }
    let card = h.get_by_role_and_label(Role::Group, "Contracting out");
    card.get_by_role_and_label(Role::Slider, "Staff impact")
        .set_value_accesskit(9.0);
    h.run();
    assert_eq!(h.state().appraisal().options[2].scores[&id], 9.0);
    appraise(h.state().appraisal()).expect("still valid");
}

#[test]
fn save_through_a_file_dialog_and_open_it_back_equal() {
    let mut f = app();
    let target = f.dir.path().join("elsewhere/library.ron");
    std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
    *f.dialogs.save.lock().expect("lock") = Some(target.clone());
    let h = &mut f.harness;
    h.state_mut().appraisal_mut().meta.author = "Test officer".into();
    h.run();
    let edited = h.state().appraisal().clone();

    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    h.run();
    assert!(matches!(h.state().overlay(), Overlay::SaveAs { .. }));
    h.get_by_label("Choose another folder…").click();
    run_until(h, |app| app.path() == Some(target.as_path()));
    assert!(!h.state().is_dirty());
    assert_eq!(storage::load(&target).expect("saved file loads"), edited);

    // Change it, then open the saved file back through the dialog, discarding the change.
    h.state_mut().appraisal_mut().meta.title = "Something else".into();
    h.run();
    *f.dialogs.open.lock().expect("lock") = Some(target.clone());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(matches!(h.state().overlay(), Overlay::UnsavedChanges(_)));
    h.get_by_label("Don't save").click();
    h.run();
    assert!(matches!(h.state().overlay(), Overlay::Open { .. }));
    h.get_by_label("Browse for another file…").click();
    run_until(h, |app| app.appraisal().meta.title != "Something else");
    assert_eq!(h.state().appraisal(), &edited);
    assert!(!h.state().is_dirty());
    assert_eq!(h.state().preferences().recent_files.len(), 1);
}

#[test]
fn save_by_name_works_without_a_native_dialog() {
    let mut f = app();
    let h = &mut f.harness;
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    h.run();
    h.get_by_label("File name").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("File name").type_text("Workshop copy");
    h.run();
    h.get_by_label("Save").click();
    h.run();
    let expected = f.dir.path().join("saved-appraisals/Workshop copy.ron");
    assert_eq!(h.state().path(), Some(expected.as_path()));
    assert_eq!(
        storage::load(&expected).expect("loads"),
        storage::default_example()
    );

    // It is now in the app's own open list.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(h.query_by_label("Workshop copy.ron").is_some());
}

#[test]
fn a_corrupt_file_shows_its_error_and_keeps_the_open_appraisal() {
    let mut f = app();
    let bad = f.dir.path().join("broken.ron");
    std::fs::write(&bad, "(format_version: 2, meta: (title: \"Half a file\"").expect("write");
    let h = &mut f.harness;
    h.state_mut().appraisal_mut().meta.author = "Unsaved work".into();
    h.run();
    let before = h.state().appraisal().clone();
    h.state_mut().open_path(&bad);
    h.run();
    assert!(matches!(h.state().overlay(), Overlay::Error(_)));
    // The file stops with its brackets open: cut off, and the window says so in words.
    assert!(
        h.query_by_label_contains("broken.ron: the file ends early")
            .is_some(),
        "the error is in the window"
    );
    assert!(
        h.query_by_label_contains("No earlier copy of this file")
            .is_some(),
        "and whether a copy exists"
    );
    assert_eq!(
        h.state().appraisal(),
        &before,
        "nothing already open is touched"
    );
    assert!(h.state().is_dirty(), "the unsaved change is still there");
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(h.state().overlay(), &Overlay::None);
}

#[test]
fn a_cut_off_file_points_to_the_copy_kept_beside_it() {
    let mut f = app();
    let file = f.dir.path().join("library.ron");
    let whole = partnership_appraisal::storage::EXAMPLES[0].1;
    std::fs::write(&file, &whole[..whole.len() / 2]).expect("write");
    std::fs::write(f.dir.path().join("library.ron.bak"), whole).expect("write");
    let h = &mut f.harness;
    h.state_mut().open_path(&file);
    h.run();
    assert!(h.query_by_label_contains("the file ends early").is_some());
    assert!(
        h.query_by_label_contains("library.ron.bak").is_some(),
        "the .bak is named"
    );
}

#[test]
fn where_there_is_no_system_dialog_the_window_says_so() {
    // The fake dialogs answer at once with nothing, as rfd does on a desktop without one.
    let mut f = app();
    let h = &mut f.harness;
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Browse for another file…").click();
    h.run();
    h.run();
    // In the Open window, where Browse was, and on the status line.
    assert_eq!(
        h.query_all_by_label_contains("No system file dialog can open on this computer")
            .count(),
        2,
        "said in the window"
    );
    assert!(
        h.get_by_label("Browse for another file…")
            .accesskit_node()
            .is_disabled(),
        "and Browse is not offered again"
    );
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let mut f = app();
    let h = &mut f.harness;
    h.state_mut().appraisal_mut().meta.title = "Changed".into();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(matches!(h.state().overlay(), Overlay::UnsavedChanges(_)));
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().overlay(), &Overlay::None);
    assert_eq!(h.state().appraisal().meta.title, "Changed");
}

#[test]
fn invalid_figures_are_listed_instead_of_results() {
    let mut f = app();
    let h = &mut f.harness;
    h.state_mut().appraisal_mut().options[1]
        .cost
        .annual_running_cost_gbp
        .likely = -10.0;
    h.run();
    assert!(
        h.query_by_label("• Community library trust: annual running cost is negative")
            .is_some()
    );
}

#[test]
fn every_control_has_a_name_with_every_section_open() {
    let mut f = app();
    let h = &mut f.harness;
    h.get_by_label("Criteria: names, scales, remove").click();
    h.get_by_label("Settings: period, discounting, robustness")
        .click();
    h.get_by_label_contains("About this appraisal").click();
    h.run();
    h.check_accessibility();
    for tab in ["Net benefit", "Benefit vs cost"] {
        // The pointer reaches the tab first, as a hand would, leaving the last tab's hover note.
        for _ in 0..3 {
            h.step();
        }
        h.get_by_label(tab).click();
        h.run();
        assert!(
            h.query_by_role_and_label(
                Role::Figure,
                match tab {
                    "Net benefit" => "Net benefit against business as usual, by year",
                    _ => "Benefit against whole-life cost",
                }
            )
            .is_some()
        );
    }
    // F1 is help, as everywhere; Shift+F1 the list of shortcuts.
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::F1);
    h.run();
    assert_eq!(h.state().overlay(), &Overlay::Shortcuts);
    h.check_accessibility();
}

#[test]
fn zoom_and_theme_are_remembered_preferences() {
    let mut f = app();
    let h = &mut f.harness;
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    assert_eq!(h.state().preferences().zoom, 1.25);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert_eq!(h.state().preferences().zoom, 1.0);
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::L);
    h.run();
    assert!(h.state().preferences().dark_mode);
}

#[test]
fn the_keyboard_alone_moves_focus_and_changes_a_slider() {
    let mut f = app();
    let h = &mut f.harness;
    h.key_press(Key::Tab);
    h.run();
    assert!(
        h.ctx.memory(|m| m.focused()).is_some(),
        "Tab gives a control focus"
    );

    let before = h.state().appraisal().criteria[1].swing_weight;
    h.get_by_role_and_label(Role::Slider, "Capacity — 23% of the decision")
        .focus();
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().appraisal().criteria[1].swing_weight, before + 1.0);
    // And the keyboard undoes it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().appraisal().criteria[1].swing_weight, before);
}

/// A file dropped on the window, as the windowing layer reports it.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_ron_file_on_the_window_opens_it() {
    let mut f = app();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/hr-payroll.ron");
    let h = &mut f.harness;
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.clone())));
    h.run();
    assert_eq!(h.state().path(), Some(path.as_path()));
    assert_eq!(h.state().appraisal(), &storage::load(&path).expect("loads"));
    assert_eq!(h.state().preferences().recent_files.len(), 1);
}

#[test]
fn a_fragile_winner_is_flagged_in_words_next_to_the_ranking() {
    let mut f = app();
    let h = &mut f.harness;
    // The hand-worked case (tests/common; the switch is derived in tests/robustness.rs):
    // the community organisation overtakes the shared service when the social value weight
    // reaches 5/17 = 0.29, from 0.25 now.
    *h.state_mut().appraisal_mut() = common::hand_worked();
    h.run();
    assert!(
        h.query_by_label(
            "Fragile lead: Shared service leads, but Community organisation takes first place if the social value weight rises from 25% to 29% of the decision."
        )
        .is_some()
    );
    assert!(
        h.query_by_label_contains("Robustness: 10000 draws (seed 2026)")
            .is_some()
    );

    // The thresholds are settings: at zero, nothing counts as fragile.
    let r = &mut h.state_mut().appraisal_mut().settings.robustness;
    r.fragile_weight_change_share = 0.0;
    r.fragile_acceptability_share = 0.0;
    r.fragile_input_change_fraction = 0.0;
    h.run();
    assert!(h.query_by_label_contains("Fragile lead").is_none());
}

#[test]
fn robustness_charts_show_and_every_control_is_named() {
    let mut f = app();
    let h = &mut f.harness;
    for (tab, title) in [
        (
            "Acceptability",
            "How often each option comes first (darkest), second, …",
        ),
        ("NPSV spread", "NPSV across the uncertain inputs"),
        ("Tornado", "What moves the preferred option's NPSV most"),
    ] {
        h.get_by_label(tab).click();
        h.run();
        assert!(
            h.query_by_role_and_label(Role::Figure, title).is_some(),
            "{tab}"
        );
    }
    h.get_by_label("Sweep").click();
    h.run();
    assert!(
        h.query_by_role_and_label(Role::Figure, "Who leads as one weight changes")
            .is_some()
    );
    // Range editing: every uncertain figure gets low and high fields.
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::R);
    h.run();
    let card = h.get_by_role_and_label(Role::Group, "Shared service");
    card.get_by_label("Running cost a year high")
        .set_value_accesskit(4_000_000.0);
    h.run();
    assert_eq!(
        h.state().appraisal().options[SHARED]
            .cost
            .annual_running_cost_gbp
            .high,
        Some(4_000_000.0)
    );
    h.check_accessibility();
}

#[test]
fn robustness_runs_in_the_background_and_arrives() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .build_eframe(|cc| {
            let ctx = cc.egui_ctx.clone();
            PartnershipApp::new(
                &cc.egui_ctx,
                None,
                AppEnv {
                    dialogs: Arc::new(FakeDialogs::default()),
                    clipboard: Arc::new(FakeClipboard::default()),
                    disk: Arc::new(partnership_appraisal::storage::RealDisk),
                    saved_dir: dir.path().to_path_buf(),
                    robustness: RobustnessRunner::background(move || ctx.request_repaint()),
                    recovery_dir: None,
                },
                None,
            )
        });
    run_until(&mut h, |app| {
        app.robustness().is_current()
            && app
                .robustness()
                .smaa
                .as_ref()
                .is_some_and(|p| p.is_complete())
    });
    let inline =
        partnership_appraisal::model::robustness::SmaaRun::new(&storage::default_example())
            .expect("valid")
            .run_to_end()
            .expect("runs");
    let arrived = h.state().robustness().smaa.clone().expect("figures");
    assert_eq!(
        arrived.result,
        Ok(inline),
        "the same figures as a run in one go"
    );
}

/// The app on a given recovery folder, its clock stepping half a second a frame.
fn app_with_recovery(dir: &Path) -> Harness<'static, PartnershipApp> {
    let saved_dir = dir.join("saved-appraisals");
    let recovery_dir = dir.join("recovery");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_step_dt(0.5)
        .build_eframe(move |cc| {
            PartnershipApp::new(
                &cc.egui_ctx,
                None,
                AppEnv {
                    dialogs: Arc::new(FakeDialogs::default()),
                    clipboard: Arc::new(FakeClipboard::default()),
                    disk: Arc::new(partnership_appraisal::storage::RealDisk),
                    saved_dir,
                    robustness: RobustnessRunner::inline(),
                    recovery_dir: Some(recovery_dir),
                },
                None,
            )
        });
    h.run();
    h
}

fn recovery_files(dir: &Path) -> usize {
    std::fs::read_dir(dir.join("recovery")).map_or(0, |d| d.count())
}

#[test]
fn work_lost_in_a_crash_is_offered_back_and_restored() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut h = app_with_recovery(dir.path());
        assert_eq!(
            h.state().overlay(),
            &Overlay::None,
            "nothing to recover at first"
        );
        h.state_mut().appraisal_mut().options[SHARED]
            .cost
            .annual_running_cost_gbp
            .likely = 3_700_000.0;
        h.state_mut().appraisal_mut().meta.author = "Workshop, 25 November".into();
        // A few quiet seconds later the work is in a recovery file, not in any saved file.
        h.run_steps(8);
        assert_eq!(recovery_files(dir.path()), 1);
        assert!(!dir.path().join("saved-appraisals").exists());
        // The laptop dies: the app is dropped without saving or asking.
    }
    let mut h = app_with_recovery(dir.path());
    assert!(matches!(h.state().overlay(), Overlay::Recover(..)));
    assert!(
        h.query_by_label_contains("Its work was autosaved at")
            .is_some()
    );
    h.get_by_label("Restore").click();
    h.run();
    let a = h.state().appraisal();
    assert_eq!(a.meta.author, "Workshop, 25 November");
    assert_eq!(
        a.options[SHARED].cost.annual_running_cost_gbp.likely,
        3_700_000.0
    );
    assert!(h.state().is_dirty(), "restored work still needs saving");
    assert_eq!(h.state().overlay(), &Overlay::None);
}

#[test]
fn recovery_files_are_kept_until_the_user_says_and_removed_on_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut h = app_with_recovery(dir.path());
        h.state_mut().appraisal_mut().meta.title = "Unsaved workshop".into();
        h.run_steps(8);
    }
    // "Not now" keeps the file for next time.
    {
        let mut h = app_with_recovery(dir.path());
        h.get_by_label("Not now").click();
        h.run();
        assert_eq!(h.state().overlay(), &Overlay::None);
        assert_eq!(h.state().appraisal(), &storage::default_example());
    }
    assert_eq!(recovery_files(dir.path()), 1);
    // "Discard it" removes it.
    {
        let mut h = app_with_recovery(dir.path());
        h.get_by_label("Discard it").click();
        h.run();
    }
    assert_eq!(recovery_files(dir.path()), 0);
    // Saving removes the recovery file of the work saved.
    let mut h = app_with_recovery(dir.path());
    h.state_mut().appraisal_mut().meta.title = "Saved in the end".into();
    h.run_steps(8);
    assert_eq!(recovery_files(dir.path()), 1);
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    h.run();
    h.get_by_label("Save").click();
    h.run_steps(2);
    assert!(!h.state().is_dirty());
    assert_eq!(recovery_files(dir.path()), 0);
}

#[test]
fn no_file_in_the_hostile_corpus_disturbs_the_open_appraisal() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut f = app();
    let h = &mut f.harness;
    h.state_mut().appraisal_mut().meta.author = "Unsaved workshop work".into();
    h.run();
    let before = h.state().appraisal().clone();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("corpus")
        .filter_map(Result::ok)
        .map(|e| e.path())
        // The sound files open, as tests/corpus.rs shows; every other must be refused.
        .filter(|p| !p.ends_with("names-a-path-and-url.ron") && !p.ends_with("hostile-names.ron"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 14);
    for path in names {
        h.state_mut().open_path(&path);
        h.run();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        match h.state().overlay() {
            Overlay::Error(message) => assert!(
                message.starts_with(&format!("Could not open {name}")),
                "{message}"
            ),
            Overlay::InvalidFile { problems, .. } => assert!(!problems.is_empty()),
            other => panic!("{name}: {other:?}"),
        }
        assert!(
            h.state().appraisal() == &before,
            "{name} changed the open appraisal"
        );
        assert!(
            h.state().is_dirty(),
            "{name}: the unsaved work is still unsaved"
        );
        // Dismiss, whichever window it was.
        h.key_press(Key::Escape);
        h.run();
        assert_eq!(h.state().overlay(), &Overlay::None, "{name}");
    }
}

#[test]
fn a_file_with_problems_opens_only_when_asked_to_fix_them() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/absurd-values.ron");
    let mut f = app();
    let h = &mut f.harness;
    h.state_mut().open_path(&path);
    h.run();
    assert!(
        h.query_by_label("• Contracting out: transition cost is 1e300, outside 0 to 1e12")
            .is_some()
    );
    h.get_by_label("Open it to fix these").click();
    h.run();
    assert_eq!(h.state().path(), Some(path.as_path()));
    assert!(
        h.query_by_label("• Shared service: optimism bias % is negative")
            .is_some()
    );
}

#[test]
fn a_group_enters_weights_while_the_others_are_hidden_then_all_are_revealed() {
    let mut f = app();
    let h = &mut f.harness;
    h.get_by_label("Workshop groups").click();
    h.run();
    // The library example's three groups are all shown: side by side, with a combined ranking.
    assert!(h.query_by_label_contains("The groups differ").is_some());
    assert_eq!(
        h.query_all_by_label("Combined").count(),
        2,
        "rankings and weights"
    );

    // The councillors enter their weights: the other groups' are hidden from the room.
    // The panel scrolls, as a user would, to bring the buttons into view.
    h.get_all_by_label("Enter weights")
        .next()
        .expect("a button per group")
        .scroll_to_me();
    h.run();
    h.get_all_by_label("Enter weights")
        .next()
        .expect("a button per group")
        .click();
    h.run();
    let hidden: Vec<bool> = h
        .state()
        .appraisal()
        .groups
        .iter()
        .map(|g| g.hidden)
        .collect();
    assert_eq!(hidden, [false, true, true]);
    assert!(
        h.query_by_label_contains("2 of 3 groups' weights are hidden")
            .is_some()
    );
    assert_eq!(
        h.query_all_by_label("Combined").count(),
        0,
        "no combined ranking yet"
    );
    assert_eq!(h.get_all_by_label("hidden").count(), 2 * 5 + 2 * 5);
    h.check_accessibility();

    // Their own sliders are there and edit their weights only; the appraisal's own weight
    // sliders are put aside meanwhile, so they cannot be moved by mistake.
    assert!(h.query_by_label("Weights").is_none());
    assert!(
        h.query_by_label_contains("own weights are put aside")
            .is_some()
    );
    let main_cost = h.state().appraisal().criteria[0].swing_weight;
    // Value for money: the councillors' 100 of 50 + 100 + 80 + 70 + 60 = 360 is 28%.
    h.get_by_role_and_label(Role::Slider, "Value for money — 28%")
        .set_value_accesskit(10.0);
    h.run();
    let councillors = &h.state().appraisal().groups[0];
    assert_eq!(councillors.swing_weights["cost"], 10.0);
    assert_eq!(h.state().appraisal().criteria[0].swing_weight, main_cost);

    // Done hides theirs too; the shortcut reveals every group.
    h.get_by_label("Done").click();
    h.run();
    assert!(h.state().appraisal().groups[0].hidden);
    assert!(
        h.query_by_label("Weights").is_some(),
        "the main weights are back"
    );
    assert_eq!(
        h.state().status(),
        "Councillors' weights are hidden. Next: Enter weights for Officers."
    );
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::G);
    h.run();
    assert!(h.state().appraisal().groups.iter().all(|g| !g.hidden));
    assert_eq!(
        h.query_all_by_label("Combined").count(),
        2,
        "rankings and weights"
    );
    assert_eq!(h.query_all_by_label("hidden").count(), 0);
    assert!(h.query_by_label("weights hidden").is_none());
    // Councillors now weigh value for money at 10 of 10 + 50 + 60 + 70 + 80 = 270: 3.7%, shown as 4%.
    assert!(
        h.query_by_label("Councillors' weight on Value for money: 4% of the decision")
            .is_some()
    );

    // The combined weights can become the appraisal's own, and Ctrl+Z takes them back.
    h.get_by_label("Use the combined weights for the appraisal")
        .focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let a = h.state().appraisal().clone();
    let r = appraise(&a).expect("valid");
    let cmp = partnership_appraisal::model::groups::compare(&a, &r).expect("groups");
    for (w, c) in r.weights.iter().zip(&cmp.combined.weights) {
        assert!((w - c).abs() < 0.001, "{w} vs {c}");
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().appraisal().criteria[0].swing_weight, main_cost);
}

#[test]
fn groups_are_added_named_and_removed_from_the_panel() {
    let mut f = app();
    let h = &mut f.harness;
    h.state_mut().appraisal_mut().groups.clear();
    h.run();
    h.get_by_label("Workshop groups").click();
    h.run();
    assert!(
        h.query_by_label_contains("No workshop groups yet")
            .is_some()
    );
    h.get_by_label("Add Councillors, Officers and Community representatives")
        .scroll_to_me();
    h.run();
    h.get_by_label("Add Councillors, Officers and Community representatives")
        .click();
    h.run();
    let names: Vec<String> = h
        .state()
        .appraisal()
        .groups
        .iter()
        .map(|g| g.name.clone())
        .collect();
    assert_eq!(
        names,
        ["Councillors", "Officers", "Community representatives"]
    );
    h.get_by_label("New group name").focus();
    h.run();
    h.get_by_label("New group name").type_text("Officers");
    h.run();

    // Enter adds it (the panel is scrolled: the keyboard reaches what the pointer cannot).
    h.key_press(Key::Enter);
    h.run();
    // A second "Officers" gets a distinct name, so the file stays valid.
    assert_eq!(h.state().appraisal().groups[3].name, "Officers 2");
    assert!(partnership_appraisal::model::validate(h.state().appraisal()).is_empty());
    h.get_all_by_label("Remove")
        .nth(3)
        .expect("four groups")
        .focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().appraisal().groups.len(), 3);
    h.check_accessibility();
}

#[test]
fn presentation_mode_shows_one_view_at_a_time_without_editing_controls() {
    let mut f = app();
    let h = &mut f.harness;
    assert!(h.query_all_by_role(Role::Slider).count() > 20);
    h.key_press(Key::F5);
    h.run();
    assert_eq!(h.state().presenting(), Some(0));
    assert!(h.query_by_label("The options").is_some());
    assert_eq!(
        h.query_all_by_role(Role::Slider).count(),
        0,
        "nothing to edit"
    );
    assert!(h.query_by_label("File").is_none(), "no menu bar");
    assert!(h.query_by_label_contains("Rank").is_none());
    // The leader's card says its place and the engine's weighted score.
    let r = appraise(h.state().appraisal()).expect("valid");
    let first = format!("1st · scores {:.1}", r.options[r.preferred].weighted_score);
    assert!(h.query_by_label(&first).is_some(), "{first}");
    h.check_accessibility();

    // The arrow keys step through the views: the ranking with its warning comes next.
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().presenting(), Some(1));
    assert!(h.query_by_label_contains("Fragile lead").is_some());
    assert!(h.query_by_label("preferred").is_some() || h.query_by_label(" preferred ").is_some());
    for _ in 0..20 {
        h.key_press(Key::ArrowRight);
        h.run();
    }
    let last = h.state().presenting().expect("still presenting");
    assert_eq!(
        last, 11,
        "options, ranking and ten charts (the financial case among them); it stops at the last"
    );
    assert!(
        h.query_by_role_and_label(Role::Figure, "What moves the preferred option's NPSV most")
            .is_some()
    );
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().presenting(), Some(last - 1));
    h.check_accessibility();

    // Escape (or F5 again) leaves; everything editable is back.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().presenting(), None);
    assert!(h.query_by_label("File").is_some());
    assert!(h.query_all_by_role(Role::Slider).count() > 20);
    h.key_press(Key::F5);
    h.run();
    h.key_press(Key::F5);
    h.run();
    assert_eq!(h.state().presenting(), None);
}

/// The one file with extension `ext` in `dir`.
fn only_file_with(dir: &Path, ext: &str) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("folder exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found[0].clone()
}

#[test]
fn exports_from_the_window_carry_the_figures_the_window_shows() {
    use partnership_appraisal::report;
    let mut f = app();
    let saved = f.dir.path().join("saved-appraisals");
    std::fs::create_dir_all(&saved).expect("mkdir");
    let h = &mut f.harness;
    // The window's own SMAA run has finished, so the exports use its figures.
    run_until(h, |app| {
        app.robustness().is_current()
            && app
                .robustness()
                .smaa
                .as_ref()
                .is_some_and(|p| p.is_complete())
    });
    let a = h.state().appraisal().clone();
    let expected = report::build(&a, &appraise(&a).expect("valid"));

    // AltGr+E types é on a UK keyboard, and Windows reports AltGr as Ctrl+Alt: not an export.
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::ALT), Key::E);
    h.run();
    assert!(matches!(h.state().overlay(), Overlay::None));

    // The HTML report by name into the default folder, from the keyboard alone.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(matches!(h.state().overlay(), Overlay::Export { .. }));
    h.get_by_label("File name").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(matches!(h.state().overlay(), Overlay::None));
    let html = only_file_with(&saved, "html");
    assert_eq!(
        std::fs::read_to_string(&html).expect("written"),
        report::to_html(&expected)
    );
    assert!(h.state().status().contains("Exported the HTML report"));

    // The chart shown (the value profile) as SVG: the report's own chart.
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::ALT), Key::S);
    h.run();
    h.get_by_label("File name").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let svg = only_file_with(&saved, "svg");
    assert_eq!(
        std::fs::read_to_string(&svg).expect("written"),
        report::svg::charts(&expected)[0].svg
    );

    // The workbook through the system's dialog, somewhere else.
    let book = f.dir.path().join("elsewhere.xlsx");
    *f.dialogs.save.lock().expect("lock") = Some(book.clone());
    let h = &mut f.harness;
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::E);
    h.run();
    h.get_by_label("Choose another folder…").click();
    run_until(h, |_| book.exists());
    let bytes = std::fs::read(&book).expect("written");
    assert_eq!(&bytes[..2], b"PK", "an xlsx is a zip");

    // The groups table has no SVG version: it says so rather than writing something else.
    h.get_by_label("Workshop groups").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::ALT), Key::S);
    h.run();
    assert!(matches!(h.state().overlay(), Overlay::None));
    assert!(h.state().status().contains("no SVG version"));

    // Presenting, the chart on screen is the slide's: the ranking slide has none, a chart
    // slide exports its own chart whatever the Results tab shows.
    h.key_press(Key::F5);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::ALT), Key::S);
    h.run();
    assert!(h.state().status().contains("Show a chart first"));
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::ALT), Key::S);
    h.run();
    assert!(matches!(
        h.state().overlay(),
        Overlay::Export {
            kind: ExportKind::Svg("value-profile"),
            ..
        }
    ));
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().presenting(), None);

    // The ranking table onto the clipboard: HTML for Word, tab-separated text for Excel.
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::C);
    h.run();
    let copies = f.clipboard.0.lock().expect("lock").clone();
    assert_eq!(copies.len(), 1);
    let (html, text) = &copies[0];
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + a.options.len());
    assert!(lines[0].starts_with("Rank\tOption\tWeighted score"));
    assert!(lines[1].starts_with(&format!("1st\t{}\t", expected.preferred_option)));
    assert!(html.starts_with("<table>"));
    for o in &a.options {
        assert!(
            html.contains(&o.name) && text.contains(&o.name),
            "{}",
            o.name
        );
    }
}

#[test]
fn an_export_waiting_for_figures_is_cancelled_if_the_appraisal_turns_invalid() {
    // The SMAA runs on a worker here, so the export has to wait for it.
    let dir = tempfile::tempdir().expect("temp dir");
    let saved_dir = dir.path().join("saved-appraisals");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .build_eframe({
            let saved_dir = saved_dir.clone();
            move |cc| {
                let ctx = cc.egui_ctx.clone();
                PartnershipApp::new(
                    &cc.egui_ctx,
                    None,
                    AppEnv {
                        dialogs: Arc::new(FakeDialogs::default()),
                        clipboard: Arc::new(FakeClipboard::default()),
                        disk: Arc::new(storage::RealDisk),
                        saved_dir,
                        robustness: RobustnessRunner::background(move || ctx.request_repaint()),
                        recovery_dir: None,
                    },
                    None,
                )
            }
        });
    // Many draws, so the run is still going when the export is asked for.
    h.state_mut().appraisal_mut().settings.robustness.draws = 2_000_000;
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    h.get_by_label("File name").focus();
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert!(
        h.state().pending_export().is_some(),
        "waiting for the figures"
    );
    assert!(
        h.state()
            .status()
            .starts_with("Exporting the HTML report once")
    );
    // A negative cost typed in: the figures will never come, so the export must not wait.
    h.state_mut().appraisal_mut().options[SHARED]
        .cost
        .annual_running_cost_gbp
        .likely = -1.0;
    h.run_steps(2);
    assert!(h.state().pending_export().is_none());
    assert_eq!(
        h.state().status(),
        "Cancelled exporting the HTML report: the appraisal has problems to fix first (listed where the results go)."
    );
    // Fixed again (and fewer draws, so the figures arrive soon), nothing is written behind
    // the user's back.
    let a = h.state_mut().appraisal_mut();
    a.options[SHARED].cost = storage::default_example().options[SHARED].cost.clone();
    a.settings.robustness.draws = 10_000;
    run_until(&mut h, |app| app.robustness().is_settled());
    assert!(!saved_dir.exists() || std::fs::read_dir(&saved_dir).expect("dir").count() == 0);
}

#[test]
fn the_window_runs_on_an_in_memory_disk_and_never_touches_the_real_one() {
    let disk = Arc::new(storage::MemoryDisk::new());
    let saved_dir = PathBuf::from("/memory/saved-appraisals");
    let recovery_dir = PathBuf::from("/memory/recovery");
    let build = |disk: Arc<storage::MemoryDisk>| {
        let (saved_dir, recovery_dir) = (saved_dir.clone(), recovery_dir.clone());
        let mut h = Harness::builder()
            .with_size(egui::vec2(1366.0, 768.0))
            .with_step_dt(0.5)
            .build_eframe(move |cc| {
                PartnershipApp::new(
                    &cc.egui_ctx,
                    None,
                    AppEnv {
                        dialogs: Arc::new(FakeDialogs::default()),
                        clipboard: Arc::new(FakeClipboard::default()),
                        disk,
                        saved_dir,
                        robustness: RobustnessRunner::inline(),
                        recovery_dir: Some(recovery_dir),
                    },
                    None,
                )
            });
        h.run();
        h
    };
    let mut h = build(Arc::clone(&disk));
    // Save by name: the file is on the in-memory disk, with nothing on the real one.
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    h.run();
    h.get_by_label("Save").click();
    h.run();
    let saved = saved_dir.join("Library services 2026.ron");
    assert_eq!(h.state().path(), Some(saved.as_path()));
    assert!(!saved.exists(), "nothing on the real disk");
    let bytes = disk.get(&saved).expect("on the in-memory disk");
    let text = String::from_utf8(bytes).expect("text");
    assert_eq!(
        storage::parse_str(&text, "x").expect("reads"),
        storage::default_example()
    );
    // A second Save as… sees the name is taken and says so before replacing it.
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    h.run();
    assert!(h.query_by_label("Replace").is_some());
    h.key_press(Key::Escape);
    h.run();
    // An edit is autosaved to the in-memory recovery folder and offered back after a crash.
    h.state_mut().appraisal_mut().meta.author = "Officer".into();
    h.run_steps(8);
    assert!(
        disk.paths().iter().any(|p| p.starts_with(&recovery_dir)),
        "{:?}",
        disk.paths()
    );
    drop(h);
    let mut h = build(Arc::clone(&disk));
    assert!(matches!(h.state().overlay(), Overlay::Recover(..)));
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(h.state().appraisal().meta.author, "Officer");
    assert!(
        h.state().is_dirty(),
        "restored work differs from the saved file"
    );
    // The Open window lists the saved file from the in-memory folder.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert!(h.query_by_label("Library services 2026.ron").is_some());
}

#[test]
fn every_card_control_is_reachable_from_the_keyboard() {
    // Sections of the cards far below the visible area are not laid out (app::ui::unseen),
    // but once the keyboard is in the cards every section is, so Tab can reach each one:
    // each of the five cards then has its monetised social value slider in the tree.
    let mut f = app();
    let h = &mut f.harness;
    let label = "Monetised social value a year";
    let sliders = |h: &Harness<'_, PartnershipApp>| {
        h.query_all_by_role(Role::Slider)
            .filter(|n| n.accesskit_node().label().as_deref() == Some(label))
            .count()
    };
    let before = sliders(h);
    h.get_all_by_label("Option name")
        .next()
        .expect("a card")
        .focus();
    h.run();
    h.run();
    assert_eq!(sliders(h), 5, "was {before} before");
    // Tab moves on from the name through the card, and the focus never lands out of view.
    for _ in 0..12 {
        h.key_press(Key::Tab);
        h.run();
        let focused = h
            .query_all_by_role(Role::Slider)
            .chain(h.query_all_by_role(Role::MultilineTextInput))
            .find(|n| n.is_focused());
        if let Some(node) = focused {
            let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1366.0, 768.0));
            assert!(
                screen.contains_rect(node.rect()),
                "focused control off screen"
            );
        }
    }
}

#[test]
fn year_by_year_opens_from_a_card_and_adds_up_to_its_npsv() {
    let mut f = app();
    let h = &mut f.harness;
    let apply_ob = h.state().appraisal().settings.apply_optimism_bias;
    let npsv_of = |a: &partnership_appraisal::model::Appraisal| {
        appraise(a).expect("valid").options[3]
            .headline(apply_ob)
            .npsv_gbp
    };
    let at_once = npsv_of(h.state().appraisal());
    // Shared service (options[3]) going live in year 2 instead of year 0: the council keeps
    // paying business as usual's running cost for two years, so two years' saving are lost
    // and its NPSV must fall.
    h.state_mut().appraisal_mut().options[3].cost.go_live_year = 2;
    h.run();
    let later = npsv_of(h.state().appraisal());
    assert!(later < at_once, "{later} should be below {at_once}");
    let button = "Year by year: Shared service";
    for _ in 0..40 {
        if h.query_by_label(button).is_some() {
            break;
        }
        h.get_by_role_and_label(Role::Group, "Shared service")
            .scroll_down();
        h.run();
    }
    // The button may sit under the cards' scroll edge: press it as assistive technology would.
    h.get_by_label(button).click_accesskit();
    h.run();
    let total = format!(
        "they add up to the NPSV, {}",
        partnership_appraisal::model::format::gbp(later)
    );
    // A label's text is its AccessKit value.
    let says = |n: &egui_kittest::Node<'_>| {
        let node = n.accesskit_node();
        node.label()
            .into_iter()
            .chain(node.value())
            .any(|t| t.contains(&total))
    };
    let found = h.query_all_by_role(Role::Label).any(|n| says(&n));
    if !found {
        let near: Vec<String> = h
            .query_all_by_role(Role::Label)
            .filter_map(|n| n.accesskit_node().value())
            .filter(|v| v.contains("NPSV"))
            .collect();
        panic!("no \"{total}\" among {near:?}");
    }
    h.check_accessibility();
}

#[test]
fn the_financial_case_tab_says_who_meets_the_target_and_when() {
    let mut f = app();
    let h = &mut f.harness;
    h.get_by_label("Financial case").click();
    h.run();
    assert!(
        h.query_by_role_and_label(
            Role::Figure,
            "Can the council afford it? Cash by financial year"
        )
        .is_some()
    );
    // The library example (year 0 is 2027/28) has a £500k target from 2028/29, year 1:
    // contracting out finds it at once. In year 1 business as usual costs £4.2m × 1.01 =
    // £4.242m; the contract £3.55m, its £120k TUPE bond and £60k of clauses:
    // (4.242 − 3.55 − 0.12 − 0.06)m × 1.02 inflation = £522k, and more each year after. The
    // shared service only from year 2, 2029/30 (worked in words::finance's test, there with
    // year 0 as 2026/27).
    assert!(
        h.query_by_label_contains("Contracting out meets the £500k saving from 2028/29")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Shared service meets the £500k saving from 2029/30")
            .is_some()
    );
    // Changing the target in the side panel moves the sentences: £2m a year is never met.
    h.state_mut()
        .appraisal_mut()
        .settings
        .finance
        .savings_target[0]
        .saving_gbp = 2_000_000.0;
    h.run();
    assert!(
        h.query_by_label_contains("Shared service does not meet the savings target")
            .is_some()
    );
    h.check_accessibility();
}
