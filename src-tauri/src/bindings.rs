//! The TypeScript side of the IPC surface, generated from the declaration in
//! [`crate::commands::list`]:
//! - `ui/src/lib/ipc-types.ts`: every type that crosses the boundary, found by walking ts-rs's
//!   dependencies from each command's arguments and result, each event's payload and the error;
//! - `ui/src/lib/ipc/commands.gen.ts`: one typed function per command, one typed listener per
//!   event;
//! - `capabilities/default.json`: the main window may call exactly the declared commands.
//!
//! A test fails when a committed file drifts; `UPDATE_BINDINGS=1 cargo test -p brownout --test
//! bindings` rewrites them.

use std::any::TypeId;
use std::collections::HashSet;

use ts_rs::{Config, TypeVisitor, TS};

use crate::commands::{list, CommandDecl, EventDecl};
use crate::error::IpcError;

/// A generated file: where it lives (relative to the repository root) and its text.
pub struct Generated {
    pub path: &'static str,
    pub text: String,
}

/// Every generated file.
pub fn files() -> Vec<Generated> {
    let commands = list::commands();
    let events = list::events();
    vec![
        Generated {
            path: "ui/src/lib/ipc-types.ts",
            text: types(&commands, &events),
        },
        Generated {
            path: "ui/src/lib/ipc/commands.gen.ts",
            text: client(&commands, &events),
        },
        Generated {
            path: "src-tauri/capabilities/default.json",
            text: capability(&commands),
        },
    ]
}

/// 64-bit integers (ids, counts) are `number` in TypeScript: they stay far below 2^53.
pub fn config() -> Config {
    Config::new().with_large_int("number")
}

/// Collects the declaration of every named type reachable from the roots, each once. (The
/// order ts-rs visits a type's dependencies in can change from one build to the next, so the
/// file lists them by name.)
pub struct TypeCollector {
    cfg: Config,
    seen: HashSet<TypeId>,
    decls: Vec<(String, String)>,
}

impl TypeCollector {
    fn new() -> Self {
        Self {
            cfg: config(),
            seen: HashSet::new(),
            decls: Vec::new(),
        }
    }

    /// Adds `T` (if it has a declaration of its own) and everything it refers to.
    pub fn root<T: TS + 'static + ?Sized>(&mut self) {
        self.visit::<T>();
    }
}

impl TypeVisitor for TypeCollector {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_none() {
            // A primitive or a wrapper (`Vec<T>`, `Option<T>`): no declaration, but its
            // parameters may have one.
            T::visit_generics(self);
            T::visit_dependencies(self);
            return;
        }
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        self.decls.push((T::ident(&self.cfg), T::decl(&self.cfg)));
        T::visit_dependencies(self);
    }
}

const HEADER: &str = "// Generated from the IPC declaration (src-tauri/src/commands/list.rs) by\n// `UPDATE_BINDINGS=1 cargo test -p brownout --test bindings`. Do not edit by hand: the test\n// suite fails when this file drifts.\n";

fn types(commands: &[CommandDecl], events: &[EventDecl]) -> String {
    let mut c = TypeCollector::new();
    for cmd in commands {
        for arg in &cmd.args {
            (arg.ty.visit)(&mut c);
        }
        (cmd.result.visit)(&mut c);
    }
    for ev in events {
        (ev.payload.visit)(&mut c);
    }
    c.root::<IpcError>();
    c.decls.sort();
    let mut out = format!("{HEADER}\n");
    for (_, d) in c.decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// `vendor_save` → `vendorSave`, `runbooks-changed` → `runbooksChanged`: how Tauri names
/// arguments on the wire and how the client names functions.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for ch in name.chars() {
        if ch == '_' || ch == '-' {
            upper = true;
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// Names of declared types used in signatures, for the import line.
fn imported(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut found: Vec<String> = names
        .flat_map(|n| {
            n.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()) && *w != "Array")
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

fn client(commands: &[CommandDecl], events: &[EventDecl]) -> String {
    let result = |c: &CommandDecl| {
        if c.result.is_unit {
            "void".to_owned()
        } else {
            c.result.ts_name.clone()
        }
    };
    let names = commands
        .iter()
        .flat_map(|c| {
            c.args
                .iter()
                .map(|a| a.ty.ts_name.clone())
                .chain([result(c)])
                .collect::<Vec<_>>()
        })
        .chain(events.iter().map(|e| e.payload.ts_name.clone()));
    let mut out = format!("{HEADER}\n");
    out.push_str("import { listen, type UnlistenFn } from '@tauri-apps/api/event';\n");
    out.push_str("import { call } from './call';\n");
    out.push_str(&format!(
        "import type {{ {} }} from '../ipc-types';\n\n",
        imported(names).join(", ")
    ));
    out.push_str(
        "/** Every command the shell offers; each throws an `IpcFailure` when it fails. */\n",
    );
    out.push_str("export const commands = {\n");
    for c in commands {
        let params: Vec<String> = c
            .args
            .iter()
            .map(|a| format!("{}: {}", camel(a.name), a.ty.ts_name))
            .collect();
        let keys: Vec<String> = c.args.iter().map(|a| camel(a.name)).collect();
        let args = if keys.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", keys.join(", "))
        };
        out.push_str(&format!(
            "  {}: ({}): Promise<{r}> => call<{r}>('{}'{args}),\n",
            camel(c.name),
            params.join(", "),
            c.name,
            r = result(c),
        ));
    }
    out.push_str("};\n\n");
    out.push_str("/** The command names, as the shell knows them. */\n");
    out.push_str("export type CommandName =\n");
    for c in commands {
        out.push_str(&format!("  | '{}'\n", c.name));
    }
    out.truncate(out.trim_end().len());
    out.push_str(";\n\n");
    out.push_str(
        "/** Every event the shell sends: `listen` calls `handler` with each payload. */\n",
    );
    out.push_str("export const events = {\n");
    for e in events {
        out.push_str(&format!(
            "  {}: (handler: (payload: {p}) => void): Promise<UnlistenFn> =>\n    listen<{p}>('{}', (e) => handler(e.payload)),\n",
            camel(e.name),
            e.name,
            p = e.payload.ts_name,
        ));
    }
    out.push_str("};\n");
    out
}

fn capability(commands: &[CommandDecl]) -> String {
    let mut permissions = vec!["core:event:default".to_owned()];
    permissions.extend(
        commands
            .iter()
            .map(|c| format!("allow-{}", c.name.replace('_', "-"))),
    );
    // Written by hand rather than through serde_json so the keys keep their reading order.
    let list = |items: &[String]| {
        items
            .iter()
            .map(|p| format!("    {}", serde_json::Value::String(p.clone())))
            .collect::<Vec<_>>()
            .join(",\n")
    };
    let text = format!(
        "{{\n  \"$schema\": \"../gen/schemas/desktop-schema.json\",\n  \"identifier\": \"default\",\n  \"description\": \"The main window may call Brownout's own commands and nothing else. Generated from src-tauri/src/commands/list.rs.\",\n  \"windows\": [\n{}\n  ],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        list(&["main".to_owned()]),
        list(&permissions)
    );
    text
}

#[cfg(test)]
mod tests;
