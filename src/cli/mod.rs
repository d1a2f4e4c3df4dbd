//! The native command-line checker.
