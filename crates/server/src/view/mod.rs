//! The `view` layer: what each attached client sees. Composing its screen (panes, borders,
//! titles, pane numbers, choosers), the status line, and state sync: sending each client the
//! rows that changed (DESIGN 3). It reads the model and runs no command.
//!
//! It may import `model`, `config`, `ids` and `log`; never `io`, `cmd` or `input`.

pub mod borders;
pub mod chooser;
pub mod clock;
pub mod compose;
pub mod copy;
pub mod hint;
pub mod menu;
pub mod pane_numbers;
pub mod partial;
pub mod render;
pub mod status;
pub mod status_list;
pub mod wrap;
