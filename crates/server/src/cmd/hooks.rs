//! Hooks: commands run when something happens.

use super::Ctx;
use crate::model::state::State;

/// Runs the hooks the model recorded as due.
pub fn run_due(_state: &mut State) {}

/// Queues the `after-COMMAND` hook of a command that succeeded.
pub fn after_command(_state: &mut State, _ctx: &mut Ctx, _words: &[String]) {}
