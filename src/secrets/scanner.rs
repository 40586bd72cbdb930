//! The secrets engine. One Aho-Corasick automaton over every rule keyword finds which rules can match a
//! buffer and where; only those rules' regexes run, and only in windows around their keyword hits. Each
//! regex match then passes entropy, checksum, placeholder/lookup, allow-list and inline-suppression
//! filters. Base64 blobs and Kubernetes Secret `data:` values are decoded and scanned too; what is found
//! inside them is reported at the encoded text.
//!
//! ```no_run
//! use plimsoll::secrets::{rule::builtin_rules, Scanner, Scratch};
//! let scanner = Scanner::new(builtin_rules().unwrap(), Default::default()).unwrap();
//! let mut scratch = Scratch::default();
//! let found = scanner.scan("config.env", b"TOKEN=ghp_...", &mut scratch);
//! ```

use crate::error::{Error, Result};
use crate::finding::{Confidence, Suppression};
use crate::lazy_regex::LazyRegex;
use crate::secrets::checksum::{decode_b64, decode_b64url};
use crate::secrets::filters;
use crate::secrets::lines::Lines;
use crate::secrets::places;
use crate::secrets::rule::{Precision, Rule, RuleFileKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, BuildError, MatchKind};
use regex_automata::Input;
use regex_automata::meta;
use regex_automata::util::captures::Captures;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

/// Bytes a scan reads with the keyword NFA before it builds the keyword DFA: a pre-push or a one-file
/// scan never pays for the DFA, a tree scan does after its first few files.
const KEYWORD_DFA_AFTER: u64 = 4 << 20;

fn keyword_automaton(keywords: &[String], kind: AhoCorasickKind) -> std::result::Result<AhoCorasick, BuildError> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(kind))
        .build(keywords)
}

/// A value a filter rejected is searched again for a further assignment only up to this length.
const MAX_RESCANNED_VALUE: usize = 256;

/// Base64 runs shorter than this are not decoded (too many identifiers look like base64).
const MIN_BASE64_RUN: usize = 32;
/// Base64 runs longer than this are not decoded (embedded images, archives).
const MAX_BASE64_RUN: usize = 64 * 1024;

/// The confidence below which secret candidates are not reported unless the user asks
/// (`--min-confidence low`). Medium: provider formats and generic assignments with a random value under a
/// secret-like name are reported; well-known dummy passwords (`hunter2`, `changeit`, `P@ssw0rd`) are not.
pub const DEFAULT_MIN_CONFIDENCE: Confidence = Confidence::Medium;

/// Secrets the user accepts, from the config file: regexes over the secret and sha256 hashes of values.
/// Each entry carries the [`Suppression`] it stands for (which config file and line), so a finding it
/// accepts says where that was decided.
#[derive(Debug, Default, Clone)]
pub struct Allowlist {
    pub regexes: Vec<(LazyRegex<regex::bytes::Regex>, Arc<Suppression>)>,
    /// Lowercase hex sha256 of allowed secret values.
    pub value_hashes: HashMap<String, Arc<Suppression>>,
}

impl Allowlist {
    /// The entry that accepts `secret`, if any.
    fn allowing(&self, secret: &[u8]) -> Option<&Arc<Suppression>> {
        self.regexes
            .iter()
            .find(|(r, _)| r.get().is_match(secret))
            .map(|(_, s)| s)
            .or_else(|| {
                if self.value_hashes.is_empty() {
                    return None;
                }
                self.value_hashes.get(&hex::encode(Sha256::digest(secret)))
            })
    }
}

/// Why a candidate the user accepted is not a finding. The candidate is kept, marked, so reports can show
/// it (`--include-suppressed`) and count it; the collector keeps it out of the findings and the exit code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Suppressed {
    /// An inline marker on the line starting at byte `line_start` (the candidate's first line, or the line
    /// before for `pragma: allowlist nextline secret`), with the reason given after ` -- `.
    Inline {
        line_start: usize,
        justification: Option<String>,
    },
    /// An `[allow]` entry of the configuration.
    Config(Arc<Suppression>),
}

/// A secret found in a buffer. Offsets are bytes into the scanned buffer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Index into [`Scanner::rules`].
    pub rule: usize,
    /// Where the secret (or the encoded text that contains it) is.
    pub start: usize,
    pub end: usize,
    /// The secret itself (decoded, when `encoded`).
    pub secret: Vec<u8>,
    /// Found inside base64-encoded text at `start..end`.
    pub encoded: bool,
    /// How likely this is a live credential.
    pub confidence: Confidence,
    /// Set when the user accepted it (inline marker, config allow-list).
    pub suppressed: Option<Suppressed>,
}

impl Candidate {
    /// The same candidate in a buffer where the scanned one starts at `offset`.
    pub fn shifted(mut self, offset: usize) -> Candidate {
        self.start += offset;
        self.end += offset;
        if let Some(Suppressed::Inline { line_start, .. }) = &mut self.suppressed {
            *line_start += offset;
        }
        self
    }
}

/// Per-thread scratch space, reused across files so the hot path does not allocate.
#[derive(Default)]
pub struct Scratch {
    hits: Vec<(u32, usize, usize)>,
    /// (group, start) of each keyword of a medium or far group found by the last [`Scanner::scan`] in the
    /// text itself (not in decoded parts), in order: [`Scanner::group_hits`].
    group_hits: Vec<(usize, usize)>,
    windows: Vec<(usize, usize)>,
    /// Regex cache and captures per rule index, created on the rule's first hit.
    regex: Vec<Option<(meta::Cache, Captures)>>,
}

/// Compiled rule set plus the keyword automaton.
pub struct Scanner {
    rules: Vec<Rule>,
    /// The keyword automaton runs as a contiguous NFA, cheap to build, until the scan has read
    /// [`KEYWORD_DFA_AFTER`] bytes; then the DFA (faster per byte, but ~12 ms to build over the built-in
    /// keywords, a fifth of a one-file scan's start-up) is built once and used from there on. Both report
    /// the same matches.
    ac: AhoCorasick,
    keywords: Vec<String>,
    ac_dfa: OnceLock<Option<AhoCorasick>>,
    scanned: AtomicU64,
    /// Automaton pattern id -> rules that use that keyword.
    pattern_rules: Vec<Vec<u32>>,
    allow: Allowlist,
    /// For each assignment rule (one with a `name` group), its keywords as lowercase letters and digits
    /// (`api_key` -> `apikey`): which rule a name belongs to when it carries several rules' words.
    name_keywords: Vec<(usize, Vec<Vec<u8>>)>,
    /// Candidates below this confidence are not reported (counted in `hidden`).
    min_confidence: Confidence,
    hidden: std::sync::atomic::AtomicU64,
    /// How far around a changed line a scan must look (see [`Scanner::regions`]).
    reach: Reach,
    /// Per rule: its group among [`Reach::tiers`], if it is a medium or far rule.
    rule_group: Vec<Option<usize>>,
    /// Per keyword (pattern of the main automaton): (group, pattern in that group's automaton) for each
    /// group that has it.
    pattern_groups: Vec<Vec<(usize, usize)>>,
}

/// A keyword found: (pattern of the main automaton, start, end).
type KeywordHit = (usize, usize, usize);

/// What [`Scanner::regions`] finds.
pub struct Regions {
    /// The parts of the text to scan: sorted, disjoint.
    pub ranges: Vec<Range<usize>>,
    /// (group, start) of each group keyword in the added lines, in order.
    pub group_keywords: Vec<(usize, usize)>,
    /// Every keyword hit in the added lines.
    hits: Vec<KeywordHit>,
}

/// What a history scan knows of the lines of a new version that its previous version already had
/// (see [`Scanner::regions`]).
pub trait UnchangedLines {
    /// Pushes onto `out`, in order, the lines of `span` (a stretch of unchanged lines, which may start
    /// inside a line) that may hold a keyword of group `group`, as byte ranges (a line may start before
    /// `span` and is then clipped to it); or returns `false` when nothing is known, and the whole span is
    /// searched.
    fn may_hold(&self, group: usize, span: Range<usize>, out: &mut Vec<Range<usize>>) -> bool;
}

/// Nothing known of the unchanged lines: every one may hold any keyword.
pub struct NothingKnown;

impl UnchangedLines for NothingKnown {
    fn may_hold(&self, _: usize, _: Range<usize>, _: &mut Vec<Range<usize>>) -> bool {
        false
    }
}

/// Rules whose regex window is at most this many bytes, and whose `requires` looks at most `NEAR_LINES`
/// lines around a match, are "near" rules: a fixed margin around a changed line is all they need. Most
/// rules (every generic assignment rule) read only the line of their keyword.
const NEAR_WINDOW: usize = 128;
const NEAR_LINES: u32 = 1;

/// Rules beyond the near ones, up to this window and this many `requires` lines, are "medium" rules
/// (provider rules whose keyword is the provider's name a few lines above the token); the rest are "far"
/// rules (private keys, service-account files: windows up to 32 KiB). Each group has its own keyword
/// automaton, searched only as far back as its own rules reach, so a change is widened only where such a
/// keyword actually sits close enough before it.
const MEDIUM_WINDOW: usize = 1024;
const MEDIUM_LINES: u32 = 10;

/// What [`Scanner::regions`] needs: the margin near rules need, and for the medium and far rules, an
/// automaton over their keywords with each keyword's reach.
struct Reach {
    near_bytes: usize,
    near_lines: u32,
    /// Medium, then far (those with rules).
    tiers: Vec<Tier>,
}

/// While [`Reach`] is built: the keywords of one group, each one's (window, lines), the group's bytes.
type TierKeywords = (Vec<String>, Vec<(usize, u32)>, usize);

/// What [`Scanner::regions`] has found with one [`Tier`] so far: keyword hits (start, end, pattern), how
/// far it has searched, and the first hit that can still reach a later range.
#[derive(Clone, Default)]
struct TierSearch {
    hits: Vec<(usize, usize, usize)>,
    searched: usize,
    first: usize,
}

