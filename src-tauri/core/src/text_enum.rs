//! The one way an enumeration becomes text and back: its serde name. Files, IPC, the database,
//! messages and the CLI all spell a value as serde does (`throttled`, `openai`), so no second
//! spelling can drift from the first.

/// A value that is not one of an enumeration's names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UnknownValue(String);

/// Parses `text` as the serde name of one of `T`'s unit variants.
pub fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, UnknownValue> {
    use serde::de::IntoDeserializer;
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
        text.into_deserializer();
    T::deserialize(de).map_err(|e| UnknownValue(e.to_string()))
}

/// Gives unit-only enums `Display`, `FromStr` and SQLite conversions, all through serde.
macro_rules! text_enum {
    ($($t:ty),+ $(,)?) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                serde::Serialize::serialize(self, f)
            }
        }

        impl std::str::FromStr for $t {
            type Err = $crate::text_enum::UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $crate::text_enum::parse(s)
            }
        }

        impl rusqlite::ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.to_string().into())
            }
        }

        impl rusqlite::types::FromSql for $t {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                v.as_str()?
                    .parse()
                    .map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
            }
        }
    )+};
}

pub(crate) use text_enum;

#[cfg(test)]
mod tests;
