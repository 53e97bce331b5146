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

/// A step change made within this long after the previous one is a second tap on a button
/// that moved under the finger (下一步 sits where the last step's 下一步 was): ignored.
pub const NAV_GUARD_MS: f64 = 400.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Step(Step),
    Results,
}

impl Screen {
    /// The screen's name in the address (`#step=family`), so Back and reload keep the place.
    pub fn code(self) -> &'static str {
        match self {
            Screen::Step(Step::Home) => "home",
            Screen::Step(Step::Family) => "family",
            Screen::Step(Step::Student) => "student",
            Screen::Step(Step::School) => "school",
            Screen::Step(Step::More) => "more",
            Screen::Results => "results",
        }
    }

    pub fn from_code(code: &str) -> Option<Screen> {
        [Step::Home, Step::Family, Step::Student, Step::School, Step::More]
            .into_iter()
            .map(Screen::Step)
            .chain([Screen::Results])
            .find(|s| s.code() == code)
    }
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
    /// 「清除我的回答」 was pressed once: it asks before it clears.
    pub confirming_forget: bool,
    /// When the screen last changed by a button (milliseconds, from the event), for the
    /// double-tap guard.
    pub changed_at: f64,
    /// 「大字」: larger text for older users (适老化), kept on this device.
    pub large: bool,
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
            confirming_forget: false,
            changed_at: f64::NEG_INFINITY,
            large: false,
            shared: None,
            link_problem: None,
        }
    }
}

pub enum Action {
    /// Change some answers; every other answer is kept.
    Edit(Rc<dyn Fn(&mut Answers)>),
    /// A navigation button (下一步, 上一步, 查看结果), pressed at this time (ms): ignored when
    /// it comes within [`NAV_GUARD_MS`] of the last change.
    Nav(Screen, f64),
    /// Show this screen (the browser's Back and Forward, a link): never ignored.
    Go(Screen),
    /// From the results, open one step to change an answer.
    EditStep(Step),
    SetLang(Lang),
    /// 「大字」 on or off.
    SetLarge(bool),
    /// 「清除我的回答」 pressed: ask first.
    AskForget,
    CancelForget,
    Forget,
    /// Replace the stored answers with the shared case.
    TakeShared,
    /// Keep the stored answers and set the shared case aside.
    KeepMine,
    DismissLinkProblem,
}

impl State {
    /// Shows a screen; reaching the results ends an edit begun from them.
    fn show(&mut self, screen: Screen) {
        self.screen = screen;
        if screen == Screen::Results {
            self.editing_from_results = false;
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.forgotten = false;
        if !matches!(action, Action::AskForget) {
            next.confirming_forget = false;
        }
        match action {
            Action::Edit(edit) => edit(&mut next.answers),
            Action::Nav(screen, at) => {
                if at - self.changed_at < NAV_GUARD_MS || screen == self.screen {
                    return self;
                }
                next.changed_at = at;
                next.show(screen);
            }
            Action::Go(screen) => next.show(screen),
            Action::EditStep(step) => {
                next.screen = Screen::Step(step);
                next.editing_from_results = true;
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::SetLarge(on) => next.large = on,
            Action::AskForget => next.confirming_forget = true,
            Action::CancelForget => {}
            Action::Forget => {
                next = State {
                    lang: self.lang,
                    large: self.large,
                    forgotten: true,
                    ..State::default()
                };
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

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn a_second_tap_while_the_step_changes_is_ignored() {
        let s = reduce(State::default(), Action::Nav(Screen::Step(Step::Family), 1000.0));
        assert_eq!(s.screen, Screen::Step(Step::Family));
        // The same finger's second tap lands on the new 下一步 120 ms later: ignored.
        let s = reduce(s, Action::Nav(Screen::Step(Step::Student), 1120.0));
        assert_eq!(s.screen, Screen::Step(Step::Family));
        // A deliberate tap later goes on.
        let s = reduce(s, Action::Nav(Screen::Step(Step::Student), 1000.0 + NAV_GUARD_MS));
        assert_eq!(s.screen, Screen::Step(Step::Student));
        // Back and Forward are never ignored.
        let s = reduce(s, Action::Go(Screen::Step(Step::Family)));
        assert_eq!(s.screen, Screen::Step(Step::Family));
    }

    #[test]
    fn forgetting_asks_first_and_anything_else_cancels_the_question() {
        let s = reduce(State::default(), Action::AskForget);
        assert!(s.confirming_forget && !s.forgotten);
        let s = reduce(s, Action::CancelForget);
        assert!(!s.confirming_forget && !s.forgotten);
        let s = reduce(reduce(s, Action::AskForget), Action::SetLang(Lang::En));
        assert!(!s.confirming_forget, "another action closes the question");
    }

    #[test]
    fn large_text_toggles() {
        let s = reduce(State::default(), Action::SetLarge(true));
        assert!(s.large);
        let s = reduce(s, Action::SetLarge(false));
        assert!(!s.large);
    }

    #[test]
    fn screen_codes_round_trip() {
        for screen in Step::ALL.into_iter().map(Screen::Step).chain([Screen::Results]) {
            assert_eq!(Screen::from_code(screen.code()), Some(screen));
        }
        assert_eq!(Screen::from_code("nonsense"), None);
    }
}
