fn main() {
    yew::Renderer::<zhuxue_web::App>::new().render();
}
