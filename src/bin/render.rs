//! `render`: the charts without a browser, from the same pipeline the page runs.
//!
//! ```text
//! cargo run --release --bin render -- --data public/data/incidents.json --out DIR \
//!     [--from 2022] [--to 2025] [--category bridge] [--confidence official] [--actor NAME]
//!     [--chain NAME] [--q TEXT] [--flow INCIDENT] [--theme light|dark] [--width 960]
//!     [--lang ko|ja|fr|de|it] [--i18n DIR] [--texts DIR]
//!     [--page-url URL] [--html dist/index.html [--releases data/releases [--site-url URL]]]
//! ```
//!
//! Writes `DIR/{yearly,timeline,flows}.svg` (standalone, with title, view, sources, date and
//! link inside the image) and the same as `.png` at twice the size. With `--html`, also writes
//! the default view into that page at its `<!-- first-view -->` marker: the static first view,
//! and each chart's static one-chart page at `embed/CHART/index.html` beside it (the embed
//! code's address, which shows the chart with JavaScript off), and the dataset's checked
//! copy (`data/incidents.checked.json`, the compact form the page reads its own data from).
//! With `--releases DIR` as well, every frozen release `DIR/ID.json` gets its own copy of the
//! app at `v/ID/` beside that page (its own data, its own first view, its base pointing
//! there, and that first view in each other language at `v/ID/LANG/`, where the language
//! picker's links lead without JavaScript), and `versions.json` beside the page lists them, newest first. Each release, and
//! the site root for the current one, also gets its data package (`package/`: CSV tables,
//! `datapackage.json`, a README and a zip of them); the site root gets the feeds of the
//! releases (`feed.atom`, `feed.json`) and `CITATION.cff`, with absolute links when
//! `--site-url` gives the site's address.
//!
//! With `--html`, the incidents' texts in other languages (`--texts DIR`, default
//! `public/data/texts`: `incidents.LANG.json`, see `load::texts`) are checked against the
//! dataset, the build refusing a file with any problem (an id the dataset lacks, a field
//! that is not translatable, a stale text), and written to `data/texts/` beside the page;
//! each release gets those that fit its own dataset with no problem, or none.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(e) = native::run(std::env::args().skip(1).collect()) {
        eprintln!("render: {e}");
        std::process::exit(1);
    }
}

