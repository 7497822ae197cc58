//! `show-environment` (`showenv`): print a session's environment (`-t`, else the current
//! session's) or the global one (`-g`) as `NAME=value` lines, `-NAME` for a variable marked
//! removed; `-s` as shell commands to `eval`; `-h` the hidden variables.

use super::{Args, Ctx, Outcome, Spec, Target};
use crate::model::environ::Var;
use crate::model::state::State;

/// The table entry.
pub const SPEC: Spec = Spec {
    name: "show-environment",
    alias: Some("showenv"),
    flags: "hgst:",
    usage: "[-hgs] [-t target-session] [name]",
    args: (0, 1),
    target: Target::None,
    source: Target::None,
    exec,
};

/// Runs show-environment.
fn exec(state: &mut State, ctx: &mut Ctx, args: &Args) -> Result<Outcome, String> {
    let env = super::set_environment::environment(state, ctx, args)?.clone();
    let hidden = args.has('h');
    let shell = args.has('s');
    if let Some(name) = args.positional.first() {
        let var = env
            .get(name)
            .filter(|v| v.hidden == hidden)
            .ok_or_else(|| format!("unknown variable: {name}"))?;
        ctx.out.push_str(&line(name, var, shell));
        return Ok(Outcome::Done);
    }
    for (name, var) in env.iter().filter(|(_, v)| v.hidden == hidden) {
        ctx.out.push_str(&line(name, var, shell));
    }
    Ok(Outcome::Done)
}

/// Returns one variable's line: `NAME=value` or `-NAME`, or with `-s` shell commands.
fn line(name: &str, var: &Var, shell: bool) -> String {
    match (&var.value, shell) {
        (Some(v), false) => format!("{name}={v}\n"),
        (None, false) => format!("-{name}\n"),
        (Some(v), true) => {
            let escaped: String = v
                .chars()
                .flat_map(|c| match c {
                    '"' | '$' | '`' | '\\' => vec!['\\', c],
                    c => vec![c],
                })
                .collect();
            format!("{name}=\"{escaped}\"; export {name};\n")
        }
        (None, true) => format!("unset {name};\n"),
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::Harness;

    #[test]
    fn s_prints_shell_commands() {
        let mut h = Harness::with_session();
        h.ok("setenv SHOWN 'a \"b\" $c'");
        h.ok("setenv -r GONE");
        assert_eq!(
            h.ok("showenv -s SHOWN"),
            "SHOWN=\"a \\\"b\\\" \\$c\"; export SHOWN;\n"
        );
        assert_eq!(h.ok("showenv -s GONE"), "unset GONE;\n");
        assert_eq!(h.ok("showenv GONE"), "-GONE\n");
        assert_eq!(h.err("showenv -g NOPE"), "unknown variable: NOPE");
    }
}
