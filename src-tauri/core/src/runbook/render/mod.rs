//! Safe rendering of runbook markdown to HTML (filled in next).
