//! The things a reader can do with the page's buttons, each spelled once: the markup writes
//! an action's slug as `data-action="…"` and the browser layer reads it back with
//! [`Action::from_slug`], so the two sides cannot drift apart.

/// A button's action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show or hide a chart's table.
    Table,
    /// Open or close a chart's embed code.
    Embed,
    /// Copy the embed code.
    CopyEmbed,
    /// Save a chart as SVG.
    Svg,
    /// Save a chart as PNG (at the button's `data-preset`).
    Png,
    /// Save a chart's table as CSV.
    Csv,
    /// Clear every filter.
    Reset,
    /// Clear the date range brushed on the timeline.
    ClearDates,
    /// Save the incidents (the button's `data-export` says which set and format).
    Data,
    /// List every incident in the table.
    ShowAll,
    /// Close the incident's detail panel.
    Close,
    /// Switch between the light and dark theme.
    Theme,
    /// Load the dataset again after a failure.
    Retry,
    /// Open the "Cite this view" panel.
    Cite,
    /// Copy one citation (the button's `data-copy` says which).
    CopyCitation,
    /// Close the "Cite this view" panel.
    CloseCite,
    /// Briefing mode: the previous slide.
    PreviousSlide,
    /// Briefing mode: the next slide.
    NextSlide,
    /// Briefing mode: full screen on or off.
    FullScreen,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 19] = [
        Action::Table,
        Action::Embed,
        Action::CopyEmbed,
        Action::Svg,
        Action::Png,
        Action::Csv,
        Action::Reset,
        Action::ClearDates,
        Action::Data,
        Action::ShowAll,
        Action::Close,
        Action::Theme,
        Action::Retry,
        Action::Cite,
        Action::CopyCitation,
        Action::CloseCite,
        Action::PreviousSlide,
        Action::NextSlide,
        Action::FullScreen,
    ];

    /// The word in `data-action`.
    pub fn slug(self) -> &'static str {
        match self {
            Action::Table => "table",
            Action::Embed => "embed",
            Action::CopyEmbed => "copy-embed",
            Action::Svg => "svg",
            Action::Png => "png",
            Action::Csv => "csv",
            Action::Reset => "reset",
            Action::ClearDates => "clear-dates",
            Action::Data => "data",
            Action::ShowAll => "show-all",
            Action::Close => "close",
            Action::Theme => "theme",
            Action::Retry => "retry",
            Action::Cite => "cite",
            Action::CopyCitation => "copy-citation",
            Action::CloseCite => "close-cite",
            Action::PreviousSlide => "previous-slide",
            Action::NextSlide => "next-slide",
            Action::FullScreen => "full-screen",
        }
    }

    /// The action a `data-action` word names.
    pub fn from_slug(slug: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.slug() == slug)
    }

    /// The attribute as markup writes it: ` data-action="table"`.
    pub fn attr(self) -> String {
        format!(r#" data-action="{}""#, self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads_back_from_its_slug_and_slugs_are_distinct() {
        for a in Action::ALL {
            assert_eq!(Action::from_slug(a.slug()), Some(a));
            assert_eq!(Action::ALL.iter().filter(|b| b.slug() == a.slug()).count(), 1, "{a:?}");
        }
        assert_eq!(Action::from_slug("explode"), None);
    }
}
