use super::*;

#[test]
fn camel_case_follows_tauri_argument_names() {
    assert_eq!(camel("original_id"), "originalId");
    assert_eq!(camel("runbooks-changed"), "runbooksChanged");
    assert_eq!(camel("id"), "id");
}

#[test]
fn imports_name_only_declared_types() {
    let names = ["Array<RunbookSummary>", "string | null", "Vendor", "void"];
    assert_eq!(
        imported(names.iter().map(|s| s.to_string())),
        ["RunbookSummary", "Vendor"]
    );
}
