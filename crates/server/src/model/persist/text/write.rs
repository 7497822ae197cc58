//! Writing sessions in the format: a line per session, window, split and pane, indented two
//! spaces a level, plain words as they are and the rest quoted.

use super::words::{escape, word};
use super::{HEADER, VERSION};
use crate::model::layout::Split;
use crate::model::persist::{NodeKind, Saved, SavedNode, SavedOption, SavedSession, SavedSize};

/// Returns the text of a file holding `saved`.
pub fn write(saved: &Saved) -> String {
    let mut out = String::from(
        "# mux sessions: the format is in mux's README, \"Saved sessions and layout files\".\n",
    );
    out.push_str(&format!("{HEADER} {VERSION}\n"));
    if let Some(boot) = &saved.boot {
        out.push_str(&format!("boot {}\n", word(boot)));
    }
    for s in &saved.sessions {
        write_session(&mut out, s);
    }
    out
}

/// Appends a session.
fn write_session(out: &mut String, s: &SavedSession) {
    out.push_str(&format!("session {}", word(&s.name)));
    if let Some((c, r)) = s.size {
        out.push_str(&format!(" size={c}x{r}"));
    }
    if let Some(cwd) = &s.cwd {
        out.push_str(&format!(" cwd={}", word(cwd)));
    }
    out.push('\n');
    write_options(out, 1, &s.options);
    for w in &s.windows {
        out.push_str("  window");
        if let Some(i) = w.index {
            out.push_str(&format!(" index={i}"));
        }
        if let Some(name) = &w.name {
            out.push_str(&format!(" name={}", word(name)));
        }
        if let Some((c, r)) = w.size {
            out.push_str(&format!(" size={c}x{r}"));
        }
        for (flag, on) in [("active", w.active), ("zoomed", w.zoomed)] {
            if on {
                out.push(' ');
                out.push_str(flag);
            }
        }
        out.push('\n');
        write_options(out, 2, &w.options);
        write_node(out, 2, &w.layout);
    }
}

/// Appends `option` lines at `depth`.
fn write_options(out: &mut String, depth: usize, options: &[SavedOption]) {
    for o in options {
        out.push_str(&format!(
            "{}option {} {}\n",
            "  ".repeat(depth),
            word(&o.name),
            word(&o.value)
        ));
    }
}

/// Appends a layout node and what it holds at `depth`.
fn write_node(out: &mut String, depth: usize, node: &SavedNode) {
    let indent = "  ".repeat(depth);
    let size = match node.size {
        Some(SavedSize::Cells(n)) => format!(" {n}"),
        Some(SavedSize::Percent(p)) => format!(" {p}%"),
        None => String::new(),
    };
    match &node.kind {
        NodeKind::Split(dir, children) => {
            let d = if *dir == Split::Horizontal { "h" } else { "v" };
            out.push_str(&format!("{indent}split {d}{size}\n"));
            for c in children {
                write_node(out, depth + 1, c);
            }
        }
        NodeKind::Pane(p) => {
            out.push_str(&format!("{indent}pane{size}"));
            let fields = [
                ("cwd", &p.cwd),
                ("command", &p.command),
                ("title", &p.title),
            ];
            for (key, value) in fields {
                if let Some(v) = value {
                    out.push_str(&format!(" {key}={}", word(v)));
                }
            }
            if p.active {
                out.push_str(" active");
            }
            out.push('\n');
            write_options(out, depth + 1, &p.options);
            for line in &p.history {
                out.push_str(&format!("{indent}  | {}\n", escape(line)));
            }
        }
    }
}
