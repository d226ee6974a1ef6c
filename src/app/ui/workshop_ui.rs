//! Workshop groups: each stakeholder group enters its own weights while the others' are
//! hidden, then the room sees every group's ranking side by side and a combined ranking.

use eframe::egui::{self, RichText, Ui};

use super::palette::{option_colour, warning_text};
use super::widgets::{number_slider, short_name};
use crate::model::format::ordinal;
use crate::model::groups::{GroupComparison, compare};
use crate::model::mca::normalise_weights;
use crate::model::{Appraisal, Results, StakeholderGroup};

/// The groups most council workshops have, offered in one click.
pub const USUAL_GROUPS: [&str; 3] = ["Councillors", "Officers", "Community representatives"];

/// What the panel asks the app to do beyond editing values in place.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkshopAction {
    AddGroups(Vec<String>),
    RemoveGroup(usize),
    /// Show this group's sliders and hide every other group's weights.
    EnterWeights(usize),
    /// The group has finished: hide its weights too until the reveal.
    DoneEntering(usize),
    RevealAll,
    UseCombinedWeights,
}

/// Panel-local state.
#[derive(Default)]
pub struct WorkshopPanelState {
    pub new_group_name: String,
    /// The group whose weights are being entered.
    pub entering: Option<usize>,
    /// Which groups have entered their weights since the panel opened, by group index.
    pub entered: Vec<bool>,
}

pub fn workshop_ui(
    ui: &mut Ui,
    appraisal: &mut Appraisal,
    state: &mut WorkshopPanelState,
) -> Vec<WorkshopAction> {
    let mut actions = Vec::new();
    ui.label(
        "Each group gives its own weights. While one group enters them, the others' stay \
         hidden; reveal them all to compare the rankings in the Workshop groups tab under Results.",
    );
    if appraisal.groups.is_empty()
        && ui
            .button("Add Councillors, Officers and Community representatives")
            .clicked()
    {
        actions.push(WorkshopAction::AddGroups(
            USUAL_GROUPS.iter().map(ToString::to_string).collect(),
        ));
    }
    let criteria = appraisal.criteria.clone();
    let entering = state.entering.filter(|&k| k < appraisal.groups.len());
    for (k, group) in appraisal.groups.iter_mut().enumerate() {
        ui.push_id(("group", k), |ui| {
            ui.separator();
            ui.horizontal_wrapped(|ui| {
                ui.strong(&group.name);
                if group.hidden {
                    ui.weak("weights hidden");
                }
            });
            ui.horizontal_wrapped(|ui| {
                // Done takes Enter weights' place, and while one group enters its weights the
                // others' buttons wait, so a click meant for one group cannot start another.
                if entering == Some(k) {
                    if ui
                        .button("Done")
                        .on_hover_text(format!(
                            "{} have finished: hide their weights too",
                            group.name
                        ))
                        .clicked()
                    {
                        actions.push(WorkshopAction::DoneEntering(k));
                    }
                } else if ui
                    .add_enabled(entering.is_none(), egui::Button::new("Enter weights"))
                    .on_hover_text("Shows this group's sliders and hides the other groups' weights")
                    .on_disabled_hover_text("Press Done for the group entering its weights first")
                    .clicked()
                {
                    actions.push(WorkshopAction::EnterWeights(k));
                }
                let toggle = if group.hidden { "Show" } else { "Hide" };
                if ui
                    .button(toggle)
                    .on_hover_text(format!("{toggle} {}'s weights", group.name))
                    .clicked()
                {
                    group.hidden = !group.hidden;
                }
                if ui
                    .button("Remove")
                    .on_hover_text(format!("Remove the group {}", group.name))
                    .clicked()
                {
                    actions.push(WorkshopAction::RemoveGroup(k));
                }
            });
            if entering == Some(k) {
                group_weights_ui(ui, group, &criteria);
            }
        });
    }
    ui.separator();
    let edit = ui
        .add(
            egui::TextEdit::singleline(&mut state.new_group_name)
                .hint_text("e.g. Youth panel")
                .desired_width(ui.available_width()),
        )
        .accessible_name("New group name");
    let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let name = state.new_group_name.trim().to_string();
    let add = ui.add_enabled(!name.is_empty(), egui::Button::new("+ Add group"));
    if (add.clicked() || entered) && !name.is_empty() {
        actions.push(WorkshopAction::AddGroups(vec![name]));
        state.new_group_name.clear();
    }
    if !appraisal.groups.is_empty() {
        let any_hidden = appraisal.groups.iter().any(|g| g.hidden);
        if ui
            .add_enabled(
                any_hidden,
                egui::Button::new("Reveal every group's weights"),
            )
            .clicked()
        {
            actions.push(WorkshopAction::RevealAll);
        }
        if ui
            .add_enabled(
                !any_hidden,
                egui::Button::new("Use the combined weights for the appraisal"),
            )
            .on_hover_text(
                "Sets each criterion's swing weight to the mean of the groups' shares (Ctrl+Z undoes it)",
            )
            .clicked()
        {
            actions.push(WorkshopAction::UseCombinedWeights);
        }
    }
    actions
}

