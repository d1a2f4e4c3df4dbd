//! The command-line checker for reviewers who check many reports at once.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = nianbao_cli::main_with(
        &args,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::exit(status);
}
