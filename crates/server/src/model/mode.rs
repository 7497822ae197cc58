//! Client modes as data: what an attached client's keys drive when not the pane — the
//! command prompt and confirmations on the status line, the tree chooser, menus, the pane
//! numbers. How keys edit them is the `input` layer's (`input::prompt`, `input::chooser`,
//! `input::menu`).

use std::time::Instant;

pub use crate::model::chooser::{ChooseAction, ChooseItem, Chooser, Preview};

/// What a client's keys currently drive.
#[derive(Debug, Default)]
pub enum Mode {
    /// Keys go through the key tables to the pane.
    #[default]
    Normal,
    /// A prompt on the status line (command-prompt, confirm-before).
    Prompt(Prompt),
    /// Pane numbers are shown (display-panes) until the given time.
    PaneNumbers(Instant),
    /// A list to choose from (choose-tree, choose-client).
    Choose(Chooser),
    /// A menu over the screen (display-menu).
    Menu(crate::model::menu::Menu),
}

/// A prompt being edited on the status line.
#[derive(Debug, Clone)]
pub struct Prompt {
    /// The text before the input, such as `(rename-window) `.
    pub label: String,
    /// The input typed so far.
    pub input: String,
    /// The cursor position in `input`, in characters.
    pub cursor: usize,
    /// The command line to run, with `%%` replaced by the input.
    pub template: String,
    /// Whether this is a y/n confirmation, answered by one key.
    pub confirm: bool,
    /// Earlier inputs, oldest first, that Up and Down bring back.
    pub history: Vec<String>,
    /// Which of `history` is shown while browsing it.
    pub browsing: Option<usize>,
    /// The input as typed before browsing began, which Down past the newest restores.
    pub draft: String,
    /// What the prompt takes (command-prompt `-1`, `-N`, `-i`).
    pub takes: Takes,
    /// The prompts still to come after this one (command-prompt `-p a,b`): label and
    /// initial input each.
    pub rest: Vec<(String, String)>,
    /// The answers to the prompts before this one, for `%1`, `%2`, ... in the template.
    pub answers: Vec<String>,
    /// Whether keys are read as vi's (`status-keys vi`).
    pub vi: bool,
    /// With vi keys, whether the prompt is in command mode (after Escape) rather than
    /// inserting.
    pub command_mode: bool,
    /// The text last deleted with C-k, C-u or C-w, which C-y (vi `p`) puts back.
    pub killed: String,
}

/// What a prompt takes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Takes {
    /// A line of text, run with Enter.
    #[default]
    Line,
    /// One key, run at once (`-1`: jump to a character).
    OneKey,
    /// One key of any kind, run at once with its name (`-k`: describe a key).
    KeyName,
    /// Digits only (`-N`: a repeat count).
    Number,
    /// A line run again at every change (`-i`: incremental search).
    Incremental,
}

/// What a key does to a prompt.
#[derive(Debug, PartialEq, Eq)]
pub enum PromptAction {
    /// Keep editing.
    Continue,
    /// Close the prompt without running anything.
    Cancel,
    /// Close the prompt and run this command line.
    Run(String),
    /// Run this command line and keep the prompt open (an incremental prompt's change).
    Update(String),
    /// Close the prompt, run this command line, and pass the key on as if no prompt had
    /// been open (a key that ends a number prompt: `5` then `k` in copy mode, as tmux).
    RunAndPass(String),
}
