//! Clusters of mentions: spellings of one name grouped together, without comparing every mention
//! with every other.
//!
//! Mentions are first put in blocks by a coarse key (the consonant skeleton of the whole name,
//! velars merged), so only mentions in one block are compared with [`similarity`]; a block is
//! usually a handful of spellings, which keeps clustering near-linear in the number of mentions.
//! Within a block, mentions at or above [`SAME_THRESHOLD`] are joined (union-find).

use std::collections::HashMap;

use super::key::{SAME_THRESHOLD, name_key, similarity};

/// The blocking key of a mention: its consonant skeleton with `g` read as `k`.
fn block_key(mention: &str) -> String {
    name_key(mention, true).replace('g', "k")
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Groups `mentions` into clusters of the same name. Each cluster lists mention indexes in
/// increasing order; clusters are ordered by their first mention. Distinct spellings are compared
/// once, so repeated mentions cost nothing extra.
pub fn clusters(mentions: &[&str]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..mentions.len()).collect();
    // One representative per distinct spelling, then blocks of distinct spellings.
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    let mut blocks: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, mention) in mentions.iter().enumerate() {
        match first_of.get(mention) {
            Some(&j) => {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
            None => {
                first_of.insert(mention, i);
                blocks.entry(block_key(mention)).or_default().push(i);
            }
        }
    }
    for block in blocks.values() {
        for (k, &i) in block.iter().enumerate() {
            for &j in &block[k + 1..] {
                if similarity(mentions[i], mentions[j]) >= SAME_THRESHOLD {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..mentions.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    out.sort_unstable_by_key(|g| g.first().copied());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_name_cluster_across_scripts() {
        let mentions = [
            "Qasym-Jomart Toqaev",
            "Heydar Aliyev",
            "Қасым-Жомарт Тоқаев",
            "Ilham Aliyev",
            "Kassym-Jomart Tokayev",
            "Гейдар Алиев",
            "Heydar Aliyev",
            "Mehriban Aliyeva",
            "محمد بن سلمان",
            "Mohammed bin Salman",
        ];
        assert_eq!(
            clusters(&mentions),
            vec![vec![0, 2, 4], vec![1, 5, 6], vec![3], vec![7], vec![8, 9]]
        );
    }

    #[test]
    fn no_mentions_no_clusters() {
        assert!(clusters(&[]).is_empty());
    }
}
