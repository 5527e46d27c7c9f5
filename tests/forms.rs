//! The GitHub issue forms take corrections in the change log's shape: every form requires
//! the record, why, the source's address and kind, and a quote; a revision or a
//! translation also requires the field and the values before and after (what a change-log
//! `revised` entry holds); every form's dropdown of source kinds is the dataset's.

#![cfg(not(target_arch = "wasm32"))]

use heist_ledger::model::SourceKind;

const FORMS: [(&str, &str, bool); 4] = [
    ("new-incident", include_str!("../.github/ISSUE_TEMPLATE/new-incident.yml"), false),
    ("revised-figure", include_str!("../.github/ISSUE_TEMPLATE/revised-figure.yml"), true),
    ("new-published-figure", include_str!("../.github/ISSUE_TEMPLATE/new-published-figure.yml"), false),
    ("translation", include_str!("../.github/ISSUE_TEMPLATE/translation.yml"), true),
];

/// Each input of a form, as (id, required, its block of YAML), read from the `- type:`
/// items of its body.
fn inputs(form: &str) -> Vec<(String, bool, String)> {
    form.split("\n  - type: ")
        .skip(1)
        .filter_map(|block| {
            let id = block.lines().find_map(|l| l.trim().strip_prefix("id: "))?.to_string();
            let required = block.lines().any(|l| l.trim() == "required: true");
            Some((id, required, block.to_string()))
        })
        .collect()
}

#[test]
fn every_form_requires_what_a_change_log_entry_holds() {
    for (name, form, revision) in FORMS {
        let required: Vec<String> =
            inputs(form).into_iter().filter(|(_, r, _)| *r).map(|(id, _, _)| id).collect();
        let mut wanted = vec!["record", "why", "source-url", "source-kind", "quote"];
        if revision {
            wanted.extend(["field", "old", "new"]);
        }
        for id in wanted {
            assert!(required.iter().any(|r| r == id), "{name} requires {id}: {required:?}");
        }
    }
}

#[test]
fn every_forms_source_kinds_are_the_datasets() {
    for (name, form, _) in FORMS {
        let (_, _, block) =
            inputs(form).into_iter().find(|(id, _, _)| id == "source-kind").expect("a source kind");
        for kind in SourceKind::ALL {
            assert!(block.contains(&format!("- {} (", kind.slug())), "{name} offers {}", kind.slug());
        }
    }
}
