//! getopt-style parsing of a command's flags and arguments, as tmux does it.

use std::collections::HashMap;

/// A command's parsed flags and positional arguments.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Args {
    /// Flags given, with their values for flags that take one.
    flags: HashMap<char, Option<String>>,
    /// Arguments after the flags.
    pub positional: Vec<String>,
}

impl Args {
    /// Returns whether flag `c` was given.
    pub fn has(&self, c: char) -> bool {
        self.flags.contains_key(&c)
    }

    /// Returns the value of flag `c`, if given with one.
    pub fn value(&self, c: char) -> Option<&str> {
        self.flags.get(&c).and_then(|v| v.as_deref())
    }

    /// Returns a copy with flag `c` set (for commands that are another command plus a flag).
    pub fn with_flag(&self, c: char) -> Args {
        let mut flags = self.flags.clone();
        flags.insert(c, None);
        Args {
            flags,
            positional: self.positional.clone(),
        }
    }

    /// Parses the value of flag `c` as a number in `range`, naming the flag when it is not.
    pub fn number(&self, c: char, min: u16, max: u16) -> Result<Option<u16>, String> {
        match self.value(c) {
            None => Ok(None),
            Some(v) => match v.parse::<u16>() {
                Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
                _ => Err(format!("-{c} must be a number from {min} to {max}: {v}")),
            },
        }
    }
}

/// Long spellings of flags of the commands mux adds, as the issue that asked for them wrote
/// them (`mux log --plain`, `mux new --layout FILE`): the command, the long name, the flag.
const LONG: &[(&str, &str, char)] = &[
    ("log-pane", "plain", 'p'),
    ("new-session", "layout", 'L'),
    ("save-sessions", "layout", 'L'),
];

/// Takes a long flag (`--name` or `--name=value`) of command `name`, with its value from the
/// next word when it takes one and none followed `=`; returns how many words it used.
fn long_flag(
    name: &str,
    spec: &str,
    word: &str,
    next: Option<&String>,
    args: &mut Args,
) -> Result<usize, String> {
    let (long, inline) = match word.split_once('=') {
        Some((l, v)) => (l, Some(v.to_string())),
        None => (word, None),
    };
    let c = LONG
        .iter()
        .find(|(command, l, _)| *command == name && *l == long)
        .map(|(_, _, c)| *c)
        .ok_or_else(|| format!("command {name}: unknown flag --{long}"))?;
    match (takes_value(spec, c), inline) {
        (Some(true), Some(v)) => {
            args.flags.insert(c, Some(v));
            Ok(1)
        }
        (Some(true), None) => {
            let v = next.ok_or_else(|| format!("command {name}: --{long} expects an argument"))?;
            args.flags.insert(c, Some(v.clone()));
            Ok(2)
        }
        (Some(false), None) => {
            args.flags.insert(c, None);
            Ok(1)
        }
        _ => Err(format!("command {name}: --{long} takes no argument")),
    }
}

/// Parses `argv` (without the command name) against a getopt spec such as `"Ads:x:"`, where a
/// letter followed by `:` takes a value. Flags stop at the first non-flag word or `--`. The
/// few commands in [`LONG`] also take long spellings of some flags.
pub fn parse(
    name: &str,
    spec: &str,
    (min_args, max_args): (usize, usize),
    argv: &[String],
) -> Result<Args, String> {
    let mut args = Args::default();
    let mut i = 0;
    while let Some(word) = argv.get(i) {
        if word == "--" {
            i += 1;
            break;
        }
        if let Some(long) = word.strip_prefix("--") {
            i += long_flag(name, spec, long, argv.get(i + 1), &mut args)?;
            continue;
        }
        let Some(letters) = word.strip_prefix('-').filter(|l| !l.is_empty()) else {
            break;
        };
        for (at, c) in letters.char_indices() {
            match takes_value(spec, c) {
                None => return Err(format!("command {name}: unknown flag -{c}")),
                Some(false) => {
                    args.flags.insert(c, None);
                }
                Some(true) => {
                    let rest = &letters[at + c.len_utf8()..];
                    let value = if rest.is_empty() {
                        i += 1;
                        argv.get(i)
                            .cloned()
                            .ok_or_else(|| format!("command {name}: -{c} expects an argument"))?
                    } else {
                        rest.to_string()
                    };
                    args.flags.insert(c, Some(value));
                    break;
                }
            }
        }
        i += 1;
    }
    args.positional = argv.get(i..).unwrap_or_default().to_vec();
    if args.positional.len() < min_args {
        return Err(format!(
            "command {name}: too few arguments (need at least {min_args})"
        ));
    }
    if args.positional.len() > max_args {
        return Err(format!(
            "command {name}: too many arguments (need at most {max_args})"
        ));
    }
    Ok(args)
}

