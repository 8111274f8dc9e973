//! Article extraction: main text vs boilerplate from HTML and text scrapes; title, outlet, authors, date candidates.
