//! The inventory file: YAML or JSON, objects referring to each other by slug. Import is all or
//! nothing: the whole file is read (up to a size limit), parsed within the YAML limits,
//! validated and compared with the current inventory before anything is written.

mod plan;
mod yaml_writer;

use std::io::Read;
use std::path::Path;

use serde::Serialize;

pub use plan::{plan_import, ImportPlan, ImportSummary, KindChanges};

use super::text_rules::{escape, printable};
use super::validate::{inventory_issues, InventoryIssue};
use super::{load, Inventory, InventoryError};
use crate::store::Store;
use crate::yaml::{self, YamlError};

/// The largest inventory file read, in bytes.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Yaml,
    Json,
}

impl Format {
    /// JSON for `*.json`, YAML otherwise.
    pub fn from_path(path: &Path) -> Self {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("json") => Format::Json,
            _ => Format::Yaml,
        }
    }
}

/// One thing wrong with an inventory file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub line: Option<usize>,
    /// e.g. `workflows[2] 'support-reply'`
    pub item: String,
    pub field: String,
    pub message: String,
}

fn at_line(line: Option<usize>) -> String {
    line.map(|l| format!(":{l}")).unwrap_or_default()
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {file}: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error("{file} is larger than {} MiB, the limit for an inventory file", .limit / (1024 * 1024))]
    TooLarge { file: String, limit: usize },
    #[error("{file} is not UTF-8 text (byte {offset})")]
    NotUtf8 { file: String, offset: usize },
    #[error("{file}:{}: {message}", line.map(|l| l.to_string()).unwrap_or_else(|| "?".into()))]
    Parse {
        file: String,
        line: Option<usize>,
        message: String,
    },
    #[error("{file}{}: {source}", at_line(.source.line()))]
    Limit { file: String, source: YamlError },
    #[error("{}", render_problems(.file, .problems))]
    Invalid {
        file: String,
        problems: Vec<ImportProblem>,
    },
    #[error("{file} holds no vendors, endpoints, workflows or rotations: importing it would delete the whole current inventory ({current}); nothing was changed (to empty the inventory on purpose, allow it with --allow-empty)")]
    WouldEmpty {
        file: String,
        current: ImportSummary,
    },
    #[error(transparent)]
    Inventory(#[from] InventoryError),
}

impl From<crate::store::StoreError> for ImportError {
    fn from(e: crate::store::StoreError) -> Self {
        Self::Inventory(e.into())
    }
}

impl crate::error::Coded for ImportError {
    fn code(&self) -> crate::error::Code {
        use crate::error::Code;
        match self {
            ImportError::Read { .. } => Code::Io,
            ImportError::TooLarge { .. }
            | ImportError::NotUtf8 { .. }
            | ImportError::Parse { .. }
            | ImportError::Limit { .. }
            | ImportError::Invalid { .. }
            | ImportError::WouldEmpty { .. } => Code::Invalid,
            ImportError::Inventory(e) => crate::error::Coded::code(e),
        }
    }
}

impl crate::error::Coded for ExportError {
    fn code(&self) -> crate::error::Code {
        match self {
            ExportError::Serialize { .. } => crate::error::Code::Store,
            ExportError::Inventory(e) => crate::error::Coded::code(e),
        }
    }
}

