//! Side-by-side lanes for markers that share a column: each marker takes the leftmost
//! lane where it clears every marker already there, so equal or close values (two
//! publishers' figures for the same year) stand apart instead of covering each other.

/// Assigns each marker, in the given order, a lane index below `lanes`.
///
/// `ys` are marker centres; two markers in one lane must be at least `min_gap` apart.
/// A marker that fits in no lane goes to the lane where its nearest neighbour is
/// farthest, so the result is always complete (and overlaps only when the column is
/// genuinely too crowded).
pub(crate) fn assign(ys: &[f64], min_gap: f64, lanes: usize) -> Vec<usize> {
    let lanes = lanes.max(1);
    let mut placed: Vec<Vec<f64>> = vec![Vec::new(); lanes];
    let mut out = Vec::with_capacity(ys.len());
    for &y in ys {
        let clearance =
            |lane: &Vec<f64>| lane.iter().map(|other| (other - y).abs()).fold(f64::INFINITY, f64::min);
        let lane = placed.iter().position(|lane| clearance(lane) >= min_gap).unwrap_or_else(|| {
            (0..lanes).max_by(|a, b| clearance(&placed[*a]).total_cmp(&clearance(&placed[*b]))).unwrap_or(0)
        });
        placed[lane].push(y);
        out.push(lane);
    }
    out
}

/// True when no two markers in the same lane are closer than `min_gap`.
pub fn clear(ys: &[f64], lanes: &[usize], min_gap: f64) -> bool {
    ys.iter().zip(lanes).enumerate().all(|(k, (a, la))| {
        ys[k + 1..].iter().zip(&lanes[k + 1..]).all(|(b, lb)| la != lb || (a - b).abs() >= min_gap)
    })
}

/// Places markers, in the given order, in `lanes` lanes so that no two in one lane are
/// closer than `min_gap`: each at its own level `ys[k]` in the first lane with room there,
/// else at the level nearest its own that some lane has room at (the lowest such lane),
/// kept within `(lo, hi)` where that leaves room. Returns each marker's lane and level.
/// Always complete: every marker gets a spot clear of the others.
pub fn place(ys: &[f64], min_gap: f64, lanes: usize, (lo, hi): (f64, f64)) -> Vec<(usize, f64)> {
    let lanes = lanes.max(1);
    let mut placed: Vec<Vec<f64>> = vec![Vec::new(); lanes];
    let mut out = Vec::with_capacity(ys.len());
    for &y in ys {
        let fits = |lane: &Vec<f64>, at: f64| lane.iter().all(|o| (o - at).abs() >= min_gap - 1e-9);
        // The level itself, then just above or below each marker already in the lane.
        let mut best: Option<(f64, usize, f64)> = None;
        for (k, lane) in placed.iter().enumerate() {
            let mut candidates = vec![y];
            candidates.extend(lane.iter().flat_map(|o| [o - min_gap, o + min_gap]));
            for at in candidates {
                let inside = at >= lo && at <= hi;
                // Outside the plot only when nothing inside is free (ranked after any inside).
                let cost = (at - y).abs() + if inside { 0.0 } else { 1e12 };
                if fits(lane, at) && best.is_none_or(|(c, _, _)| cost < c) {
                    best = Some((cost, k, at));
                }
            }
        }
        let (lane, at) = best.map_or((0, y), |(_, k, at)| (k, at));
        placed[lane].push(at);
        out.push((lane, at));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{assign, place};

    #[test]
    fn a_marker_no_lane_has_room_for_steps_just_clear_of_its_neighbours() {
        /// Levels, lanes, and the (lane, level) each marker is given.
        type Case<'a> = (&'a [f64], usize, &'a [(usize, f64)]);
        let cases: [Case; 4] = [
            (&[100.0, 100.0], 2, &[(0, 100.0), (1, 100.0)]),
            (&[100.0, 100.0, 101.0], 2, &[(0, 100.0), (1, 100.0), (0, 114.0)]),
            (&[100.0, 100.0, 99.0], 2, &[(0, 100.0), (1, 100.0), (0, 86.0)]),
            // At the plot's foot the step goes up, not out of the plot.
            (&[200.0, 199.0], 1, &[(0, 200.0), (0, 186.0)]),
        ];
        for (ys, lanes, want) in cases {
            assert_eq!(place(ys, 14.0, lanes, (0.0, 200.0)), want, "{ys:?} in {lanes} lanes");
        }
    }

    #[test]
    fn markers_share_the_first_lane_until_they_would_touch() {
        let cases: [(&[f64], usize, &[usize]); 5] = [
            (&[], 2, &[]),
            (&[10.0, 40.0, 80.0], 2, &[0, 0, 0]),
            (&[10.0, 12.0, 40.0, 41.0], 2, &[0, 1, 0, 1]),
            (&[10.0, 11.0, 12.0], 3, &[0, 1, 2]),
            // No lane clears: the one whose neighbour is farthest.
            (&[10.0, 20.0, 14.0], 2, &[0, 1, 1]),
        ];
        for (ys, lanes, want) in cases {
            assert_eq!(assign(ys, 14.0, lanes), want, "{ys:?} in {lanes} lanes");
        }
    }

    #[test]
    fn a_single_lane_takes_everything() {
        assert_eq!(assign(&[5.0, 5.0, 5.0], 14.0, 0), vec![0, 0, 0]);
    }
}
