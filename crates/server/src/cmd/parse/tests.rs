use super::*;

/// A context with a few variables, conditions true when they are `1`, and homes.
#[derive(Default)]
struct Test {
    vars: Vec<(String, String, bool)>,
}

impl Context for Test {
    fn var(&self, name: &str) -> Option<String> {
        match name {
            "HOME" => Some("/home/me".into()),
            "EMPTY" => Some(String::new()),
            _ => self
                .vars
                .iter()
                .rev()
                .find(|(n, _, _)| n == name)
                .map(|(_, v, _)| v.clone()),
        }
    }
    fn assign(&mut self, name: &str, value: &str, hidden: bool) {
        self.vars.push((name.into(), value.into(), hidden));
    }
    fn holds(&mut self, condition: &str) -> bool {
        condition == "1"
    }
    fn home(&self, user: Option<&str>) -> Option<String> {
        match user {
            None => Some("/home/me".into()),
            Some("bob") => Some("/home/bob".into()),
            Some(_) => None,
        }
    }
}

fn words(text: &str) -> Vec<Vec<String>> {
    let parsed = parse(text, &mut Test::default());
    assert_eq!(parsed.problems, vec![], "{text:?}");
    parsed.commands.into_iter().map(|c| c.words).collect()
}

fn problems(text: &str) -> Vec<(usize, String)> {
    let parsed = parse(text, &mut Test::default());
    parsed
        .problems
        .into_iter()
        .map(|p| (p.line, p.message))
        .collect()
}

#[test]
fn blanks_split_words_and_comments_end_lines() {
    assert_eq!(words("set -g mouse on"), [["set", "-g", "mouse", "on"]]);
    assert_eq!(words("  set\t-g x  # a comment"), [["set", "-g", "x"]]);
    assert_eq!(words("# only a comment\n\n"), Vec::<Vec<String>>::new());
    assert_eq!(words("set x a#b"), [["set", "x", "a#b"]]);
}

