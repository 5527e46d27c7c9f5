//! Small pieces every part of the markup uses: a dataset string escaped and isolated in
//! `<bdi>`, an outbound link, a source's kind tag, a selected option.

use crate::model::SourceKind;
use crate::pipeline::SourceLink;
use crate::render::svg::escape;

/// A dataset string: escaped and isolated.
pub(super) fn bdi(s: &str) -> String {
    format!("<bdi>{}</bdi>", escape(s))
}

/// A dataset string written in English only (a publisher's cadence, a release's notes):
/// isolated, and on a page in another language marked `lang="en"` so it reads (and is
/// spoken) as the English it is.
pub(super) fn english(s: &str) -> String {
    if crate::phrase::is_english() {
        bdi(s)
    } else {
        format!(r#"<bdi lang="en">{}</bdi>"#, escape(s))
    }
}

/// A record's own text (a summary, a title) in the language in force: the record's
/// translation where it has one, marked with its language and, unless a person wrote and
/// reviewed it, a visible note of how it was made ("machine translation, not reviewed", in
/// the page's words); otherwise the English, marked `lang="en"` and said to be English. On
/// the English page, the English as ever.
pub(super) fn data_text(translations: &crate::model::Translations, field: &str, english: &str) -> String {
    if crate::phrase::is_english() {
        return bdi(english);
    }
    let code = crate::phrase::locale().code();
    match translations.get(code).and_then(|tr| tr.texts.get(field).map(|x| (tr, x))) {
        Some((tr, text)) if !text.text.trim().is_empty() => translated(&text.text, tr.method, tr.reviewed),
        _ => english_noted(english, "none", &crate::phrase::t("data.english_only")),
    }
}

/// A translation in the language in force, marked with its language and, unless a person
/// wrote and reviewed it, a visible note of how it was made, in the page's words.
pub(super) fn translated(text: &str, method: crate::model::TranslationMethod, reviewed: bool) -> String {
    use crate::model::TranslationMethod;
    use crate::phrase::t;
    let note = match (method, reviewed) {
        (TranslationMethod::Human, true) => String::new(),
        (TranslationMethod::Human, false) => t("data.human_unreviewed"),
        (TranslationMethod::Machine, true) => t("data.machine_reviewed"),
        (TranslationMethod::Machine, false) => t("data.machine_unreviewed"),
    };
    let note = if note.is_empty() {
        String::new()
    } else {
        format!(r#" <span class="data-note" data-translation="{}">{note}</span>"#, method.slug())
    };
    format!(r#"<bdi lang="{}">{}</bdi>{note}"#, crate::phrase::locale().code(), escape(text))
}

/// The English of a record's text on a page in another language: marked `lang="en"`, with
/// a note (`why`, in the page's words) saying why it is English; `data-translation` names
/// the reason (`none`, `stale`).
pub(super) fn english_noted(english: &str, reason: &str, why: &str) -> String {
    format!(
        r#"<bdi lang="en">{}</bdi> <span class="data-note" data-translation="{reason}">{why}</span>"#,
        escape(english)
    )
}

/// On a page in another language, one note at the top of a part that quotes the dataset's
/// own English (a publisher's schedule, an event's summary, a release's notes, a revision's
/// reason), so the reader knows those lines are the data's and not yet translated; nothing
/// on the English page. (Each quoted text is also marked `lang="en"`.)
pub(super) fn english_section() -> String {
    if crate::phrase::is_english() {
        return String::new();
    }
    format!(r#"<p class="data-note" data-english-section>{}</p>"#, crate::phrase::t("data.english_section"))
}

/// An outbound link, or plain text when the address is not http(s) (the validator refuses
/// those, but a link is never built from one).
pub(super) fn a(url: &str, text_html: &str) -> String {
    if url.starts_with("https://") || url.starts_with("http://") {
        format!(r#"<a href="{}" target="_blank" rel="noopener noreferrer">{text_html}</a>"#, escape(url))
    } else {
        text_html.to_string()
    }
}

/// The kind of a source as a small tag beside its link.
pub(super) fn kind_tag(kind: SourceKind) -> String {
    format!(
        r#" <span class="source-kind" data-source-kind="{}">{}</span>"#,
        kind.slug(),
        crate::phrase::source_kind(kind)
    )
}

/// The kind tag of a source, a copy naming whose text it reproduces ("Copy of primary: FBI
/// PSA I-022625-PSA"), so a mirror reads as what it mirrors.
pub(super) fn kind_tag_of(kind: SourceKind, copy_of: Option<&str>) -> String {
    match (kind, copy_of) {
        (SourceKind::Copy, Some(of)) => format!(
            r#" <span class="source-kind" data-source-kind="copy">{}: {}</span>"#,
            crate::phrase::source_kind(kind),
            bdi(of)
        ),
        _ => kind_tag(kind),
    }
}

pub(super) fn source(s: &SourceLink) -> String {
    format!(
        r#"{} <span class="publisher">({})</span>{}"#,
        a(&s.url, &bdi(&s.title)),
        bdi(&s.publisher),
        kind_tag_of(s.kind, s.copy_of.as_deref())
    )
}

pub(super) fn selected(on: bool) -> &'static str {
    if on {
        " selected"
    } else {
        ""
    }
}