/// The sliders of the group entering its weights, with the share each gives.
fn group_weights_ui(
    ui: &mut Ui,
    group: &mut StakeholderGroup,
    criteria: &[crate::model::Criterion],
) {
    ui.label(RichText::new(format!("{}: weights", group.name)).strong());
    ui.horizontal(|ui| {
        ui.label("Name");
        ui.add(egui::TextEdit::singleline(&mut group.name).desired_width(150.0))
            .accessible_name("Group name");
    });
    let shares = normalise_weights(&group.weights_for(criteria));
    for (c, share) in criteria.iter().zip(shares) {
        let weight = group.swing_weights.entry(c.id.clone()).or_insert(0.0);
        let label = format!("{} — {:.0}%", c.name, share * 100.0);
        number_slider(ui, &label, weight, 0.0..=100.0, 1.0, "");
    }
}

/// Every group's ranking side by side, where they agree, and the combined ranking. Hidden
/// groups keep their columns but show nothing until revealed.
pub fn groups_comparison_ui(
    ui: &mut Ui,
    appraisal: &Appraisal,
    results: &Results,
) -> egui::Response {
    ui.scope(|ui| match compare(appraisal, results) {
        None => {
            ui.label(
                "No workshop groups yet. Add them under Workshop groups in the left panel: \
                 each group gives its own weights, and their rankings appear here side by side.",
            );
        }
        Some(cmp) => comparison_tables(ui, appraisal, &cmp),
    })
    .response
}

fn comparison_tables(ui: &mut Ui, appraisal: &Appraisal, cmp: &GroupComparison) {
    let hidden = cmp.groups.iter().filter(|g| g.hidden).count();
    let all_shown = hidden == 0;
    if !all_shown {
        ui.label(
            RichText::new(crate::words::groups::hidden_groups(
                hidden,
                cmp.groups.len(),
            ))
            .color(warning_text(ui.visuals())),
        );
    } else {
        ui.label(RichText::new(crate::words::groups::agreement(appraisal, cmp)).strong());
        ui.label(crate::words::groups::combined_summary(appraisal, cmp));
    }
    // Options in combined order once everything is shown; in file order before.
    let mut order: Vec<usize> = (0..appraisal.options.len()).collect();
    if all_shown {
        order.sort_by_key(|&i| (cmp.combined.ranks[i], i));
    }
    // In the narrow results panel: ranks only (scores on hover) and shorter names, so the
    // table fits; presentation mode has the room for all of it.
    let compact = ui.available_width() < 640.0;
    if compact {
        ui.label("Hover a rank for its score; F5 shows the full table.");
    }
    let group_name = |ui: &mut Ui, name: &str| {
        ui.strong(short_name(name, if compact { 12 } else { 26 }))
            .on_hover_text(name);
    };
    let rank_cell = |ui: &mut Ui, rank: u32, score: f64, strong: bool| {
        let text = if compact {
            ordinal(rank)
        } else {
            format!("{} · {score:.1}", ordinal(rank))
        };
        let text = if strong {
            RichText::new(text).strong()
        } else {
            RichText::new(text)
        };
        ui.label(text)
            .on_hover_text(format!("weighted score {score:.1}"));
    };
    egui::ScrollArea::both()
        .id_salt("groups_scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("group_rankings")
                .striped(true)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    ui.strong("Option");
                    for g in &cmp.groups {
                        group_name(ui, &g.name);
                    }
                    if all_shown {
                        ui.strong("Combined");
                        ui.strong("Ranks");
                    }
                    ui.end_row();
                    for &i in &order {
                        let o = &appraisal.options[i];
                        ui.horizontal(|ui| {
                            let (rect, _) = ui
                                .allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                            ui.painter().rect_filled(rect, 2.0, option_colour(o.kind));
                            ui.label(short_name(&o.name, if compact { 18 } else { 24 }))
                                .on_hover_text(&o.name);
                        });
                        for g in &cmp.groups {
                            if g.hidden {
                                ui.weak("hidden");
                            } else {
                                rank_cell(ui, g.ranks[i], g.totals[i], false);
                            }
                        }
                        if all_shown {
                            rank_cell(ui, cmp.combined.ranks[i], cmp.combined.totals[i], true);
                            let (best, worst) = cmp.rank_range[i];
                            ui.label(if best == worst {
                                format!("{} for all", ordinal(best))
                            } else {
                                format!("{}–{}", ordinal(best), ordinal(worst))
                            });
                        }
                        ui.end_row();
                    }
                });
            ui.add_space(6.0);
            ui.strong("Weights (share of the decision)");
            egui::Grid::new("group_weights")
                .striped(true)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    ui.strong("Criterion");
                    for g in &cmp.groups {
                        group_name(ui, &g.name);
                    }
                    if all_shown {
                        ui.strong("Combined");
                        ui.strong("Range");
                    }
                    ui.end_row();
                    for (j, c) in appraisal.criteria.iter().enumerate() {
                        ui.label(short_name(&c.name, if compact { 16 } else { 22 }))
                            .on_hover_text(&c.name);
                        for g in &cmp.groups {
                            if g.hidden {
                                ui.weak("hidden");
                            } else {
                                let share = format!("{:.0}%", 100.0 * g.weights[j]);
                                // A screen reader (and a test) needs the row and column too.
                                let spoken = format!(
                                    "{} weight on {}: {share} of the decision",
                                    crate::words::possessive(&g.name),
                                    c.name
                                );
                                ui.label(share).widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken)
                                });
                            }
                        }
                        if all_shown {
                            ui.strong(format!("{:.0}%", 100.0 * cmp.combined.weights[j]));
                            let (lo, hi) = cmp.weight_range[j];
                            ui.label(format!("{:.0}–{:.0}%", 100.0 * lo, 100.0 * hi));
                        }
                        ui.end_row();
                    }
                });
        });
}
