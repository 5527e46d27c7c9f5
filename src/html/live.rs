//! The markup only the live page shows, beside the first view's: the status lines (a newer
//! release, notices about the address, the dataset arriving, why it could not be shown),
//! the "Cite this view" panel, a chart's embed code, and the shells of a one-chart embed and
//! of a briefing slide. The browser layer puts it on the page and listens to its buttons by
//! their [`Action`].

use std::fmt::Write;

use crate::cite::Citation;
use crate::html::action::Action;
use crate::html::page::Slot;
use crate::load::Progress;
use crate::model::Release;
use crate::phrase::t;
use crate::release::Version;
use crate::render::svg::escape;
use crate::view::ChartKind;

/// The notices about the address: what was not understood and ignored. Empty when none.
pub fn notices(notices: &[String]) -> String {
    if notices.is_empty() {
        return String::new();
    }
    let items: String = notices.iter().map(|n| format!("<li>{}</li>", escape(n))).collect();
    format!(
        r#"<div class="notices" role="status"><p>{}</p><ul>{items}</ul></div>"#,
        escape(&t("notice.heading"))
    )
}

/// The loading line: how much has arrived, with a bar once the size is known (and an
/// indeterminate one while the file is read).
pub fn progress(p: &Progress) -> String {
    let bar = match (p.parsing, p.total) {
        (true, _) => r#"<progress class="load-bar"></progress>"#.to_string(),
        (false, Some(total)) if total > 0 => {
            format!(r#"<progress class="load-bar" max="{total}" value="{}"></progress>"#, p.received)
        }
        _ => String::new(),
    };
    format!(
        r#"<div class="loading" data-loading="{}"><p role="status" aria-live="polite">{}</p>{bar}</div>"#,
        if p.parsing { "parsing" } else { "receiving" },
        escape(&p.describe())
    )
}

/// Why the data could not be shown: a summary, every problem, what to do, whether the
/// view below is the last good one, and a button to try again.
pub fn error_panel(summary: &str, problems: &[String], hint: Option<&str>, kept: bool) -> String {
    let mut out = format!(r#"<div class="alert" role="alert"><h2>{}</h2>"#, escape(summary));
    if !problems.is_empty() {
        out.push_str(r#"<ul class="problems">"#);
        for p in problems {
            let _ = write!(out, "<li><code>{}</code></li>", escape(p));
        }
        out.push_str("</ul>");
    }
    if let Some(h) = hint {
        let _ = write!(out, "<p>{}</p>", escape(h));
    }
    if kept {
        out.push_str("<p>The charts below still show the last data that loaded.</p>");
    }
    let _ = write!(out, r#"<button class="retry"{}>Try again</button></div>"#, Action::Retry.attr());
    out
}

/// A chart box that has had no size yet (a frame 0 px wide, a collapsed layout): not a
/// failure of the data, and gone as soon as the box gets a size and its chart is drawn.
pub fn waiting_for_room() -> &'static str {
    r#"<div class="alert" role="alert" data-unsized><h2>A chart is waiting for room on the page.</h2><p>Its box has no width yet (the frame or section it sits in is collapsed). It is drawn as soon as it has one.</p></div>"#
}

/// "You are viewing release X (date). Newer data exists: …", linking to the same view on
/// the current data at `href`.
pub fn release_notice(shown: &Release, newer: &Version, href: &str) -> String {
    // Each id and date in its own isolate: a right-to-left character in an id from
    // versions.json must not reorder the notice's own words around it.
    format!(
        r#"<p class="release-notice" role="status" data-release-notice="{}">You are viewing release <bdi>{}</bdi> (<bdi>{}</bdi>). Newer data exists: release <bdi>{}</bdi> (<bdi>{}</bdi>) — <a href="{}">open this view with the current data</a></p>"#,
        escape(&newer.id),
        isolated(&clip(&shown.id)),
        shown.date.human(),
        isolated(&clip(&newer.id)),
        newer.date.human(),
        escape(href)
    )
}

/// Text for the inside of a `<bdi>`: escaped, its direction controls kept as written (the
/// isolate keeps them from reordering anything around it).
fn isolated(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// At most 40 characters of a release id from `versions.json` (a real one has 10 to 13).
fn clip(id: &str) -> String {
    match id.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", &id[..end]),
        None => id.to_string(),
    }
}

/// The "Cite this view" button and, when `citation` is given, its panel with the three
/// formats, each in a read-only field with a Copy button; `status` says how the last copy
/// went.
pub fn cite(citation: Option<&Citation>, status: &str) -> String {
    let open = citation.is_some();
    let mut out = format!(
        r#"<section class="cite" aria-label="{button}"><button type="button" class="cite-button" data-export="cite"{} aria-expanded="{open}"{}>{button}</button>"#,
        Action::Cite.attr(),
        if open { r#" aria-controls="cite-panel""# } else { "" },
        button = escape(&crate::phrase::t("cite.button"))
    );
    if let Some(c) = citation {
        let t = crate::phrase::t;
        let note = escape(&t(if c.pinned { "cite.pinned" } else { "cite.unpinned" }));
        let _ = write!(
            out,
            r#"<div id="cite-panel" class="cite-panel" role="dialog" aria-labelledby="cite-title" tabindex="-1"><h2 id="cite-title">{}</h2><p class="cite-note">{note}</p>"#,
            escape(&t("cite.button"))
        );
        let plain = t("cite.plain_text");
        for (slug, label, text) in
            [("text", plain.as_str(), &c.text), ("bibtex", "BibTeX", &c.bibtex), ("csl", "CSL-JSON", &c.csl)]
        {
            let rows = if slug == "text" { 4 } else { 8 };
            let _ = write!(
                out,
                r#"<div class="cite-field"><label for="cite-{slug}">{label}</label><textarea id="cite-{slug}" data-cite="{slug}" readonly rows="{rows}" spellcheck="false">{}</textarea><button type="button"{} data-copy="{slug}">{}</button></div>"#,
                escape(text),
                Action::CopyCitation.attr(),
                escape(&t("cite.copy"))
            );
        }
        let _ = write!(
            out,
            r#"<p class="cite-status" role="status" aria-live="polite">{}</p><button type="button" class="cite-close"{}>{}</button></div>"#,
            escape(status),
            Action::CloseCite.attr(),
            escape(&t("cite.close"))
        );
    }
    out.push_str("</section>");
    out
}

/// A chart's embed code, pinned to its data release, with a Copy button and how the last
/// copy went.
pub fn embed_panel(kind: ChartKind, code: &str, status: &str) -> String {
    let t = crate::phrase::t;
    // The hint names the address's flags, which stay as written in every language.
    let flags =
        ["&plain", "&static", "&transparent", "&theme=dark"].map(|f| format!("<code>{}</code>", escape(f)));
    let hint = crate::phrase::fill(
        "embed.hint",
        &[
            ("messages", "<code>embed-size</code>"),
            ("plain", &flags[0]),
            ("static", &flags[1]),
            ("transparent", &flags[2]),
            ("dark", &flags[3]),
        ],
    );
    format!(
        r#"<div class="embed-panel" id="{}-embed"><label>{}<textarea readonly rows="3" data-embed-code>{}</textarea></label><button type="button" data-export="embed-copy"{}>{}</button><span role="status">{}</span><p class="hint">{hint}</p></div>"#,
        kind.name(),
        escape(&t("embed.label")),
        escape(code),
        Action::CopyEmbed.attr(),
        escape(&t("embed.copy")),
        escape(status)
    )
}

/// The words around an embedded chart: the view, and (below it) the sources, the data's
/// date and a link back to the full view.
pub struct EmbedWords<'a> {
    /// The view in words.
    pub view: &'a str,
    /// "Sources: …".
    pub sources: &'a str,
    /// "Data as of … (release …)".
    pub dated: &'a str,
    /// The full view's address, pinned to its release.
    pub link: &'a str,
}

/// One chart alone for an iframe: `figure` between its words (none when `plain`), and under
/// it the place for what changed since an earlier release (`?since=`, folded).
pub fn embed_page(figure: &str, words: Option<&EmbedWords>) -> String {
    let diff = Slot::Diff.empty();
    match words {
        None => format!(r#"<div class="embed">{figure}{diff}</div>"#),
        Some(w) => format!(
            r#"<div class="embed"><p class="embed-view">{}</p>{figure}{diff}<footer class="embed-foot">{}</footer></div>"#,
            escape(w.view),
            embed_foot(w)
        ),
    }
}

/// The inside of an embed's footer.
pub fn embed_foot(w: &EmbedWords) -> String {
    format!(
        r#"<p>{}</p><p>{} · <a target="_blank" rel="noopener" data-embed-link href="{}">{}</a></p>"#,
        escape(w.sources),
        escape(w.dated),
        escape(w.link),
        escape(&crate::phrase::t("embed.open_full"))
    )
}

/// Briefing mode's slide `n` of `total` for chart `kind`: its title, its sentence, the
/// chart, the place for what changed since an earlier release (`?since=`, folded), and a
/// footer with the source line and the buttons that move between slides.
pub fn slide(n: usize, total: usize, kind: ChartKind, takeaway: &str, sources: &str, figure: &str) -> String {
    let disabled = |off: bool| if off { " disabled" } else { "" };
    let t = crate::phrase::t;
    let label = crate::phrase::fill(
        "slide.label",
        &[("n", &crate::phrase::integer(n as i64)), ("total", &crate::phrase::integer(total as i64))],
    );
    format!(
        r#"<section class="slide" aria-roledescription="{role}" aria-live="polite" aria-label="{label}"><h1 class="slide-title">{}</h1><p class="takeaway" data-takeaway>{}</p>{note}{figure}{diff}<footer class="slide-foot"><p class="slide-sources">{}</p><nav class="slide-nav" aria-label="{nav}"><button type="button"{}{}>{previous}</button><span class="slide-count">{n} / {total}</span><button type="button"{}{}>{next}</button><button type="button"{}>{full}</button></nav></footer></section>"#,
        escape(&kind.heading()),
        escape(takeaway),
        escape(sources),
        Action::PreviousSlide.attr(),
        disabled(n <= 1),
        Action::NextSlide.attr(),
        disabled(n >= total),
        Action::FullScreen.attr(),
        diff = Slot::Diff.empty(),
        role = escape(&t("slide.role")),
        label = escape(&label),
        nav = escape(&t("slide.nav")),
        previous = escape(&t("slide.previous")),
        next = escape(&t("slide.next")),
        full = escape(&t("slide.full_screen")),
        // Outside English the slide's words are a machine translation: the page's note says
        // so, under the sentence (the foot keeps its one source line beside the buttons).
        note = crate::html::page::machine_note(),
    )
}
