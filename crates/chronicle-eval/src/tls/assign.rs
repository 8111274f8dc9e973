//! Date alignments: the optimal one-to-one assignment (what tilse gets from
//! `scipy.optimize.linear_sum_assignment`) and the many-to-one assignment of
//! each row to its cheapest column (tilse's `_assign_to_min_cost`).
//!
//! Ties are common in alignment costs (equidistant dates, summaries with no
//! word in common), and which optimal assignment is chosen changes the
//! scores, so both follow the reference tie-breaking: the one-to-one solver
//! is the shortest augmenting path method of Crouse (IEEE TAES 52(4), 2016)
//! scanning columns in the order SciPy does, and the many-to-one picks the
//! first minimal column, as `numpy.argmin`.

/// A dense row-major cost matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct CostMatrix {
    rows: usize,
    cols: usize,
    data: Vec<f64>,
}

impl CostMatrix {
    /// A `rows` x `cols` matrix with `cost(i, j)` in row `i`, column `j`.
    pub fn from_fn(rows: usize, cols: usize, mut cost: impl FnMut(usize, usize) -> f64) -> Self {
        let mut data = Vec::with_capacity(rows * cols);
        for i in 0..rows {
            for j in 0..cols {
                data.push(cost(i, j));
            }
        }
        CostMatrix { rows, cols, data }
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn cols(&self) -> usize {
        self.cols
    }

    pub fn get(&self, row: usize, col: usize) -> f64 {
        self.data[row * self.cols + col]
    }

    pub fn transposed(&self) -> CostMatrix {
        CostMatrix::from_fn(self.cols, self.rows, |i, j| self.get(j, i))
    }
}

/// Each row assigned to its first cheapest column; `(row, col)` pairs in row order.
/// A matrix without columns yields no pairs.
pub fn assign_to_min_cost(cost: &CostMatrix) -> Vec<(usize, usize)> {
    if cost.cols == 0 {
        return Vec::new();
    }
    (0..cost.rows)
        .map(|i| {
            let mut best = 0;
            for j in 1..cost.cols {
                // `<` keeps the first of equal minima, as `numpy.argmin`.
                if cost.get(i, j) < cost.get(i, best) {
                    best = j;
                }
            }
            (i, best)
        })
        .collect()
}

/// Minimum-cost one-to-one assignment of `min(rows, cols)` pairs; `(row, col)`
/// pairs sorted by row. Costs must be finite.
pub fn linear_sum_assignment(cost: &CostMatrix) -> Vec<(usize, usize)> {
    if cost.rows == 0 || cost.cols == 0 {
        return Vec::new();
    }
    if cost.cols < cost.rows {
        // Solve with the longer side as columns, as SciPy does.
        let t = cost.transposed();
        let col4row = solve(&t);
        let mut pairs: Vec<(usize, usize)> = col4row
            .into_iter()
            .enumerate()
            .map(|(tr, tc)| (tc, tr))
            .collect();
        pairs.sort_unstable();
        pairs
    } else {
        solve(cost).into_iter().enumerate().collect()
    }
}

/// The column of each row, for `rows <= cols`.
fn solve(input: &CostMatrix) -> Vec<usize> {
    let (nr, nc) = (input.rows, input.cols);
    let mut state = Solver {
        nc,
        cost: input.data.clone(),
        u: vec![0.0; nr],
        v: vec![0.0; nc],
        shortest: vec![f64::INFINITY; nc],
        path: vec![usize::MAX; nc],
        col4row: vec![usize::MAX; nr],
        row4col: vec![usize::MAX; nc],
        in_rows: vec![false; nr],
        in_cols: vec![false; nc],
    };
    for cur_row in 0..nr {
        let Some((sink, min_val)) = state.augmenting_path(cur_row) else {
            // Unreachable with finite costs and rows <= cols.
            break;
        };
        state.u[cur_row] += min_val;
        for i in 0..nr {
            if state.in_rows[i] && i != cur_row {
                state.u[i] += min_val - state.shortest[state.col4row[i]];
            }
        }
        for j in 0..nc {
            if state.in_cols[j] {
                state.v[j] -= min_val - state.shortest[j];
            }
        }
        // Flip the path back to the current row.
        let mut j = sink;
        loop {
            let i = state.path[j];
            state.row4col[j] = i;
            std::mem::swap(&mut state.col4row[i], &mut j);
            if i == cur_row {
                break;
            }
        }
    }
    state.col4row
}

struct Solver {
    nc: usize,
    cost: Vec<f64>,
    /// Row duals.
    u: Vec<f64>,
    /// Column duals.
    v: Vec<f64>,
    shortest: Vec<f64>,
    path: Vec<usize>,
    col4row: Vec<usize>,
    row4col: Vec<usize>,
    in_rows: Vec<bool>,
    in_cols: Vec<bool>,
}

impl Solver {
    /// The sink column of a shortest augmenting path from row `i`, and its length.
    fn augmenting_path(&mut self, mut i: usize) -> Option<(usize, f64)> {
        let nc = self.nc;
        let mut min_val = 0.0;
        // Columns still to scan, filled in reverse so a constant matrix yields
        // the identity; removal swaps the last one in, which fixes the scan
        // order that breaks ties.
        let mut remaining: Vec<usize> = (0..nc).rev().collect();
        self.in_rows.fill(false);
        self.in_cols.fill(false);
        self.shortest.fill(f64::INFINITY);

        loop {
            let mut index = usize::MAX;
            let mut lowest = f64::INFINITY;
            self.in_rows[i] = true;
            for (it, &j) in remaining.iter().enumerate() {
                let r = min_val + self.cost[i * nc + j] - self.u[i] - self.v[j];
                if r < self.shortest[j] {
                    self.path[j] = i;
                    self.shortest[j] = r;
                }
                // Among equal candidates prefer a free column: it ends the path.
                if self.shortest[j] < lowest
                    || (self.shortest[j] == lowest && self.row4col[j] == usize::MAX)
                {
                    lowest = self.shortest[j];
                    index = it;
                }
            }
            min_val = lowest;
            if index == usize::MAX || min_val == f64::INFINITY {
                return None;
            }
            let j = remaining[index];
            self.in_cols[j] = true;
            remaining.swap_remove(index);
            if self.row4col[j] == usize::MAX {
                return Some((j, min_val));
            }
            i = self.row4col[j];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(rows: &[&[f64]]) -> CostMatrix {
        CostMatrix::from_fn(rows.len(), rows.first().map_or(0, |r| r.len()), |i, j| {
            rows[i][j]
        })
    }

    fn total(c: &CostMatrix, pairs: &[(usize, usize)]) -> f64 {
        pairs.iter().map(|&(i, j)| c.get(i, j)).sum()
    }

    #[test]
    fn finds_the_optimum() {
        let c = matrix(&[&[4.0, 1.0, 3.0], &[2.0, 0.0, 5.0], &[3.0, 2.0, 2.0]]);
        let pairs = linear_sum_assignment(&c);
        assert_eq!(pairs, [(0, 1), (1, 0), (2, 2)]);
        assert_eq!(total(&c, &pairs), 5.0);
    }

    #[test]
    fn rectangular_both_ways() {
        let wide = matrix(&[&[5.0, 1.0, 9.0, 0.5], &[5.0, 0.2, 9.0, 7.0]]);
        assert_eq!(linear_sum_assignment(&wide), [(0, 3), (1, 1)]);
        let tall = wide.transposed();
        assert_eq!(linear_sum_assignment(&tall), [(1, 1), (3, 0)]);
    }

    #[test]
    fn constant_matrix_gives_identity() {
        let c = CostMatrix::from_fn(3, 4, |_, _| 0.5);
        assert_eq!(linear_sum_assignment(&c), [(0, 0), (1, 1), (2, 2)]);
    }

    #[test]
    fn min_cost_takes_first_minimum() {
        let c = matrix(&[&[0.5, 0.2, 0.2], &[0.0, 0.0, 1.0]]);
        assert_eq!(assign_to_min_cost(&c), [(0, 1), (1, 0)]);
        assert!(assign_to_min_cost(&CostMatrix::from_fn(2, 0, |_, _| 0.0)).is_empty());
        assert!(linear_sum_assignment(&CostMatrix::from_fn(0, 3, |_, _| 0.0)).is_empty());
    }
}