/// The keywords of one group of rules beyond the near ones.
struct Tier {
    ac: AhoCorasick,
    /// Its keywords, lowercase, in pattern order.
    keywords: Vec<String>,
    /// Per pattern: (largest window, most `requires` lines) of its rules.
    per_pattern: Vec<(usize, u32)>,
    /// How far before a changed line a keyword of this group can sit and still reach it.
    bytes: usize,
}

impl Reach {
    /// The reach of `rules`, and each rule's group (index into `tiers`; `None` for near rules).
    fn new(rules: &[Rule]) -> Result<(Reach, Vec<Option<usize>>)> {
        let (mut near_bytes, mut near_lines) = (0, 0);
        let mut rule_group = Vec::with_capacity(rules.len());
        // The medium and far groups: keywords, each keyword's reach, the group's reach.
        let mut groups: [TierKeywords; 2] = Default::default();
        for r in rules {
            let lines = r.requires.as_ref().map_or(0, |(_, n)| *n);
            let longest = r.syntax.keywords.iter().map(String::len).max().unwrap_or(0);
            let bytes = r.syntax.window + longest;
            if r.syntax.window <= NEAR_WINDOW && lines <= NEAR_LINES {
                near_bytes = near_bytes.max(bytes);
                near_lines = near_lines.max(lines);
                rule_group.push(None);
                continue;
            }
            let medium = r.syntax.window <= MEDIUM_WINDOW && lines <= MEDIUM_LINES;
            rule_group.push(Some(usize::from(!medium)));
            let (keywords, reach, group_bytes) = &mut groups[usize::from(!medium)];
            *group_bytes = (*group_bytes).max(bytes);
            for k in &r.syntax.keywords {
                let k = k.to_ascii_lowercase();
                let i = keywords.iter().position(|x| *x == k).unwrap_or_else(|| {
                    keywords.push(k);
                    reach.push((0, 0));
                    keywords.len() - 1
                });
                reach[i] = (reach[i].0.max(r.syntax.window), reach[i].1.max(lines));
            }
        }
        let mut tiers = Vec::new();
        // Groups without rules are left out: the far group's index moves down if there is no medium one.
        if groups[0].0.is_empty() {
            for g in rule_group.iter_mut().flatten() {
                *g = 0;
            }
        }
        for (keywords, per_pattern, bytes) in groups {
            if keywords.is_empty() {
                continue;
            }
            let ac = keyword_automaton(&keywords, AhoCorasickKind::DFA)
                .map_err(|e| Error::Usage(format!("cannot build keyword automaton: {e}")))?;
            tiers.push(Tier {
                ac,
                keywords,
                per_pattern,
                bytes,
            });
        }
        Ok((
            Reach {
                near_bytes,
                near_lines,
                tiers,
            },
            rule_group,
        ))
    }
}

