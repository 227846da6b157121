//! Vendor status pages in the Statuspage format (`/api/v2/summary.json`).
#[cfg(test)]
mod tests;
