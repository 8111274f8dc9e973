//! Timeline-summarisation evaluation: tilse's ROUGE-based timeline metrics
//! (Martschat & Markert, EACL 2017), date selection P/R/F1, news-tls's
//! evaluation protocol and averaging, and the Timeline17 corpus loader.

pub mod aggregate;
pub mod assign;
pub mod corpus;
pub mod metrics;
mod timeline;

pub use aggregate::{average_news_tls, evaluate_news_tls, PairScores};
pub use corpus::{
    load_corpus, load_topic, Article, ArticleId, GoldTimeline, LoadError, Task, Topic,
};
pub use metrics::{date_prf, Metric, Prf, RougePrf, TimelineEvaluator};
pub use timeline::{Day, Timeline, TimelineParseError};