#[test]
fn quotes_and_escapes_as_tmux_reads_them() {
    assert_eq!(
        words(r#"set x 'a\nb $HOME'"#),
        [["set", "x", "a\\nb $HOME"]]
    );
    assert_eq!(
        words(r#"set x "\e[1m\u00e9\101\s|""#),
        [["set", "x", "\x1b[1méA |"]]
    );
    assert_eq!(words(r#"set x "say \"hi\"""#), [["set", "x", "say \"hi\""]]);
    assert_eq!(words(r"set x a\ b"), [["set", "x", "a b"]]);
    assert_eq!(words("set x ''"), [["set", "x", ""]]);
    assert_eq!(words("set x \"a\nb\""), [["set", "x", "a\nb"]]);
    assert_eq!(words(r"set x 'it'\''s'"), [["set", "x", "it's"]]);
}

#[test]
fn variables_and_homes_are_expanded_outside_single_quotes() {
    assert_eq!(
        words("set x $HOME/a${HOME}b$EMPTY$NOPE."),
        [["set", "x", "/home/me/a/home/meb."]]
    );
    assert_eq!(words("set x \"$HOME\""), [["set", "x", "/home/me"]]);
    assert_eq!(words("set x '$HOME'"), [["set", "x", "$HOME"]]);
    assert_eq!(words("set x $ ${"), [["set", "x", "$", "${"]]);
    assert_eq!(
        words("source ~/.tmux.conf ~bob/x \"~/y\" a~"),
        [[
            "source",
            "/home/me/.tmux.conf",
            "/home/bob/x",
            "/home/me/y",
            "a~"
        ]]
    );
    assert_eq!(words("set x ~nobody/z"), [["set", "x", "~nobody/z"]]);
}

#[test]
fn semicolons_separate_commands_in_one_group() {
    let parsed = parse(
        "new-window ; split-window -h; kill-pane\nlast-pane",
        &mut Plain,
    );
    let got: Vec<(usize, usize, String)> = parsed
        .commands
        .iter()
        .map(|c| (c.line, c.group, c.words[0].clone()))
        .collect();
    assert_eq!(
        got,
        [
            (1, 0, "new-window".to_string()),
            (1, 0, "split-window".to_string()),
            (1, 0, "kill-pane".to_string()),
            (2, 1, "last-pane".to_string()),
        ]
    );
    assert_eq!(words("send-keys \\;"), [["send-keys", ";"]]);
    assert_eq!(words("send-keys a;b"), [vec!["send-keys", "a"], vec!["b"]]);
}

#[test]
fn a_backslash_at_the_end_of_a_line_goes_on() {
    let parsed = parse("set -g status-right \\\n  'x'\nlast", &mut Plain);
    assert_eq!(parsed.commands[0].words, ["set", "-g", "status-right", "x"]);
    assert_eq!(parsed.commands[1].line, 3);
}

#[test]
fn blocks_are_one_word_and_may_span_lines() {
    assert_eq!(
        words("bind x {\n  display a # note }\n  display '}'\n}\nlast"),
        [vec!["bind", "x", "display a \n  display '}'"], vec!["last"]]
    );
    assert_eq!(
        words("if -F 1 { display a } { display b ; display c }"),
        [["if", "-F", "1", "display a", "display b ; display c"]]
    );
    assert_eq!(
        words("bind y { if -F 1 { display a } }"),
        [["bind", "y", "if -F 1 { display a }"]]
    );
    assert_eq!(words("set x a{b"), [["set", "x", "a{b"]]);
    assert_eq!(
        problems("bind x { oops\nset y 1"),
        [(1, "syntax error: missing }".to_string())]
    );
}

#[test]
fn formats_keep_blanks_and_hashes_without_quotes() {
    assert_eq!(
        words("set x #{?#{session_name},yes no,no} #S"),
        [["set", "x", "#{?#{session_name},yes no,no}"]]
    );
}

#[test]
fn assignments_and_hidden_variables_are_made_in_order() {
    let mut cx = Test::default();
    let parsed = parse(
        "A=one\n%hidden B=\"two words\"\nset x \"$A $B\"\nA=three",
        &mut cx,
    );
    assert_eq!(parsed.commands[0].words, ["set", "x", "one two words"]);
    let made: Vec<(&str, &str, bool)> = cx
        .vars
        .iter()
        .map(|(n, v, h)| (n.as_str(), v.as_str(), *h))
        .collect();
    assert_eq!(
        made,
        [
            ("A", "one", false),
            ("B", "two words", true),
            ("A", "three", false)
        ]
    );
    assert_eq!(words("set x A=b"), [["set", "x", "A=b"]]);
}

#[test]
fn if_elif_else_pick_the_branch_that_holds() {
    let text = "%if 0\nset a\n%elif 1\nset b\n%elif 1\nset c\n%else\nset d\n%endif\nset e";
    assert_eq!(words(text), [["set", "b"], ["set", "e"]]);
    let text = "%if 0\nset a\n%else\nset d\n%endif";
    assert_eq!(words(text), [["set", "d"]]);
    let text = "%if 0\n%if 1\nset a\n%else\nset b\n%endif\n%else\nset c\n%endif";
    assert_eq!(words(text), [["set", "c"]]);
    let mut cx = Test::default();
    parse("%if 0\nX=1\n%endif", &mut cx);
    assert!(
        cx.vars.is_empty(),
        "no assignment in a branch that does not run"
    );
}

#[test]
fn problems_name_their_line_and_parsing_goes_on() {
    assert_eq!(
        problems("set a 1\nset b 'x\nset c 3"),
        [(2, "syntax error: missing '".to_string())]
    );
    let parsed = parse("set a \"x\nset c 3", &mut Plain);
    assert_eq!(parsed.problems[0].message, "syntax error: missing \"");
    assert_eq!(
        problems("%else\n%endif\n%if 1\nset x a}b"),
        [
            (1, "syntax error: %else without %if".to_string()),
            (2, "syntax error: %endif without %if".to_string()),
            (4, "syntax error: unexpected }".to_string()),
            (4, "syntax error: missing %endif".to_string()),
        ]
    );
    let parsed = parse("set a 'x\nset b 2\n", &mut Plain);
    assert!(parsed.commands.is_empty(), "the quote takes the rest");
    let parsed = parse("bad \\u12\nset b 2", &mut Plain);
    assert_eq!(parsed.problems[0].line, 1);
    assert_eq!(parsed.commands[0].words, ["set", "b", "2"]);
}

#[test]
fn arguments_split_at_semicolon_words() {
    let w = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        split_arguments(&w(&["source", "x", ";", "display", "hi", "a\\;"])),
        vec![w(&["source", "x"]), w(&["display", "hi", "a;"])]
    );
    assert_eq!(split_arguments(&w(&[";", ";"])), Vec::<Vec<String>>::new());
}