impl Scanner {
    pub fn new(rules: Vec<Rule>, allow: Allowlist) -> Result<Scanner> {
        crate::secrets::rule::check_unique_ids(&rules)?;
        let mut keyword_ids: HashMap<String, usize> = HashMap::new();
        let mut keywords: Vec<String> = Vec::new();
        let mut pattern_rules: Vec<Vec<u32>> = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            for k in &r.syntax.keywords {
                let k = k.to_ascii_lowercase();
                let id = *keyword_ids.entry(k.clone()).or_insert_with(|| {
                    keywords.push(k);
                    pattern_rules.push(Vec::new());
                    keywords.len() - 1
                });
                if !pattern_rules[id].contains(&(i as u32)) {
                    pattern_rules[id].push(i as u32);
                }
            }
        }
        let ac = keyword_automaton(&keywords, AhoCorasickKind::ContiguousNFA)
            .map_err(|e| Error::Usage(format!("cannot build keyword automaton: {e}")))?;
        let name_keywords = rules
            .iter()
            .enumerate()
            // Only the assignment rules of `kind = "generic"` files compete for a name: a provider rule that
            // matched its own name (`GITHUB_TOKEN`) keeps it, and overlap resolution then prefers it by precision.
            .filter(|(_, r)| r.name_group.is_some() && r.kind == RuleFileKind::Generic)
            .map(|(i, r)| (i, r.syntax.keywords.iter().map(|k| alnum_lower(k.as_bytes())).collect()))
            .collect();
        let (reach, rule_group) = Reach::new(&rules)?;
        let mut pattern_groups = vec![Vec::new(); keywords.len()];
        for (g, tier) in reach.tiers.iter().enumerate() {
            for (tp, k) in tier.keywords.iter().enumerate() {
                pattern_groups[keyword_ids[k]].push((g, tp));
            }
        }
        Ok(Scanner {
            reach,
            rule_group,
            pattern_groups,
            rules,
            ac,
            keywords,
            ac_dfa: OnceLock::new(),
            scanned: AtomicU64::new(0),
            pattern_rules,
            allow,
            name_keywords,
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            hidden: Default::default(),
        })
    }

    /// Reports only candidates at or above `min` (default: [`DEFAULT_MIN_CONFIDENCE`]).
    pub fn with_min_confidence(mut self, min: Confidence) -> Self {
        self.min_confidence = min;
        self
    }

    pub fn min_confidence(&self) -> Confidence {
        self.min_confidence
    }

    /// How many candidates were left out so far for being below the minimum confidence.
    pub fn hidden_below_confidence(&self) -> u64 {
        self.hidden.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Every distinct keyword (lowercase); what the prefilter searches for.
    pub fn keywords(&self) -> Vec<String> {
        let mut k: Vec<String> = self
            .rules
            .iter()
            .flat_map(|r| r.syntax.keywords.iter().map(|k| k.to_ascii_lowercase()))
            .collect();
        k.sort();
        k.dedup();
        k
    }

    /// The keyword automaton to search `len` more bytes with (see [`Scanner::ac`]).
    fn keyword_searcher(&self, len: usize) -> &AhoCorasick {
        if let Some(dfa) = self.ac_dfa.get() {
            return dfa.as_ref().unwrap_or(&self.ac);
        }
        if self.scanned.fetch_add(len as u64, Ordering::Relaxed) + (len as u64) < KEYWORD_DFA_AFTER {
            return &self.ac;
        }
        // The NFA over the same keywords built, so the DFA does too short of its own limits; if it does
        // not, the NFA carries on.
        self.ac_dfa
            .get_or_init(|| keyword_automaton(&self.keywords, AhoCorasickKind::DFA).ok())
            .as_ref()
            .unwrap_or(&self.ac)
    }

    /// The parts of `data` to scan so that every candidate whose secret touches `added` (sorted, disjoint
    /// ranges of whole lines) is found as a scan of all of `data` would find it, and not much more: each
    /// range widened by what the near rules can reach (their window and keyword before it, their window after
    /// it, their `requires` line either side), and further where a medium or far rule's keyword (a
    /// provider's name, a private key's header) sits close enough before or inside it for its window to
    /// reach in. Sorted, disjoint, merged. Linear in `data`: each group's consecutive searches never revisit
    /// the same bytes (ranges are whole lines and keywords hold no line break, so none is cut in two).
    ///
    /// The lines before a range that are not added are the previous version's: `unchanged` says which of
    /// them may hold a group's keyword (it knows which of the previous version's lines did), and only those
    /// are searched for that group; where it knows nothing, the whole stretch is. Returns the regions, and
    /// the (group, start) of every keyword of a group found inside the added lines, in order: with what
    /// `unchanged` knew, they say which lines of this version may hold the group's keywords.
    ///
    /// The added lines are searched once, with the main keyword automaton (their group keywords are among
    /// its hits); [`Scanner::scan_added`] reuses those hits instead of searching the added lines again.
    pub fn regions(&self, data: &[u8], added: &[Range<usize>], unchanged: &dyn UnchangedLines) -> Regions {
        let lines = Lines::new(data);
        let reach = &self.reach;
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut state = vec![TierSearch::default(); reach.tiers.len()];
        let mut in_added = Vec::new();
        let mut known = Vec::new();
        let mut main_hits: Vec<KeywordHit> = Vec::new();
        let searcher = self.keyword_searcher(added.iter().map(|r| r.len()).sum());
        for r in added {
            let new_hits = main_hits.len();
            main_hits.extend(
                searcher
                    .find_overlapping_iter(&data[r.clone()])
                    .map(|m| (m.pattern().as_usize(), r.start + m.start(), r.start + m.end())),
            );
            let s = r.start.saturating_sub(reach.near_bytes);
            let e = (r.end + reach.near_bytes).min(data.len());
            let (mut s, mut e) = lines.lines_around(s, e, reach.near_lines as usize);
            for (i, (tier, TierSearch { hits, searched, first })) in reach.tiers.iter().zip(&mut state).enumerate() {
                let lo = r.start.saturating_sub(tier.bytes);
                let search = |from: usize, to: usize, hits: &mut Vec<(usize, usize, usize)>| {
                    hits.extend(
                        tier.ac
                            .find_overlapping_iter(&data[from..to])
                            .map(|m| (from + m.start(), from + m.end(), m.pattern().as_usize())),
                    );
                };
                // The unchanged lines before the range that this group has not searched yet.
                let from = lo.max(*searched);
                if from < r.start {
                    known.clear();
                    if unchanged.may_hold(i, from..r.start, &mut known) {
                        for line in &known {
                            let (a, b) = (line.start.max(from), line.end.min(r.start));
                            if a < b {
                                search(a, b, hits);
                            }
                        }
                    } else {
                        search(from, r.start, hits);
                    }
                }
                // The group's keywords in the added lines: among the main automaton's hits there.
                let before = hits.len();
                for &(p, hs, he) in &main_hits[new_hits..] {
                    if let Some(&(_, tp)) = self.pattern_groups[p].iter().find(|(g, _)| *g == i) {
                        hits.push((hs, he, tp));
                    }
                }
                *searched = r.end;
                in_added.extend(hits[before..].iter().map(|h| (i, h.0)));
                while *first < hits.len() && hits[*first].0 < lo {
                    *first += 1;
                }
                for &(hs, he, p) in &hits[*first..] {
                    let (window, n) = tier.per_pattern[p];
                    if hs >= r.end || he + window < r.start {
                        continue;
                    }
                    let (a, b) = lines.lines_around(hs, (he + window).min(data.len()), n as usize);
                    (s, e) = (s.min(a), e.max(b));
                }
            }
            // The newline ending the last line belongs to the region too.
            e = (e + 1).min(data.len());
            while let Some(last) = out.last()
                && s <= last.end
            {
                s = s.min(last.start);
                e = e.max(last.end);
                out.pop();
            }
            out.push(s..e);
        }
        in_added.sort_unstable_by_key(|&(g, at)| (at, g));
        in_added.dedup();
        Regions {
            ranges: out,
            group_keywords: in_added,
            hits: main_hits,
        }
    }

    /// How many groups of medium and far rules there are (see [`Scanner::regions`]).
    pub fn groups(&self) -> usize {
        self.reach.tiers.len()
    }

    /// The candidates whose secret touches `added` (sorted, disjoint ranges of whole lines of `data`), found
    /// by scanning only the [`Scanner::regions`] around them: the same a scan of all of `data` finds there.
    /// The keywords inside the added lines are searched for once, by [`Scanner::regions`]; each region's scan
    /// searches only its other lines (keywords hold no line break, so none is cut in two). Returns the
    /// candidates (positions in `data`), the group keywords found in the added lines (see
    /// [`Scanner::regions`]) and the bytes scanned.
    pub fn scan_added(
        &self,
        path: &str,
        data: &[u8],
        added: &[Range<usize>],
        unchanged: &dyn UnchangedLines,
        scratch: &mut Scratch,
    ) -> (Vec<Candidate>, Vec<(usize, usize)>, usize) {
        let touches = |c: &Candidate| {
            let i = added.partition_point(|r| r.end <= c.start);
            added.get(i).is_some_and(|r| r.start < c.end.max(c.start + 1))
        };
        let Regions {
            ranges: regions,
            group_keywords: groups,
            hits,
        } = self.regions(data, added, unchanged);
        let (mut candidates, mut scanned) = (Vec::new(), 0);
        let (mut a, mut h) = (0, 0);
        let (mut covered, mut known) = (Vec::new(), Vec::new());
        for region in regions {
            scanned += region.len();
            // The added ranges inside this region (each lies inside one) and their hits, made relative to it.
            covered.clear();
            while let Some(r) = added.get(a)
                && r.start < region.end
            {
                covered.push(r.start - region.start..r.end - region.start);
                a += 1;
            }
            known.clear();
            while let Some(&(p, s, e)) = hits.get(h)
                && s < region.end
            {
                known.push((p, s - region.start, e - region.start));
                h += 1;
            }
            let found = self.scan_known(path, &data[region.clone()], scratch, Some((&known, &covered)));
            candidates.extend(found.into_iter().map(|c| c.shifted(region.start)).filter(touches));
        }
        (candidates, groups, scanned)
    }

    /// The (group, start) of every keyword of a medium or far group (see [`Scanner::regions`]) in `data`,
    /// in order.
    pub fn group_keywords(&self, data: &[u8]) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (i, t) in self.reach.tiers.iter().enumerate() {
            out.extend(t.ac.find_overlapping_iter(data).map(|m| (i, m.start())));
        }
        out.sort_unstable_by_key(|&(g, at)| (at, g));
        out.dedup();
        out
    }

    /// What [`Scanner::group_keywords`] would say of the text the last [`Scanner::scan`] with `scratch`
    /// scanned, from the keyword hits that scan already found.
    pub fn group_hits<'s>(&self, scratch: &'s Scratch) -> &'s [(usize, usize)] {
        &scratch.group_hits
    }

    /// Number of keyword hits in `data`: the prefilter pass alone (benchmarks use it).
    pub fn count_keyword_hits(&self, data: &[u8]) -> usize {
        self.keyword_searcher(data.len()).find_overlapping_iter(data).count()
    }

    /// Finds every secret in `data`, which came from `path` (used for rule path filters only).
    /// Results are ordered by position.
    pub fn scan(&self, path: &str, data: &[u8], scratch: &mut Scratch) -> Vec<Candidate> {
        self.scan_known(path, data, scratch, None)
    }

    /// [`Scanner::scan`], where `known` (if any) gives the keyword hits inside some ranges of `data` (sorted,
    /// disjoint, whole lines): only the rest of `data` is searched for keywords.
    fn scan_known(
        &self,
        path: &str,
        data: &[u8],
        scratch: &mut Scratch,
        known: Option<(&[KeywordHit], &[Range<usize>])>,
    ) -> Vec<Candidate> {
        let mut out = Vec::new();
        self.scan_plain_known(path, data, scratch, &mut out, known);
        // A keyword occurrence is a hit of every rule that has it, so a group's rules' hits are its keywords.
        scratch.group_hits.clear();
        scratch.group_hits.extend(
            scratch
                .hits
                .iter()
                .filter_map(|&(r, start, _)| self.rule_group[r as usize].map(|g| (g, start))),
        );
        scratch.group_hits.sort_unstable_by_key(|&(g, at)| (at, g));
        scratch.group_hits.dedup();
        // Names and values apart (SQL column lists, HCL variable blocks) only matter where a name keyword is.
        if scratch
            .hits
            .iter()
            .any(|h| self.rules[h.0 as usize].name_group.is_some())
        {
            self.scan_places(path, data, scratch, &mut out);
        }
        let encoded_values = self.scan_encoded(path, data, scratch, &mut out);
        // A generic rule matching the base64 text of a Kubernetes Secret value is superseded by what the
        // decoded value shows.
        if !encoded_values.is_empty() {
            out.retain(|c| {
                c.encoded || self.rules[c.rule].syntax.precision >= Precision::High || !within(&encoded_values, c)
            });
        }
        // Overlaps among the candidates the user did not accept are resolved exactly as if the accepted
        // ones did not exist; an accepted candidate is kept (marked) where no reported one overlaps it.
        let (active, accepted): (Vec<Candidate>, Vec<Candidate>) =
            out.into_iter().partition(|c| c.suppressed.is_none());
        let mut found = self.keep_most_specific(active);
        if !accepted.is_empty() {
            let accepted = self.keep_most_specific(accepted);
            // Reported spans never overlap, so sorted by start they are sorted by end: only the last one
            // starting before `c.end` can overlap `c`.
            let overlaps = |c: &Candidate| {
                let i = found.partition_point(|f| f.start < c.end);
                i > 0 && found[i - 1].end > c.start
            };
            let kept: Vec<Candidate> = accepted.into_iter().filter(|c| !overlaps(c)).collect();
            found.extend(kept);
            found.sort_by_key(|c| (c.start, c.end, c.rule));
        }
        // Filtered after overlap resolution, so a low-confidence generic match never hides behind or
        // displaces a provider finding on the same value.
        let before = found.len();
        found.retain(|c| c.confidence >= self.min_confidence);
        if found.len() < before {
            self.hidden
                .fetch_add((before - found.len()) as u64, std::sync::atomic::Ordering::Relaxed);
        }
        found
    }

    /// One secret, one finding: where candidates of different rules overlap (a provider rule and a
    /// generic assignment rule on the same value, a key inside a credentials file...), keep the one from the
    /// most precise rule, then the most severe, then the decoded one, then the longest. Returns them ordered by position.
    fn keep_most_specific(&self, mut found: Vec<Candidate>) -> Vec<Candidate> {
        if found.len() > 1 {
            found.sort_by(|a, b| {
                let (ra, rb) = (&self.rules[a.rule], &self.rules[b.rule]);
                rb.syntax
                    .precision
                    .cmp(&ra.syntax.precision)
                    .then(rb.severity.cmp(&ra.severity))
                    // A token found inside decoded text names what to revoke better than the envelope
                    // rule (`docker-config.auth`, `http.basic-auth`) that matched the same text.
                    .then(b.encoded.cmp(&a.encoded))
                    .then((b.end - b.start).cmp(&(a.end - a.start)))
                    .then(a.start.cmp(&b.start))
                    .then(a.rule.cmp(&b.rule))
            });
            let mut kept: Vec<Candidate> = Vec::with_capacity(found.len());
            // Kept spans (start -> end) never overlap, so sorted by start they are sorted by end too: only
            // the last span starting before `c.end` can overlap `c`. A B-tree keeps each step O(log n)
            // (inserting into a sorted Vec is O(n) and made this quadratic on many candidates).
            let mut spans: BTreeMap<usize, usize> = BTreeMap::new();
            for c in found {
                let overlaps = spans.range(..c.end).next_back().is_some_and(|(_, &end)| end > c.start);
                if !overlaps {
                    spans.insert(c.start, c.end);
                    kept.push(c);
                }
            }
            found = kept;
        }
        found.sort_by_key(|c| (c.start, c.end, c.rule));
        found
    }

    fn scan_plain(&self, path: &str, data: &[u8], scratch: &mut Scratch, out: &mut Vec<Candidate>) {
        self.scan_plain_known(path, data, scratch, out, None);
    }

    /// [`Scanner::scan_plain`] with the keyword hits of some ranges known (see [`Scanner::scan_known`]).
    fn scan_plain_known(
        &self,
        path: &str,
        data: &[u8],
        scratch: &mut Scratch,
        out: &mut Vec<Candidate>,
        known: Option<(&[KeywordHit], &[Range<usize>])>,
    ) {
        scratch.hits.clear();
        let (pre, covered) = known.unwrap_or_default();
        let searched = data.len() - covered.iter().map(|c| c.len()).sum::<usize>();
        let searcher = self.keyword_searcher(searched);
        let search = |from: usize, to: usize, hits: &mut Vec<(u32, usize, usize)>| {
            for m in searcher.find_overlapping_iter(&data[from..to]) {
                for &r in &self.pattern_rules[m.pattern().as_usize()] {
                    hits.push((r, from + m.start(), from + m.end()));
                }
            }
        };
        let mut at = 0;
        for c in covered {
            if at < c.start {
                search(at, c.start, &mut scratch.hits);
            }
            at = c.end;
        }
        if at < data.len() {
            search(at, data.len(), &mut scratch.hits);
        }
        for &(p, s, e) in pre {
            for &r in &self.pattern_rules[p] {
                scratch.hits.push((r, s, e));
            }
        }
        if scratch.hits.is_empty() {
            return;
        }
        scratch.hits.sort_unstable();
        let lockfile = filters::is_lockfile(path);
        let hits = std::mem::take(&mut scratch.hits);
        let lines = Lines::new(data);
        let mut i = 0;
        while i < hits.len() {
            let r = hits[i].0;
            let j = i + hits[i..].iter().take_while(|h| h.0 == r).count();
            let rule = &self.rules[r as usize];
            if rule.applies_to(path) && !(lockfile && rule.syntax.precision < Precision::High) {
                self.run_rule(r as usize, path, &lines, &hits[i..j], scratch, out);
            }
            i = j;
        }
        scratch.hits = hits;
    }

    fn run_rule(
        &self,
        r: usize,
        path: &str,
        lines: &Lines,
        hits: &[(u32, usize, usize)],
        scratch: &mut Scratch,
        out: &mut Vec<Candidate>,
    ) {
        let rule = &self.rules[r];
        let data = lines.data;
        scratch.windows.clear();
        for &(_, s, e) in hits {
            let ws = lines.line_start(s);
            let we = lines.line_end((e + rule.syntax.window).min(data.len()));
            match scratch.windows.last_mut() {
                Some(last) if ws <= last.1 => last.1 = last.1.max(we),
                _ => scratch.windows.push((ws, we)),
            }
        }
        if scratch.regex.len() <= r {
            scratch.regex.resize_with(r + 1, || None);
        }
        // The first hit of a rule in this process compiles its regex.
        let regex = rule.regex.get();
        let (cache, caps) = scratch.regex[r].get_or_insert_with(|| (regex.create_cache(), regex.create_captures()));
        for &(ws, we) in &scratch.windows {
            let mut pos = ws;
            while pos <= we {
                regex.search_captures_with(cache, &Input::new(data).range(pos..we), caps);
                let Some(m) = caps.get_match() else { break };
                pos = if m.end() > m.start() { m.end() } else { m.end() + 1 };
                let Some((g, name, sg)) = std::iter::once((rule.secret_group, rule.name_group))
                    .chain(rule.alternatives.iter().copied())
                    .find_map(|(sg, ng)| Some((caps.get_group(sg)?, ng.and_then(|n| caps.get_group(n)), sg)))
                else {
                    continue;
                };
                let name = name.map(|n| subscript_owner(data, n.start, n.end).unwrap_or(&data[n.range()]));
                // Where the assignment was read (the `secret_X` group's suffix): loose places such as prose and
                // calls ask more of the value.
                let place = rule.groups.name(sg).and_then(|n| n.strip_prefix("secret_"));
                if let Some((confidence, suppressed)) =
                    self.accept(r, path, lines, (m.start(), m.end()), (g.start, g.end), (name, place))
                {
                    out.push(Candidate {
                        rule: r,
                        start: g.start,
                        end: g.end,
                        secret: data[g.range()].to_vec(),
                        encoded: false,
                        confidence,
                        suppressed,
                    });
                } else if g.start > m.start() && g.end - g.start <= MAX_RESCANNED_VALUE {
                    // A rejected value can hold the real assignment: in `t = os.getenv("API_TOKEN", "…")` the
                    // first match takes `os.getenv(` as the value of `t` and its closing quote, hiding the
                    // name that follows. Search again from the value (bounded, so the rescans stay linear).
                    pos = g.start;
                }
            }
        }
    }

    /// Every filter after the regex, then the confidence of what passes. `m*` is the whole match, `s*` the
    /// secret group, `name` the name group of an assignment rule, `place` the alternative that matched
    /// (`prose`, `call`, `flag`...; `None` for the rule's main one).
    fn accept(
        &self,
        r: usize,
        path: &str,
        lines: &Lines,
        (ms, me): (usize, usize),
        (ss, se): (usize, usize),
        (name, place): (Option<&[u8]>, Option<&str>),
    ) -> Option<(Confidence, Option<Suppressed>)> {
        let rule = &self.rules[r];
        let data = lines.data;
        let secret = &data[ss..se];
        if secret.is_empty() {
            return None;
        }
        if let Some(mut min) = rule.syntax.min_entropy {
            // Under a name, the value is judged against what a random value of its alphabet and length reaches.
            if name.is_some() {
                min = filters::entropy_floor(secret, min);
            }
            if filters::shannon_entropy(secret) < min {
                return None;
            }
        }
        if name.is_some() {
            // A rule that expects a random value takes a short one only when it mixes upper case, lower case and
            // digits, as generated keys and passwords do (`kubernetes1`, `dillon-123` are words); so do the loose
            // places, prose and setter calls, whatever the length.
            let expects_random = rule.syntax.min_entropy.is_some_and(|m| m >= 3.5);
            let random_looking =
                filters::mixes_case_and_digits(secret) || (secret.len() >= 32 && filters::is_hex_shaped(secret));
            if ((expects_random && secret.len() < 16) || matches!(place, Some("prose" | "call"))) && !random_looking {
                return None;
            }
            if filters::is_hand_typed_hex(secret) {
                return None;
            }
        }
        if let Some(c) = rule.checksum
            && !c.verify(secret)
        {
            return None;
        }
        if filters::is_placeholder(secret)
            || filters::is_password_hash(secret)
            || filters::has_sequential_run(secret, 6)
            || filters::is_identifier_naming_a_secret(secret)
            || filters::is_structured_value(secret)
            || filters::is_public_key_der(secret)
        {
            return None;
        }
        // `APIKEY:SENDER@`, `ACCESS_KEY:SECRET_KEY@`: a URI template naming its parts in capitals.
        if let Some(user) = uri_user(data, ss)
            && [user, secret]
                .iter()
                .all(|w| w.iter().all(|c| c.is_ascii_uppercase() || *c == b'_'))
        {
            return None;
        }
        if is_concatenation(secret) {
            return None;
        }
        let quoted = ss > 0 && matches!(data[ss - 1], b'"' | b'\'' | b'`');
        // A URI password is a literal whatever it starts with (`deploy-token-1:_aJQ9…@gitlab.com`).
        if !quoted && uri_user(data, ss).is_none() && is_unquoted_reference(secret) {
            return None;
        }
        // In program source a literal is quoted: an unquoted value after a name is an expression
        // (`Fido2Credentials = fido2Credentials`, `SigningKey = keys.Wrapped`), not a credential.
        if !quoted && name.is_some() && place != Some("def") && filters::is_program_source(path) {
            return None;
        }
        if filters::followed_by_documentation_host(&data[se..lines.line_end(se).min(se + 128)]) {
            return None;
        }
        let mut confidence = match rule.syntax.precision {
            Precision::VeryHigh | Precision::High => Confidence::High,
            Precision::Medium | Precision::Low => Confidence::Medium,
        };
        if let Some(name) = name {
            // A parameter of an HTML-escaped query string (`…?e=1700000321&amp;token=…`): a signed URL's
            // signature or a link's parameter, read by the rules as if `&` were not there.
            if ms >= 4 && data[ms - 4..=ms].eq_ignore_ascii_case(b"&amp;") {
                return None;
            }
            // A signed webhook's nonce: Mailgun-style `signature: {timestamp, token, signature}` objects carry a
            // random `token` that is public in every delivery; the signing key is elsewhere.
            if filters::name_words(name).last().is_some_and(|w| w == "token") {
                // Three lines either way, at most 512 bytes each side (a one-line JSON file stays linear).
                let (a, b) = lines.lines_around(ms, me, 3);
                let around = data[a.max(ms.saturating_sub(512))..b.min(me + 512)].to_ascii_lowercase();
                if memchr::memmem::find(&around, b"\"timestamp\"").is_some()
                    && memchr::memmem::find(&around, b"\"signature\"").is_some()
                {
                    return None;
                }
            }
            // The name decides whether a digest-shaped value counts: under `webhook_secret` a 64-hex value
            // is the secret, under `token_sha256` or `api_key_id` nothing here is.
            if filters::classify_name(name) == filters::NameKind::NotSecret
                || filters::is_labelled_digest(secret)
                || filters::repeats_name(secret, name)
                || !self.owns_name(r, name)
            {
                return None;
            }
            confidence = assignment_confidence(secret);
            // In tests, a hex value or a 16-byte base64 value given as a password is an expected hash or a
            // salt (`matches("password", "5f4dcc3b…")`, `<user password='12b141f3…'/>`).
            if filters::is_test_path(path)
                && filters::name_words(name)
                    .last()
                    .is_some_and(|w| matches!(w.as_str(), "password" | "passwd" | "pwd" | "pass"))
                && (secret.iter().all(u8::is_ascii_hexdigit) || (secret.len() == 24 && secret.ends_with(b"==")))
            {
                confidence = Confidence::Low;
            }
        } else if rule.syntax.precision == Precision::Low && filters::looks_like_digest(secret) {
            return None;
        }
        if rule.allow.iter().any(|a| a.get().is_match(secret)) {
            return None;
        }
        // Dummy values are judged against the words of the name they are assigned to, or of the URI user
        // they belong to (`minio:minio123@`, `EncryptedKey = "test-encrypted-key"`).
        let owner = name.or_else(|| uri_user(data, ss)).unwrap_or_default();
        match decoded_text(secret) {
            Some(text)
                if filters::is_placeholder(&text)
                    || filters::is_identifier_naming_a_secret(&text)
                    || filters::is_password_hash(&text) =>
            {
                return None;
            }
            Some(text) if filters::is_dummy_value(&text, owner) || is_weak_pair(&text) || filters::is_prose(&text) => {
                confidence = Confidence::Low
            }
            None if encoded_parts_are_prose(secret) || prefixed_body_is_prose(secret) => confidence = Confidence::Low,
            _ if filters::is_dummy_value(secret, owner)
                || filters::is_kebab_words(secret)
                || (rule.syntax.precision < Precision::High && filters::is_prose(secret))
                || (rule.syntax.precision < Precision::High && filters::says_it_is_made_up(secret)) =>
            {
                confidence = Confidence::Low
            }
            // A provider-format token or a private key stays what it is under a `FAKE_…` name; only a
            // generic value is judged by what its name says.
            _ if rule.syntax.precision < Precision::High
                && filters::names_it_as_made_up(&data[lines.line_start(ss)..ss]) =>
            {
                confidence = Confidence::Low
            }
            _ => {}
        }
        if let Some((re, n)) = &rule.requires {
            let (a, b) = lines.lines_around(ms, me, *n as usize);
            if !re.get().is_match(&data[a..b]) {
                return None;
            }
        }
        // Last: what the user accepted is still a finding, kept and marked.
        Some((confidence, self.suppression(lines, ms, me, secret)))
    }

    /// Whether rule `rule` is the assignment rule `name` belongs to: the one whose keyword comes last in it
    /// (`SECRET_TOKEN` is a token, `TOKEN_SECRET` a secret, `STRIPE_SECRET_KEY_LIVE` a secret). A name may run on
    /// past its keyword (`ACCESS_TOKEN_SENDGRID`), so two rules can match the same name; one reports it.
    fn owns_name(&self, rule: usize, name: &[u8]) -> bool {
        let name = alnum_lower(name);
        let last_end = |kws: &[Vec<u8>]| {
            kws.iter()
                .filter(|k| !k.is_empty())
                .filter_map(|k| memchr::memmem::rfind(&name, k).map(|i| i + k.len()))
                .max()
        };
        let mine = self
            .name_keywords
            .iter()
            .find(|(i, _)| *i == rule)
            .and_then(|(_, k)| last_end(k));
        let Some(mine) = mine else {
            return true;
        };
        self.name_keywords
            .iter()
            .filter(|(i, _)| *i != rule)
            .all(|(_, k)| last_end(k).is_none_or(|e| e <= mine))
    }

    /// Whether the user accepted the secret `secret` matched at `ms..me`: an inline marker on the match's
    /// lines or a next-line marker on the line before (the same indexed lookups as before suppressions were
    /// kept; the reason is read only when a marker is there), then the config's allow-list.
    fn suppression(&self, lines: &Lines, ms: usize, me: usize, secret: &[u8]) -> Option<Suppressed> {
        let (first_start, last_end) = (lines.line_start(ms), lines.line_end(me));
        if let Some(after) = lines.inline_allow_end(first_start, last_end) {
            return Some(Suppressed::Inline {
                line_start: first_start,
                justification: filters::pragma_reason(&lines.data[after..last_end]),
            });
        }
        if first_start > 0 {
            let prev = lines.line_start(first_start - 1);
            if let Some(after) = lines.nextline_allow_end(prev, first_start) {
                return Some(Suppressed::Inline {
                    line_start: prev,
                    justification: filters::pragma_reason(&lines.data[after..first_start]),
                });
            }
        }
        self.allow.allowing(secret).cloned().map(Suppressed::Config)
    }

    /// Reads the assignments whose name and value are apart in the text (see [`places`]), scans one synthetic
    /// `name = 'value'` line per pair, and reports what the rules find there at the value in `data`.
    fn scan_places(&self, path: &str, data: &[u8], scratch: &mut Scratch, out: &mut Vec<Candidate>) {
        let mut pairs = places::sql_inserts(data);
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".tf") || lower.ends_with(".hcl") {
            pairs.extend(places::hcl_variable_defaults(data));
        }
        if pairs.is_empty() {
            return;
        }
        // (start of the value in `synthetic`, its range in `data`), ascending.
        let mut at: Vec<(usize, (usize, usize))> = Vec::with_capacity(pairs.len());
        let mut synthetic = Vec::new();
        for p in &pairs {
            synthetic.extend_from_slice(p.name);
            synthetic.extend_from_slice(b" = '");
            at.push((synthetic.len(), p.value));
            synthetic.extend_from_slice(&data[p.value.0..p.value.1]);
            synthetic.extend_from_slice(b"'\n");
        }
        let mut sub = Vec::new();
        self.scan_plain(path, &synthetic, scratch, &mut sub);
        if sub.is_empty() {
            return;
        }
        let lines = Lines::new(data);
        for c in sub {
            let i = at.partition_point(|&(s, _)| s <= c.start);
            if i == 0 {
                continue;
            }
            let (s, (vs, ve)) = at[i - 1];
            if c.end > s + (ve - vs) {
                continue;
            }
            let (start, end) = (vs + (c.start - s), vs + (c.end - s));
            out.push(Candidate {
                start,
                end,
                encoded: false,
                suppressed: self.suppression(&lines, start, end, &c.secret),
                ..c
            });
        }
    }

    /// Decodes base64 blobs and Kubernetes Secret `data:` values, scans the decoded text, and reports what
    /// it finds at the encoded text. Returns the spans of Kubernetes Secret values it decoded.
    fn scan_encoded(
        &self,
        path: &str,
        data: &[u8],
        scratch: &mut Scratch,
        out: &mut Vec<Candidate>,
    ) -> Vec<(usize, usize)> {
        let mut values = Vec::new();
        let mut found = Vec::new();
        let mut sub = Vec::new();
        let lines = Lines::new(data);
        let mut report = |start: usize, end: usize, decoded: &[u8], scratch: &mut Scratch| {
            sub.clear();
            self.scan_plain(path, decoded, scratch, &mut sub);
            if sub.is_empty() {
                return;
            }
            // Once per encoded run, not per candidate found inside it: a 64 KiB run can hide thousands. A
            // marker on the encoded text's line accepts what it hides; one inside the decoded text counts as
            // one there; the config's allow-list judged the decoded secret.
            let (first_start, last_end) = (lines.line_start(start), lines.line_end(end));
            let outer = lines
                .inline_allow_end(first_start, last_end)
                .map(|after| Suppressed::Inline {
                    line_start: first_start,
                    justification: filters::pragma_reason(&data[after..last_end]),
                });
            found.extend(sub.drain(..).map(|c| Candidate {
                rule: c.rule,
                start,
                end,
                secret: c.secret,
                encoded: true,
                confidence: c.confidence,
                suppressed: outer.clone().or(match c.suppressed {
                    Some(Suppressed::Inline { justification, .. }) => Some(Suppressed::Inline {
                        line_start: first_start,
                        justification,
                    }),
                    other => other,
                }),
            }));
        };
        for (s, e) in base64_runs(data) {
            let run = &data[s..e];
            let joined: Vec<u8>;
            let run = if memchr::memchr(b'\n', run).is_some() {
                joined = run.iter().copied().filter(|c| !c.is_ascii_whitespace()).collect();
                &joined[..]
            } else {
                run
            };
            if let Some(decoded) = decode_b64(run).or_else(|| decode_b64url(run))
                && is_mostly_text(&decoded)
            {
                report(s, e, &decoded, scratch);
            }
        }
        if memchr::memmem::find(data, b"kind: Secret").is_some() {
            for (key, s, e) in kubernetes_secret_data(data) {
                values.push((s, e));
                if let Some(decoded) = decode_b64(&data[s..e])
                    && is_mostly_text(&decoded)
                {
                    let mut synthetic = key.to_vec();
                    synthetic.extend_from_slice(b": ");
                    synthetic.extend_from_slice(&decoded);
                    synthetic.push(b'\n');
                    report(s, e, &synthetic, scratch);
                }
            }
        }
        out.extend(found);
        values
    }
}

