//! Why a schedule could not be computed.

use crate::error::{Code, Coded};
use crate::field_error::{describe, FieldError};
use crate::inventory::InventoryError;

#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    #[error("rotation '{rotation}' is invalid: {}", describe(.errors))]
    Invalid {
        rotation: String,
        errors: Vec<FieldError>,
    },
    #[error("the range {from} to {to} is longer than {limit} days, the most computed at once")]
    RangeTooLong {
        from: String,
        to: String,
        limit: i64,
    },
    #[error("a calendar holds 1 to {limit} days, not {days}")]
    CalendarDays { days: u32, limit: i64 },
    #[error("a calendar from {from} for {days} days reaches outside the years 0001 to 9999")]
    CalendarOutOfRange { from: String, days: u32 },
    #[error("{0} is outside the years 0000 to 9999 a schedule covers")]
    InstantOutOfRange(String),
    #[error("the range's end {to} is not after its start {from}")]
    RangeReversed { from: String, to: String },
    #[error("rotation '{rotation}' has no layer {index} (it has {count})")]
    UnknownLayer {
        rotation: String,
        index: usize,
        count: usize,
    },
    #[error("there is no rotation '{0}'")]
    UnknownRotation(String),
    #[error("there is no workflow '{0}'")]
    UnknownWorkflow(String),
    #[error("workflow '{0}' has no owner rotation")]
    NoOwner(String),
    #[error(transparent)]
    Inventory(#[from] InventoryError),
}

impl Coded for ScheduleError {
    fn code(&self) -> Code {
        match self {
            ScheduleError::Invalid { .. }
            | ScheduleError::RangeTooLong { .. }
            | ScheduleError::RangeReversed { .. }
            | ScheduleError::CalendarDays { .. }
            | ScheduleError::InstantOutOfRange(_)
            | ScheduleError::CalendarOutOfRange { .. } => Code::Invalid,
            ScheduleError::UnknownLayer { .. }
            | ScheduleError::UnknownRotation(_)
            | ScheduleError::UnknownWorkflow(_)
            | ScheduleError::NoOwner(_) => Code::NotFound,
            ScheduleError::Inventory(e) => e.code(),
        }
    }
}
