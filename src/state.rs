//! UI state in one reducer: the answers, which screen is showing, the language.

use std::rc::Rc;

use yew::Reducible;

use crate::answers::Answers;
use crate::i18n::Lang;

/// The guided steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Home,
    Family,
    Student,
    School,
    More,
}

impl Step {
    pub const ALL: [Step; 5] = [Step::Home, Step::Family, Step::Student, Step::School, Step::More];

    pub fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Step(Step),
    Results,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub answers: Answers,
    pub screen: Screen,
    pub lang: Lang,
    /// Set when the user went back from the results to change one answer: the step then
    /// offers a direct way back to the results.
    pub editing_from_results: bool,
    /// Set after "forget my answers", to confirm it.
    pub forgotten: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            answers: Answers::default(),
            screen: Screen::Step(Step::Home),
            lang: Lang::Hans,
            editing_from_results: false,
            forgotten: false,
        }
    }
}

pub enum Action {
    /// Change some answers; every other answer is kept.
    Edit(Rc<dyn Fn(&mut Answers)>),
    Go(Screen),
    /// From the results, open one step to change an answer.
    EditStep(Step),
    SetLang(Lang),
    Forget,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.forgotten = false;
        match action {
            Action::Edit(edit) => edit(&mut next.answers),
            Action::Go(screen) => {
                next.screen = screen;
                if screen == Screen::Results {
                    next.editing_from_results = false;
                }
            }
            Action::EditStep(step) => {
                next.screen = Screen::Step(step);
                next.editing_from_results = true;
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::Forget => {
                next = State { lang: self.lang, forgotten: true, ..State::default() };
                next.answers.as_of = Some(crate::browser::today());
            }
        }
        Rc::new(next)
    }
}
