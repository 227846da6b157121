use super::Code;

const ALL: [Code; 12] = [
    Code::Invalid,
    Code::NotFound,
    Code::InUse,
    Code::Conflict,
    Code::Store,
    Code::NewerSchema,
    Code::ReadOnly,
    Code::NotBrownout,
    Code::BadPath,
    Code::Io,
    Code::Watch,
    Code::Keyring,
];

#[test]
fn codes_travel_as_their_snake_case_names() {
    for code in ALL {
        assert_eq!(
            serde_json::to_value(code).unwrap(),
            serde_json::Value::String(code.to_string())
        );
    }
    assert_eq!(
        serde_json::to_string(&Code::NotFound).unwrap(),
        "\"not_found\""
    );
    assert_eq!(
        serde_json::to_string(&Code::NewerSchema).unwrap(),
        "\"newer_schema\""
    );
}

#[test]
fn every_error_code_exits_with_2() {
    for code in ALL {
        assert_eq!(code.exit_code(), 2, "{code}");
    }
}

#[test]
fn each_error_says_its_code_and_validation_is_never_not_found() {
    use super::Coded;
    use crate::inventory::file::ImportError;
    use crate::inventory::{FieldError, InventoryError};
    use crate::settings::SettingsError;
    use crate::store::StoreError;

    let field = || FieldError {
        field: "id".into(),
        message: "use lower-case letters".into(),
    };
    let invalid = InventoryError::Invalid {
        kind: "vendor",
        id: "Bad!".into(),
        errors: vec![field()],
    };
    assert_eq!(invalid.code(), Code::Invalid);
    let missing = InventoryError::NotFound {
        kind: "workflow",
        id: "ghost".into(),
    };
    assert_eq!(missing.code(), Code::NotFound);
    assert_eq!(missing.to_string(), "there is no workflow 'ghost'");
    assert_eq!(SettingsError::Invalid(vec![field()]).code(), Code::Invalid);
    let parse = ImportError::Parse {
        file: "inv.yaml".into(),
        line: Some(3),
        message: "bad".into(),
    };
    assert_eq!(parse.code(), Code::Invalid);
    assert_eq!(ImportError::Inventory(invalid).code(), Code::Invalid);
    let newer = StoreError::NewerSchema {
        path: "b.db".into(),
        found: 99,
        known: 4,
    };
    assert_eq!(newer.code(), Code::NewerSchema);
    // Wrapped store errors keep the store's code.
    assert_eq!(SettingsError::Store(newer).code(), Code::NewerSchema);
    assert_eq!(
        InventoryError::Store(StoreError::Poisoned).code(),
        Code::Store
    );
}
