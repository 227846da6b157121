//! The inventory file: YAML or JSON, objects referring to each other by slug. Import is all or
//! nothing: the whole file is parsed and validated before anything is written.

use std::fmt;
use std::path::Path;

use super::validate::{inventory_issues, InventoryIssue};
use super::{load, replace_all, Inventory, InventoryError};
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {file}: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}:{}: {message}", line.map(|l| l.to_string()).unwrap_or_else(|| "?".into()))]
    Parse {
        file: String,
        line: Option<usize>,
        message: String,
    },
    #[error("{}", render_problems(.file, .problems))]
    Invalid {
        file: String,
        problems: Vec<ImportProblem>,
    },
    #[error(transparent)]
    Inventory(#[from] InventoryError),
}

impl crate::error::Coded for ImportError {
    fn code(&self) -> crate::error::Code {
        use crate::error::Code;
        match self {
            ImportError::Read { .. } => Code::Io,
            ImportError::Parse { .. } | ImportError::Invalid { .. } => Code::Invalid,
            ImportError::Inventory(e) => crate::error::Coded::code(e),
        }
    }
}

fn render_problems(file: &str, problems: &[ImportProblem]) -> String {
    problems
        .iter()
        .map(|p| {
            let line = p.line.map(|l| format!(":{l}")).unwrap_or_default();
            format!("{file}{line}: {}: {}: {}", p.item, p.field, p.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What an import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    pub vendors: usize,
    pub endpoints: usize,
    pub workflows: usize,
    pub rotations: usize,
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} vendors, {} endpoints, {} workflows, {} rotations",
            self.vendors, self.endpoints, self.workflows, self.rotations
        )
    }
}

/// Serializes the inventory; the same inventory always gives the same text.
pub fn to_text(inv: &Inventory, format: Format) -> String {
    match format {
        // Serializing plain data with string keys cannot fail.
        Format::Json => serde_json::to_string_pretty(inv).unwrap_or_default() + "\n",
        Format::Yaml => serde_yaml_ng::to_string(inv).unwrap_or_default(),
    }
}

/// The current inventory as text.
pub fn export(store: &Store, format: Format) -> Result<String, InventoryError> {
    Ok(to_text(&load(store)?, format))
}

/// Parses and validates an inventory file's text; `file` names it in errors.
pub fn parse(file: &str, text: &str, format: Format) -> Result<Inventory, ImportError> {
    let parsed = match format {
        Format::Json => serde_json::from_str::<Inventory>(text).map_err(|e| ImportError::Parse {
            file: file.into(),
            line: Some(e.line()),
            message: e.to_string(),
        }),
        Format::Yaml => {
            serde_yaml_ng::from_str::<Inventory>(text).map_err(|e| ImportError::Parse {
                file: file.into(),
                line: e.location().map(|l| l.line()),
                message: e.to_string(),
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
    Err(ImportError::Invalid {
        file: file.into(),
        problems,
    })
}

/// Reads, validates and applies an inventory file, replacing the whole inventory.
pub fn import(store: &Store, path: &Path) -> Result<ImportSummary, ImportError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| ImportError::Read {
        file: file.clone(),
        source,
    })?;
    let inv = parse(&file, &text, Format::from_path(path))?;
    replace_all(store, &inv)?;
    Ok(ImportSummary {
        vendors: inv.vendors.len(),
        endpoints: inv.endpoints.len(),
        workflows: inv.workflows.len(),
        rotations: inv.rotations.len(),
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
