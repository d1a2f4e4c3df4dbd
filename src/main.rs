//! The web page's entry point. Trunk builds this binary for wasm32 (see `index.html`); the page itself
//! lives in the `nianbao_web` library (src/lib.rs).

#[cfg(target_arch = "wasm32")]
fn main() {
    nianbao_web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "nianbao-web is the checker's web page and is built for the browser (wasm32) by Trunk: \
         run scripts/serve.sh and open http://127.0.0.1:8080. On this machine, use the `nianbao` \
         command-line checker instead."
    );
}
