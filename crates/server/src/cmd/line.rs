//! One command line — a key binding, a prompt's input, a branch of `if-shell`, a hook —
//! parsed into commands with the command language of [`super::parse`].

use super::parse::{self, Context};

/// Splits `line` into commands, each a list of words, expanding nothing (the test harness
/// splits command lines so). Errors are the first syntax problem.
#[cfg(test)]
pub fn parse(line: &str) -> Result<Vec<Vec<String>>, String> {
    parse_in(line, &mut parse::Plain)
}

/// Splits `line` into commands with `cx` answering `$VAR`, `~` and `%if`.
pub fn parse_in(line: &str, cx: &mut dyn Context) -> Result<Vec<Vec<String>>, String> {
    let parsed = parse::parse(line, cx);
    if let Some(problem) = parsed.problems.first() {
        return Err(problem.message.clone());
    }
    Ok(parsed.commands.into_iter().map(|c| c.words).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Vec<Vec<String>> {
        parse(s).expect("parses")
    }

    #[test]
    fn words_quotes_and_escapes() {
        assert_eq!(p("split-window -h"), vec![vec!["split-window", "-h"]]);
        assert_eq!(
            p("rename-window -- 'it'\\''s ok'"),
            vec![vec!["rename-window", "--", "it's ok"]]
        );
        assert_eq!(
            p(r#"display "a \"b\" c""#),
            vec![vec!["display", "a \"b\" c"]]
        );
        assert_eq!(p("send-keys a\\ b"), vec![vec!["send-keys", "a b"]]);
        assert_eq!(p("  "), Vec::<Vec<String>>::new());
        assert_eq!(p("set -g x 1 # comment"), vec![vec!["set", "-g", "x", "1"]]);
        assert_eq!(
            p("display '#{pane_id}'"),
            vec![vec!["display", "#{pane_id}"]]
        );
    }

    #[test]
    fn semicolons_separate_commands() {
        assert_eq!(
            p("new-window ; split-window -h; kill-pane"),
            vec![
                vec!["new-window"],
                vec!["split-window", "-h"],
                vec!["kill-pane"]
            ]
        );
        assert_eq!(p("send-keys \\;"), vec![vec!["send-keys", ";"]]);
    }

    #[test]
    fn braces_make_one_word() {
        assert_eq!(
            p("command-prompt -I \"#W\" { rename-window \"%%\" }"),
            vec![vec!["command-prompt", "-I", "#W", "rename-window \"%%\""]]
        );
        assert!(parse("bind x { oops").is_err());
    }

    #[test]
    fn unclosed_quotes_are_errors() {
        assert!(parse("display 'oops").is_err());
        assert!(parse("display \"oops").is_err());
    }
}
