use super::Code;

const ALL: [Code; 11] = [
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
];

#[test]
fn codes_travel_as_their_snake_case_names() {
    for code in ALL {
        assert_eq!(
            serde_json::to_value(code).unwrap(),
            serde_json::Value::String(code.as_str().into())
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
