//! Presentation mode's own state: which slide is showing. (Its zoom fits the slide to the
//! screen: see `ui::presentation_ui::fitting_zoom`.)

use super::ui::presentation_ui::PresentationAction;

#[derive(Debug, Default)]
pub struct Presentation {
    /// The slide showing; None when not presenting.
    slide: Option<usize>,
}

impl Presentation {
    pub fn slide(&self) -> Option<usize> {
        self.slide
    }

    pub fn is_on(&self) -> bool {
        self.slide.is_some()
    }

    /// Starts on the first slide, or stops.
    pub fn set(&mut self, on: bool) {
        self.slide = on.then_some(0);
    }

    /// Steps through `slide_count` slides; returns whether presenting should stop.
    pub fn step(&mut self, action: PresentationAction, slide_count: usize) -> bool {
        let Some(index) = self.slide else {
            return false;
        };
        let last = slide_count.saturating_sub(1);
        match action {
            PresentationAction::Next => self.slide = Some((index + 1).min(last)),
            PresentationAction::Previous => self.slide = Some(index.saturating_sub(1)),
            PresentationAction::Leave => return true,
        }
        false
    }
}