fn render_problems(file: &str, problems: &[ImportProblem]) -> String {
    problems
        .iter()
        .map(|p| {
            format!(
                "{file}{}: {}: {}: {}",
                at_line(p.line),
                p.item,
                p.field,
                p.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Why the inventory could not be written as a file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write the inventory as {format:?}: {message}")]
    Serialize { format: Format, message: String },
    #[error(transparent)]
    Inventory(#[from] InventoryError),
}

/// How an import goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Compare and report, write nothing.
    pub dry_run: bool,
    /// Allow a file without any item to empty a non-empty inventory.
    pub allow_empty: bool,
}

/// Serializes the inventory; the same inventory always gives the same text.
pub fn to_text(inv: &Inventory, format: Format) -> Result<String, ExportError> {
    serialize(inv, format)
}

fn serialize(value: &impl Serialize, format: Format) -> Result<String, ExportError> {
    let failed = |message: String| ExportError::Serialize { format, message };
    match format {
        Format::Json => serde_json::to_string_pretty(value)
            .map(|text| text + "\n")
            .map_err(|e| failed(e.to_string())),
        Format::Yaml => serde_yaml_ng::to_value(value)
            .map(|v| yaml_writer::to_yaml(&v))
            .map_err(|e| failed(e.to_string())),
    }
}

/// The current inventory as text.
pub fn export(store: &Store, format: Format) -> Result<String, ExportError> {
    to_text(&load(store)?, format)
}

/// Parses and validates an inventory file's text; `file` names it in errors.
pub fn parse(file: &str, text: &str, format: Format) -> Result<Inventory, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file = escape(file).into_owned();
    let parsed = match format {
        Format::Json => serde_json::from_str::<Inventory>(text).map_err(|e| ImportError::Parse {
            file: file.clone(),
            line: Some(e.line()),
            message: printable(&e.to_string()),
        }),
        Format::Yaml => {
            yaml::from_str::<Inventory>(text, yaml::Limits::DEFAULT).map_err(|e| match e {
                YamlError::Syntax(e) => ImportError::Parse {
                    file: file.clone(),
                    line: e.location().map(|l| l.line()),
                    message: printable(&e.to_string()),
                },
                limit => ImportError::Limit {
                    file: file.clone(),
                    source: limit,
                },
            })
        }
    }?;
    let issues = inventory_issues(&parsed);
    if issues.is_empty() {
        return Ok(parsed);
    }
    let locator = LineLocator::new(text, format);
    let problems = issues
        .into_iter()
        .map(|issue| ImportProblem {
            line: locator.find(&issue),
            item: format!("{}[{}] '{}'", issue.section, issue.index, issue.item),
            field: issue.error.field,
            message: issue.error.message,
        })
        .collect();
    Err(ImportError::Invalid { file, problems })
}

/// Reads a file's text, refusing more than [`MAX_FILE_BYTES`] without reading further.
pub fn read_text(path: &Path) -> Result<String, ImportError> {
    let file = escape(&path.display().to_string()).into_owned();
    let read_failed = |source| ImportError::Read {
        file: file.clone(),
        source,
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(read_failed)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            file,
            limit: MAX_FILE_BYTES,
        });
    }
    String::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        file,
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Reads and validates an inventory file and, unless `options.dry_run`, makes it the whole
/// inventory. Returns what changes (or would change).
pub fn import(
    store: &Store,
    path: &Path,
    options: ImportOptions,
) -> Result<ImportPlan, ImportError> {
    let name = path.display().to_string();
    let inv = parse(&name, &read_text(path)?, Format::from_path(path))?;
    // The plan, the empty check and the write see one state: a concurrent import cannot slip
    // between them. A dry run rolls back (it writes nothing anyway).
    store.write(|tx| {
        let current = super::load_in(tx).map_err(InventoryError::from)?;
        let plan = plan_import(&current, &inv);
        if plan.empties_inventory() && !options.allow_empty {
            return Err(ImportError::WouldEmpty {
                file: escape(&name).into_owned(),
                current: plan.current,
            });
        }
        if !options.dry_run {
            super::replace_all_in(tx, &inv)?;
        }
        Ok(plan)
    })
}

/// Finds the line of an item's field in block-style YAML, by indentation. Best effort: flow
/// style or JSON gives no line, and the message still names the item and field.
struct LineLocator<'a> {
    lines: Vec<&'a str>,
    yaml: bool,
}

impl<'a> LineLocator<'a> {
    fn new(text: &'a str, format: Format) -> Self {
        Self {
            lines: text.lines().collect(),
            yaml: format == Format::Yaml,
        }
    }

    fn find(&self, issue: &InventoryIssue) -> Option<usize> {
        if !self.yaml {
            return None;
        }
        let indent = |l: &str| l.len() - l.trim_start().len();
        let header = format!("{}:", issue.section);
        let start = self.lines.iter().position(|l| l.trim_end() == header)?;
        let section_end = self.lines[start + 1..]
            .iter()
            .position(|l| !l.trim().is_empty() && indent(l) == 0 && !l.starts_with('-'))
            .map_or(self.lines.len(), |p| start + 1 + p);
        let items: Vec<usize> = (start + 1..section_end)
            .filter(|&i| self.lines[i].trim_start().starts_with("- "))
            .collect();
        let item_indent = items.iter().map(|&i| indent(self.lines[i])).min()?;
        let items: Vec<usize> = items
            .into_iter()
            .filter(|&i| indent(self.lines[i]) == item_indent)
            .collect();
        let item_start = *items.get(issue.index)?;
        let item_end = items.get(issue.index + 1).copied().unwrap_or(section_end);
        let key = issue
            .error
            .field
            .split(['[', '.'])
            .next()
            .unwrap_or_default()
            .to_owned()
            + ":";
        let field_line = (item_start..item_end).find(|&i| {
            let t = self.lines[i].trim_start();
            t.strip_prefix("- ").unwrap_or(t).starts_with(&key)
        });
        Some(field_line.unwrap_or(item_start) + 1)
    }
}

#[cfg(test)]
mod tests;
