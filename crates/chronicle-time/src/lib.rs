//! Time-expression tagging and normalisation (TIMEX3), sentence splitting.
