//! Prints what a PDF's pages draw, for looking into a file the reader gets wrong:
//! `cargo run -p nianbao-pdf --example glyphs -- FILE [PAGE]` (pages from 1).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: glyphs FILE [PAGE]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).expect("a readable file");
    let only: Option<usize> = args.get(1).and_then(|p| p.parse().ok());
    match nianbao_pdf::pages(&bytes) {
        Err(e) => println!("{e}"),
        Ok(pages) => {
            for (k, page) in pages.iter().enumerate() {
                if only.is_some_and(|p| p != k + 1) {
                    continue;
                }
                println!(
                    "page {} ({} × {}): {} glyphs, {} unmapped, {} images, {} rules",
                    k + 1,
                    page.width,
                    page.height,
                    page.glyphs.len(),
                    page.unmapped,
                    page.images,
                    page.rules.len()
                );
                for g in &page.glyphs {
                    println!(
                        "  {:7.2} {:7.2} w{:5.2} s{:5.2} {}",
                        g.x, g.y, g.width, g.size, g.text
                    );
                }
                for r in &page.rules {
                    println!(
                        "  {} at {:.2} from {:.2} to {:.2}",
                        if r.horizontal { "—" } else { "|" },
                        r.at,
                        r.from,
                        r.to
                    );
                }
            }
        }
    }
}
