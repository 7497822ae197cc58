//! `display-menu` (`menu`): a menu over the client's screen, its items given as `name key
//! command` triples (`''` alone for a separating line; a name starting with `-` is shown
//! but cannot be chosen; a name that expands to nothing is left out). `-x` and `-y` place it
//! as tmux does: a number, or `C` (centre), `R` (right), `P` (the pane), `M` (the mouse),
//! `W` (the window's place on the status line).

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::ids::ClientId;
use crate::model::menu::{Menu, MenuItem, MenuLine};
use crate::model::mode::Mode;
use crate::model::state::State;
use crate::model::target::Found;
use crate::model::vars::Scope;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "display-menu",
    alias: Some("menu"),
    flags: "c:t:OT:x:y:",
    usage: "[-O] [-c target-client] [-t target-pane] [-T title] [-x position] \
            [-y position] name key command ...",
    args: (1, usize::MAX),
    target: Target::Pane,
    source: Target::None,
    exec,
};

/// The most items a menu takes.
const MAX_ITEMS: usize = 256;

/// Runs display-menu.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let found = ctx.target()?;
    let client = super::detach_client::target_client(state, ctx, args.value('c'))?;
    let scope = Scope {
        session: Some(found.session),
        window: Some(found.window),
        pane: Some(found.pane),
        client: Some(client),
    };
    let expand = |text: &str| crate::model::vars::expand(state, scope, text);
    let lines = items(&args.positional, &expand)?;
    let title = expand(args.value('T').unwrap_or(""));
    let mut menu = Menu::new(title, lines, Some(found));
    if menu.lines.is_empty() {
        return Ok(Outcome::Done);
    }
    let (x, bottom, screen) = position(state, client, found, &menu, args)?;
    menu.place(x, bottom, screen);
    if let Some(c) = state.clients.get_mut(&client) {
        c.mode = Mode::Menu(menu);
        c.dirty = true;
    }
    Ok(Outcome::Done)
}

/// Builds the menu's lines from its arguments.
fn items(words: &[String], expand: &dyn Fn(&str) -> String) -> Result<Vec<MenuLine>, String> {
    let mut lines = Vec::new();
    let mut rest = words;
    while let Some((name, after)) = rest.split_first() {
        if lines.len() >= MAX_ITEMS {
            return Err(format!("too many menu items (at most {MAX_ITEMS})"));
        }
        if name.is_empty() {
            lines.push(MenuLine::Separator);
            rest = after;
            continue;
        }
        let [key_name, command, more @ ..] = after else {
            return Err("not enough arguments".into());
        };
        rest = more;
        let label = expand(name);
        if label.is_empty() {
            continue;
        }
        let key = crate::config::keyname::parse_key(key_name);
        let (label, enabled) = match label.strip_prefix('-') {
            Some(l) => (l.to_string(), false),
            None => (label, true),
        };
        lines.push(MenuLine::Item(MenuItem {
            label,
            key,
            key_name: if key.is_some() {
                key_name.clone()
            } else {
                String::new()
            },
            command: command.clone(),
            enabled,
        }));
    }
    Ok(lines)
}

/// Returns where the menu goes: its left column, its bottom row, and the screen's size.
fn position(
    state: &State,
    client: ClientId,
    found: Found,
    menu: &Menu,
    args: &Args,
) -> Result<(usize, usize, (usize, usize)), String> {
    let c = state.clients.get(&client).ok_or("no current client")?;
    let size = c.size();
    let screen = (usize::from(size.cols), usize::from(size.rows));
    let (w, h) = menu.size();
    let layout = crate::model::hit::screen_layout(state, found.session, size);
    let pane = state
        .window(found.session, found.window)
        .and_then(|win| win.visible_rect(found.pane))
        .unwrap_or_default();
    let mouse = c.mouse.current.map(|m| m.screen);
    let status = layout.status_row;
    let entry = c.status_ranges.iter().find_map(|(from, _, t)| match t {
        crate::model::client::StatusTarget::Window(wid) if *wid == found.window => Some(*from),
        _ => None,
    });
    let x = match args.value('x').unwrap_or("C") {
        "C" => screen.0.saturating_sub(w) / 2,
        "R" => screen.0.saturating_sub(w),
        "P" => layout.window.x + usize::from(pane.x),
        "M" => mouse.map_or(0, |m| usize::from(m.col)),
        "W" => entry.unwrap_or(0),
        n => n.parse().map_err(|_| format!("position is invalid: {n}"))?,
    };
    let bottom = match args.value('y').unwrap_or("C") {
        "C" => (screen.1 + h) / 2,
        "P" => layout.window.y + usize::from(pane.y) + usize::from(pane.rows),
        "M" => mouse.map_or(0, |m| usize::from(m.row)),
        "W" | "S" => match status {
            Some(0) => h,
            Some(row) => row.saturating_sub(1),
            None => screen.1,
        },
        n => n.parse().map_err(|_| format!("position is invalid: {n}"))?,
    };
    Ok((x, bottom, screen))
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn a_menu_shows_its_items_and_a_key_runs_one() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 12);
        h.ok("new-window -d -n other");
        h.keys(c, "C-b <");
        let screen = h.screen(c).join("\n");
        assert!(
            screen.contains("0:sh"),
            "the window menu's title:\n{screen}"
        );
        assert!(screen.contains("Swap Right"), "{screen}");
        assert!(screen.contains("(r)"), "{screen}");
        assert!(
            screen.contains("Swap Marked"),
            "a disabled item is shown...\n{screen}"
        );
        h.keys(c, "s");
        assert!(
            h.screen(c).join("\n").contains("Swap Marked"),
            "...but does nothing"
        );
        h.keys(c, "n");
        assert!(
            h.status_line(c).contains("(rename-window)"),
            "Rename asks for a name"
        );
        h.keys(c, "Escape");
        h.keys(c, "C-b < r");
        assert_eq!(
            h.ok("list-windows -F '#{window_index}:#{window_name}'"),
            "0:other\n1:sh\n",
            "Swap Right moved the window"
        );
    }

    #[test]
    fn escape_closes_a_menu_and_bad_arguments_are_errors() {
        let mut h = Harness::with_session();
        let c = h.attach("attach -t work", 40, 12);
        h.ok("display-menu -T Title -x 0 -y 10 One 1 'display-message one' '' Two 2 'new-window'");
        assert!(h.screen(c).join("\n").contains("Title"));
        h.keys(c, "Escape");
        assert!(!h.screen(c).join("\n").contains("Title"));
        assert_eq!(h.err("display-menu One 1"), "not enough arguments");
        assert_eq!(h.err("display-menu -x Q One 1 x"), "position is invalid: Q");
    }
}
