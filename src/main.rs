fn main() {
    // Read the static first screen before Yew mounts on the body (which clears it).
    zhuxue_web::prefill::capture();
    yew::Renderer::<zhuxue_web::App>::new().render();
}
