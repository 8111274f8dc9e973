//! Prints what the readers make of each argument: `cargo run -p chronicle-ingest --example ingest_dump -- FILE…`
use chronicle_ingest::{read_inputs, Input, ReadEvent, ReadOptions};

fn main() {
    let inputs: Vec<Input> = std::env::args().skip(1).map(|a| Input::parse(&a)).collect();
    let summary = read_inputs(&inputs, &ReadOptions::default(), &mut |event| match event {
        ReadEvent::Document(d) => println!(
            "doc {} {:?} url={:?} fetched={:?} {} chars: {:?}",
            d.id,
            d.source,
            d.url,
            d.declared.fetched,
            d.content.as_str().len(),
            d.content.as_str().chars().take(60).collect::<String>()
        ),
        ReadEvent::Problem(p) => println!("{p}"),
    });
    println!("{summary:?}");
}