/// `s` as lowercase ASCII letters and digits only (`API_KEY` -> `apikey`).
fn alnum_lower(s: &[u8]) -> Vec<u8> {
    s.iter()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(u8::to_ascii_lowercase)
        .collect()
}

/// Confidence of a value assigned to a secret-like name: long and random is high; digests, UUIDs and
/// shorter values are medium (the name makes them count, nothing else vouches for them).
fn assignment_confidence(secret: &[u8]) -> Confidence {
    if !filters::looks_like_digest(secret) && secret.len() >= 32 && filters::shannon_entropy(secret) >= 4.2 {
        Confidence::High
    } else {
        Confidence::Medium
    }
}

/// A decoded `user:password` pair whose password is a short lowercase word (`son:goten`): test data.
fn is_weak_pair(text: &[u8]) -> bool {
    let Some(i) = text.iter().position(|&c| c == b':') else {
        return false;
    };
    let pass = &text[i + 1..];
    i > 0 && pass.len() <= 6 && pass.iter().all(u8::is_ascii_lowercase)
}

/// The user of a `scheme://user:secret@` URI whose password starts at `ss`.
fn uri_user(data: &[u8], ss: usize) -> Option<&[u8]> {
    if ss == 0 || data[ss - 1] != b':' {
        return None;
    }
    let lo = ss.saturating_sub(130);
    let before = &data[lo..ss - 1];
    let slashes = memchr::memmem::rfind(before, b"//")?;
    let user = &before[slashes + 2..];
    (!user.is_empty() && !user.iter().any(|c| matches!(c, b'/' | b'@' | b' ' | b'"' | b'\''))).then_some(user)
}

