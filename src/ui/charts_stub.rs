use crate::engine::Report;
use leptos::prelude::*;
#[component]
pub fn YieldWaterfall(#[prop(into)] report: Signal<Option<Report>>) -> impl IntoView {
    let _ = report;
    view! {<div></div>}
}
#[component]
pub fn RiskStack(#[prop(into)] report: Signal<Option<Report>>) -> impl IntoView {
    let _ = report;
    view! {<div></div>}
}
#[component]
pub fn MarginLadder(#[prop(into)] report: Signal<Option<Report>>) -> impl IntoView {
    let _ = report;
    view! {<div></div>}
}
#[component]
pub fn ProjectionChart(#[prop(into)] report: Signal<Option<Report>>) -> impl IntoView {
    let _ = report;
    view! {<div></div>}
}