/// Returns whether flag `c` takes a value, or `None` if the spec has no such flag.
fn takes_value(spec: &str, c: char) -> Option<bool> {
    if c == ':' {
        return None;
    }
    let pos = spec.find(c)?;
    Some(spec[pos + c.len_utf8()..].starts_with(':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn clustered_flags_values_and_positionals() {
        let a = parse(
            "new-session",
            "Ads:x:y:",
            (0, 9),
            &words("-dA -s work -x80 top -d"),
        )
        .unwrap();
        assert!(a.has('d') && a.has('A'));
        assert_eq!(a.value('s'), Some("work"));
        assert_eq!(a.number('x', 1, 10000).unwrap(), Some(80));
        assert_eq!(a.positional, words("top -d"));
    }

    #[test]
    fn errors_name_the_command_and_flag() {
        assert_eq!(
            parse("new-session", "ds:", (0, 9), &words("-z")).unwrap_err(),
            "command new-session: unknown flag -z"
        );
        assert_eq!(
            parse("new-session", "ds:", (0, 9), &words("-s")).unwrap_err(),
            "command new-session: -s expects an argument"
        );
        assert_eq!(
            parse("has-session", "t:", (0, 0), &words("-t a extra")).unwrap_err(),
            "command has-session: too many arguments (need at most 0)"
        );
        assert_eq!(
            parse("rename-window", "t:", (1, 1), &[]).unwrap_err(),
            "command rename-window: too few arguments (need at least 1)"
        );
        assert!(parse("x", "t:", (0, 0), &words("-:")).is_err());
        let a = parse("x", "t:", (0, 9), &words("-- -t")).unwrap();
        assert_eq!(a.positional, words("-t"));
    }

    #[test]
    fn a_few_commands_take_long_flags() {
        let a = parse("log-pane", "pt:", (0, 1), &words("--plain -t %1 f")).unwrap();
        assert!(a.has('p'));
        assert_eq!(a.positional, words("f"));
        let a = parse("new-session", "dL:s:", (0, 9), &words("--layout x.mux -d")).unwrap();
        assert_eq!(a.value('L'), Some("x.mux"));
        assert!(a.has('d'));
        let a = parse("new-session", "dL:", (0, 9), &words("--layout=y")).unwrap();
        assert_eq!(a.value('L'), Some("y"));
        assert_eq!(
            parse("new-session", "dL:", (0, 9), &words("--layout")).unwrap_err(),
            "command new-session: --layout expects an argument"
        );
        assert_eq!(
            parse("kill-pane", "at:", (0, 0), &words("--plain")).unwrap_err(),
            "command kill-pane: unknown flag --plain"
        );
        assert_eq!(
            parse("log-pane", "pt:", (0, 1), &words("--plain=yes")).unwrap_err(),
            "command log-pane: --plain takes no argument"
        );
    }

    #[test]
    fn bad_numbers_are_refused() {
        let a = parse("new-session", "x:", (0, 0), &words("-x 0")).unwrap();
        assert!(a.number('x', 1, 10000).is_err());
        let a = parse("new-session", "x:", (0, 0), &words("-x abc")).unwrap();
        assert!(a.number('x', 1, 10000).is_err());
    }
}
