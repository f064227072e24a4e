// $antlr-format alignTrailingComments true, columnLimit 150, maxEmptyLinesToKeep 1, reflowComments false, useTab false
// $antlr-format allowShortRulesOnASingleLine true, allowShortBlocksOnASingleLine true, minEmptyLines 0, alignSemicolons ownLine
// $antlr-format alignColons trailing, singleLineOverrulesHangingColon true, alignLexerCommands true, alignLabels true, alignTrailers true

/*
 * Lexer for one logical line of a GitLab CI job trace.
 *
 * Why a lexer and no parser grammar: a trace has no nesting that a parse tree could express better
 * than a stack (sections open and close by name, may be left unclosed, and `section_end` for a name
 * that is not open is ignored, as GitLab's own converter does). The lexer names every structural
 * element of a line - section markers, SGR colour changes, other control sequences, bare carriage
 * returns, escape remnants, web-UI line anchors - and TraceBuilder turns the token stream into the
 * trace model. Lexing line by line keeps memory bounded by the longest line, so a 100 MB trace streams.
 *
 * Line-level shapes that need the next physical line (the FF_TIMESTAMPS header with its `+`
 * continuations) are removed before lexing by LogLineReader; those that need a view of the whole log
 * (web-UI line numbers and clock times, `> ` quoting) are removed by TraceBuilder as LogShape decided
 * for the log; see their Javadoc.
 *
 * Every input character ends up in exactly one token: there is no error token, because a job log may
 * contain anything and none of it is a syntax error.
 */
lexer grammar JobLogLexer;

options {
    superClass = JobLogLexerBase;
}

// ---- section markers (helpers/build_section.go, lib/gitlab/regex.rb) ----
// `section_start:<unix seconds>:<name>[options]\r\e[0K`, glued to whatever follows. The suffix makes a
// marker longer than any other token starting at the same `s`, so longest-match picks the marker.

SECTION_START: 'section_start:' EPOCH ':' NAME OPTIONS? MARKER_SUFFIX;

SECTION_END: 'section_end:' EPOCH ':' NAME OPTIONS? MARKER_SUFFIX;

// Copies where the marker's `\r` was rendered as a line break: the marker ends the line.
SECTION_START_AT_EOL: 'section_start:' EPOCH ':' NAME OPTIONS? {atEndOfLine()}?;

SECTION_END_AT_EOL: 'section_end:' EPOCH ':' NAME OPTIONS? {atEndOfLine()}?;

// ---- control sequences (helpers/ansi_colors.go; GitLab interprets SGR only and drops the rest) ----

SGR: ESC '[' [0-9;:]* 'm';

CONTROL_SEQUENCE: ESC '[' [\u0030-\u003F]* [\u0020-\u002F]* [\u0040-\u007E];

OPERATING_SYSTEM_COMMAND: ESC ']' ~[\u0007\u001B]* ('\u0007' | ESC '\\')?;

LONE_ESCAPE: ESC ~[[\]]?;

// ---- escapes whose ESC byte was rewritten or stripped on the way to the user ----
// `#033[0;33m` (syslog) and `^[[0K` (caret notation) are unambiguous. A bare `[0K` or `[36;1m` is an
// escape only in logs whose ESC bytes were stripped, which LogShape decides for the whole log; so is
// the caret notation's `^M` for a carriage return (`cat -v`, vim), which ordinary text may contain.

VISIBLE_ESCAPE: ('#033' | '^[') '[' [0-9;]* [A-Za-z];

STRIPPED_ESCAPE: '[' [0-9;]* [mKJ] {escapesStripped()}?;

VISIBLE_CARRIAGE_RETURN: '^M' {escapesStripped()}?;

// ---- web-UI copies ----
// A line-number anchor pasted as a markdown link, e.g. `[12](https://gitlab.example.com/g/p/-/jobs/7#L12)`.

LINE_ANCHOR_LINK: '[' ~[\]\r\n]* '](' ~[)\r\n \t]* '#L' [0-9]+ ')';

// ---- terminal overwrite ----
// A bare carriage return clears what the line collected so far (progress bars); the line splitter has
// already removed the `\r` of CRLF line ends.

CARRIAGE_RETURN: '\r';

// NUL and the other C0 controls (TAB excepted) carry nothing a reader can see.
INVISIBLE_CONTROL: [\u0000-\u0008\u000B\u000C\u000E-\u001A\u001C-\u001F\u007F]+;

// ---- text ----
// TEXT stops before every character that can begin a longer token (`s` of `section_`, `[`, `#`, `^`),
// so a marker glued to the end of ordinary text is still found. An `s` not followed by `e` can stay
// inside TEXT, which keeps ordinary words in one token.

TEXT: (PLAIN | 's' PLAIN_BUT_E)+;

TEXT_CHAR: .;

fragment ESC: '\u001B';

fragment EPOCH: [0-9]+;

fragment NAME: [a-zA-Z0-9_.-]+;

fragment OPTIONS: '[' ~[\]\r\n]* ']';

// a copy may also have dropped the `\r` and kept the erase-line escape right after the name
fragment MARKER_SUFFIX: ('\r' | '^M') (ESC | '^[' | '#033')? '[0K' | '\r' | '^M' | (ESC | '^[' | '#033') '[0K';

fragment PLAIN: ~[\u0000-\u0008\u000A-\u001F\u007F[#^s];

fragment PLAIN_BUT_E: ~[\u0000-\u0008\u000A-\u001F\u007F[#^se];