/// The command is native only; the wasm build of the crate has nothing to run here.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::{Path, PathBuf};
    use std::rc::Rc;
    use std::sync::Arc;

    use heist_ledger::lang::Locale;
    use heist_ledger::phrase::{self, Words};

    use heist_ledger::html::{self, StaticChart};
    use heist_ledger::load::{self, fingerprint, parse_dataset};
    use heist_ledger::model::{Dataset, Date, FittedTexts, IncidentTexts};
    use heist_ledger::package::{self, Site};
    use heist_ledger::pipeline::{self, ChartData, ChartKind, Selection};
    use heist_ledger::release;
    use heist_ledger::render::svg::escape;
    use heist_ledger::view::{self, Theme};

    /// Where the static page's markup goes in `index.html`.
    const MARKER: &str = "<!-- first-view -->";

    /// The dataset's address on the page (beside it, under its base).
    const DATA_URL: &str = "data/incidents.json";

    /// The texts files' schema, beside them in `--texts`.
    const TEXTS_SCHEMA: &str = "texts.schema.json";

    struct Args {
        data: PathBuf,
        out: Option<PathBuf>,
        html: Option<PathBuf>,
        releases: Option<PathBuf>,
        i18n: PathBuf,
        texts: PathBuf,
        page_url: String,
        site_url: Option<String>,
        width: u32,
        query: Vec<(String, String)>,
    }

    fn parse_args(args: Vec<String>) -> Result<Args, String> {
        let mut a = Args {
            data: PathBuf::from("public/data/incidents.json"),
            out: None,
            html: None,
            releases: None,
            i18n: PathBuf::from("i18n"),
            texts: PathBuf::from("public/data/texts"),
            page_url: "/heist-ledger/".into(),
            site_url: None,
            width: 960,
            query: Vec::new(),
        };
        let mut it = args.into_iter();
        while let Some(flag) = it.next() {
            let Some(name) = flag.strip_prefix("--") else {
                return Err(format!("unexpected argument {flag:?}; flags start with --"));
            };
            let value = it.next().ok_or_else(|| format!("--{name} needs a value"))?;
            match name {
                "data" => a.data = value.into(),
                "out" => a.out = Some(value.into()),
                "html" => a.html = Some(value.into()),
                "releases" => a.releases = Some(value.into()),
                "i18n" => a.i18n = value.into(),
                "texts" => a.texts = value.into(),
                "page-url" => a.page_url = value,
                "site-url" if value.is_empty() => {}
                "site-url" if value.starts_with("https://") || value.starts_with("http://") => {
                    a.site_url = Some(value)
                }
                "site-url" => return Err(format!("--site-url {value}: give the site's http(s) address")),
                "width" => {
                    a.width = value.parse().ok().filter(|w| (240..=4000).contains(w)).ok_or_else(|| {
                        format!("--width {value}: give a whole number of pixels from 240 to 4000")
                    })?
                }
                // Everything else is a view parameter, spelled as in the page's URL.
                _ => a.query.push((name.to_string(), value)),
            }
        }
        if a.out.is_none() && a.html.is_none() {
            return Err("nothing to do: give --out DIR, --html FILE or both".into());
        }
        if a.releases.is_some() && a.html.is_none() {
            return Err("--releases needs --html: the releases are built beside that page".into());
        }
        Ok(a)
    }

    fn today() -> Date {
        let secs =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    pub fn run(args: Vec<String>) -> Result<(), String> {
        let a = parse_args(args)?;
        let bytes = std::fs::read(&a.data).map_err(|e| format!("{}: {e}", a.data.display()))?;
        let name = a.data.display().to_string();
        let data = Arc::new(parse_dataset(&bytes, &name, today()).map_err(|e| e.to_string())?);
        let (v, mut notices) = view::parse(&a.query);
        let (v, more) = view::reconcile(v, &data);
        notices.extend(more);
        for n in html::notices::tidy(&notices) {
            eprintln!("render: {n}");
        }
        let theme = v.theme.unwrap_or_default();
        let sel = Selection::new(data.clone(), v, theme);
        if let Some(dir) = &a.out {
            // `--lang ko`: the renders in that language's words (as far as the charts carry
            // them: the title and frame), with its number and date forms.
            let words = match sel.view.lang {
                Some(l) if l != Locale::En => Some(locale_words(&a.i18n, l)?),
                _ => None,
            };
            match words {
                Some(w) => phrase::with(w, || write_renders(&sel, dir, a.width, &a.page_url))?,
                None => write_renders(&sel, dir, a.width, &a.page_url)?,
            }
        }
        if let Some(page) = &a.html {
            let texts = read_texts(&a.texts)?;
            let fitted = fit_texts(&texts, &data)?;
            let shell = std::fs::read_to_string(page).map_err(|e| format!("{}: {e}", page.display()))?;
            let site = Site::new(a.site_url.as_deref().unwrap_or(&a.page_url));
            if let Some(dir) = &a.releases {
                let languages = Languages { i18n: &a.i18n, texts: &texts };
                write_releases(&shell, page, dir, &a.page_url, &site, &data.release.id, &languages)?;
                let root = page.parent().ok_or_else(|| format!("{} has no folder", page.display()))?;
                write_package(&root.join("package"), &data, &site)?;
                write_site_files(root, &data, &site)?;
            }
            let site_address = a.site_url.as_deref().unwrap_or(&a.page_url);
            let alternates = html::hreflang_links(site_address);
            let root_page = with_alternates(&with_site_root(&shell, &a.page_url, &a.page_url)?, &alternates)?;
            std::fs::write(page, &root_page).map_err(|e| format!("{}: {e}", page.display()))?;
            let root = page.parent().ok_or_else(|| format!("{} has no folder", page.display()))?;
            write_checked(&root.join("data"), &data, &bytes)?;
            write_texts(&root.join("data"), &texts)?;
            let default = Selection::new(data, Default::default(), Theme::Light);
            write_first_view(&default, &fingerprint(&bytes), page)?;
            write_embed_pages(&default, root, &a.page_url, &a.i18n)?;
            write_locale_pages(&root_page, &default, &fingerprint(&bytes), root, &a.i18n, &fitted)?;
        }
        Ok(())
    }

    /// Each chart's static one-chart page under `dir/embed/CHART/`, and in every other
    /// language under `dir/embed/CHART/LANG/` (its words read from `i18n`), for embeds with
    /// JavaScript off (the embed code's address in that language; `embed.js` hands over to
    /// the live embed).
    fn write_embed_pages(sel: &Selection, dir: &Path, page_url: &str, i18n: &Path) -> Result<(), String> {
        let write = || -> Result<(), String> {
            for kind in ChartKind::ALL {
                let html = heist_ledger::exports::static_embed_page(sel, kind, page_url)
                    .map_err(|e| format!("the {} chart's embed page: {e}", kind.name()))?;
                let folder = dir.join(heist_ledger::exports::static_embed_path(kind));
                std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
                let path = folder.join("index.html");
                std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
            }
            Ok(())
        };
        write()?;
        for l in Locale::ALL.into_iter().filter(|&l| l != Locale::En) {
            phrase::with(locale_words(i18n, l)?, write)?;
        }
        eprintln!(
            "render: wrote the one-chart embed pages, every language, into {}",
            dir.join("embed").display()
        );
        Ok(())
    }

    /// The static first view in every language but English, at `root/LANG/index.html`
    /// (`/ko/`, `/ja/`, …): the same pipeline with that language's words (read from
    /// `i18n/LANG.json`) and its incidents' texts (`texts`) in force, and `<html lang>`,
    /// title and description in it. The
    /// pages' `<base>` stays the site root, so the app, the data and the language files are
    /// shared.
    fn write_locale_pages(
        shell: &str,
        sel: &Selection,
        fingerprint: &str,
        root: &Path,
        i18n: &Path,
        texts: &[(Locale, Rc<FittedTexts>)],
    ) -> Result<(), String> {
        for l in Locale::ALL.into_iter().filter(|&l| l != Locale::En) {
            let words = locale_words(i18n, l)?;
            let dir = root.join(l.code());
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let page = dir.join("index.html");
            let own = texts.iter().find(|(t, _)| *t == l).map(|(_, f)| f.clone());
            phrase::with(words, || {
                html::texts::with(own, || {
                    let shell = in_language(shell, l)?;
                    std::fs::write(&page, shell).map_err(|e| format!("{}: {e}", page.display()))?;
                    write_first_view(sel, fingerprint, &page)
                })
            })?;
        }
        Ok(())
    }

    /// A language's words, read from its file in `i18n`.
    fn locale_words(i18n: &Path, l: Locale) -> Result<Rc<Words>, String> {
        let file = i18n.join(format!("{}.json", l.code()));
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        Ok(Rc::new(Words::parse(l, &text)?))
    }

    /// The page shell in the language in force: `<html lang>`, `<title>` and the
    /// description meta.
    fn in_language(shell: &str, l: Locale) -> Result<String, String> {
        let swap = |text: &str, open: &str, close: &str, new: &str| -> Result<String, String> {
            let start = text.find(open).ok_or_else(|| format!("the page has no {open}"))? + open.len();
            let end = start
                + text[start..].find(close).ok_or_else(|| format!("the page's {open} is not closed"))?;
            Ok(format!("{}{}{}", &text[..start], new, &text[end..]))
        };
        let out = swap(shell, "<html lang=\"", "\"", l.html_lang())?;
        let out = swap(&out, "<title>", "</title>", &escape(&phrase::t("meta.title")))?;
        swap(&out, "<meta name=\"description\" content=\"", "\"", &escape(&phrase::t("meta.description")))
    }

    /// Puts the `hreflang` alternates into the page's head.
    fn with_alternates(shell: &str, links: &str) -> Result<String, String> {
        let at = shell.find("</head>").ok_or("the page has no </head>")?;
        Ok(format!("{}{links}{}", &shell[..at], &shell[at..]))
    }

    /// Points the page's `<base>` at `base` and tells the page where the site root is (for
    /// `versions.json` and pinned permalinks), in a `<meta name="heist-ledger:site-root">`.
    fn with_site_root(shell: &str, base: &str, site_root: &str) -> Result<String, String> {
        const BASE: &str = "<base href=\"";
        let start = shell.find(BASE).ok_or("the page has no <base href=\"...\"> to point at the release")?;
        let rest = &shell[start + BASE.len()..];
        let end = rest.find('>').ok_or("the page's <base> tag is not closed")?;
        let tag = format!(
            r#"<base href="{}" /><meta name="heist-ledger:site-root" content="{}" /><link rel="alternate" type="application/atom+xml" title="Heist Ledger data releases (Atom)" href="{root}feed.atom" /><link rel="alternate" type="application/feed+json" title="Heist Ledger data releases (JSON Feed)" href="{root}feed.json" />"#,
            escape(base),
            escape(site_root),
            root = escape(site_root)
        );
        Ok(format!("{}{tag}{}", &shell[..start], &rest[end + 1..]))
    }

    /// Builds `v/ID/` beside `page` for every frozen release in `dir`, and `versions.json`.
    /// The current release must be among them: a release is cut (frozen) before it ships.
    fn write_releases(
        shell: &str,
        page: &Path,
        dir: &Path,
        page_url: &str,
        site: &Site,
        current: &str,
        languages: &Languages,
    ) -> Result<(), String> {
        let root = page.parent().ok_or_else(|| format!("{} has no folder", page.display()))?;
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        let mut datasets = Vec::new();
        for file in &files {
            datasets.push(write_release(shell, root, file, page_url, site, languages)?);
        }
        if !datasets.iter().any(|d| d.release.id == current) {
            return Err(format!(
                "the current release {current} has no frozen copy in {}: cut it first (copy public/data/incidents.json to {}/{current}.json)",
                dir.display(),
                dir.display()
            ));
        }
        let versions = release::index(&datasets, current);
        let path = root.join("versions.json");
        std::fs::write(&path, release::to_json(&versions)).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("render: wrote {} ({} releases)", path.display(), versions.len());
        Ok(())
    }

    /// One release's folder: the app's files, the frozen data, and a first view drawn from it.
    fn write_release(
        shell: &str,
        site: &Path,
        file: &Path,
        page_url: &str,
        address: &Site,
        languages: &Languages,
    ) -> Result<Dataset, String> {
        let i18n = languages.i18n;
        let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let data = parse_dataset(&bytes, &file.display().to_string(), today()).map_err(|e| e.to_string())?;
        let id = data.release.id.clone();
        if file.file_stem().and_then(|s| s.to_str()) != Some(id.as_str()) {
            return Err(format!("{} holds release {id}: name it {id}.json", file.display()));
        }
        let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
        let out = site.join(release::path_of(&id));
        std::fs::create_dir_all(out.join("data")).map_err(|e| io(&out, e))?;
        // The app itself (script, wasm, styles, icon) is the same for every release.
        for entry in std::fs::read_dir(site).map_err(|e| io(site, e))?.filter_map(Result::ok) {
            let from = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if from.is_file() && !name.ends_with(".html") && name != "versions.json" {
                std::fs::copy(&from, out.join(&name)).map_err(|e| io(&from, e))?;
            }
        }
        let schema = site.join("data/incidents.schema.json");
        if schema.is_file() {
            std::fs::copy(&schema, out.join("data/incidents.schema.json")).map_err(|e| io(&schema, e))?;
        }
        let json = out.join("data/incidents.json");
        std::fs::write(&json, &bytes).map_err(|e| io(&json, e))?;
        write_checked(&out.join("data"), &data, &bytes)?;
        // The texts that fit this release's data with no problem; the others stay out, and
        // its page shows those notes in English with a notice.
        let fitting: Vec<Texts> = languages
            .texts
            .iter()
            .filter(|t| {
                let problems = load::texts::check(&t.file, &data);
                if !problems.is_empty() {
                    eprintln!(
                        "render: release {id}: the {} texts do not fit its data ({} problems, the first {}); none copied",
                        t.locale.code(),
                        problems.len(),
                        problems[0]
                    );
                }
                problems.is_empty()
            })
            .cloned()
            .collect();
        write_texts(&out.join("data"), &fitting)?;
        let fitted = fit_texts(&fitting, &data)?;
        let index = out.join("index.html");
        let base = format!("{page_url}{}", release::path_of(&id));
        let release_shell = with_site_root(shell, &base, page_url)?;
        std::fs::write(&index, &release_shell).map_err(|e| io(&index, e))?;
        write_package(&out.join("package"), &data, address)?;
        let data = Arc::new(data);
        let default = Selection::new(data.clone(), Default::default(), Theme::Light);
        write_first_view(&default, &fingerprint(&bytes), &index)?;
        write_embed_pages(&default, &out, page_url, i18n)?;
        // The language picker's links are relative to the page's base (`v/ID/`), so a
        // reader without JavaScript who picks Korean lands on `v/ID/ko/`: that release's
        // first view in each language, beside its English one.
        write_locale_pages(&release_shell, &default, &fingerprint(&bytes), &out, i18n, &fitted)?;
        drop(default);
        Ok(Arc::unwrap_or_clone(data))
    }

    /// What the pages in other languages are written from: the page's words (`i18n/`) and
    /// the incidents' texts.
    struct Languages<'a> {
        i18n: &'a Path,
        texts: &'a [Texts],
    }

    /// One language's texts file as read: the file's bytes (copied as they are) and its
    /// parsed form.
    #[derive(Clone)]
    struct Texts {
        locale: Locale,
        bytes: Vec<u8>,
        file: IncidentTexts,
    }

    /// Every `incidents.LANG.json` in `dir` (none when the folder is absent), each read and
    /// in the language its name gives. Any other JSON file there but the schema is refused:
    /// a texts file for a language the page does not speak would never be shown.
    fn read_texts(dir: &Path) -> Result<Vec<Texts>, String> {
        let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| io(dir, e))?
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json") && n != TEXTS_SCHEMA)
            .collect();
        names.sort();
        let mut out = Vec::new();
        for name in names {
            let path = dir.join(&name);
            let locale = Locale::ALL
                .into_iter()
                .filter(|&l| l != Locale::En)
                .find(|l| name == format!("incidents.{}.json", l.code()))
                .ok_or_else(|| {
                    format!(
                        "{}: not a texts file: name it incidents.LANG.json for one of the page's languages",
                        path.display()
                    )
                })?;
            let bytes = std::fs::read(&path).map_err(|e| io(&path, e))?;
            let text =
                String::from_utf8(bytes.clone()).map_err(|_| format!("{}: not UTF-8", path.display()))?;
            let file = load::texts::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            if file.locale != locale.code() {
                return Err(format!(
                    "{}: holds locale \"{}\", not {}",
                    path.display(),
                    file.locale,
                    locale.code()
                ));
            }
            out.push(Texts { locale, bytes, file });
        }
        Ok(out)
    }

    /// `texts` held to `data`: any problem refuses the build, each named.
    fn fit_texts(texts: &[Texts], data: &Dataset) -> Result<Vec<(Locale, Rc<FittedTexts>)>, String> {
        let mut out = Vec::new();
        for t in texts {
            let problems = load::texts::check(&t.file, data);
            if !problems.is_empty() {
                let list: Vec<String> = problems.iter().map(|p| format!("\n- {p}")).collect();
                return Err(format!(
                    "the {} texts (incidents.{}.json) do not fit release {}: {} problems{}",
                    t.locale.name(),
                    t.locale.code(),
                    data.release.id,
                    problems.len(),
                    list.concat()
                ));
            }
            out.push((t.locale, Rc::new(load::texts::fit(&t.file, data)?)));
        }
        Ok(out)
    }

    /// The texts files into `dir/texts/`, as they are.
    fn write_texts(dir: &Path, texts: &[Texts]) -> Result<(), String> {
        let folder = dir.join("texts");
        std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        for t in texts {
            let path = folder.join(format!("incidents.{}.json", t.locale.code()));
            std::fs::write(&path, &t.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(())
    }

    /// The checked copy of a dataset read from `bytes`, `dir/incidents.checked.json`: the
    /// page reads its own data from it in the compact form (`load::compact`), so the JSON
    /// reader and the validator ship only in the checker's worker, for `?data=`.
    fn write_checked(dir: &Path, data: &Dataset, bytes: &[u8]) -> Result<(), String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = dir.join("incidents.checked.json");
        let text = heist_ledger::load::compact::encode(data, &fingerprint(bytes));
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// A release's data package in `dir`: the descriptor, the README, the CSV tables, and
    /// the zip of them.
    fn write_package(dir: &Path, data: &Dataset, site: &Site) -> Result<(), String> {
        let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
        let files = package::files(data, site);
        for (name, bytes) in &files {
            let path = dir.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
            }
            std::fs::write(&path, bytes).map_err(|e| io(&path, e))?;
        }
        let zip = dir.join(package::zip_name(&data.release.id));
        std::fs::write(&zip, package::zip(&files)).map_err(|e| io(&zip, e))?;
        eprintln!("render: wrote the data package of release {} into {}", data.release.id, dir.display());
        Ok(())
    }

    /// The site root's feeds of the releases and its CITATION.cff.
    fn write_site_files(root: &Path, data: &Dataset, site: &Site) -> Result<(), String> {
        for (name, text) in [
            ("feed.atom", package::atom(data, site)),
            ("feed.json", package::json_feed(data, site)),
            ("CITATION.cff", package::citation_cff(data, site)),
        ] {
            let path = root.join(name);
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        eprintln!("render: wrote feed.atom, feed.json and CITATION.cff into {}", root.display());
        Ok(())
    }

    fn write_renders(sel: &Selection, dir: &Path, width: u32, page_url: &str) -> Result<(), String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let fonts = fonts();
        for kind in ChartKind::ALL {
            let size = kind.size_for(width);
            let (svg, _) = pipeline::standalone_svg(sel, kind, size, page_url)
                .map_err(|e| format!("the {} chart: {e}", kind.name()))?;
            let path = dir.join(format!("{}.svg", kind.name()));
            std::fs::write(&path, &svg).map_err(|e| format!("{}: {e}", path.display()))?;
            let png = png(&svg, &fonts).map_err(|e| format!("the {} chart as PNG: {e}", kind.name()))?;
            let path = dir.join(format!("{}.png", kind.name()));
            std::fs::write(&path, png).map_err(|e| format!("{}: {e}", path.display()))?;
            eprintln!("render: wrote {} ({}x{} px, PNG at 2x)", kind.name(), size.width, size.height);
        }
        Ok(())
    }

    fn fonts() -> Arc<resvg::usvg::fontdb::Database> {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_system_fonts();
        // The charts ask for system-ui first; the generic family is what a server has.
        db.set_sans_serif_family("DejaVu Sans");
        Arc::new(db)
    }

    /// Rasterises an SVG at twice its size.
    fn png(svg: &str, fonts: &Arc<resvg::usvg::fontdb::Database>) -> Result<Vec<u8>, String> {
        let opt = resvg::usvg::Options { fontdb: fonts.clone(), ..Default::default() };
        let tree = resvg::usvg::Tree::from_str(svg, &opt).map_err(|e| e.to_string())?;
        let size = tree.size();
        let (w, h) = ((size.width() * 2.0).ceil() as u32, (size.height() * 2.0).ceil() as u32);
        let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h).ok_or("the image is too large to draw")?;
        resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(2.0, 2.0), &mut pixmap.as_mut());
        let png = pixmap.encode_png().map_err(|e| e.to_string())?;
        heist_ledger::exports::png_with_dpi(&png, heist_ledger::exports::PNG_DPI)
    }

    /// Draws the default view into the page at its marker; `fingerprint` is that of the
    /// dataset file it is drawn from (the live page adopts the view only for the same data).
    fn write_first_view(sel: &Selection, fingerprint: &str, page: &Path) -> Result<(), String> {
        let shell = std::fs::read_to_string(page).map_err(|e| format!("{}: {e}", page.display()))?;
        if !shell.contains(MARKER) {
            return Err(format!("{} has no {MARKER} marker to put the first view at", page.display()));
        }
        let charts: Vec<StaticChart> = ChartKind::ALL
            .into_iter()
            .map(|kind| {
                // Built once; drawn for each screen class.
                let data = ChartData::new(sel, kind);
                // Drawn light: dark drawings would double the page's weight for what the
                // live page redraws at once; a dark-scheme reader without scripts gets light
                // charts on their own white card.
                let svgs = html::FIRST_VIEW_WIDTHS
                    .iter()
                    .map(|&(class, width)| {
                        let svg = data.draw(kind.size_for(width), Theme::Light).unwrap_or_default();
                        (class, unique_ids(&svg, kind.name(), class))
                    })
                    .collect();
                StaticChart { data, svgs }
            })
            .collect();
        let body = html::static_page(sel, &charts, &pipeline::headline(sel), DATA_URL);
        let first_view = html::root(&body, Some(fingerprint), DATA_URL);
        let out = shell.replacen(MARKER, &format!("{}{first_view}", html::page_header()), 1);
        std::fs::write(page, out).map_err(|e| format!("{}: {e}", page.display()))?;
        eprintln!("render: wrote the first view into {}", page.display());
        Ok(())
    }

    /// Several drawings of one chart share the page: give each its own title and
    /// description ids.
    fn unique_ids(svg: &str, name: &str, class: &str) -> String {
        let (title, desc) = (format!("{name}-title"), format!("{name}-desc"));
        let (t2, d2) = (format!("{name}-{class}-title"), format!("{name}-{class}-desc"));
        svg.replacen(
            &format!(r#"aria-labelledby="{title} {desc}""#),
            &format!(r#"aria-labelledby="{t2} {d2}""#),
            1,
        )
        .replacen(&format!(r#"id="{title}""#), &format!(r#"id="{t2}""#), 1)
        .replacen(&format!(r#"id="{desc}""#), &format!(r#"id="{d2}""#), 1)
    }
}
