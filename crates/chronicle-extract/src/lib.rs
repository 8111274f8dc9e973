//! Article extraction: main text vs boilerplate from HTML and text scrapes; title, outlet, authors, date candidates.

pub mod text;
pub use text::{extract_text, TextPage};

pub mod html;
pub use html::{
    date_in_url, extract_html, month_from_name, month_name_pattern, numeric_dates, DateCandidate,
    DateSource, HtmlPage, NumericDate, NumericShape,
};
