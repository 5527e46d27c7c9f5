//! Sorting through one compiled sort for the whole program. The standard library compiles
//! its whole sort afresh for every element type and comparator closure: 31 call sites had
//! brought 212 copies into the WebAssembly, 8.7% of its code. Here every list is sorted as
//! a list of positions (`usize`) by a comparator passed by reference, one copy of the sort in
//! all, and then put in that order; the cost is an indirect call per comparison.

use std::cmp::Ordering;

/// Sorts `list` stably by `cmp`.
pub fn by<T>(list: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..list.len()).collect();
    positions(&mut order, &|a, b| cmp(&list[a], &list[b]));
    arrange(list, order);
}

/// Sorts and drops repeats (a set's order without a set).
pub fn unique<T: Ord>(list: &mut Vec<T>) {
    by(list, &|a, b| a.cmp(b));
    list.dedup();
}

/// The one sort: positions, stably, by a comparator of positions.
fn positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Puts `list` in `order` (the position each place takes its item from), following each
/// cycle of the permutation with swaps.
fn arrange<T>(list: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            list.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_is_stable_and_unique_drops_repeats() {
        let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        by(&mut pairs, &|a, b| a.0.cmp(&b.0));
        assert_eq!(pairs, vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut words = vec!["b", "a", "b", "c", "a"];
        unique(&mut words);
        assert_eq!(words, vec!["a", "b", "c"]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Any list comes out as the standard library's stable sort puts it.
        #[test]
        fn any_list_sorts_as_the_standard_stable_sort_does(list in proptest::collection::vec((0u8..8, 0u16..1000), 0..200)) {
            let mut ours = list.clone();
            by(&mut ours, &|a, b| a.0.cmp(&b.0));
            let mut std = list;
            std.sort_by_key(|p| p.0);
            proptest::prop_assert_eq!(ours, std);
        }
    }
}
