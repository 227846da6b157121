//! Bounded YAML reading, shared by the inventory file and runbook front matter.
//!
//! serde_yaml_ng's parser slows down sharply on deeply nested input, and aliases can make a
//! small file expand to a huge value. So before the text reaches the parser, a linear pre-scan
//! bounds the nesting depth; and a text with aliases is first walked with a size budget (the
//! walk sees every expansion, stops when the budget is spent, and builds nothing), so a
//! billion-laughs file is refused after a bounded amount of work.

mod depth;

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, Visitor};

pub use depth::nesting_depth;

/// What a YAML text may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Deepest nesting of mappings and sequences.
    pub max_depth: usize,
    /// Most bytes the value may occupy once every alias is expanded (scalars' bytes plus one
    /// per node).
    pub max_expanded: usize,
}

impl Limits {
    /// Generous for hand-written files: the inventory nests five levels deep.
    pub const DEFAULT: Limits = Limits {
        max_depth: 64,
        max_expanded: 16 * 1024 * 1024,
    };
}

#[derive(Debug, thiserror::Error)]
pub enum YamlError {
    #[error("nested deeper than {limit} levels, the limit")]
    TooDeep { limit: usize, line: usize },
    #[error("aliases expand it to more than {} MiB, the limit", .limit / (1024 * 1024))]
    TooExpanded { limit: usize },
    #[error("{0}")]
    Syntax(#[from] serde_yaml_ng::Error),
}

impl YamlError {
    /// 1-based line the problem is on, when known.
    pub fn line(&self) -> Option<usize> {
        match self {
            YamlError::TooDeep { line, .. } => Some(*line),
            YamlError::TooExpanded { .. } => None,
            YamlError::Syntax(e) => e.location().map(|l| l.line()),
        }
    }
}

/// Checks `text` against `limits` without building anything.
pub fn check(text: &str, limits: Limits) -> Result<(), YamlError> {
    if let Some(line) = depth::first_line_deeper_than(text, limits.max_depth) {
        return Err(YamlError::TooDeep {
            limit: limits.max_depth,
            line,
        });
    }
    // An alias is written `*name`: without a `*` there is nothing to expand.
    if text.contains('*') {
        let left = Cell::new(limits.max_expanded);
        let exceeded = Cell::new(false);
        let de = serde_yaml_ng::Deserializer::from_str(text);
        let walked = Budget {
            left: &left,
            exceeded: &exceeded,
        }
        .deserialize(de);
        if exceeded.get() {
            return Err(YamlError::TooExpanded {
                limit: limits.max_expanded,
            });
        }
        // Other errors (syntax, several documents) are reported by the real parse, which
        // knows their line.
        drop(walked);
    }
    Ok(())
}

/// Parses `text` (one YAML document, an optional byte-order mark first) within `limits`.
pub fn from_str<T: DeserializeOwned>(text: &str, limits: Limits) -> Result<T, YamlError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check(text, limits)?;
    Ok(serde_yaml_ng::from_str(text)?)
}

/// [`from_str`] with the default limits and serde_yaml_ng's error type, for callers that
/// already report that type (a limit error then carries no location, only its message).
pub fn from_str_bounded<T: DeserializeOwned>(text: &str) -> Result<T, serde_yaml_ng::Error> {
    from_str(text, Limits::DEFAULT).map_err(|e| match e {
        YamlError::Syntax(e) => e,
        other => match other.line() {
            Some(line) => de::Error::custom(format!("{other} (line {line} of the YAML)")),
            None => de::Error::custom(other),
        },
    })
}

/// Walks a value, spending one unit per node and one per scalar byte.
#[derive(Clone, Copy)]
struct Budget<'a> {
    left: &'a Cell<usize>,
    exceeded: &'a Cell<bool>,
}

impl Budget<'_> {
    fn spend<E: de::Error>(self, cost: usize) -> Result<(), E> {
        match self.left.get().checked_sub(cost) {
            Some(rest) => {
                self.left.set(rest);
                Ok(())
            }
            None => {
                self.exceeded.set(true);
                Err(E::custom("expansion budget spent"))
            }
        }
    }
}

impl<'de> DeserializeSeed<'de> for Budget<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

/// Visitor methods for scalars whose size does not grow with the input: one unit each.
macro_rules! spend_one_per_value {
    ($($visit:ident: $scalar:ty),* $(,)?) => {$(
        fn $visit<E: de::Error>(self, _: $scalar) -> Result<(), E> {
            self.spend(1)
        }
    )*};
}

impl<'de> Visitor<'de> for Budget<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    spend_one_per_value!(
        visit_bool: bool,
        visit_i64: i64,
        visit_u64: u64,
        visit_i128: i128,
        visit_u128: u128,
        visit_f64: f64,
    );
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.spend(1 + v.len())
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<(), E> {
        self.spend(1 + v.len())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.spend(1)
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.spend(1)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.deserialize(d)
    }
    fn visit_newtype_struct<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.deserialize(d)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.spend(1)?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.spend(1)?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }
    /// A tagged value (`!tag value`).
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        use de::VariantAccess;
        let (_tag, value): (IgnoredAny, _) = data.variant()?;
        value.newtype_variant_seed(self)
    }
}

#[cfg(test)]
mod tests;
