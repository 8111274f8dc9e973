//! Entities and aliases, quantities over time, event clustering.
