//! The command-line checker for reviewers who check many reports at once.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = nianbao::cli::main_with(
        &args,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::exit(status);
}

/// The command-line checker is native only; the page is the wasm32 build.
#[cfg(target_arch = "wasm32")]
fn main() {}