/// Unquoted values that are code, never a literal: a `_name` or `@name` variable, field or SQL parameter
/// (`request.Key = _mockEncryptedString;`, `[PrivateKey] = @PrivateKey`), a null-conditional member access
/// (`signup.Keys?.WrappedPrivateKey`), a PowerShell `Verb-Noun` command (`$password = Get-AnsibleParam -obj`).
fn is_unquoted_reference(secret: &[u8]) -> bool {
    let ident = |s: &[u8]| !s.is_empty() && s.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_');
    // A random value may start with `_` (URL-safe base64): a name has no digits or is short. A Ruby instance
    // variable may go on to an attribute (`@user.email`).
    if matches!(secret.first(), Some(b'_' | b'@'))
        && secret.len() > 1
        && secret[1..].split(|&c| c == b'.').all(ident)
        && (secret.len() < 16 || !secret.iter().any(u8::is_ascii_digit))
    {
        return true;
    }
    // A `)` closing a parenthesis the value never opened: the match ran out of a call's arguments into
    // the code after it (`where(token: value).lock.first`).
    if let Some(close) = secret.iter().position(|&c| c == b')')
        && !secret[..close].contains(&b'(')
        && ident(&secret[..close])
    {
        return true;
    }
    if memchr::memmem::find(secret, b"?.").is_some()
        && secret
            .split(|&c| c == b'.')
            .all(|p| ident(p.strip_suffix(b"?").or_else(|| p.strip_suffix(b"!")).unwrap_or(p)))
    {
        return true;
    }
    match secret.iter().position(|&c| c == b'-') {
        Some(i) => {
            let (verb, noun) = (&secret[..i], &secret[i + 1..]);
            verb.len() >= 3
                && verb[0].is_ascii_uppercase()
                && verb[1..].iter().all(u8::is_ascii_lowercase)
                && noun.first().is_some_and(u8::is_ascii_uppercase)
                && noun.iter().all(u8::is_ascii_alphanumeric)
        }
        None => false,
    }
}

