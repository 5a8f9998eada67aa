//! The on-demand views' entry point (`view=compare` in the link; `public/boot.js` chooses it): a
//! separate build, so the calculator's first load carries none of their code.

fn main() {
    restack::ui::start_views();
}
