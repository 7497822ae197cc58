#!/usr/bin/env python3
"""Records the golden scenarios for crates/term-emu/tests/golden.rs.

    python3 record.py NAME...         record NAME.bytes, then capture the expected screen
    python3 record.py --all           every scenario
    python3 record.py --replay NAME   only redo the expected screen from the existing NAME.bytes
    python3 record.py --list          list scenarios

Recording: the program runs in a fresh PTY of exactly 80x24 with a fixed environment
(TERM=xterm-256color, LANG=C.UTF-8, TZ=UTC, HOME=/tmp/mux-golden/home, working directory
/tmp/mux-golden/work, no LS_COLORS). Keystrokes are sent after the output has been quiet for a
while; every byte the program writes until the scenario says "stop" is saved to NAME.bytes.
After that the program is told to quit (or killed); its exit output is not recorded.
Terminal queries are deliberately left unanswered unless a scenario needs them (vim, the only
program here that asks, carries on after its timeout).

Expected screen: NAME.bytes is replayed by `cat` in a tmux 3.3a pane of exactly 80x24
(`tmux -L golden -f /dev/null`, status off, `stty raw -echo` so that tmux does not add CRs
and query replies are not echoed). When the pane is stable:
    capture-pane -p     -> NAME.screen   (24 lines of plain text)
    capture-pane -p -e  -> NAME.screen-e (24 lines with SGR sequences)
    display -p '#{cursor_x},#{cursor_y},#{cursor_flag}' -> NAME.cursor
"""

import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = "/tmp/mux-golden"
HOME = BASE + "/home"
WORK = BASE + "/work"
ROWS, COLS = 24, 80
TMUX = ["tmux", "-L", "golden", "-f", "/dev/null"]


def env(extra=None):
    e = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": HOME,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
        "USER": "golden",
        "LOGNAME": "golden",
        "SHELL": "/bin/sh",
        "PAGER": "less",
        "LESSHISTFILE": "-",
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    if extra:
        e.update(extra)
    return e


def sh(cmd, cwd=WORK, extra=None):
    subprocess.run(["sh", "-ec", cmd], cwd=cwd, env=env(extra), check=True,
                   stdout=subprocess.DEVNULL)


def fresh_dirs():
    shutil.rmtree(BASE, ignore_errors=True)
    os.makedirs(HOME)
    os.makedirs(WORK)


# ---------------------------------------------------------------- scenario set-up


RUST_SRC = """\
// A small file for the golden test.
use std::collections::HashMap;

/// Counts the wrods in a text.
fn count(text: &str) -> HashMap<&str, usize> {
    let mut map = HashMap::new();
    for word in text.split_whitespace() {
        *map.entry(word).or_insert(0) += 1;
    }
    map
}

fn main() {
    let n = 42;
    let s = "hello, wrold";
    println!("{} {:?}", n, count(s));
}
"""


def setup_vim():
    with open(WORK + "/main.rs", "w") as f:
        f.write(RUST_SRC)


def setup_less():
    with open(WORK + "/numbers.txt", "w") as f:
        for i in range(1, 101):
            f.write("line %3d: %s\n" % (i, "the quick brown fox jumps over the lazy dog"[: 10 + i % 34]))


