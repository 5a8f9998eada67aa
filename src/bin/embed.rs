//! The embed's entry point: the light build a blog post's iframe loads (`embed` in the link;
//! `public/boot.js` chooses it). Set the panic hook and mount the embed; nothing else.

fn main() {
    restack::ui::start_embed();
}