/// A string concatenation read as a value (`'// KEY='.base64_encode($data)."\n"`, `"k=" + encode(x)`): the
/// quote before it closed a literal, and a call follows the operator.
fn is_concatenation(secret: &[u8]) -> bool {
    let Some(rest) = secret.strip_prefix(b".").or_else(|| secret.strip_prefix(b"+")) else {
        return false;
    };
    rest.iter().position(|&c| c == b'(').is_some_and(|open| {
        open >= 3
            && rest[0].is_ascii_alphabetic()
            && rest[..open].iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
            && rest[open..].contains(&b')')
    })
}

/// The text a base64 value decodes to, when it decodes to printable ASCII (`ZXhhbXBsZS1zZWNyZXQ=` ->
/// `example-secret`; a final newline, as `echo … | base64` leaves it, is dropped): a random key decodes to
/// binary and gives `None`.
fn decoded_text(secret: &[u8]) -> Option<Vec<u8>> {
    if secret.len() < 12 || secret.len() > 256 {
        return None;
    }
    let mut d = decode_b64(secret).or_else(|| decode_b64url(secret))?;
    while d.last().is_some_and(|&c| c == b'\n' || c == b'\r') {
        d.pop();
    }
    (d.len() >= 6 && d.iter().all(|&c| (0x20..0x7f).contains(&c))).then_some(d)
}

/// Whether the base64 body of a prefixed token decodes to a sentence (`whsec_aWxpa2Vz…` -> `ilikes…`): the
/// body of a real one is a random key. (Formats whose body is structured text, Grafana's `glc_` JSON, are
/// not sentences.)
fn prefixed_body_is_prose(secret: &[u8]) -> bool {
    let Some(p) = secret.iter().position(|&c| c == b'_') else {
        return false;
    };
    let body = &secret[p + 1..];
    (2..=8).contains(&p)
        && secret[..p].iter().all(u8::is_ascii_lowercase)
        && body.len() >= 16
        && decoded_text(body).is_some_and(|t| filters::is_prose(&t))
}

/// Whether a structured token's encoded parts (`<version>.<uuid>.<base64>:<base64>`) all decode to text a
/// person wrote (`…YmluYXJ5LXNvbWV0aGluZy0xMjMK:d2h5IGhlbGxvIHRoZXJlCg==` -> `binary-something-123`,
/// `why hello there`): a made-up example of the format. Hex and UUID parts are identifiers, not judged.
fn encoded_parts_are_prose(secret: &[u8]) -> bool {
    let mut judged = 0;
    for part in secret.split(|&c| c == b'.' || c == b':') {
        if part.len() < 12 || filters::looks_like_digest(part) || part.iter().all(u8::is_ascii_hexdigit) {
            continue;
        }
        match decoded_text(part) {
            Some(text) if filters::is_prose(&text) => judged += 1,
            _ => return false,
        }
    }
    judged > 0 && secret.iter().any(|&c| c == b'.' || c == b':')
}

/// The variable a value is stored under when the name the rule matched is an unquoted subscript
/// (`zoneIDs[token] = "…"`: the map is `zoneIDs`, `token` is only the index).
fn subscript_owner(data: &[u8], start: usize, end: usize) -> Option<&[u8]> {
    if start == 0 || data[start - 1] != b'[' || data.get(end) != Some(&b']') {
        return None;
    }
    let open = start - 1;
    let owner_start = data[..open]
        .iter()
        .rposition(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'$')))
        .map_or(0, |i| i + 1);
    (owner_start < open).then(|| &data[owner_start..open])
}

/// Whether `c` lies inside one of `spans` (ascending, non-overlapping, non-empty).
fn within(spans: &[(usize, usize)], c: &Candidate) -> bool {
    let i = spans.partition_point(|&(s, _)| s <= c.start);
    i > 0 && c.end <= spans[i - 1].1
}

const fn base64_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = c.is_ascii_alphanumeric() || c == b'+' || c == b'/' || c == b'-' || c == b'_';
        i += 1;
    }
    t
}
static BASE64: [bool; 256] = base64_table();

/// Runs of base64 (standard or URL-safe) characters worth decoding: long enough, mixed case with digits,
/// not a `data:` URI (images, fonts), not hex.
///
/// Skips ahead like Boyer-Moore: a run of `MIN_BASE64_RUN` starting at `i` needs byte `i + MIN - 1` to be
/// base64, so most of a text file is never looked at byte by byte.
fn base64_runs(data: &[u8]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let n = data.len();
    // Invariant: `i` is 0 or follows a non-base64 byte, so a run found at `i` starts exactly there.
    let mut i = 0;
    'outer: while i + MIN_BASE64_RUN <= n {
        let last = i + MIN_BASE64_RUN - 1;
        if !BASE64[data[last] as usize] {
            i = last + 1;
            continue;
        }
        let mut j = last;
        while j > i {
            j -= 1;
            if !BASE64[data[j] as usize] {
                i = j + 1;
                continue 'outer;
            }
        }
        let s = i;
        let mut e = last + 1;
        while e < n && BASE64[data[e] as usize] {
            e += 1;
        }
        let mut run_end = e;
        // `base64` and PEM wrap at 76 and 64 columns: follow the block over its line breaks.
        if matches!(run_end - s, 64 | 76) {
            let width = run_end - s;
            loop {
                let nl = match data.get(e..) {
                    Some([b'\n', ..]) => 1,
                    Some([b'\r', b'\n', ..]) => 2,
                    _ => break,
                };
                let line = e + nl;
                let mut k = line;
                while k < n && BASE64[data[k] as usize] && k - line < width {
                    k += 1;
                }
                // The continuation line must be base64 only (plus padding) up to its end.
                let mut pad = k;
                while pad < n && pad - k < 2 && data[pad] == b'=' {
                    pad += 1;
                }
                if k == line || !matches!(data.get(pad), None | Some(b'\n' | b'\r')) {
                    break;
                }
                e = k;
                run_end = k;
                if k - line < width {
                    break;
                }
            }
        }
        while e < n && e - run_end < 2 && data[e] == b'=' {
            e += 1;
        }
        if run_end - s <= MAX_BASE64_RUN && !data[s.saturating_sub(7)..s].ends_with(b"base64,") {
            let run = &data[s..run_end];
            let (mut up, mut low, mut digit) = (false, false, false);
            for &c in run {
                up |= c.is_ascii_uppercase();
                low |= c.is_ascii_lowercase();
                digit |= c.is_ascii_digit();
            }
            if up && low && digit {
                runs.push((s, e));
            }
        }
        // The byte at `run_end` is not base64 (or is padding, or the end): the next run starts after it.
        i = e + 1;
    }
    runs
}

/// At least 90% printable ASCII or whitespace, and long enough to hold a secret.
fn is_mostly_text(d: &[u8]) -> bool {
    d.len() >= 8
        && d.iter()
            .filter(|&&c| c == b'\n' || c == b'\r' || c == b'\t' || (0x20..0x7f).contains(&c))
            .count()
            * 10
            >= d.len() * 9
}