def setup_git():
    d = WORK + "/repo"
    os.makedirs(d)
    ident = {
        "GIT_AUTHOR_NAME": "Golden", "GIT_AUTHOR_EMAIL": "golden@example.com",
        "GIT_COMMITTER_NAME": "Golden", "GIT_COMMITTER_EMAIL": "golden@example.com",
    }
    n = [0]

    def commit(msg, files=None):
        n[0] += 1
        date = "2024-01-01T12:%02d:00Z" % n[0]
        x = dict(ident, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
        fname = files or "f%d.txt" % n[0]
        sh("echo %d > %s && git add -A && git commit -q -m '%s'" % (n[0], fname, msg), cwd=d, extra=x)

    def merge(branch, msg):
        n[0] += 1
        date = "2024-01-01T12:%02d:00Z" % n[0]
        x = dict(ident, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
        sh("git merge -q --no-ff -m \"%s\" %s" % (msg, branch), cwd=d, extra=x)

    sh("git init -q -b main . && git config core.pager cat", cwd=d)
    commit("Initial commit")
    commit("Add README")
    sh("git checkout -q -b feature", cwd=d)
    commit("Feature: parser")
    commit("Feature: tests")
    sh("git checkout -q main", cwd=d)
    commit("Fix typo in README")
    sh("git checkout -q -b topic", cwd=d)
    commit("Topic: one")
    sh("git checkout -q main", cwd=d)
    merge("feature", "Merge branch 'feature'")
    commit("Bump version")
    merge("topic", "Merge branch 'topic'")
    sh("git tag v1.0", cwd=d)
    commit("Start 1.1")


def setup_ls():
    d = WORK + "/lsdir"
    os.makedirs(d)
    sh("""
        mkdir subdir
        printf 'hello\\n' > plain.txt
        printf '#!/bin/sh\\necho hi\\n' > run.sh && chmod 755 run.sh
        ln -s plain.txt link.txt
        ln -s missing broken-link
        printf 'x' > archive.tar.gz
        mkdir sticky && chmod 1777 sticky
        for f in subdir plain.txt run.sh archive.tar.gz sticky; do touch -d '2024-01-02 03:04:05' $f; done
        touch -h -d '2024-01-02 03:04:05' link.txt broken-link
        touch -d '2024-01-02 03:04:05' .
    """, cwd=d)


CURSES_BOX = r"""
import curses, sys
def main(w):
    curses.curs_set(0)
    w.clear()
    win = curses.newwin(9, 40, 5, 20)
    win.box()
    win.addstr(0, 3, " Golden box ")
    win.addstr(2, 3, "Line drawing with win.box()")
    win.addstr(4, 3, "ACS: ")
    win.addch(curses.ACS_DIAMOND); win.addch(curses.ACS_CKBOARD); win.addch(curses.ACS_DEGREE)
    win.addch(curses.ACS_PLMINUS); win.addch(curses.ACS_BULLET); win.addch(curses.ACS_PLUS)
    win.addstr(6, 3, "bold", curses.A_BOLD)
    win.addstr(6, 9, "reverse", curses.A_REVERSE)
    w.noutrefresh(); win.noutrefresh(); curses.doupdate()
    w.getch()
curses.wrapper(main)
"""


def setup_curses():
    with open(WORK + "/box.py", "w") as f:
        f.write(CURSES_BOX)


WIDE_SCRIPT = r"""
printf 'CJK: \344\275\240\345\245\275\344\270\226\347\225\214 (ni hao shi jie)\r\n'
printf 'Emoji VS16: [\342\235\244\357\270\217] heart, [\342\234\210\357\270\217] plane\r\n'
printf 'Emoji wide: [\360\237\230\200] [\360\237\221\215]\r\n'
printf 'Combining: [e\314\201] [a\314\210o\314\210] [n\314\203]\r\n'
printf 'Mixed: a\344\270\255b\346\226\207c\r\n'
# 79 narrow columns then a wide character: it does not fit and wraps to the next row.
printf '%079d' 0; printf '\344\270\255|after wrap\r\n'
# 78 narrow columns then a wide character: it lands exactly in the last two columns.
printf '%078d' 0; printf '\345\255\227'; printf '\r\n'
printf 'Box: \342\224\214\342\224\200\342\224\220 Greek: \316\261\316\262\316\263 Arrows: \342\206\220\342\206\222\r\n'
# The cursor ends after the heart: its column tells the width the terminal gave it.
printf 'end [\342\235\244\357\270\217]'
"""


def setup_wide():
    with open(WORK + "/wide.sh", "w") as f:
        f.write(WIDE_SCRIPT)


# ---------------------------------------------------------------- scenarios
# steps: ("wait", quiet seconds, max seconds) | ("send", bytes) | ("stop",)
# After the steps (or "stop"), `quit` is sent and the program is given 3 s to exit.

VIM_CMD = (
    "vim -u NONE -i NONE -N -n"
    " -c 'set noswapfile laststatus=2 ruler number t_Co=256'"
    " -c 'syntax on' -c 'colorscheme habamax'"
    " -c 'exe \"set t_Cs=\\e[4:3m t_Ce=\\e[4:0m t_AU=\\e[58;5;%dm\"'"
    " -c 'set spell spelllang=en'"
    " -c 'hi SpellBad cterm=undercurl ctermul=1'"
    " -c 'hi SpellCap NONE' -c 'hi SpellRare NONE' -c 'hi SpellLocal NONE'"
    " main.rs"
)

SCENARIOS = {
    "vim": dict(setup=setup_vim, cmd=VIM_CMD,
                steps=[("wait", 1.5, 10), ("send", b"4G"), ("wait", 1.0, 5), ("stop",)],
                quit=b"\x1b:qa!\r"),
    "htop": dict(cmd="htop -d 100", steps=[("wait", 2.0, 10), ("stop",)], quit=b"q"),
    "top": dict(cmd="top -d 100", steps=[("wait", 2.0, 10), ("stop",)], quit=b"q"),
    "less": dict(setup=setup_less, cmd="less numbers.txt",
                 steps=[("wait", 1.0, 5), ("send", b" "), ("wait", 1.0, 5), ("stop",)], quit=b"q"),
    "man": dict(cmd="man ls", extra={"MANPAGER": "less", "MANWIDTH": "80", "MAN_KEEP_FORMATTING": "1"},
                steps=[("wait", 2.0, 15), ("stop",)], quit=b"q"),
    "git-log": dict(setup=setup_git, cmd="cd repo && git log --graph --color --oneline --decorate --all",
                    steps=[("wait", 1.0, 10)]),
    "ls": dict(setup=setup_ls, cmd="cd lsdir && ls --color=always -l --time-style=long-iso",
               steps=[("wait", 1.0, 10)]),
    # ncurses in a UTF-8 locale with TERM=xterm-256color draws lines with DEC special graphics
    # (ESC ( 0 ... ESC ( B); NCURSES_NO_UTF8_ACS=1 makes it write UTF-8 box characters instead.
    "dialog": dict(cmd="dialog --title 'Golden dialog' --msgbox 'Box drawing from ncurses dialog: DEC special graphics (ESC ( 0).' 10 50",
                   steps=[("wait", 1.5, 10), ("stop",)], quit=b"\r"),
    "dialog-utf8": dict(cmd="dialog --title 'Golden dialog' --msgbox 'Box drawing with NCURSES_NO_UTF8_ACS=1: UTF-8 box characters.' 10 50",
                        extra={"NCURSES_NO_UTF8_ACS": "1"},
                        steps=[("wait", 1.5, 10), ("stop",)], quit=b"\r"),
    "curses-box": dict(setup=setup_curses, cmd="python3 box.py",
                       steps=[("wait", 1.5, 10), ("stop",)], quit=b"q"),
    "wide": dict(setup=setup_wide, cmd="sh wide.sh", steps=[("wait", 1.0, 5)]),
}


# ---------------------------------------------------------------- recording


def record(name):
    sc = SCENARIOS[name]
    fresh_dirs()
    if sc.get("setup"):
        sc["setup"]()
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(WORK)
        os.execve("/bin/sh", ["/bin/sh", "-c", sc["cmd"]], env(sc.get("extra")))
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    out = bytearray()
    done = [False]

    def pump(quiet, limit, keep=True):
        start = last = time.time()
        while True:
            now = time.time()
            if now - last >= quiet or now - start >= limit:
                return
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    data = b""
                if not data:
                    done[0] = True
                    return
                if keep:
                    out.extend(data)
                last = time.time()

    stopped = False
    for step in sc["steps"]:
        if step[0] == "wait":
            pump(step[1], step[2])
        elif step[0] == "send":
            os.write(fd, step[1])
        elif step[0] == "stop":
            stopped = True
            break
        if done[0]:
            break
    if not stopped and not done[0]:
        pump(1.0, 10)
    if not done[0]:
        if sc.get("quit"):
            try:
                os.write(fd, sc["quit"])
            except OSError:
                pass
        pump(0.5, 3, keep=False)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    path = os.path.join(HERE, name + ".bytes")
    with open(path, "wb") as f:
        f.write(out)
    print("%s: %d bytes" % (path, len(out)))


# ---------------------------------------------------------------- expected screens


def tmux(*args, check=True):
    return subprocess.run(TMUX + list(args), check=check, capture_output=True).stdout.decode()


# DEC special graphics, as xterm draws them.
DEC_GRAPHICS = dict(zip(
    "`abcdefghijklmnopqrstuvwxyz{|}~",
    "\u25c6\u2592\u2409\u240c\u240d\u240a\u00b0\u00b1\u2424\u240b\u2518\u2510\u250c\u2514"
    "\u253c\u23ba\u23bb\u2500\u23bc\u23bd\u251c\u2524\u2534\u252c\u2502\u2264\u2265\u03c0"
    "\u2260\u00a3\u00b7"))


def translate_acs(plain, styled, name):
    """Returns the plain capture with tmux's line-drawing cells drawn as Unicode.

    tmux keeps a DEC special graphics cell as its ASCII letter with a charset flag: the plain
    capture shows "lqqk", the -e capture wraps such runs in SO ... SI. A terminal (and
    term-emu's cell text) shows them as box characters, so the expected text is made from the
    -e capture: SGR sequences dropped, SO/SI runs mapped through DEC_GRAPHICS, trailing blanks
    trimmed. Without SO in the capture this must equal the plain capture exactly.
    """
    import re
    out_lines = []
    acs = False
    for line in styled.split("\n")[:-1] if styled.endswith("\n") else styled.split("\n"):
        text = []
        i = 0
        line = re.sub(r"\x1b\[[0-9;:]*m", "", line)
        for ch in line:
            if ch == "\x0e":
                acs = True
            elif ch == "\x0f":
                acs = False
            else:
                text.append(DEC_GRAPHICS.get(ch, ch) if acs else ch)
        out_lines.append("".join(text).rstrip(" "))
    result = "".join(l + "\n" for l in out_lines)
    if "\x0e" not in styled:
        if result != plain:
            raise SystemExit("%s: -e capture does not match the plain capture" % name)
        return plain
    print("%s: DEC special graphics cells translated to Unicode in %s.screen" % (name, name))
    return result


def replay(name):
    path = os.path.join(HERE, name + ".bytes")
    sess = "golden-" + name
    tmux("kill-session", "-t", sess, check=False)
    tmux("new-session", "-d", "-s", sess, "-x", str(COLS), "-y", str(ROWS),
         "sleep 1; stty raw -echo; cat '%s'; exec sleep 100000" % path,
         ";", "set", "-g", "status", "off",
         ";", "set", "-g", "default-size", "%dx%d" % (COLS, ROWS),
         ";", "set", "-g", "history-limit", "0")
    try:
        time.sleep(0.3)
        size = tmux("display", "-p", "-t", sess, "#{pane_width}x#{pane_height}").strip()
        if size != "%dx%d" % (COLS, ROWS):
            raise SystemExit("%s: pane is %s, not %dx%d" % (name, size, COLS, ROWS))
        # The pane runs `sleep 1` first (so the options above apply before cat writes), then
        # cat; it is done when its command is the final sleep and two captures agree.
        time.sleep(1.5)
        deadline = time.time() + 20
        while True:
            cmd = tmux("display", "-p", "-t", sess, "#{pane_current_command}").strip()
            if cmd == "sleep":
                a = tmux("capture-pane", "-p", "-e", "-t", sess)
                time.sleep(0.5)
                b = tmux("capture-pane", "-p", "-e", "-t", sess)
                if a == b:
                    break
            if time.time() > deadline:
                raise SystemExit("%s: pane did not settle" % name)
            time.sleep(0.3)
        size = tmux("display", "-p", "-t", sess, "#{pane_width}x#{pane_height}").strip()
        assert size == "%dx%d" % (COLS, ROWS), size
        plain = tmux("capture-pane", "-p", "-t", sess)
        styled = tmux("capture-pane", "-p", "-e", "-N", "-t", sess)
        cursor = tmux("display", "-p", "-t", sess, "#{cursor_x},#{cursor_y},#{cursor_flag}")
    finally:
        tmux("kill-session", "-t", sess, check=False)
    plain = translate_acs(plain, styled, name)
    for ext, text in (("screen", plain), ("screen-e", styled), ("cursor", cursor)):
        with open(os.path.join(HERE, name + "." + ext), "w") as f:
            f.write(text)
    print("%s: %d screen lines, cursor %s" % (name, len(plain.splitlines()), cursor.strip()))


def main():
    args = sys.argv[1:]
    if not args or args == ["--list"]:
        print("\n".join(SCENARIOS))
        return
    only_replay = False
    if args[0] == "--replay":
        only_replay = True
        args = args[1:]
    if args == ["--all"]:
        args = list(SCENARIOS)
    for name in args:
        if name not in SCENARIOS:
            raise SystemExit("unknown scenario %s" % name)
        if not only_replay:
            record(name)
        replay(name)
    # Leave no server behind.
    tmux("kill-server", check=False)


if __name__ == "__main__":
    main()
