//! Everything the screen shows, read from the page state in one place, so the parts that
//! draw it need not know where each comes from.

use crate::load::Progress;
use crate::pipeline::Selection;
use crate::release::Version;
use crate::view::{Theme, ViewState};
use crate::web::fetch::Failure;
use crate::web::state::Ui;

/// Everything the screen shows, read from the page state.
pub struct Inputs {
    /// The dataset narrowed by the view, once a dataset has loaded.
    pub selection: Option<Selection>,
    /// The fingerprint of the loaded dataset's file.
    pub loaded: Option<String>,
    /// The view in force.
    pub view: ViewState,
    /// What the address held that was not understood.
    pub notices: Vec<String>,
    /// What the rules refused of the reader's last change.
    pub refused: Vec<String>,
    /// The theme the charts are drawn in.
    pub theme: Theme,
    /// The dataset on screen's address as a path on this site (`None` when it came from
    /// another origin): after a failed load, still the last good one's.
    pub(crate) shown_path: Option<String>,
    /// The address the dataset was asked from.
    pub data_url: String,
    /// Why the data could not be shown.
    pub(crate) failure: Option<Failure>,
    /// How far the dataset has come, while it loads.
    pub loading: Option<Progress>,
    /// The site's releases, once fetched.
    pub versions: Option<Vec<Version>>,
    /// What the reader opened on the page.
    pub ui: Ui,
    /// Bumped when a chart box changed size.
    pub resized: u32,
    /// The language the view asks for.
    pub lang: crate::lang::Locale,
    /// The language whose words are in force (another until the asked one's arrive).
    pub words: crate::lang::Locale,
    /// The asked language's words could not be had: the page shows the ones it has.
    pub words_failed: bool,
    /// Bumped when the incidents' texts in force change ([`crate::web::texts`]).
    pub texts: u32,
    /// Bumped a frame after a change of view has drawn its charts: the rest of the page
    /// follows ([`crate::web::screen`]).
    pub rest: u32,
}
