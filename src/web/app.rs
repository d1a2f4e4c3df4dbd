//! The root component: holds the [`Checker`] state and hands each view what it shows and the callbacks
//! it may call.

use yew::prelude::*;

use super::components::{Editor, Intro, Results};
use super::state::{Action, Checker};

#[component]
pub fn App() -> Html {
    let state = use_reducer(Checker::default);

    let dispatcher = state.dispatcher();
    let on_edit = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |text: String| dispatcher.dispatch(Action::Edit(text)))
    };
    let on_example = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| dispatcher.dispatch(Action::LoadExample))
    };
    let on_clear = Callback::from(move |()| dispatcher.dispatch(Action::Clear));

    html! {
        <div class="page">
            <Intro />
            <main class="workspace">
                <Editor
                    value={state.text.clone()}
                    {on_edit}
                    {on_example}
                    {on_clear}
                />
                <Results report={state.report.clone()} />
            </main>
            <footer class="footer">
                <p>{"nianbao（年报）· 依据国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》"}</p>
            </footer>
        </div>
    }
}
