//! Parsing a command line as tmux does (key bindings, prompts, and later the config file):
//! words split on blanks, single and double quotes, backslash escapes, `#` comments, and
//! commands separated by a `;` word (`\;` is a literal semicolon).

/// Splits `line` into commands, each a list of words. Errors name the unclosed quote.
pub fn parse(line: &str) -> Result<Vec<Vec<String>>, String> {
    let mut commands = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' | '\r' => end_word(&mut words, &mut word, &mut in_word),
            '#' if !in_word => break,
            '{' if !in_word => {
                words.push(read_block(&mut chars)?);
            }
            '\'' => {
                in_word = true;
                read_until(&mut chars, '\'', &mut word, false)?;
            }
            '"' => {
                in_word = true;
                read_until(&mut chars, '"', &mut word, true)?;
            }
            '\\' => {
                in_word = true;
                if let Some(n) = chars.next() {
                    word.push(n);
                }
            }
            ';' if !in_word && chars.peek().is_none_or(|n| n.is_whitespace()) => {
                if !words.is_empty() {
                    commands.push(std::mem::take(&mut words));
                }
            }
            ';' if in_word && chars.peek().is_none_or(|n| n.is_whitespace()) => {
                end_word(&mut words, &mut word, &mut in_word);
                if !words.is_empty() {
                    commands.push(std::mem::take(&mut words));
                }
            }
            _ => {
                in_word = true;
                word.push(c);
            }
        }
    }
    end_word(&mut words, &mut word, &mut in_word);
    if !words.is_empty() {
        commands.push(words);
    }
    Ok(commands)
}

fn end_word(words: &mut Vec<String>, word: &mut String, in_word: &mut bool) {
    if *in_word {
        words.push(std::mem::take(word));
        *in_word = false;
    }
}

/// Reads a `{ ... }` block (after its `{`) up to the matching `}`, quotes respected, and
/// returns its inside as one word: a command line to run later.
fn read_block(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Result<String, String> {
    let mut depth = 1;
    let mut text = String::new();
    let mut quote: Option<char> = None;
    for c in chars.by_ref() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '{') => depth += 1,
            (None, '}') => {
                depth -= 1;
                if depth == 0 {
                    return Ok(text.trim().to_string());
                }
            }
            _ => {}
        }
        text.push(c);
    }
    Err("syntax error: missing }".into())
}

/// Reads a quoted string up to `close`; double quotes allow backslash escapes.
fn read_until(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    close: char,
    word: &mut String,
    escapes: bool,
) -> Result<(), String> {
    while let Some(c) = chars.next() {
        if c == close {
            return Ok(());
        }
        if escapes && c == '\\' {
            match chars.next() {
                Some('n') => word.push('\n'),
                Some('t') => word.push('\t'),
                Some(n) => word.push(n),
                None => break,
            }
            continue;
        }
        word.push(c);
    }
    Err(format!("syntax error: missing {close}"))
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
        assert_eq!(p("send-keys a;b"), vec![vec!["send-keys", "a;b"]]);
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
