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
    /// A case opened from a share link while other answers were stored on this device: shown,
    /// not stored, until the user takes it or keeps their own.
    pub shared: Option<Answers>,
    /// What was wrong with a share link, when something was.
    pub link_problem: Option<LinkProblem>,
}

/// A share link that could not be used, in whole or in part.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkProblem {
    /// Nothing could be read (cut off, damaged, too long); the detail is the reader's message.
    Broken(Option<String>),
    /// Read, but these values were refused and left out (the engine's messages).
    Rejected(Vec<String>),
}

impl Default for State {
    fn default() -> Self {
        State {
            answers: Answers::default(),
            screen: Screen::Step(Step::Home),
            lang: Lang::Hans,
            editing_from_results: false,
            forgotten: false,
            shared: None,
            link_problem: None,
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
    /// Replace the stored answers with the shared case.
    TakeShared,
    /// Keep the stored answers and set the shared case aside.
    KeepMine,
    DismissLinkProblem,
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
            Action::TakeShared => {
                if let Some(shared) = next.shared.take() {
                    next.answers = shared;
                }
                next.screen = if crate::ready(&next.answers) {
                    Screen::Results
                } else {
                    Screen::Step(Step::Home)
                };
            }
            Action::KeepMine => {
                next.shared = None;
                next.screen = if crate::ready(&next.answers) {
                    Screen::Results
                } else {
                    Screen::Step(Step::Home)
                };
            }
            Action::DismissLinkProblem => next.link_problem = None,
        }
        Rc::new(next)
    }
}