/// `(key, value_start, value_end)` for each entry under a `data:` map of a YAML Kubernetes Secret.
fn kubernetes_secret_data(data: &[u8]) -> Vec<(&[u8], usize, usize)> {
    let mut out = Vec::new();
    let mut data_indent: Option<usize> = None;
    let mut offset = 0;
    for line in data.split_inclusive(|&b| b == b'\n') {
        let start = offset;
        offset += line.len();
        let body = line.strip_suffix(b"\n").unwrap_or(line);
        let body = body.strip_suffix(b"\r").unwrap_or(body);
        let indent = body.iter().take_while(|&&c| c == b' ').count();
        let trimmed = &body[indent..];
        if trimmed.is_empty() || trimmed.starts_with(b"#") {
            continue;
        }
        if trimmed == b"data:" {
            data_indent = Some(indent);
            continue;
        }
        match data_indent {
            Some(di) if indent > di => {
                if let Some(colon) = trimmed.iter().position(|&c| c == b':') {
                    let key = &trimmed[..colon];
                    let value = &trimmed[colon + 1..];
                    let lead = value.iter().take_while(|&&c| c == b' ').count();
                    let v = &value[lead..];
                    let v = v.strip_prefix(b"\"").and_then(|v| v.strip_suffix(b"\"")).unwrap_or(v);
                    if !v.is_empty() && v.iter().all(|&c| BASE64[c as usize] || c == b'=') {
                        let vs = start + indent + colon + 1 + lead + usize::from(value[lead..].starts_with(b"\""));
                        out.push((key, vs, vs + v.len()));
                    }
                }
            }
            Some(_) => data_indent = None,
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::rule::load_rule_file;

    const RULES: &str = r#"
[[rule]]
id = "acme.token"
name = "Acme token"
severity = "error"
keywords = ["acme_"]
regex = '''\b(acme_[a-zA-Z0-9]{20})\b'''
min_entropy = 3.0
description = "An Acme token."
help = "Revoke it."
references = ["https://acme.test/docs"]
examples = ["x"]
negative_examples = ["y"]

[[rule]]
id = "generic.password"
name = "Password"
severity = "warning"
precision = "low"
keywords = ["password"]
regex = '''(?i)password\s*[:=]\s*["']?([^\s"']{8,})'''
description = "A password."
help = "Rotate it."
references = ["https://owasp.org"]
examples = ["x"]
negative_examples = ["y"]
"#;

    fn scanner() -> Scanner {
        Scanner::new(load_rule_file("t.toml", RULES).unwrap(), Allowlist::default()).unwrap()
    }

    /// The reported candidates (suppressed ones left out, as the collector does).
    fn ids(path: &str, text: &str) -> Vec<(String, String, bool)> {
        let s = scanner();
        s.scan(path, text.as_bytes(), &mut Scratch::default())
            .into_iter()
            .filter(|c| c.suppressed.is_none())
            .map(|c| {
                (
                    s.rules()[c.rule].id().to_string(),
                    String::from_utf8_lossy(&c.secret).into_owned(),
                    c.encoded,
                )
            })
            .collect()
    }

    #[test]
    fn accepted_candidates_are_kept_marked_with_where_and_why() {
        let s = scanner();
        let text = "a = 1\nt = acme_Q8vR3kLmN0pQ2sT4uW6y # plimsoll:allow -- revoked test key\n";
        let c = s.scan("x", text.as_bytes(), &mut Scratch::default());
        assert_eq!(c.len(), 1);
        assert_eq!(
            c[0].suppressed,
            Some(Suppressed::Inline {
                line_start: 6,
                justification: Some("revoked test key".into())
            })
        );
        let text = "# pragma: allowlist nextline secret\nt = acme_Q8vR3kLmN0pQ2sT4uW6y\n";
        let c = s.scan("x", text.as_bytes(), &mut Scratch::default());
        assert!(
            matches!(c[0].suppressed, Some(Suppressed::Inline { line_start: 0, .. })),
            "{c:?}"
        );

        let why = Arc::new(Suppression {
            kind: crate::finding::SuppressionKind::Config,
            source: ".plimsoll.toml:3: [allow] regexes '^acme_Q8'".into(),
            justification: None,
            at: Some((".plimsoll.toml".into(), 3)),
        });
        let allow = Allowlist {
            regexes: vec![(LazyRegex::bytes("^acme_Q8").unwrap(), why.clone())],
            ..Allowlist::default()
        };
        let s = Scanner::new(load_rule_file("t.toml", RULES).unwrap(), allow).unwrap();
        let c = s.scan(
            "x",
            b"t = acme_Q8vR3kLmN0pQ2sT4uW6y\nu = acme_Z9vR3kLmN0pQ2sT4uW6y\n",
            &mut Scratch::default(),
        );
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].suppressed, Some(Suppressed::Config(why)));
        assert_eq!(c[1].suppressed, None);
    }

    #[test]
    fn values_that_are_code_or_written_text() {
        let data = b"provider.zoneIDs[token] = \"x\"";
        let start = data.iter().position(|&c| c == b'[').unwrap() + 1;
        assert_eq!(subscript_owner(data, start, start + 5), Some(&b"provider.zoneIDs"[..]));
        assert_eq!(subscript_owner(b"m[\"token\"] = 1", 3, 8), None);
        assert!(is_unquoted_reference(b"value).lock.first"));
        assert!(is_unquoted_reference(b"@account.email"));
        assert!(is_concatenation(b".base64_encode($data)."));
        assert!(!is_concatenation(b".Xq7(RtL2mV"));
        assert!(!is_concatenation(b"+iCEzsxks0jrOlfcCvDo"));
        assert!(!is_unquoted_reference(b"Zq8v(R3k)Lm"));
        assert!(prefixed_body_is_prose(
            b"whsec_aWxpa2VzdXBhYmFzZXZlcnltdWNoYW5kaWhvcGV5b3Vkb3Rvbw=="
        ));
        let random_body = b"whsec_Qz8vR3kLmN0pQ2sT4uW6yA8cE1gI3k0XkR2bM9vQ0pL7sT4w"; // plimsoll:allow (made up)
        assert!(!prefixed_body_is_prose(random_body));
        assert_eq!(decoded_text(b"aW52YWxpZCBqc29u").as_deref(), Some(&b"invalid json"[..]));
        assert!(encoded_parts_are_prose(
            b"9.4f570d14-4b54-42f5-bc07-60f4450b1db5.YmluYXJ5LXNvbWV0aGluZy0xMjMK:d2h5IGhlbGxvIHRoZXJlCg=="
        ));
        assert!(!encoded_parts_are_prose(
            b"0.4f570d14-4b54-42f5-bc07-60f4450b1db5.Qz8vR3kLmN0pQ2sT4uW6yA8cE1gI3k:XkR2bM9vQ0pL7sT4wZ1yAg=="
        ));
    }

    #[test]
    fn finds_keyword_rules_and_positions() {
        let text = "a\nTOKEN=acme_Q8vR3kLmN0pQ2sT4uW6y\n";
        let s = scanner();
        let c = s.scan("x", text.as_bytes(), &mut Scratch::default());
        assert_eq!(c.len(), 1);
        assert_eq!(&text[c[0].start..c[0].end], "acme_Q8vR3kLmN0pQ2sT4uW6y");
    }

    #[test]
    fn filters_placeholders_low_entropy_and_suppressions() {
        assert!(ids("x", "t = acme_aaaaaaaaaaaaaaaaaaaa").is_empty());
        assert!(ids("x", "t = acme_xxxxQ8vR3kLmN0pQ2sT4").is_empty());
        assert!(ids("x", "t = acme_Q8vR3kLmN0pQ2sT4uW6y # plimsoll:allow").is_empty());
        assert!(ids("x", "password = ${DB_PASSWORD}").is_empty());
        assert_eq!(ids("x", "password = 'Tr0ub4dor&3x'").len(), 1); // plimsoll:allow (test fixture)
    }

    #[test]
    fn overlapping_rules_report_one_finding_from_the_most_precise_rule() {
        let found = ids("x", "password = acme_Q8vR3kLmN0pQ2sT4uW6y\n");
        assert_eq!(
            found,
            vec![("acme.token".into(), "acme_Q8vR3kLmN0pQ2sT4uW6y".into(), false)]
        );
    }

    /// The B-tree sweep keeps exactly what checking every kept span would keep, on thousands of
    /// candidates that overlap in every way (nested, chained, equal, touching).
    #[test]
    fn overlap_resolution_matches_the_pairwise_definition() {
        let s = scanner();
        let mut seed = 0x2545_f491_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for round in 0..20 {
            let span = 50 + round * 400;
            let found: Vec<Candidate> = (0..3000)
                .map(|_| {
                    let start = next(span as u64);
                    Candidate {
                        rule: next(2),
                        start,
                        end: start + 1 + next(40),
                        secret: Vec::new(),
                        encoded: next(4) == 0,
                        confidence: Confidence::Medium,
                        suppressed: None,
                    }
                })
                .collect();
            let mut naive = found.clone();
            naive.sort_by(|a, b| {
                let (ra, rb) = (&s.rules[a.rule], &s.rules[b.rule]);
                (
                    rb.syntax.precision,
                    rb.severity,
                    b.encoded,
                    b.end - b.start,
                    a.start,
                    a.rule,
                )
                    .cmp(&(
                        ra.syntax.precision,
                        ra.severity,
                        a.encoded,
                        a.end - a.start,
                        b.start,
                        b.rule,
                    ))
            });
            let mut kept: Vec<Candidate> = Vec::new();
            for c in naive {
                if kept.iter().all(|k| k.end <= c.start || c.end <= k.start) {
                    kept.push(c);
                }
            }
            kept.sort_by_key(|c| (c.start, c.end, c.rule));
            let fast = s.keep_most_specific(found);
            assert_eq!(fast, kept, "round {round}");
            assert!(fast.windows(2).all(|w| w[0].end <= w[1].start));
        }
    }

    #[test]
    fn low_precision_rules_skip_lockfiles() {
        assert!(ids("web/yarn.lock", "password: Tr0ub4dor&3x").is_empty()); // plimsoll:allow (test fixture)
        assert_eq!(ids("web/yarn.lock", "acme_Q8vR3kLmN0pQ2sT4uW6y").len(), 1);
    }

    #[test]
    fn decodes_base64_and_reports_at_encoded_text() {
        use base64::Engine;
        let enc = base64::engine::general_purpose::STANDARD.encode("config: token=acme_Q8vR3kLmN0pQ2sT4uW6y\n");
        let text = format!("blob: {enc}\n");
        let found = ids("x", &text);
        assert_eq!(
            found,
            vec![("acme.token".into(), "acme_Q8vR3kLmN0pQ2sT4uW6y".into(), true)]
        );
    }

    #[test]
    fn decodes_kubernetes_secret_data() {
        use base64::Engine;
        let enc = base64::engine::general_purpose::STANDARD.encode("Tr0ub4dor&3x");
        let text = format!("apiVersion: v1\nkind: Secret\ndata:\n  password: {enc}\n  other: YQ==\n");
        let found = ids("s.yaml", &text);
        assert_eq!(found, vec![("generic.password".into(), "Tr0ub4dor&3x".into(), true)]);
        let s = scanner();
        let c = &s.scan("s.yaml", text.as_bytes(), &mut Scratch::default())[0];
        assert_eq!(&text[c.start..c.end], enc);
    }

    #[test]
    fn base64_runs_are_found_exactly() {
        let a = "QWxhZGRpbjpvcGVuIHNlc2FtZSBhbmQgbW9yZSB0ZXh0";
        let text = format!("x = \"{a}\"; short AbC123 y={a}==\n{a}");
        let runs: Vec<&str> = base64_runs(text.as_bytes())
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        let padded = format!("{a}==");
        assert_eq!(runs, vec![a, padded.as_str(), a]);
        assert!(base64_runs(b"abcdefghijklmnopqrstuvwxyzabcdefghij").is_empty()); // no digits, no upper
    }

    #[test]
    fn wrapped_base64_is_decoded_as_one_block() {
        use base64::Engine;
        let secret = "deploy notes: the service token is acme_Q8vR3kLmN0pQ2sT4uW6y and it rotates monthly";
        let enc = base64::engine::general_purpose::STANDARD.encode(secret);
        let wrapped: Vec<&str> = enc
            .as_bytes()
            .chunks(76)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        let text = format!("cat <<EOF | base64 -d\n{}\nAccept: text/plain\n", wrapped.join("\n"));
        let s = scanner();
        let found = s.scan("x.sh", text.as_bytes(), &mut Scratch::default());
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].encoded);
        assert_eq!(&text[found[0].start..found[0].end], wrapped.join("\n"));
    }

    #[test]
    fn confidence_comes_from_the_name_and_the_value() {
        let rules = || crate::secrets::rule::builtin_rules().unwrap();
        let default = Scanner::new(rules(), Allowlist::default()).unwrap();
        let all = Scanner::new(rules(), Allowlist::default())
            .unwrap()
            .with_min_confidence(Confidence::Low);
        let scan = |s: &Scanner, text: &str| -> Vec<(String, Confidence)> {
            s.scan("app/settings.py", text.as_bytes(), &mut Scratch::default())
                .into_iter()
                .map(|c| (s.rules()[c.rule].id().to_string(), c.confidence))
                .collect()
        };
        // A well-known dummy password is reported only on request, and then as low confidence.
        let dummy = "ADMIN_PASSWORD = 'P@ssw0rd2024'\n"; // plimsoll:allow (test fixture)
        assert!(scan(&default, dummy).is_empty());
        assert_eq!(scan(&all, dummy), vec![("generic.password".into(), Confidence::Low)]);
        assert_eq!(default.hidden_below_confidence(), 1);
        // Under a secret-like name a 64-hex value counts; under a digest-like name it never does.
        let hex = "a19be4964a79d566939622b13ecb9bcf792d94b572a4a56958bf57f3db6c86ce";
        assert_eq!(
            scan(&default, &format!("webhook_secret = \"{hex}\"\n")),
            vec![("generic.secret".into(), Confidence::Medium)]
        );
        assert!(scan(&all, &format!("hashed_password = \"{hex}\"\n")).is_empty());
        // Long and random: high.
        let strong = "SECRET_KEY = 'q8Zr+V2mX0pL/tN7wK3yB5cJ9dF1hG4sA6eU'\n"; // plimsoll:allow (test fixture)
        assert_eq!(
            scan(&default, strong),
            vec![("generic.secret".into(), Confidence::High)]
        );
    }

    #[test]
    fn unquoted_code_is_not_a_literal() {
        for r in [
            "_mockEncryptedString",
            "@PrivateKey",
            "signup.Keys?.WrappedPrivateKey",
            "Get-AnsibleParam",
        ] {
            assert!(is_unquoted_reference(r.as_bytes()), "{r}");
        }
        for v in ["Xk2-Lm9QzVq", "kMcwXk1WfrDM9cMUBw", "Abc-def"] {
            assert!(!is_unquoted_reference(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn data_uris_are_not_decoded() {
        use base64::Engine;
        let enc = base64::engine::general_purpose::STANDARD.encode("token=acme_Q8vR3kLmN0pQ2sT4uW6y and more text");
        assert!(ids("x", &format!("src=\"data:text/plain;base64,{enc}\"")).is_empty());
    }

    /// What a test knows of the unchanged lines: per group, lines (byte ranges) that may hold its keywords.
    struct TestKnown(Vec<Vec<Range<usize>>>);

    impl UnchangedLines for TestKnown {
        fn may_hold(&self, group: usize, span: Range<usize>, out: &mut Vec<Range<usize>>) -> bool {
            out.extend(
                self.0[group]
                    .iter()
                    .filter(|l| l.end > span.start && l.start < span.end)
                    .cloned(),
            );
            true
        }
    }

    /// Scanning only [`Scanner::regions`] around changed lines finds exactly the candidates touching those
    /// lines that a scan of the whole text finds, for every built-in rule's examples (near, medium and far
    /// rules: one-line tokens, provider names lines above their token, private keys), placed among filler
    /// lines with random lines marked as changed; whether nothing is known of the unchanged lines or only
    /// which of them may hold a group's keywords (those that do, and a few that do not). The group keywords
    /// it reports in the added lines are exactly those there, and a whole scan's
    /// [`Scanner::group_hits`] are [`Scanner::group_keywords`].
    #[test]
    fn regions_find_what_a_whole_scan_finds_on_changed_lines() {
        let s = Scanner::new(crate::secrets::rule::builtin_rules().unwrap(), Allowlist::default()).unwrap();
        let examples: Vec<&str> = s
            .rules()
            .iter()
            .flat_map(|r| r.syntax.examples.iter().map(String::as_str))
            .collect();
        assert!(examples.len() > 500, "{} examples", examples.len());
        let filler = [
            "    let total = items.iter().map(|i| i.price).sum::<u64>();",
            "# configuration for the staging cluster",
            "",
            "    }",
            "func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {",
            "  region: eu-west-1",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let key = |c: &Candidate| (c.rule, c.start, c.end, c.secret.clone());
        let (mut checked, mut found_total, mut known_used, mut skipped_lines) = (0, 0, 0, 0);
        // Every example at least once, in texts of about 40 pieces.
        let mut order: Vec<usize> = (0..examples.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, next(i + 1));
        }
        for chunk in order.chunks(12) {
            let mut text = String::new();
            for &e in chunk {
                for _ in 0..next(4) {
                    text.push_str(filler[next(filler.len())]);
                    text.push('\n');
                }
                text.push_str(examples[e]);
                text.push('\n');
            }
            let data = text.as_bytes();
            let starts: Vec<usize> = std::iter::once(0)
                .chain(
                    memchr::memchr_iter(b'\n', data)
                        .map(|i| i + 1)
                        .filter(|&i| i < data.len()),
                )
                .collect();
            for _ in 0..2 {
                let mut added: Vec<Range<usize>> = Vec::new();
                for (i, &st) in starts.iter().enumerate() {
                    if next(4) != 0 {
                        continue;
                    }
                    let end = starts.get(i + 1).copied().unwrap_or(data.len());
                    match added.last_mut() {
                        Some(last) if last.end == st => last.end = end,
                        _ => added.push(st..end),
                    }
                }
                let touches = |c: &Candidate| {
                    let i = added.partition_point(|r| r.end <= c.start);
                    added.get(i).is_some_and(|r| r.start < c.end.max(c.start + 1))
                };
                let mut scratch = Scratch::default();
                let mut whole: Vec<_> = s
                    .scan("app/settings.txt", data, &mut scratch)
                    .into_iter()
                    .filter(|c| touches(c))
                    .map(|c| key(&c))
                    .collect();
                let keywords = s.group_keywords(data);
                assert_eq!(s.group_hits(&scratch), &keywords[..], "text:\n{text}");
                let in_added = |at: usize| {
                    let i = added.partition_point(|r| r.end <= at);
                    added.get(i).is_some_and(|r| r.start <= at)
                };
                let line = |at: usize| {
                    let i = starts.partition_point(|&st| st <= at) - 1;
                    starts[i]..starts.get(i + 1).copied().unwrap_or(data.len())
                };
                // The unchanged lines that hold a group's keyword, and some that do not.
                let mut known = TestKnown(vec![Vec::new(); s.groups()]);
                for &(g, at) in keywords.iter().filter(|(_, at)| !in_added(*at)) {
                    known.0[g].push(line(at));
                }
                for lines in &mut known.0 {
                    for (i, &st) in starts.iter().enumerate() {
                        if next(8) == 0 && !in_added(st) {
                            lines.push(st..starts.get(i + 1).copied().unwrap_or(data.len()));
                        }
                    }
                    lines.sort_by_key(|l| l.start);
                    lines.dedup();
                    skipped_lines += starts.len() - lines.len();
                }
                let unchanged: &dyn UnchangedLines = if next(2) == 0 {
                    known_used += 1;
                    &known
                } else {
                    &NothingKnown
                };
                let Regions {
                    ranges: regions,
                    group_keywords: found,
                    hits,
                } = s.regions(data, &added, unchanged);
                let expected: Vec<(usize, usize)> = keywords.iter().copied().filter(|(_, at)| in_added(*at)).collect();
                assert_eq!(found, expected, "text:\n{text}\nadded: {added:?}");
                // The keyword hits it hands on are exactly the main automaton's in the added lines.
                let mut all_hits: Vec<(usize, usize, usize)> = s
                    .keyword_searcher(data.len())
                    .find_overlapping_iter(data)
                    .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                    .filter(|h| in_added(h.1))
                    .collect();
                let mut hits = hits;
                all_hits.sort_unstable();
                hits.sort_unstable();
                assert_eq!(hits, all_hits, "text:\n{text}\nadded: {added:?}");
                assert!(regions.iter().zip(regions.iter().skip(1)).all(|(a, b)| a.end < b.start));
                let (candidates, groups, scanned) =
                    s.scan_added("app/settings.txt", data, &added, unchanged, &mut Scratch::default());
                assert_eq!(groups, expected);
                assert_eq!(scanned, regions.iter().map(|r| r.len()).sum::<usize>());
                let mut parts: Vec<_> = candidates.iter().map(key).collect();
                whole.sort();
                parts.sort();
                assert_eq!(parts, whole, "text:\n{text}\nadded: {added:?}");
                checked += 1;
                found_total += whole.len();
            }
        }
        assert!(
            found_total > 200,
            "{found_total} candidates on changed lines in {checked} texts"
        );
        assert!(known_used > 20, "{known_used} texts with known unchanged lines");
        assert!(skipped_lines > 1000, "{skipped_lines} unchanged lines not searched");
    }
}
