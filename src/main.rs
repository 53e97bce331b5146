// The Wasm allocator: smaller than Rust's default (dlmalloc); see Cargo.toml.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // Read the static first screen before Yew mounts on the body (which clears it).
    zhuxue_web::prefill::capture();
    yew::Renderer::<zhuxue_web::App>::new().render();
}
