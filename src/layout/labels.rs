//! Label placement: puts as many labels as fit beside their markers without any label
//! overlapping another label or any marker, most important first.

use super::Rect;

/// A label that would like to sit beside a marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// Marker centre.
    pub x: f64,
    /// Marker centre.
    pub y: f64,
    /// Marker radius (labels keep clear of it).
    pub(crate) radius: f64,
    /// Label box width.
    pub width: f64,
    /// Label box height.
    pub height: f64,
    /// Larger goes first.
    pub(crate) priority: f64,
}

/// Where a placed label's text is anchored horizontally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// Text starts at x.
    Start,
    /// Text is centred on x.
    Middle,
    /// Text ends at x.
    End,
}

/// A label that found room.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Index into the requests.
    pub index: usize,
    /// The label's box.
    pub rect: Rect,
    /// Text anchor point x.
    pub(crate) text_x: f64,
    /// Text baseline-centre y (the box's vertical middle).
    pub(crate) text_y: f64,
    /// How the text hangs from `text_x`.
    pub(crate) anchor: Anchor,
    /// The label sits away from its marker (every place beside it was taken): a leader
    /// line joins them.
    pub(crate) leader: bool,
}

/// Places labels in priority order, each at the first of eight positions around its marker
/// (or, when all are taken, further out with a leader line) that stays inside `bounds` and
/// clear of every marker and every label already placed. At most `max` labels; the first
/// label that finds no room ends the placing, so none less important is labelled instead.
pub fn place(requests: &[Request], bounds: Rect, max: usize) -> Vec<Placed> {
    let markers: Vec<Rect> = requests
        .iter()
        .map(|r| Rect::new(r.x - r.radius, r.y - r.radius, r.x + r.radius, r.y + r.radius))
        .collect();
    let mut order: Vec<usize> = (0..requests.len()).collect();
    crate::sort::by(&mut order, &|&a, &b| {
        requests[b].priority.total_cmp(&requests[a].priority).then(a.cmp(&b))
    });
    let mut placed: Vec<Placed> = Vec::new();
    // Only the most important few are worth a label; trying every marker of a dense chart
    // would cost time quadratic in the number of markers for labels nobody could read.
    for index in order.into_iter().take(max.saturating_mul(8)) {
        if placed.len() >= max {
            break;
        }
        let r = &requests[index];
        let gap = 3.0;
        let (w, h) = (r.width, r.height);
        let right = r.x + r.radius + gap;
        let left = r.x - r.radius - gap;
        let above = r.y - r.radius - gap - h;
        let below = r.y + r.radius + gap;
        let diag = r.radius * std::f64::consts::FRAC_1_SQRT_2;
        let near = [
            (Rect::new(right, r.y - h / 2.0, right + w, r.y + h / 2.0), Anchor::Start),
            (Rect::new(left - w, r.y - h / 2.0, left, r.y + h / 2.0), Anchor::End),
            (Rect::new(r.x - w / 2.0, above, r.x + w / 2.0, above + h), Anchor::Middle),
            (Rect::new(r.x - w / 2.0, below, r.x + w / 2.0, below + h), Anchor::Middle),
            (Rect::new(r.x + diag, r.y - diag - h - gap, r.x + diag + w, r.y - diag - gap), Anchor::Start),
            (Rect::new(r.x + diag, r.y + diag + gap, r.x + diag + w, r.y + diag + gap + h), Anchor::Start),
            (Rect::new(r.x - diag - w, r.y - diag - h - gap, r.x - diag, r.y - diag - gap), Anchor::End),
            (Rect::new(r.x - diag - w, r.y + diag + gap, r.x - diag, r.y + diag + gap + h), Anchor::End),
        ];
        // A large theft whose every neighbouring place is taken still gets its label a
        // little further out, joined by a leader line, before any smaller theft is
        // labelled: the largest are the ones a reader looks for.
        let far = (1..=6).flat_map(|k| {
            let d = k as f64 * (h + gap);
            [
                (Rect::new(r.x - w / 2.0, above - d, r.x + w / 2.0, above - d + h), Anchor::Middle),
                (Rect::new(r.x - w / 2.0, below + d, r.x + w / 2.0, below + d + h), Anchor::Middle),
                (Rect::new(right + d, r.y - h / 2.0 - d, right + d + w, r.y + h / 2.0 - d), Anchor::Start),
                (Rect::new(left - d - w, r.y - h / 2.0 - d, left - d, r.y + h / 2.0 - d), Anchor::End),
                (Rect::new(right + d, r.y - h / 2.0 + d, right + d + w, r.y + h / 2.0 + d), Anchor::Start),
                (Rect::new(left - d - w, r.y - h / 2.0 + d, left - d, r.y + h / 2.0 + d), Anchor::End),
            ]
        });
        let candidates = near.into_iter().map(|c| (c, false)).chain(far.map(|c| (c, true)));
        let fits = |rect: &Rect| {
            bounds.contains(rect)
                && !markers.iter().any(|m| m.overlaps(rect))
                && !placed.iter().any(|p| p.rect.overlaps(rect))
        };
        // Still no room (a phone's narrow plot, where the largest thefts crowd one another):
        // the free place nearest the marker anywhere in reach, also joined by a leader.
        let found = candidates.into_iter().find(|((rect, _), _)| fits(rect)).or_else(|| {
            let mut reach: Vec<(Rect, Anchor)> = (1..=16)
                .flat_map(|ky| (-8i32..=8).map(move |kx| (ky, kx)))
                .flat_map(|(ky, kx)| {
                    let dy = f64::from(ky) * (h + gap) / 2.0;
                    let dx = f64::from(kx) * w / 4.0;
                    let x0 = r.x - w / 2.0 + dx;
                    [
                        (Rect::new(x0, below + dy, x0 + w, below + dy + h), Anchor::Middle),
                        (Rect::new(x0, above - dy, x0 + w, above - dy + h), Anchor::Middle),
                    ]
                })
                .collect();
            let distance = |rect: &Rect| {
                let (nx, ny) = (super::clamp(r.x, rect.x0, rect.x1), super::clamp(r.y, rect.y0, rect.y1));
                (nx - r.x).hypot(ny - r.y)
            };
            crate::sort::by(&mut reach, &|a, b| distance(&a.0).total_cmp(&distance(&b.0)));
            reach.into_iter().find(|(rect, _)| fits(rect)).map(|c| (c, true))
        });
        let Some(((rect, anchor), leader)) = found else {
            // Labels go strictly by importance: once one finds no room, no less important
            // one is labelled (a reader would take the labelled ones for the largest).
            break;
        };
        let text_x = match anchor {
            Anchor::Start => rect.x0,
            Anchor::Middle => (rect.x0 + rect.x1) / 2.0,
            Anchor::End => rect.x1,
        };
        placed.push(Placed { index, rect, text_x, text_y: (rect.y0 + rect.y1) / 2.0, anchor, leader });
    }
    placed
}

