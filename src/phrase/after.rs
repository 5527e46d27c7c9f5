//! Whose money an event after a theft concerns, in the words in force: the victims' names
//! joined as the language joins a list, or that no single theft in the dataset is named.

use crate::phrase::{fill, t};

/// The victims an event concerns ([`crate::after::victims`]): "Bybit", "Ronin Network and
/// Harmony", or "no single theft in the dataset" ("데이터셋의 특정 도난 사건 없음").
pub fn victims(names: &[String]) -> String {
    match names {
        [] => t("after.no_single_theft"),
        [one] => one.clone(),
        [rest @ .., last] => {
            let rest = rest.join(&t("after.victims_separator"));
            fill("after.victims_and", &[("last", last), ("rest", &rest)])
        }
    }
}