/// Spreads boxes of the given heights, wanting to be centred at `wanted`, along one axis so
/// that none overlap (with `gap` between them) and all stay within `lo..hi` when they fit.
/// Returns the centres, in input order.
pub fn spread(wanted: &[f64], heights: &[f64], gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    crate::sort::by(&mut order, &|&a, &b| wanted[a].total_cmp(&wanted[b]).then(a.cmp(&b)));
    let mut top = vec![0.0; wanted.len()];
    let mut cursor = lo;
    for &i in &order {
        let t = (wanted[i] - heights[i] / 2.0).max(cursor);
        top[i] = t;
        cursor = t + heights[i] + gap;
    }
    // Push back up from the bottom edge if the stack ran over it.
    let mut limit = hi;
    for &i in order.iter().rev() {
        if top[i] + heights[i] > limit {
            top[i] = limit - heights[i];
        }
        limit = top[i] - gap;
    }
    (0..wanted.len()).map(|i| top[i] + heights[i] / 2.0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(x: f64, y: f64, radius: f64, priority: f64) -> Request {
        Request { x, y, radius, width: 60.0, height: 14.0, priority }
    }

    #[test]
    fn placed_labels_overlap_neither_each_other_nor_any_marker() {
        // A dense cluster: many markers close together.
        let requests: Vec<Request> = (0..40)
            .map(|k| {
                req(
                    100.0 + (k % 8) as f64 * 18.0,
                    80.0 + (k / 8) as f64 * 16.0,
                    3.0 + k as f64 % 5.0,
                    k as f64,
                )
            })
            .collect();
        let bounds = Rect::new(0.0, 0.0, 400.0, 300.0);
        let placed = place(&requests, bounds, 100);
        assert!(!placed.is_empty());
        for (k, a) in placed.iter().enumerate() {
            assert!(bounds.contains(&a.rect));
            for b in &placed[k + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "labels {} and {} overlap", a.index, b.index);
            }
            for r in &requests {
                let marker = Rect::new(r.x - r.radius, r.y - r.radius, r.x + r.radius, r.y + r.radius);
                assert!(!a.rect.overlaps(&marker), "label {} covers a marker", a.index);
            }
        }
    }

    #[test]
    fn the_most_important_label_is_placed_first() {
        let requests = [req(200.0, 100.0, 5.0, 1.0), req(205.0, 100.0, 5.0, 9.0)];
        let placed = place(&requests, Rect::new(0.0, 0.0, 400.0, 200.0), 1);
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].index, 1);
    }

    #[test]
    fn labels_flip_left_at_the_right_edge() {
        let placed = place(&[req(390.0, 100.0, 4.0, 1.0)], Rect::new(0.0, 0.0, 400.0, 200.0), 5);
        assert_eq!(placed[0].anchor, Anchor::End);
        assert!(placed[0].rect.x1 <= 390.0 - 4.0);
    }

    #[test]
    fn spread_separates_crowded_boxes_within_bounds() {
        let centres = spread(&[50.0, 50.0, 52.0, 190.0], &[10.0, 10.0, 10.0, 10.0], 2.0, 0.0, 200.0);
        let mut tops: Vec<f64> = centres.iter().map(|c| c - 5.0).collect();
        crate::sort::by(&mut tops, &f64::total_cmp);
        for pair in tops.windows(2) {
            assert!(pair[1] - pair[0] >= 12.0 - 1e-9, "{tops:?}");
        }
        assert!(tops.iter().all(|&t| (0.0..=190.0).contains(&t)), "{tops:?}");
    }
}
